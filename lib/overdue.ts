// The 督查室's 逾期与滞后清单: every task or livelihood project with a report overdue in any
// quarter (逾期未报), the latest due quarter filed late (迟报), a 进度 lamp red or amber in
// its latest judged quarter, or an overdue notice; with the reasons spelled out and in
// severity order. Both lamps come from lib/quarter-status.ts via the stored judgements,
// as known at the end of the list's day, so a past day's list is what was known then.
import { quarterShort } from "./periods";
import { isJudged, PROGRESS_RANK, type OverrideFact, type QuarterStatus, type ReasonKind } from "./quarter-status";
import { compareSubjects, subjectKey, subjectLabel, type SubjectInfo } from "./subject";
import type { ProgressLamp, ReportingLamp, ReportState } from "./vocabulary";

export interface OverdueQuarter {
  periodCode: string;
  status: QuarterStatus;
  reportState: ReportState | null;
}

export interface OverdueSubjectRow {
  subject: SubjectInfo;
  /** The year's quarters, first to last. */
  quarters: readonly OverdueQuarter[];
}

export interface NoticeFact {
  id: number;
  /** 督办〔2026〕1号 / 催办〔2026〕3号 */
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

/** Which filter a reason falls under (自评滞后 counts as 进度滞后); null for reasons no filter selects. */
export function reasonFilterOf(kind: EntryReasonKind): ReasonFilter | null {
  switch (kind) {
    case "selfBehind":
      return "behind";
    case "monthlyNode":
      return "milestone";
    case "override":
    case "notRequired":
      return null;
    default:
      return kind;
  }
}

export interface OverdueEntry {
  subject: SubjectInfo & { key: string; label: string };
  /** The quarter whose 进度 is shown: the latest judged one, else the latest due one. */
  periodCode: string | null;
  reportState: ReportState | null;
  /** 报送 of the latest quarter that is due (or already reported). */
  reporting: ReportingLamp | null;
  progress: ProgressLamp;
  computedProgress: ProgressLamp;
  override: OverrideFact | null;
  /** Quarters never reported though past due. */
  missingQuarters: string[];
  reasons: { kind: EntryReasonKind; text: string }[];
  notices: NoticeFact[];
  /** Sorting keys, highest first. */
  missingDays: number;
  worstShortfall: number;
}

const isDue = (q: OverdueQuarter) => q.status.reporting !== "not_due";

function entryFor(row: OverdueSubjectRow, notices: readonly NoticeFact[]): OverdueEntry | null {
  const reasons: OverdueEntry["reasons"] = [];
  const missing = row.quarters.filter((q) => q.status.reporting === "missing");
  for (const q of missing) reasons.push(...q.status.reasons.filter((r) => r.kind === "missing"));
  const latestDue = [...row.quarters].reverse().find(isDue) ?? null;
  if (latestDue?.status.reporting === "late") reasons.push(...latestDue.status.reasons.filter((r) => r.kind === "late"));
  const judged = [...row.quarters].reverse().find((q) => isJudged(q.status.progress)) ?? null;
  const shown = judged ?? latestDue;
  const progress = judged?.status.progress ?? "none";
  if (judged && (progress === "red" || progress === "amber")) {
    const q = quarterShort(judged.periodCode);
    for (const r of judged.status.reasons) {
      if (r.kind !== "missing" && r.kind !== "late" && r.kind !== "notRequired") reasons.push({ kind: r.kind, text: `${q}：${r.text}` });
    }
  }
  for (const n of notices) {
    if (n.state === "overdue") reasons.push({ kind: "notice", text: `${n.title} 已超过回复期限 ${n.daysOverdue} 天未回复` });
  }
  if (reasons.length === 0) return null;
  return {
    subject: { ...row.subject, key: subjectKey(row.subject), label: subjectLabel(row.subject) },
    periodCode: shown?.periodCode ?? null,
    reportState: shown?.reportState ?? null,
    reporting: latestDue?.status.reporting ?? null,
    progress,
    computedProgress: judged?.status.computedProgress ?? "none",
    override: judged?.status.override ?? null,
    missingQuarters: missing.map((q) => q.periodCode),
    reasons,
    notices: [...notices],
    missingDays: Math.max(0, ...missing.map((q) => q.status.daysLate)),
    worstShortfall: judged?.status.worstShortfall ?? 0,
  };
}

/** 红 first, then the longest-unreported, then 黄. */
function severity(e: OverdueEntry): number {
  if (e.progress === "red") return 3;
  if (e.missingQuarters.length > 0) return 2;
  if (e.progress === "amber") return 1;
  return 0;
}

/**
 * Severity order: 进度红, then 逾期未报 (longest first), then 进度黄; within that, overdue
 * notices (督办 before 催办), the largest shortfall, more reasons, then gazette order.
 */
export function compareSeverity(a: OverdueEntry, b: OverdueEntry): number {
  const noticeWeight = (e: OverdueEntry) => e.notices.reduce((w, n) => w + (n.state === "overdue" ? (n.level === "duban" ? 2 : 1) : 0), 0);
  return (
    severity(b) - severity(a) ||
    b.missingDays - a.missingDays ||
    noticeWeight(b) - noticeWeight(a) ||
    PROGRESS_RANK[b.progress] - PROGRESS_RANK[a.progress] ||
    b.worstShortfall - a.worstShortfall ||
    b.reasons.length - a.reasons.length ||
    compareSubjects(a.subject, b.subject)
  );
}

export function buildOverdueList(rows: readonly OverdueSubjectRow[], notices: ReadonlyMap<string, readonly NoticeFact[]>): OverdueEntry[] {
  return rows
    .map((row) => entryFor(row, notices.get(subjectKey(row.subject)) ?? []))
    .filter((e): e is OverdueEntry => e !== null)
    .sort(compareSeverity);
}
