// The stored form of a quarter's judgement (quarter_status and its history) and how it
// is computed from the report's events: the draft's creation, each submitted version,
// each review, each plan change the 督查室 approved, each override and each revision of the
// quarter's monthly nodes. The same replay
// serves the write path (the state right after a change) and `npm run status:rebuild`
// (every state a subject's quarter has been in), so the two cannot disagree.
import type { MonthlyNodeFact } from "./monthly-nodes";
import { dayOfTimestamp, parseQuarterCode, type PeriodLike, type Quarter } from "./periods";
import type { PartForProgress } from "./project-progress";
import {
  judgeProgress,
  judgeMonthlyReporting,
  judgeReporting,
  quarterStatus,
  withMonthlyNodes,
  type OverrideFact,
  type ProgressJudgement,
  type QuarterStatus,
  type Reason,
} from "./quarter-status";
import type { ReportSnapshot } from "./report-snapshot";
import { projectSubmittedQuarter, taskSubmittedQuarter, type QuarterPlanChange } from "./submitted-quarter";
import type { OverrideColor, ProgressLamp, ReportState, ReviewStatus, SubjectKind } from "./vocabulary";

export interface StatusVersion {
  versionNo: number;
  submittedAt: number;
  reviewStatus: ReviewStatus;
  reviewedAt: number | null;
  snapshot: ReportSnapshot;
}

export interface StatusInputs {
  kind: SubjectKind;
  period: PeriodLike & { quarter: number };
  /** When the report row was created (the first draft save or the first submission). */
  draftCreatedAt: number | null;
  /** Submitted versions, oldest first. */
  versions: readonly StatusVersion[];
  /** Approved changes of the quarter's targets, oldest first (tasks only). */
  planChanges: readonly { at: number; change: QuarterPlanChange }[];
  /** The override list, oldest first; a null colour clears the override. */
  overrides: readonly { at: number; color: OverrideColor | null; reason: string; byName: string | null }[];
  /** The project's parts and milestones (projects only). */
  parts: readonly PartForProgress[];
  /** Each revision of the quarter's monthly nodes (set, changed, marked done), oldest first. */
  nodeRevisions: readonly { at: number; nodes: readonly MonthlyNodeFact[] }[];
}

/** One stored judgement: what quarter_status holds for a subject's quarter. */
export interface StatusRecord {
  reportState: ReportState | null;
  versionNo: number | null;
  firstSubmittedAt: number | null;
  firstSubmittedDay: string | null;
  lastSubmittedAt: number | null;
  computedProgress: ProgressLamp;
  progress: ProgressLamp;
  overrideColor: OverrideColor | null;
  overrideReason: string | null;
  overrideByName: string | null;
  overrideAt: number | null;
  reasons: Reason[];
  worstShortfall: number;
  /** The quarter's monthly nodes with their due and done days: whether one is missed depends on the day read. */
  monthlyNodes: MonthlyNodeFact[];
  /** Shanghai day of every submitted version, oldest first: a monthly item's months are judged from them. */
  submittedDays: string[];
}

const STATE_OF_REVIEW: Record<ReviewStatus, ReportState> = { pending: "submitted", approved: "approved", returned: "returned" };

/** The judgement at instant `t` from the events up to and including it; null before the first event. */
export function statusAt(inputs: StatusInputs, t: number): StatusRecord | null {
  const known = inputs.versions.filter((v) => v.submittedAt <= t);
  const first = known[0] ?? null;
  const latest = known.at(-1) ?? null;
  const o = inputs.overrides.filter((e) => e.at <= t).at(-1);
  const override: OverrideFact | null = o && o.color !== null ? { color: o.color, reason: o.reason, byName: o.byName, at: o.at } : null;
  const drafted = inputs.draftCreatedAt !== null && inputs.draftCreatedAt <= t;
  const nodes = inputs.nodeRevisions.filter((r) => r.at <= t).at(-1) ?? null;
  // An override once set counts even after it is cleared: the record must say it no longer holds.
  if (!latest && !drafted && !o && !nodes) return null;

  let judgement: ProgressJudgement;
  let reportState: ReportState | null = drafted ? "draft" : null;
  if (latest) {
    const review: ReviewStatus = latest.reviewedAt !== null && latest.reviewedAt <= t ? latest.reviewStatus : "pending";
    reportState = STATE_OF_REVIEW[review];
    const submitted =
      inputs.kind === "project"
        ? projectSubmittedQuarter(latest.snapshot, { parts: inputs.parts, quarter: inputs.period.quarter as Quarter, review })
        : taskSubmittedQuarter(latest.snapshot, {
            period: inputs.period,
            review,
            // Changes approved before this version was submitted are already in its snapshot.
            planChanges: inputs.planChanges.filter((c) => c.at > latest.submittedAt && c.at <= t).map((c) => c.change),
          });
    judgement = judgeProgress(submitted, override);
  } else {
    judgement = judgeProgress(null, override);
  }
  return {
    reportState,
    versionNo: latest?.versionNo ?? null,
    firstSubmittedAt: first?.submittedAt ?? null,
    firstSubmittedDay: first ? dayOfTimestamp(first.submittedAt) : null,
    lastSubmittedAt: latest?.submittedAt ?? null,
    computedProgress: judgement.computed,
    progress: judgement.progress,
    overrideColor: override?.color ?? null,
    overrideReason: override?.reason ?? null,
    overrideByName: override?.byName ?? null,
    overrideAt: override?.at ?? null,
    reasons: judgement.reasons,
    worstShortfall: judgement.worstShortfall,
    monthlyNodes: nodes ? [...nodes.nodes] : [],
    submittedDays: known.map((v) => dayOfTimestamp(v.submittedAt)),
  };
}

export function sameRecord(a: StatusRecord | null, b: StatusRecord | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Every judgement the subject's quarter has had, each with the instant it took effect. */
export function statusTimeline(inputs: StatusInputs): (StatusRecord & { validFrom: number })[] {
  const instants = new Set<number>();
  if (inputs.draftCreatedAt !== null) instants.add(inputs.draftCreatedAt);
  for (const v of inputs.versions) {
    instants.add(v.submittedAt);
    if (v.reviewedAt !== null) instants.add(v.reviewedAt);
  }
  for (const c of inputs.planChanges) instants.add(c.at);
  for (const o of inputs.overrides) instants.add(o.at);
  for (const r of inputs.nodeRevisions) instants.add(r.at);
  const out: (StatusRecord & { validFrom: number })[] = [];
  let previous: StatusRecord | null = null;
  for (const t of [...instants].sort((a, b) => a - b)) {
    const record = statusAt(inputs, t);
    if (record && !sameRecord(record, previous)) out.push({ ...record, validFrom: t });
    previous = record;
  }
  return out;
}

/** A stored record back as the 进度 judgement it was made from. */
export function progressOfRecord(r: StatusRecord | null): ProgressJudgement {
  if (!r) return { computed: "none", progress: "none", override: null, reasons: [], worstShortfall: 0 };
  const override: OverrideFact | null =
    r.overrideColor === null ? null : { color: r.overrideColor, reason: r.overrideReason ?? "", byName: r.overrideByName, at: r.overrideAt ?? 0 };
  return { computed: r.computedProgress, progress: r.progress, override, reasons: r.reasons, worstShortfall: r.worstShortfall };
}

/**
 * What every screen shows for a subject's quarter on `asOf`, from the record in force that
 * day: the stored judgement plus what the calendar says of its monthly nodes and its due day
 * (or, for a monthly 督办事项, `monthly`, its months' due days).
 */
export function statusOfRecord(
  r: StatusRecord | null,
  { period, required, monthly = null }: { period: PeriodLike; required: boolean; monthly?: { dueFrom: string | null } | null },
  asOf: string,
): QuarterStatus {
  const quarter = parseQuarterCode(period.code)?.quarter ?? 4;
  const progress = withMonthlyNodes(progressOfRecord(r), r?.monthlyNodes ?? [], { lastMonth: quarter * 3 }, asOf);
  const reporting = monthly
    ? judgeMonthlyReporting({ period, required, dueFrom: monthly.dueFrom, submittedDays: r?.submittedDays ?? [] }, asOf)
    : judgeReporting({ period, required, firstSubmittedDay: r?.firstSubmittedDay ?? null }, asOf);
  return quarterStatus(progress, reporting);
}
