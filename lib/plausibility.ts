// Numbers that are allowed but look wrong, which a unit confirms with a reason before it
// submits (the reason goes to the 督查室 with the report): a cumulative figure above the
// annual target or the project's total (500 套 against 132), lower than an earlier quarter's
// submitted figure (cumulative figures do not go down), or a decimal where the unit counts
// whole things (33.5 套). Rates (%, 亿元 growth…) are judged by the status rules, not here.
import { formatNumber, formatWithUnit } from "./metric-values";
import { quarterShort } from "./periods";
import { valueKeys, type PartForProgress } from "./project-progress";
import { projectField } from "./project-report-input";
import { reportField } from "./report-form";

export const PLAUSIBILITY_KINDS = ["aboveCeiling", "belowEarlier", "decimalCount"] as const;
export type PlausibilityKind = (typeof PLAUSIBILITY_KINDS)[number];

export interface PlausibilityWarning {
  /** The form field the number was typed in. */
  field: string;
  kind: PlausibilityKind;
  text: string;
}

/** A warning the unit confirmed, kept with the report. */
export interface PlausibilityConfirmation extends PlausibilityWarning {
  reason: string;
}

export interface PlausibilityInput {
  field: string;
  label: string;
  unit: string;
  kind: "cumulative" | "rate";
  value: number | null;
  /** The annual target (the upper end of a range) or the project part's total. */
  ceiling: { value: number; what: "年度目标" | "总数" } | null;
  /** The highest cumulative figure submitted for an earlier quarter of the year. */
  earlier: { value: number; periodCode: string } | null;
}

/** Units that count whole things: a figure in them has no decimals. */
export const COUNT_UNITS: readonly string[] = [
  "个",
  "套",
  "户",
  "座",
  "家",
  "条",
  "处",
  "所",
  "名",
  "人",
  "栋",
  "间",
  "台",
  "辆",
  "项",
  "件",
  "次",
  "场",
  "批",
  "宗",
  "艘",
  "只",
  "头",
  "株",
  "棵",
  "口",
  "村",
];

export const isCountUnit = (unit: string) => COUNT_UNITS.includes(unit.trim());

/** The confirmation field of a warning in the report form. */
export const confirmField = (field: string) => `confirm.${field}`;

export function plausibilityWarnings(inputs: readonly PlausibilityInput[]): PlausibilityWarning[] {
  const out: PlausibilityWarning[] = [];
  for (const m of inputs) {
    if (m.value === null || m.kind !== "cumulative") continue;
    const v = m.value;
    if (m.ceiling && v > m.ceiling.value) {
      out.push({
        field: m.field,
        kind: "aboveCeiling",
        text: `${m.label}累计 ${formatWithUnit(v, m.unit)}，超过${m.ceiling.what} ${formatWithUnit(m.ceiling.value, m.unit)}`,
      });
    }
    if (m.earlier && v < m.earlier.value) {
      out.push({
        field: m.field,
        kind: "belowEarlier",
        text: `${m.label}累计 ${formatWithUnit(v, m.unit)}，少于${quarterShort(m.earlier.periodCode)}已报的 ${formatWithUnit(m.earlier.value, m.unit)}（累计数一般不会减少）`,
      });
    }
    if (isCountUnit(m.unit) && !Number.isInteger(v)) {
      out.push({ field: m.field, kind: "decimalCount", text: `${m.label} ${formatNumber(v)} ${m.unit.trim()} 带小数，“${m.unit.trim()}”一般是整数` });
    }
  }
  return out;
}

export const CONFIRM_REASON_MAX = 200;

/**
 * Pairs each warning with the reason typed for its field. Submitting needs a reason for every
 * warning (errors by confirmation field); a draft keeps whatever was typed.
 */
export function confirmWarnings(
  warnings: readonly PlausibilityWarning[],
  raw: Record<string, string | undefined>,
  { required }: { required: boolean },
): { confirmations: PlausibilityConfirmation[]; errors: Record<string, string[]> } {
  const confirmations: PlausibilityConfirmation[] = [];
  const errors: Record<string, string[]> = {};
  const byField = new Map<string, PlausibilityWarning[]>();
  for (const w of warnings) byField.set(w.field, [...(byField.get(w.field) ?? []), w]);
  for (const [field, list] of byField) {
    const name = confirmField(field);
    const reason = (raw[name] ?? "").replace(/\r\n/g, "\n").trim();
    if (reason.length > CONFIRM_REASON_MAX) (errors[name] ??= []).push(`请控制在 ${CONFIRM_REASON_MAX} 字以内（现有 ${reason.length} 字）`);
    else if (reason) for (const w of list) confirmations.push({ ...w, reason });
    else if (required) (errors[name] ??= []).push("这个数字看起来不太对：请核对，确认无误请写明原因后再提交");
  }
  return { confirmations, errors };
}

/** A check to run on one number field, before its value is known (the form runs it as the unit types). */
export type PlausibilityCheck = Omit<PlausibilityInput, "value">;

type Earlier = ReadonlyMap<string, { value: number; periodCode: string }>;

/** A task's metrics: cumulative ones against the annual target (the upper end of a range) and the earlier quarters. */
export function metricChecks(
  metrics: readonly { id: number; label: string; unit: string; kind: "cumulative" | "rate"; target: number; targetMax: number | null }[],
  earlier: Earlier,
): PlausibilityCheck[] {
  return metrics.map((m) => {
    const ceiling = m.targetMax ?? m.target;
    return {
      field: reportField.metric(m.id),
      label: m.label,
      unit: m.unit,
      kind: m.kind,
      ceiling: ceiling > 0 ? { value: ceiling, what: "年度目标" } : null,
      earlier: earlier.get(String(m.id)) ?? null,
    };
  });
}

/** A livelihood project's reported values: a counted part against its total (165 户), every value against the earlier quarters. */
export function partChecks(parts: readonly PartForProgress[], earlier: Earlier): PlausibilityCheck[] {
  return parts.flatMap((part) =>
    valueKeys(part).map((category, i) => ({
      field: projectField.value(part.id, i),
      label: category || part.name,
      unit: part.totalUnit ?? "",
      kind: "cumulative" as const,
      ceiling: category === "" && part.total !== null ? { value: part.total, what: "总数" as const } : null,
      earlier: earlier.get(`${part.id}:${category}`) ?? null,
    })),
  );
}

/** The checks with the values typed, by field. */
export function withValues(checks: readonly PlausibilityCheck[], values: ReadonlyMap<string, number>): PlausibilityInput[] {
  return checks.map((c) => ({ ...c, value: values.get(c.field) ?? null }));
}
