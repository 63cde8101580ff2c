// Livelihood projects (民生实事, 汨政办函〔2026〕2号): progress of each part against its
// official milestones, per quarter; milestone done/late marks as of a day; and what a
// quarter is judged against (projectQuarterPlan).
//
// Decisions:
// - A part is "categorised" when the gazette splits it (bridges: cumulative counts per
//   缺损 category, the total derived by adding them), "counted" when it has a total only
//   (rural housing: households against 165), else "staged" (every milestone is a stage the
//   unit marks done, with its date).
// - A milestone with numeric targets is reached in the first quarter whose reported
//   cumulative values meet every target; one without numeric targets is a stage milestone.
//   Staged parts have only stage milestones, even where the text names a share (水利 40%).
// - A category a categorised milestone does not name is 0 (the 3 月底 node names no 严重缺损).
// - A percent target of a counted part needs ceil(percent × total) items: 30% of 165 户 is 50 户.
// - A milestone not reached by its due day is 待报告 until the quarter's report is due (or a
//   report of that quarter or later says it is not done), and 逾期未完成 after that.
import { formatPercent, type JudgedMetric, type JudgedNode } from "./quarter-status";
import { QUARTERS, type PeriodLike, type Quarter } from "./periods";

/** report_part_values.category of a part's own total ("" per the schema). */
export const TOTAL_KEY = "";
/** report_part_values.category holding the 水利 project's 覆盖人数 (see COVERAGE_LINKS). */
export const COVERAGE_CATEGORY = "覆盖人数";

/**
 * Parts whose people covered are tracked against a key task's metric: the water project's
 * annual coverage is task No.19's "农村自来水延伸扩面 1.5 万人" (the 分解表 itself gives no
 * number). The value is reported on the project's report as category COVERAGE_CATEGORY;
 * its quarterly plan is the task metric's quarterly target.
 */
export const COVERAGE_LINKS = [{ projectNo: 3, partPosition: 1, taskNo: 19, metricLabel: "农村自来水延伸扩面" }] as const;

export interface MilestoneForProgress {
  id: number;
  due: string;
  text: string;
  targets: Readonly<Record<string, number>>;
}

export interface PartForProgress {
  id: number;
  name: string;
  total: number | null;
  totalUnit: string | null;
  categories: readonly string[];
  milestones: readonly MilestoneForProgress[];
}

export type PartKind = "categorised" | "counted" | "staged";

/** One counted (submitted) report of a quarter, as far as one part is concerned. */
export interface PartReport {
  quarter: Quarter;
  /** Cumulative values by category, TOTAL_KEY for a counted part, COVERAGE_CATEGORY for people covered. */
  values: Readonly<Record<string, number>>;
  milestones: Readonly<Record<number, { done: boolean; doneOn: string | null }>>;
}

export function partKind(part: Pick<PartForProgress, "categories" | "total">): PartKind {
  if (part.categories.length > 0) return "categorised";
  return part.total !== null ? "counted" : "staged";
}

/** The quarter a YYYY-MM-DD day falls in. */
export function quarterOfDay(day: string): Quarter {
  return Math.ceil(Number(day.slice(5, 7)) / 3) as Quarter;
}

const EPSILON = 1e-9;

/** The cumulative values a milestone requires, by value key; null for a stage milestone. */
export function milestoneRequirement(part: PartForProgress, milestone: MilestoneForProgress): Record<string, number> | null {
  const t = milestone.targets;
  switch (partKind(part)) {
    case "staged":
      return null;
    case "categorised": {
      if (t.total === undefined && !part.categories.some((c) => t[c] !== undefined)) return null;
      const req: Record<string, number> = {};
      for (const c of part.categories) req[c] = t[c] ?? 0;
      req[TOTAL_KEY] = t.total ?? part.categories.reduce((sum, c) => sum + (t[c] ?? 0), 0);
      return req;
    }
    case "counted": {
      const total = part.total ?? 0;
      const needed = t.total ?? (t.percent === undefined ? undefined : Math.ceil((t.percent / 100) * total - EPSILON));
      return needed === undefined ? null : { [TOTAL_KEY]: needed };
    }
  }
}

/** The keys a unit reports for a part: its categories, or its one total; none for a staged part. */
export function valueKeys(part: Pick<PartForProgress, "categories" | "total">): string[] {
  switch (partKind(part)) {
    case "categorised":
      return [...part.categories];
    case "counted":
      return [TOTAL_KEY];
    case "staged":
      return [];
  }
}

/** The part's cumulative total in a report: the sum of its categories (all must be given), or its one value. */
export function reportedTotal(part: PartForProgress, values: Readonly<Record<string, number>>): number | null {
  const keys = valueKeys(part);
  if (keys.length === 0) return null;
  let sum = 0;
  for (const k of keys) {
    const v = values[k];
    if (v === undefined) return null;
    sum += v;
  }
  return sum;
}

/** The value of a key in a report, with the categorised total derived. */
export function reportedValue(part: PartForProgress, values: Readonly<Record<string, number>>, key: string): number | null {
  if (key === TOTAL_KEY) return reportedTotal(part, values);
  return values[key] ?? null;
}

/** Share of the part's total reached (0.157 for 17 of 108), or null without a total or value. */
export function shareOfTotal(part: Pick<PartForProgress, "total">, actual: number | null): number | null {
  if (actual === null || !part.total) return null;
  return actual / part.total;
}

export function formatShare(ratio: number | null): string {
  return ratio === null ? "—" : formatPercent(ratio);
}

export interface SeriesPoint {
  quarter: Quarter;
  /** The cumulative target of the milestone due that quarter; null when none is due. */
  target: number | null;
  actual: number | null;
}

export interface ProgressSeries {
  key: string;
  label: string;
  unit: string;
  points: SeriesPoint[];
}

/** The latest numeric milestone due in each quarter, with its requirement. */
function requirementsByQuarter(part: PartForProgress): Map<Quarter, Record<string, number>> {
  const byQuarter = new Map<Quarter, Record<string, number>>();
  const sorted = [...part.milestones].sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  for (const m of sorted) {
    const req = milestoneRequirement(part, m);
    if (req) byQuarter.set(quarterOfDay(m.due), req);
  }
  return byQuarter;
}

/** Actual against target per quarter: the total first, then each category; none for a staged part. */
export function partSeries(part: PartForProgress, reports: readonly PartReport[]): ProgressSeries[] {
  const kind = partKind(part);
  if (kind === "staged") return [];
  const reqs = requirementsByQuarter(part);
  const byQuarter = new Map(reports.map((r) => [r.quarter, r]));
  const unit = part.totalUnit ?? "";
  const keys = kind === "categorised" ? [TOTAL_KEY, ...part.categories] : [TOTAL_KEY];
  return keys.map((key) => ({
    key,
    label: key === TOTAL_KEY ? (kind === "categorised" ? "合计" : "累计完成") : key,
    unit,
    points: QUARTERS.map((quarter) => {
      const report = byQuarter.get(quarter);
      return {
        quarter,
        target: reqs.get(quarter)?.[key] ?? null,
        actual: report ? reportedValue(part, report.values, key) : null,
      };
    }),
  }));
}

/** People covered per quarter against the linked task metric's quarterly plans. */
export function coverageSeries(plans: readonly number[], unit: string, reports: readonly PartReport[]): ProgressSeries {
  const byQuarter = new Map(reports.map((r) => [r.quarter, r]));
  return {
    key: COVERAGE_CATEGORY,
    label: COVERAGE_CATEGORY,
    unit,
    points: QUARTERS.map((quarter) => ({
      quarter,
      target: plans[quarter - 1] ?? null,
      actual: byQuarter.get(quarter)?.values[COVERAGE_CATEGORY] ?? null,
    })),
  };
}

export type MilestoneState = "done" | "doneLate" | "overdue" | "awaiting" | "pending";

export const MILESTONE_STATE_LABEL: Record<MilestoneState, string> = {
  done: "按期完成",
  doneLate: "逾期完成",
  overdue: "逾期未完成",
  awaiting: "待季报确认",
  pending: "未到期",
};

export interface MilestoneMark {
  id: number;
  due: string;
  text: string;
  kind: "numeric" | "stage";
  requirement: Record<string, number> | null;
  state: MilestoneState;
  /** Stage milestones: the completion day the unit reported. */
  doneOn: string | null;
  /** Numeric milestones: the quarter whose report first met every target. */
  doneQuarter: Quarter | null;
}

function meets(part: PartForProgress, req: Record<string, number>, values: Readonly<Record<string, number>>): boolean {
  return Object.entries(req).every(([key, needed]) => {
    const actual = reportedValue(part, values, key);
    return actual !== null && actual + EPSILON >= needed;
  });
}

/**
 * Done / late marks of every milestone of a part as of `asOf`, from the counted reports.
 * `periods` gives each quarter's report due day.
 */
export function milestoneMarks(
  part: PartForProgress,
  reports: readonly PartReport[],
  { asOf, periods }: { asOf: string; periods: readonly PeriodLike[] },
): MilestoneMark[] {
  const ascending = [...reports].sort((a, b) => a.quarter - b.quarter);
  const reportDue = new Map(periods.map((p) => [p.quarter, p.dueOn]));

  const missedState = (m: MilestoneForProgress): MilestoneState => {
    if (asOf <= m.due) return "pending";
    const q = quarterOfDay(m.due);
    const dueOn = reportDue.get(q);
    const reportedSince = ascending.some((r) => r.quarter >= q);
    return reportedSince || (dueOn !== undefined && asOf > dueOn) ? "overdue" : "awaiting";
  };

  return part.milestones.map((m) => {
    const requirement = milestoneRequirement(part, m);
    const base = { id: m.id, due: m.due, text: m.text, requirement };
    if (requirement) {
      const first = ascending.find((r) => meets(part, requirement, r.values));
      if (first) {
        const late = first.quarter > quarterOfDay(m.due);
        return { ...base, kind: "numeric", state: late ? "doneLate" : "done", doneOn: null, doneQuarter: first.quarter };
      }
      return { ...base, kind: "numeric", state: missedState(m), doneOn: null, doneQuarter: null };
    }
    const latest = [...ascending].reverse().find((r) => r.milestones[m.id] !== undefined)?.milestones[m.id];
    if (latest?.done) {
      const late = latest.doneOn !== null && latest.doneOn > m.due;
      return { ...base, kind: "stage", state: late ? "doneLate" : "done", doneOn: latest.doneOn, doneQuarter: null };
    }
    return { ...base, kind: "stage", state: missedState(m), doneOn: null, doneQuarter: null };
  });
}

/**
 * What a project's quarter is judged against (lib/quarter-status.ts): its voted node
 * targets, never another task's plan. Every numeric milestone due in the quarter becomes
 * metrics (the total and each category, or the counted total) and every stage milestone
 * due in it a node. People covered (the water project) is shown beside the nodes but is
 * not a voted target, so it is not judged.
 */
export function projectQuarterPlan(
  parts: readonly PartForProgress[],
  quarter: Quarter,
  reportValues: (partId: number) => PartReport | null,
): { metrics: JudgedMetric[]; nodes: JudgedNode[] } {
  const metrics: JudgedMetric[] = [];
  const nodes: JudgedNode[] = [];
  for (const part of parts) {
    const report = reportValues(part.id);
    const unit = part.totalUnit ?? "";
    for (const m of part.milestones) {
      if (quarterOfDay(m.due) !== quarter) continue;
      const req = milestoneRequirement(part, m);
      if (!req) {
        const stated = report?.milestones[m.id];
        nodes.push({ text: m.text, due: m.due, done: stated?.done ?? null, doneOn: stated?.doneOn ?? null });
        continue;
      }
      for (const [key, plan] of Object.entries(req)) {
        const label = key === TOTAL_KEY ? `${part.name}（${partKind(part) === "categorised" ? "合计" : "累计完成"}）` : `${part.name}（${key}）`;
        const actual = report ? reportedValue(part, report.values, key) : null;
        metrics.push({ label, unit, kind: "cumulative", plan, actual, basis: "node" });
      }
    }
  }
  return { metrics, nodes };
}
