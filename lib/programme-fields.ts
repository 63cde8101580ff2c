// The programme's maintained fields as the administrator types them, and the field-by-field
// difference every edit is recorded with. Names are typed one per line in gazette order
// (the first 牵头单位 compiles the report; a unit's own name may hold "、", as in the
// collective "各镇政府、街道办"); metrics one per line as
// "标签｜数值｜单位｜以上/左右/确数/区间｜累计/比率".
import { COMPARATOR_LABEL, METRIC_KIND_LABEL } from "./metric-text";
import { COMPARATORS, METRIC_KINDS, type Comparator, type MetricKind } from "./vocabulary";

export interface MetricInput {
  label: string;
  target: number;
  targetMax: number | null;
  unit: string;
  comparator: Comparator;
  kind: MetricKind;
}

/** One name per line → the names in order, blank lines dropped. */
export function parseNameList(text: string): string[] {
  return text
    .split("\n")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** Names as the history and lists show them. */
export const joinNames = (names: readonly string[]) => names.join("、");

/** Names as the form edits them, one per line. */
export const nameLines = (names: readonly string[]) => names.join("\n");

/** The names given twice, for an error message. */
export function repeatedNames(names: readonly string[]): string[] {
  return [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
}

const COMPARATOR_WORD: Record<Comparator, string> = { atLeast: "以上", about: "左右", exact: "确数", range: "区间" };
const KIND_WORD: Record<MetricKind, string> = { cumulative: "累计", rate: "比率" };

/** One metric as the line the form shows: "新增城镇就业｜6000｜人｜以上｜累计". */
export function formatMetricLine(m: MetricInput): string {
  const value = m.comparator === "range" ? `${m.target}-${m.targetMax ?? m.target}` : String(m.target);
  return [m.label, value, m.unit, COMPARATOR_WORD[m.comparator], KIND_WORD[m.kind]].join("｜");
}

const NUMBER = /^-?\d+(?:\.\d+)?$/;

/** The metric lines typed in the form, or the errors of the lines that cannot be read. */
export function parseMetricLines(text: string): { ok: true; metrics: MetricInput[] } | { ok: false; errors: string[] } {
  const metrics: MetricInput[] = [];
  const errors: string[] = [];
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
  lines.forEach((line, i) => {
    const at = `第 ${i + 1} 行指标`;
    const parts = line.split(/[｜|]/).map((p) => p.trim());
    if (parts.length !== 5) return void errors.push(`${at}应为“标签｜数值｜单位｜比较方式｜类型”五栏。`);
    const [label, value, unit, comparatorWord, kindWord] = parts as [string, string, string, string, string];
    const comparator = COMPARATORS.find((c) => COMPARATOR_WORD[c] === comparatorWord);
    const kind = METRIC_KINDS.find((k) => KIND_WORD[k] === kindWord);
    if (label === "" || label.length > 100) errors.push(`${at}的标签须为 1–100 个字。`);
    if (unit === "" || unit.length > 20) errors.push(`${at}的单位须为 1–20 个字。`);
    if (!comparator)
      errors.push(
        `${at}的比较方式须为：${COMPARATORS.map((c) => COMPARATOR_WORD[c]).join("、")}（${COMPARATORS.map((c) => COMPARATOR_LABEL[c]).join("；")}）。`,
      );
    if (!kind) errors.push(`${at}的类型须为：${METRIC_KINDS.map((k) => METRIC_KIND_LABEL[k]).join("或")}。`);
    const span = value.split(/(?<=\d)\s*[-–—~～]\s*/);
    const numbers = span.map((v) => (NUMBER.test(v) ? Number(v) : Number.NaN));
    const expected = comparator === "range" ? 2 : 1;
    if (numbers.length !== expected || numbers.some((n) => !Number.isFinite(n))) {
      errors.push(comparator === "range" ? `${at}的数值须为区间，如“1-2”。` : `${at}的数值须为一个数，如“6000”。`);
    } else if (expected === 2 && numbers[0]! > numbers[1]!) {
      errors.push(`${at}的区间下限不能大于上限。`);
    }
    if (errors.length === 0 && comparator && kind) {
      metrics.push({ label, unit, comparator, kind, target: numbers[0]!, targetMax: comparator === "range" ? numbers[1]! : null });
    }
  });
  return errors.length ? { ok: false, errors } : { ok: true, metrics };
}

/** The maintained fields of a task, each as the text the history shows. */
export type TaskFieldText = {
  target: string;
  section: string;
  leaders: string;
  leadUnits: string;
  coopUnits: string;
  metrics: string;
  needsVerification: string;
  note: string;
};

export const TASK_FIELD_LABEL: Record<keyof TaskFieldText, string> = {
  target: "目标任务",
  section: "所属板块",
  leaders: "牵头领导",
  leadUnits: "牵头单位",
  coopUnits: "配合单位",
  metrics: "量化指标",
  needsVerification: "待核实",
  note: "核实说明",
};

export const verificationText = (flagged: boolean) => (flagged ? "待核实" : "已核实");

export type FieldChange = { field: string; before: string; after: string };

/** The fields that differ, labelled in Chinese, in form order. */
export function diffFields<T extends Record<string, string>>(labels: Record<keyof T, string>, before: T, after: T): FieldChange[] {
  return (Object.keys(labels) as (keyof T)[]).filter((k) => before[k] !== after[k]).map((k) => ({ field: labels[k], before: before[k], after: after[k] }));
}
