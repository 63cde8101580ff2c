// What a frozen report version (report_versions.snapshot) says, in the terms lib/rag.ts
// judges: used where status must be recomputed for a past day from the versions known
// then (lib/overdue.ts). Tasks carry their metrics and plans in the snapshot; projects
// carry part values and milestone states, judged against the project's milestones.
import type { VersionContent } from "./overdue";
import type { Quarter } from "./periods";
import { projectQuarterRagInput, type CoverageForQuarter, type PartForProgress, type PartReport } from "./project-progress";
import type { ReportSnapshot } from "./report-snapshot";

export function taskVersionContent(snapshot: ReportSnapshot): VersionContent {
  return {
    metrics: snapshot.metrics.flatMap((m) => (m.plan === null ? [] : [{ label: m.label, unit: m.unit, kind: m.kind, plan: m.plan, actual: m.value }])),
    milestones: snapshot.milestone ? [{ text: snapshot.milestone.text, done: snapshot.milestone.done }] : [],
    selfStatus: snapshot.selfStatus,
    problems: snapshot.problems,
  };
}

/** One part's values and milestone states as a snapshot of `quarter` stated them. */
export function partReportFromSnapshot(part: PartForProgress, quarter: Quarter, snapshot: ReportSnapshot): PartReport {
  const values: Record<string, number> = {};
  for (const v of snapshot.parts) if (v.partId === part.id) values[v.category] = v.value;
  const own = new Set(part.milestones.map((m) => m.id));
  const milestones: Record<number, { done: boolean; doneOn: string | null }> = {};
  for (const m of snapshot.projectMilestones) if (own.has(m.milestoneId)) milestones[m.milestoneId] = { done: m.done, doneOn: m.doneOn };
  return { quarter, values, milestones };
}

export function projectVersionContent(
  snapshot: ReportSnapshot,
  { parts, quarter, coverage }: { parts: readonly PartForProgress[]; quarter: Quarter; coverage: CoverageForQuarter | null },
): VersionContent {
  const byPart = new Map(parts.map((p) => [p.id, partReportFromSnapshot(p, quarter, snapshot)]));
  const input = projectQuarterRagInput(parts, quarter, (partId) => byPart.get(partId) ?? null, coverage);
  return { ...input, selfStatus: snapshot.selfStatus, problems: snapshot.problems };
}
