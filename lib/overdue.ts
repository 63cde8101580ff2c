// The 督查室's 逾期与滞后清单: every task or livelihood project that is late, behind,
// red, has a missed milestone or an overdue notice, with the reasons spelled out
// (by lib/rag.ts) and sorted by severity.
//
// "As of" reproducibility. The list for a past day uses only what was known at the end
// of that day (Asia/Shanghai):
// - a report counts as submitted from its first version's submittedAt; its content is the
//   frozen snapshot of the latest version submitted by then (plans are frozen in the
//   snapshot too, so later target edits do not rewrite history); a review counts from its
//   reviewedAt. Drafts are never judged, as on the live pages.
// - notices are replayed from their events (lib/notice-state.ts noticeStateAt).
// - a RAG override counts from its `at`. Only the latest override per task and quarter is
//   stored (earlier ones are in the audit log), so a replaced override is not replayed.
// - period due dates are the current ones (an admin moving a due date moves it for every view).
import { dayOfTimestamp, daysOverdue, type PeriodLike } from "./periods";
import { evaluateQuarter, type Rag, type RagMetric, type RagMilestone, type ReasonKind, type ReportState, type SelfStatus } from "./rag";

export type ReviewStatus = "pending" | "approved" | "returned";

/** What a submitted version says, in the terms lib/rag.ts judges. */
export interface VersionContent {
  metrics: readonly RagMetric[];
  milestones: readonly RagMilestone[];
  selfStatus: SelfStatus | null;
  problems: string;
}

export interface VersionFact {
  submittedAt: number;
  reviewStatus: ReviewStatus;
  reviewedAt: number | null;
  content: VersionContent;
}

/** One subject's report for one period: when its draft began, and its submitted versions. */
export interface ReportFacts {
  draftCreatedAt: number | null;
  versions: readonly VersionFact[];
}

export interface ReportAsOf {
  state: ReportState | null;
  firstSubmittedAt: number | null;
  lastSubmittedAt: number | null;
  latest: VersionFact | null;
}

const knownBy = (ms: number, asOf: string) => dayOfTimestamp(ms) <= asOf;

/** The report's state at the end of `asOf`, from its version history. */
export function reportStateAt(facts: ReportFacts | undefined, asOf: string): ReportAsOf {
  const known = [...(facts?.versions ?? [])].filter((v) => knownBy(v.submittedAt, asOf)).sort((a, b) => a.submittedAt - b.submittedAt);
  const latest = known.at(-1) ?? null;
  if (!latest) {
    const drafted = facts?.draftCreatedAt != null && knownBy(facts.draftCreatedAt, asOf);
    return { state: drafted ? "draft" : null, firstSubmittedAt: null, lastSubmittedAt: null, latest: null };
  }
  const reviewed = latest.reviewedAt !== null && knownBy(latest.reviewedAt, asOf) ? latest.reviewStatus : "pending";
  const state: ReportState = reviewed === "approved" ? "approved" : reviewed === "returned" ? "returned" : "submitted";
  return { state, firstSubmittedAt: known[0]!.submittedAt, lastSubmittedAt: latest.submittedAt, latest };
}

export interface OverdueSubject {
  /** "task:32" or "project:2" */
  key: string;
  kind: "task" | "project";
  no: number;
  /** 第32项 / 民生实事1 */
  label: string;
  title: string;
  section: string;
  sectionPosition: number;
  leaders: readonly string[];
  leadUnits: readonly string[];
}

export interface OverrideFact {
  color: Rag;
  reason: string;
  at: number;
  byName: string;
}

export interface NoticeFact {
  id: number;
  /** 督办〔2026〕1号 / 催办 */
  title: string;
  level: "cuiban" | "duban";
  /** As of the list's day. */
  state: "sent" | "overdue" | "replied";
  deadline: string;
  daysOverdue: number;
}

export type EntryReasonKind = ReasonKind | "notice";

export const REASON_FILTERS = ["missing", "late", "behind", "milestone", "problems", "notice"] as const;
export type ReasonFilter = (typeof REASON_FILTERS)[number];
export const REASON_FILTER_LABEL: Record<ReasonFilter, string> = {
  missing: "逾期未报",
  late: "迟报",
  behind: "进度滞后",
  milestone: "节点未完成",
  problems: "存在问题",
  notice: "督办逾期",
};

/** Which filter a reason falls under (自评滞后 counts as 进度滞后). */
export function reasonFilterOf(kind: EntryReasonKind): ReasonFilter {
  return kind === "selfBehind" ? "behind" : kind;
}

export interface OverdueEntry {
  subject: OverdueSubject;
  /** The quarter judged: the latest one past due or already reported; overrides apply to it. */
  periodCode: string | null;
  reportState: ReportState | null;
  computedRag: Rag;
  override: OverrideFact | null;
  /** The colour shown: the override where there is one, else the computed colour. */
  rag: Rag;
  reasons: { kind: EntryReasonKind; text: string }[];
  /** Open notices as of the day (answered or not), for "what was asked of whom". */
  notices: NoticeFact[];
  /** Sorting keys, highest first. */
  missingDays: number;
  worstShortfall: number;
}

export interface OverdueInput {
  asOf: string;
  periods: readonly PeriodLike[];
  subjects: readonly OverdueSubject[];
  /** Keyed by reportKey(subject.key, period.code). */
  reports: ReadonlyMap<string, ReportFacts>;
  overrides: ReadonlyMap<string, OverrideFact>;
  /** Open notices as of the day, by subject key. */
  notices: ReadonlyMap<string, readonly NoticeFact[]>;
}

export const reportKey = (subjectKey: string, periodCode: string) => `${subjectKey}|${periodCode}`;

const RAG_RANK: Record<Rag, number> = { red: 3, amber: 2, green: 1 };
const worse = (a: Rag, b: Rag): Rag => (RAG_RANK[a] >= RAG_RANK[b] ? a : b);
const byStart = <P extends PeriodLike>(list: readonly P[]) => [...list].sort((a, b) => (a.startsOn < b.startsOn ? -1 : 1));

/**
 * The quarter judged for a subject on `asOf`: the latest started quarter that is past its
 * due date or already has a submission known that day.
 */
export function assessedPeriod<P extends PeriodLike>(periods: readonly P[], asOf: string, hasSubmission: (code: string) => boolean): P | null {
  const started = byStart(periods).filter((p) => p.startsOn <= asOf);
  return started.reverse().find((p) => asOf > p.dueOn || hasSubmission(p.code)) ?? null;
}

function entryFor(input: OverdueInput, subject: OverdueSubject): OverdueEntry | null {
  const { asOf } = input;
  const stateOf = (code: string) => reportStateAt(input.reports.get(reportKey(subject.key, code)), asOf);
  const assessed = assessedPeriod(input.periods, asOf, (code) => stateOf(code).firstSubmittedAt !== null);
  const reasons: OverdueEntry["reasons"] = [];
  let computedRag: Rag = "green";
  let rag: Rag = "green";
  let missingDays = 0;
  let worstShortfall = 0;
  let override: OverrideFact | null = null;
  let reportState: ReportState | null = null;

  for (const period of byStart(input.periods)) {
    const isAssessed = period.code === assessed?.code;
    if (!isAssessed && !(asOf > period.dueOn)) continue;
    const quarter = subjectQuarterAt(input, subject.key, period);
    // An earlier quarter only matters if it was never reported: later reports supersede its content.
    if (!isAssessed && quarter.report.firstSubmittedAt !== null) continue;
    reasons.push(...quarter.status.details);
    if (quarter.report.firstSubmittedAt === null && quarter.status.late) {
      missingDays = Math.max(missingDays, daysOverdue(period, null, asOf));
    }
    worstShortfall = Math.max(worstShortfall, ...quarter.status.shortfalls.map((s) => s.ratio));
    computedRag = worse(computedRag, quarter.status.rag);
    rag = worse(rag, quarter.rag);
    if (isAssessed) {
      override = quarter.override;
      reportState = quarter.report.state;
    }
  }

  const notices = [...(input.notices.get(subject.key) ?? [])];
  for (const n of notices) {
    if (n.state === "overdue") reasons.push({ kind: "notice", text: `${n.title} 已超过回复期限 ${n.daysOverdue} 天未回复` });
  }
  const listed = computedRag !== "green" || rag !== "green" || notices.some((n) => n.state === "overdue");
  if (!listed) return null;
  return { subject, periodCode: assessed?.code ?? null, reportState, computedRag, override, rag, reasons, notices, missingDays, worstShortfall };
}

/**
 * Severity order: colour shown (红 > 黄 > 绿), then the longest-unreported first, then
 * overdue notices (督办 before 催办), then the largest shortfall, then more reasons, then
 * gazette order (tasks by 序号, then livelihood projects).
 */
export function compareSeverity(a: OverdueEntry, b: OverdueEntry): number {
  const noticeWeight = (e: OverdueEntry) => e.notices.reduce((w, n) => w + (n.state === "overdue" ? (n.level === "duban" ? 2 : 1) : 0), 0);
  return (
    RAG_RANK[b.rag] - RAG_RANK[a.rag] ||
    b.missingDays - a.missingDays ||
    noticeWeight(b) - noticeWeight(a) ||
    b.worstShortfall - a.worstShortfall ||
    b.reasons.length - a.reasons.length ||
    (a.subject.kind === b.subject.kind ? a.subject.no - b.subject.no : a.subject.kind === "task" ? -1 : 1)
  );
}

export function buildOverdueList(input: OverdueInput): OverdueEntry[] {
  return input.subjects
    .map((s) => entryFor(input, s))
    .filter((e): e is OverdueEntry => e !== null)
    .sort(compareSeverity);
}

export interface SubjectQuarter {
  report: ReportAsOf;
  status: ReturnType<typeof evaluateQuarter>;
  /** The override in force at the end of `asOf`, if any. */
  override: OverrideFact | null;
  /** The colour shown: the override where there is one, else the computed colour. */
  rag: Rag;
}

/**
 * One subject's single quarter as known at the end of `asOf` (the 领导驾驶舱 judges one
 * quarter at a time; buildOverdueList above also folds in earlier unreported quarters).
 */
export function subjectQuarterAt(
  input: Pick<OverdueInput, "asOf" | "reports" | "overrides">,
  subjectKey: string,
  period: PeriodLike,
): SubjectQuarter {
  const key = reportKey(subjectKey, period.code);
  const report = reportStateAt(input.reports.get(key), input.asOf);
  const content = report.latest?.content;
  const status = evaluateQuarter({
    period,
    reportStatus: report.state,
    firstSubmittedAt: report.firstSubmittedAt,
    metrics: content?.metrics ?? [],
    milestones: content?.milestones ?? [],
    selfStatus: content?.selfStatus ?? null,
    problems: content?.problems ?? "",
    today: input.asOf,
  });
  const o = input.overrides.get(key);
  const override = o !== undefined && knownBy(o.at, input.asOf) ? o : null;
  return { report, status, override, rag: override?.color ?? status.rag };
}
