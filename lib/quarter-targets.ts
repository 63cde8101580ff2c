// Quarterly targets (季度攻坚目标): the planned cumulative value of every metric at
// the end of Q1–Q4, and a planned milestone per quarter for qualitative work.
//
// Decisions:
// - Defaults follow 序时进度: cumulative counts 25/50/75/100% of the annual target,
//   rounded to whole numbers for countable units (个/家/套/座/人…), else to 2 decimals;
//   rates (GDP 增长 5.5%) plan the annual target in every quarter.
// - Cumulative plans never go down from one quarter to the next.
// - Q4 is the annual target: equal to it for exact/左右 targets, at least it for 以上
//   (a unit may plan a stretch but not less than the gazette), within the range for 1–2 家.
// - Q1–Q3 of a rate are free within the rate bounds (a rate may ramp up during the year).
// - Tasks without metrics must plan a milestone for each quarter; for other tasks milestones are optional.
import { formatNumber, parseMetricValue, type MetricForInput } from "./metric-values";
import { QUARTERS } from "./periods";

export type Comparator = "atLeast" | "about" | "exact" | "range";

export interface MetricForPlan extends MetricForInput {
  id: number;
  comparator: Comparator;
}

/** Planned cumulative values at the end of Q1, Q2, Q3, Q4. */
export type QuarterPlans = [number, number, number, number];

export const SEQUENTIAL_SHARES = [0.25, 0.5, 0.75, 1] as const;

/** Units counted in whole items, whose plans are whole numbers. */
const COUNT_UNITS = new Set([
  "个",
  "家",
  "套",
  "座",
  "人",
  "户",
  "条",
  "项",
  "所",
  "台",
  "辆",
  "处",
  "名",
  "场",
  "次",
  "栋",
  "间",
  "口",
  "张",
  "块",
  "件",
  "篇",
  "批",
  "宗",
  "村",
  "支",
  "本",
  "例",
  "份",
  "盏",
  "根",
  "只",
  "头",
  "幢",
  "部",
  "期",
]);

export function isCountUnit(unit: string): boolean {
  return COUNT_UNITS.has(unit.trim());
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The 序时进度 default plans of one metric. */
export function defaultQuarterPlans(metric: Pick<MetricForPlan, "kind" | "target" | "unit">): QuarterPlans {
  if (metric.kind === "rate") return [metric.target, metric.target, metric.target, metric.target];
  const whole = isCountUnit(metric.unit) && Number.isInteger(metric.target);
  const plan = (share: number) => (whole ? Math.round(metric.target * share) : round2(metric.target * share));
  return SEQUENTIAL_SHARES.map(plan) as QuarterPlans;
}

export type PlanErrors = Record<string, string[]>;

/** The form field name of a metric's plan for a quarter, e.g. "plan.12.q3". */
export const planField = (metricId: number, quarter: number) => `plan.${metricId}.q${quarter}`;
export const milestoneField = (quarter: number) => `milestone.q${quarter}`;

export const MILESTONE_MAX_CHARS = 200;

function q4Error(metric: MetricForPlan, q4: number): string | null {
  const t = formatNumber(metric.target);
  switch (metric.comparator) {
    case "atLeast":
      return q4 < metric.target ? `第四季度应不低于年度目标 ${t}${metric.unit}` : null;
    case "range": {
      const max = metric.targetMax ?? metric.target;
      return q4 < metric.target || q4 > max ? `第四季度应在年度目标 ${t}–${formatNumber(max)}${metric.unit} 之间` : null;
    }
    case "about":
    case "exact":
      return q4 !== metric.target ? `第四季度应等于年度目标 ${t}${metric.unit}` : null;
  }
}

export type ParsedTargets = { ok: true; plans: Map<number, QuarterPlans>; milestones: (string | null)[] } | { ok: false; errors: PlanErrors };

/**
 * Parses and checks a quarterly-targets form: `raw` maps planField(...) and
 * milestoneField(...) to the typed text. Every problem is reported against its field.
 * `locked` quarters carry their stored values (see keepLocked) and need no new node.
 */
export function parseQuarterTargets(
  metrics: readonly MetricForPlan[],
  raw: Record<string, string | undefined>,
  { locked = [false, false, false, false] }: { locked?: readonly boolean[] } = {},
): ParsedTargets {
  const errors: PlanErrors = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);
  const plans = new Map<number, QuarterPlans>();

  for (const metric of metrics) {
    const values: number[] = [];
    for (const q of QUARTERS) {
      const field = planField(metric.id, q);
      const parsed = parseMetricValue(raw[field], metric, { required: true });
      if (parsed.ok && parsed.value !== null) values.push(parsed.value);
      else if (!parsed.ok) add(field, parsed.message);
    }
    if (values.length !== 4) continue;
    const [q1, q2, q3, q4] = values as QuarterPlans;
    if (metric.kind === "cumulative") {
      (
        [
          [q1, q2, 2],
          [q2, q3, 3],
          [q3, q4, 4],
        ] as const
      ).forEach(([before, after, q]) => {
        if (after < before) add(planField(metric.id, q), `累计计划不能低于上一季度（${formatNumber(before)}${metric.unit}）`);
      });
    }
    const q4Message = q4Error(metric, q4);
    if (q4Message) add(planField(metric.id, 4), q4Message);
    plans.set(metric.id, [q1, q2, q3, q4]);
  }

  const milestones = QUARTERS.map((q) => {
    const text = (raw[milestoneField(q)] ?? "").trim();
    if (text.length > MILESTONE_MAX_CHARS) add(milestoneField(q), `节点目标请控制在 ${MILESTONE_MAX_CHARS} 字以内`);
    // A locked quarter is kept as it is: only the quarters being set must name their node.
    if (!text && metrics.length === 0 && !locked[q - 1]) add(milestoneField(q), "本任务没有量化指标，请填写本季度的节点目标");
    return text || null;
  });

  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, plans, milestones };
}

/** The plans in force: the stored ones, else the 序时进度 defaults. */
export function effectivePlans(metric: MetricForPlan, stored: readonly (number | undefined)[] | undefined): QuarterPlans {
  const defaults = defaultQuarterPlans(metric);
  return QUARTERS.map((q) => stored?.[q - 1] ?? defaults[q - 1]) as QuarterPlans;
}

// ─── locks (季度目标锁定) ───
//
// A quarter's targets lock when its first report is submitted, at the end of the
// quarter's last day at the latest, or earlier when the 督查室 locks them. Once locked a lead unit can only
// ask for a change (with a reason); the 督查室 approves or refuses it.

export type LockCause = "submitted" | "supervisor" | "quarterEnded";

export const LOCK_CAUSE_LABEL: Record<LockCause, string> = {
  submitted: "本季度报告已提交",
  supervisor: "督查室已锁定",
  quarterEnded: "季度已结束",
};

export interface QuarterLockFacts {
  /** The 督查室's early lock, if any. */
  explicitAt: number | null;
  firstSubmittedAt: number | null;
  endsOn: string;
}

/** Why the quarter's targets are locked on `today`, or null while the lead unit may still change them. */
export function quarterLock(facts: QuarterLockFacts, today: string): LockCause | null {
  if (facts.firstSubmittedAt !== null) return "submitted";
  if (facts.explicitAt !== null) return "supervisor";
  if (today > facts.endsOn) return "quarterEnded";
  return null;
}

/**
 * The full year's plans with the locked quarters kept as they are: a form may only change
 * the quarters still open, so the server takes the locked ones from what is stored.
 */
export function keepLocked(
  raw: Record<string, string | undefined>,
  metrics: readonly (MetricForPlan & { plans: QuarterPlans })[],
  milestones: readonly (string | null)[],
  locked: readonly boolean[],
): Record<string, string | undefined> {
  const out = { ...raw };
  for (const q of QUARTERS) {
    if (!locked[q - 1]) continue;
    for (const m of metrics) out[planField(m.id, q)] = formatNumber(m.plans[q - 1]!);
    out[milestoneField(q)] = milestones[q - 1] ?? "";
  }
  return out;
}
