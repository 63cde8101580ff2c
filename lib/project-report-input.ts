// The livelihood-project part of a quarterly report form: cumulative values per part
// (per category for bridges, one count for rural housing), people covered for the water
// project, and the done / date state of every stage milestone. The common fields
// (工作进展, 存在问题, 下步打算, 自评) are parsed by lib/report-form.ts like a task's.
//
// Decisions: values are cumulative since the start of the project year, typed like a
// metric (lib/metric-values.ts rules); a categorised part's total is never typed but
// derived, and cannot exceed the part's total (108 hazardous bridges); a stage milestone
// marked done needs its completion day, not in the future; submitting needs every value.
// A part kept in a 明细台账 (lib/register.ts) is not typed at all: its values are the
// register's derived counts as of the quarter's end, passed in as `derived`.
import { formatNumber, parseMetricValue } from "./metric-values";
import { isValidDay } from "./periods";
import type { ReportIntent } from "./report-form";
import { COVERAGE_CATEGORY, milestoneRequirement, partKind, valueKeys, type PartForProgress } from "./project-progress";

export const projectField = {
  /** The i-th reported key of a part (see valueKeys). */
  value: (partId: number, index: number) => `part.${partId}.v${index}`,
  coverage: (partId: number) => `part.${partId}.coverage`,
  /** Errors about the part as a whole (e.g. the derived total). */
  part: (partId: number) => `part.${partId}`,
  milestoneDone: (milestoneId: number) => `ms.${milestoneId}.done`,
  milestoneDoneOn: (milestoneId: number) => `ms.${milestoneId}.doneOn`,
} as const;

export interface CoverageInput {
  partId: number;
  unit: string;
  /** The linked task metric's annual target (1.5 万人), bounding typos. */
  target: number;
}

export interface ProjectReportValues {
  values: { partId: number; category: string; value: number }[];
  milestones: { milestoneId: number; done: boolean; doneOn: string | null }[];
}

export type ProjectValuesResult = { ok: true; content: ProjectReportValues } | { ok: false; errors: Record<string, string[]> };

/** The stage milestones of a part: those a unit marks done, as opposed to counted targets. */
export function stageMilestones<P extends PartForProgress>(part: P): P["milestones"][number][] {
  return part.milestones.filter((m) => milestoneRequirement(part, m) === null);
}

const isChecked = (v: string | undefined) => v === "1" || v === "on" || v === "true";

export function parseProjectValues({
  raw,
  parts,
  coverage,
  intent,
  today,
  derived,
}: {
  raw: Record<string, string | undefined>;
  parts: readonly PartForProgress[];
  coverage: CoverageInput | null;
  intent: ReportIntent;
  today: string;
  /** Per part id: the values derived from its register; typed fields of such a part are ignored. */
  derived?: ReadonlyMap<number, Readonly<Record<string, number>>>;
}): ProjectValuesResult {
  const errors: Record<string, string[]> = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);
  const required = intent === "submit";
  const content: ProjectReportValues = { values: [], milestones: [] };

  for (const part of parts) {
    const unit = part.totalUnit ?? "";
    const keys = valueKeys(part);
    const fromRegister = derived?.get(part.id);
    const typed: number[] = [];
    if (fromRegister) for (const category of keys) content.values.push({ partId: part.id, category, value: fromRegister[category] ?? 0 });
    else
      keys.forEach((category, i) => {
        const field = projectField.value(part.id, i);
        const label = category || `${part.name}累计完成数`;
        const parsed = parseMetricValue(raw[field], { label, unit, kind: "cumulative", target: part.total ?? 0 }, { required });
        if (!parsed.ok) add(field, parsed.message);
        else if (parsed.value !== null) {
          typed.push(parsed.value);
          content.values.push({ partId: part.id, category, value: parsed.value });
        }
      });
    if (!fromRegister && partKind(part) === "categorised" && part.total !== null && typed.length === keys.length) {
      const sum = typed.reduce((a, b) => a + b, 0);
      if (sum > part.total) {
        add(projectField.part(part.id), `各类合计 ${formatNumber(sum)} ${unit}，超过总数 ${formatNumber(part.total)} ${unit}，请检查`);
      }
    }

    if (coverage?.partId === part.id) {
      const field = projectField.coverage(part.id);
      const parsed = parseMetricValue(raw[field], { label: COVERAGE_CATEGORY, unit: coverage.unit, kind: "cumulative", target: coverage.target }, { required });
      if (!parsed.ok) add(field, parsed.message);
      else if (parsed.value !== null) content.values.push({ partId: part.id, category: COVERAGE_CATEGORY, value: parsed.value });
    }

    for (const m of stageMilestones(part)) {
      const state = raw[projectField.milestoneDone(m.id)];
      const done = isChecked(state);
      // A checkbox sends its value or nothing; anything else is a forged or broken form.
      if (!done && state !== undefined && state !== "" && state !== "0" && state !== "false") {
        add(projectField.milestoneDone(m.id), "节点完成情况无效，请重新勾选");
      }
      const field = projectField.milestoneDoneOn(m.id);
      const day = (raw[field] ?? "").trim();
      let doneOn: string | null = null;
      if (done) {
        if (!day) {
          if (required) add(field, "已完成的节点请填写完成日期");
        } else if (!isValidDay(day)) add(field, "请填写有效日期，格式如 2026-03-20");
        else if (day > today) add(field, "完成日期不能晚于今天");
        else doneOn = day;
      }
      content.milestones.push({ milestoneId: m.id, done, doneOn });
    }
  }

  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, content };
}
