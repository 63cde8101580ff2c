// What a frozen report version (report_versions.snapshot) says, in the terms
// lib/quarter-status.ts judges. Tasks carry their metrics with the plan in force when the
// version was submitted; a plan change the 督查室 approved later replaces it. Projects
// carry part values and node states, judged against the project's voted milestones.
import type { PeriodLike, Quarter } from "./periods";
import { projectQuarterPlan, type PartForProgress, type PartReport } from "./project-progress";
import type { SubmittedQuarter } from "./quarter-status";
import type { ReportSnapshot } from "./report-snapshot";
import type { ReviewStatus } from "./vocabulary";

/** A quarter's plan as an approved change set it: metric id → planned value, and the node text. */
export interface QuarterPlanChange {
  metricPlans: Readonly<Record<number, number>>;
  /** undefined: node unchanged; null: no node planned any more. */
  milestone?: string | null;
}

/** The plan of a snapshot's quarter after approved changes (applied in order). */
export function planInForce(snapshot: ReportSnapshot, changes: readonly QuarterPlanChange[]) {
  const plans = new Map(snapshot.metrics.map((m) => [m.metricId, m.plan]));
  let milestone = snapshot.milestone?.text ?? null;
  for (const c of changes) {
    for (const [id, value] of Object.entries(c.metricPlans)) if (plans.has(Number(id))) plans.set(Number(id), value);
    if (c.milestone !== undefined) milestone = c.milestone;
  }
  return { plans, milestone };
}

export function taskSubmittedQuarter(
  snapshot: ReportSnapshot,
  { period, review, planChanges = [] }: { period: PeriodLike; review: ReviewStatus; planChanges?: readonly QuarterPlanChange[] },
): SubmittedQuarter {
  const plan = planInForce(snapshot, planChanges);
  return {
    metrics: snapshot.metrics.flatMap((m) => {
      const planned = plan.plans.get(m.metricId) ?? null;
      return planned === null ? [] : [{ label: m.label, unit: m.unit, kind: m.kind, plan: planned, actual: m.value, basis: "quarterTarget" as const }];
    }),
    nodes: plan.milestone
      ? [{ text: plan.milestone, due: period.endsOn, done: snapshot.milestone?.done ?? null, doneOn: snapshot.milestone?.doneOn ?? null }]
      : [],
    selfStatus: snapshot.selfStatus,
    problems: snapshot.problems,
    review,
  };
}

/** One part's values and node states as a snapshot of `quarter` stated them. */
export function partReportFromSnapshot(part: PartForProgress, quarter: Quarter, snapshot: ReportSnapshot): PartReport {
  const values: Record<string, number> = {};
  for (const v of snapshot.parts) if (v.partId === part.id) values[v.category] = v.value;
  const own = new Set(part.milestones.map((m) => m.id));
  const milestones: Record<number, { done: boolean; doneOn: string | null }> = {};
  for (const m of snapshot.projectMilestones) if (own.has(m.milestoneId)) milestones[m.milestoneId] = { done: m.done, doneOn: m.doneOn };
  return { quarter, values, milestones };
}

export function projectSubmittedQuarter(
  snapshot: ReportSnapshot,
  { parts, quarter, review }: { parts: readonly PartForProgress[]; quarter: Quarter; review: ReviewStatus },
): SubmittedQuarter {
  const byPart = new Map(parts.map((p) => [p.id, partReportFromSnapshot(p, quarter, snapshot)]));
  return {
    ...projectQuarterPlan(parts, quarter, (partId) => byPart.get(partId) ?? null),
    selfStatus: snapshot.selfStatus,
    problems: snapshot.problems,
    review,
  };
}
