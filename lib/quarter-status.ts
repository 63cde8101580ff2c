// The one judgement of a subject's quarter (a key task or a livelihood project), as two
// lamps that the gazette's own practice keeps apart:
//
// 报送 (reporting discipline), from the calendar and the first submission only:
//   未到期 before the due day with nothing submitted · 已按时报送 first submitted by the end
//   of the due day (Asia/Shanghai) · 迟报 first submitted later, with the days late ·
//   逾期未报 due day passed, nothing submitted · 无需报送 nobody is due to report (a task
//   with no lead unit yet). A report returned and resubmitted keeps its first submission.
//   A monthly 督办事项 (cadence 按月推进) reports every month inside its quarterly report
//   (judgeMonthlyReporting): each month of the quarter is due on its last day plus as many
//   days as the quarter's due day is after the quarter's end, and is reported by the first
//   submission made on or after the month's first day; the quarter's 报送 is its worst month.
//
// 进度 (the work), from the latest submitted version's content against the quarter's plan:
//   红 a cumulative metric more than STATUS_CONFIG.redShortfallRatio below plan, a rate more
//   than rateRedPoints percentage points below target, or a node due in the quarter not done;
//   黄 smaller shortfalls, a node done after its due day, self-assessed 滞后, or problems
//   reported; 绿 otherwise; 已完成 when the unit reports 已完成 and the 督查室 approved it;
//   未评估 when nothing has been submitted for the quarter. A late report never changes it;
//   a draft is never judged. The 督查室's override replaces the lamp, with its reason.
//   月度推进节点 (withMonthlyNodes) raise it on the calendar, submitted or not: a node
//   not done by its month's end makes it at least 黄; STATUS_CONFIG.missedNodesRed or more
//   such nodes, or one in the quarter's last month, 红; a node done after its month, 黄.
//
// Every screen, export, notification and the API shows what this module says. The 进度
// half depends on content only and is stored when content changes (db/status); the 报送
// half depends on the day and is derived when read, from the stored first submission;
// so does the monthly-node part of 进度, from the stored node due and done days.
import { monthEnd, monthLabel, nodeState, quarterMonths, type MonthlyNodeFact } from "./monthly-nodes";
import { formatNumber, formatWithUnit } from "./metric-values";
import { addDays, dayOfTimestamp, daysBetween, parseQuarterCode, quarterShort, type PeriodLike, type Quarter } from "./periods";
import { STATUS_CONFIG } from "./status-config";
import type { OverrideColor, ProgressLamp, ReportingLamp, ReviewStatus, SelfStatus } from "./vocabulary";

export type ReasonKind = "missing" | "late" | "notRequired" | "override" | "behind" | "milestone" | "selfBehind" | "problems" | "monthlyNode";

export interface Reason {
  kind: ReasonKind;
  text: string;
}

/** A metric of the quarter with its plan: a task's quarterly target, or a project's voted node target. */
export interface JudgedMetric {
  label: string;
  unit: string;
  kind: "cumulative" | "rate";
  plan: number;
  actual: number | null;
  basis: "quarterTarget" | "node";
}

/** A node (节点) due in the quarter: a task's planned milestone or a project's stage milestone. */
export interface JudgedNode {
  text: string;
  due: string;
  done: boolean | null;
  doneOn: string | null;
}

/** The latest submitted version of the quarter's report, in the terms the rules judge. */
export interface SubmittedQuarter {
  metrics: readonly JudgedMetric[];
  nodes: readonly JudgedNode[];
  selfStatus: SelfStatus | null;
  problems: string;
  /** The 督查室's decision on that version as known at the time judged. */
  review: ReviewStatus;
}

export interface OverrideFact {
  color: OverrideColor;
  reason: string;
  byName: string | null;
  at: number;
}

export interface ProgressJudgement {
  /** What the rules say. */
  computed: ProgressLamp;
  /** What is shown: the override's colour where there is one. */
  progress: ProgressLamp;
  override: OverrideFact | null;
  /** Why, from the content (the override's reason is added by quarterStatus). */
  reasons: Reason[];
  /** The largest shortfall as a share of plan (0 when none), for sorting lists. */
  worstShortfall: number;
}

export interface ReportingFacts {
  period: PeriodLike;
  /** False when nobody is due to report (no lead unit). */
  required: boolean;
  /** Shanghai day of the first submission known on the day judged, or null. */
  firstSubmittedDay: string | null;
}

export interface ReportingJudgement {
  lamp: ReportingLamp;
  /** 迟报: days late at submission; 逾期未报: days overdue so far; else 0. */
  daysLate: number;
  reason: Reason | null;
  /** A monthly 督办事项: each month of the quarter it is due in, first to last (else absent). */
  months?: MonthReporting[];
}

/** One month of a monthly 督办事项's quarter. */
export interface MonthReporting {
  month: number;
  /** The month's first day: a submission from then on reports the month. */
  startsOn: string;
  dueOn: string;
  lamp: ReportingLamp;
  daysLate: number;
  /** Shanghai day of the submission that reported the month, or null. */
  reportedOn: string | null;
}

export interface QuarterStatus {
  reporting: ReportingLamp;
  daysLate: number;
  /** A monthly 督办事项: how each month of the quarter stands (judgeMonthlyReporting). */
  months?: MonthReporting[];
  progress: ProgressLamp;
  computedProgress: ProgressLamp;
  overridden: boolean;
  override: OverrideFact | null;
  /** Every reason, in the order screens list them: 报送, then the override, then 进度. */
  reasons: Reason[];
  worstShortfall: number;
}

const EPSILON = 1e-9;

/** 0.2857 → "28.6%", 0.25 → "25%". */
export function formatPercent(ratio: number): string {
  return `${formatNumber(Math.round(ratio * 1000) / 10)}%`;
}

/** How far below plan an actual is, as a share of the plan (0 when on or above plan). */
export function shortfallRatio(plan: number, actual: number): number {
  if (actual >= plan) return 0;
  if (plan === 0) return 1;
  return (plan - actual) / Math.abs(plan);
}

/** True when 存在问题 says something other than "无" and the like. */
export function hasProblems(problems: string): boolean {
  const bare = problems.replace(/[\s。．.，,；;！!：:、]/g, "");
  if (bare === "") return false;
  return !(STATUS_CONFIG.noProblemPhrases as readonly string[]).includes(bare);
}

function quote(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const max = STATUS_CONFIG.problemQuoteChars;
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** Where a metric stands against its plan: null when on plan (or not stated). */
export function metricShortfall(m: JudgedMetric): { severity: "red" | "amber"; ratio: number; text: string } | null {
  if (m.actual === null || m.actual + EPSILON >= m.plan) return null;
  const actual = m.actual;
  if (m.kind === "rate") {
    const points = m.plan - actual;
    const severity = points > STATUS_CONFIG.rateRedPoints + EPSILON ? "red" : "amber";
    const text = `${m.label} ${formatWithUnit(actual, m.unit)}，低于目标 ${formatWithUnit(m.plan, m.unit)} ${formatNumber(points)} 个百分点`;
    return { severity, ratio: m.plan === 0 ? 1 : points / Math.abs(m.plan), text };
  }
  const ratio = shortfallRatio(m.plan, actual);
  const severity = ratio > STATUS_CONFIG.redShortfallRatio + EPSILON ? "red" : "amber";
  const reached = `${m.label} 累计 ${formatNumber(actual)}/${formatWithUnit(m.plan, m.unit)}`;
  const text =
    m.basis === "node" ? `${reached}，未达到节点目标（差 ${formatWithUnit(m.plan - actual, m.unit)}）` : `${reached}，低于季度目标 ${formatPercent(ratio)}`;
  return { severity, ratio, text };
}

/** The 进度 lamp and its reasons. `submitted` is null when nothing was submitted for the quarter. */
export function judgeProgress(submitted: SubmittedQuarter | null, override: OverrideFact | null): ProgressJudgement {
  const reasons: Reason[] = [];
  let computed: ProgressLamp = "none";
  let worstShortfall = 0;
  if (submitted) {
    let red = false;
    let amber = false;
    for (const m of submitted.metrics) {
      const s = metricShortfall(m);
      if (!s) continue;
      reasons.push({ kind: "behind", text: s.text });
      worstShortfall = Math.max(worstShortfall, s.ratio);
      if (s.severity === "red") red = true;
      else amber = true;
    }
    for (const n of submitted.nodes) {
      if (n.done !== true) {
        red = true;
        reasons.push({ kind: "milestone", text: `节点未完成：${quote(n.text)}` });
      } else if (n.doneOn !== null && n.doneOn > n.due) {
        amber = true;
        reasons.push({ kind: "milestone", text: `节点逾期完成（${n.doneOn}，应于 ${n.due} 前）：${quote(n.text)}` });
      }
    }
    if (STATUS_CONFIG.selfBehindIsAmber && submitted.selfStatus === "behind") {
      amber = true;
      reasons.push({ kind: "selfBehind", text: "单位自评“滞后”" });
    }
    if (STATUS_CONFIG.problemsAreAmber && hasProblems(submitted.problems)) {
      amber = true;
      reasons.push({ kind: "problems", text: `存在问题：${quote(submitted.problems)}` });
    }
    const done = submitted.selfStatus === "done" && submitted.review === "approved";
    computed = done ? "done" : red ? "red" : amber ? "amber" : "green";
  }
  return { computed, progress: override?.color ?? computed, override, reasons, worstShortfall };
}

const LAMP_ORDER: Record<"green" | "amber" | "red", number> = { green: 0, amber: 1, red: 2 };

/**
 * The 进度 judgement with the quarter's monthly nodes as they stand at the end of `asOf`
 * (`lastMonth`: the quarter's third month). A quarter with nothing submitted is judged on
 * its nodes alone once one is missed or done late; 已完成 (approved) stays 已完成.
 */
export function withMonthlyNodes(
  j: ProgressJudgement,
  nodes: readonly MonthlyNodeFact[],
  { lastMonth }: { lastMonth: number },
  asOf: string,
): ProgressJudgement {
  const reasons: Reason[] = [];
  let missed = 0;
  let missedLast = false;
  let late = false;
  for (const n of nodes) {
    const state = nodeState(n, asOf);
    if (state === "missed") {
      missed += 1;
      if (n.month === lastMonth) missedLast = true;
      reasons.push({ kind: "monthlyNode", text: `${monthLabel(n.month)}节点未完成：${quote(n.text)}（${n.unitName}）` });
    } else if (state === "doneLate") {
      late = true;
      reasons.push({ kind: "monthlyNode", text: `${monthLabel(n.month)}节点逾期完成（${n.doneDay}，应于 ${n.dueOn} 前）：${quote(n.text)}（${n.unitName}）` });
    }
  }
  if (reasons.length === 0) return j;
  const floor =
    missed >= STATUS_CONFIG.missedNodesRed || (missedLast && STATUS_CONFIG.missedLastMonthNodeIsRed)
      ? "red"
      : missed > 0 || (late && STATUS_CONFIG.lateNodeIsAmber)
        ? "amber"
        : "green";
  let computed = j.computed;
  if (computed === "none") computed = floor;
  else if (computed !== "done" && LAMP_ORDER[floor] > LAMP_ORDER[computed]) computed = floor;
  return { ...j, computed, progress: j.override?.color ?? computed, reasons: [...j.reasons, ...reasons] };
}

/** The 报送 lamp on `asOf` (a Shanghai day). */
export function judgeReporting({ period, required, firstSubmittedDay }: ReportingFacts, asOf: string): ReportingJudgement {
  const q = quarterShort(period.code);
  // The caller passes only what was known at the end of `asOf` (stored history for a past day).
  if (firstSubmittedDay !== null) {
    if (firstSubmittedDay <= period.dueOn) return { lamp: "on_time", daysLate: 0, reason: null };
    const days = daysBetween(period.dueOn, firstSubmittedDay);
    return { lamp: "late", daysLate: days, reason: { kind: "late", text: `${q}迟报 ${days} 天` } };
  }
  if (!required) return { lamp: "not_required", daysLate: 0, reason: { kind: "notRequired", text: "无需报送（待指定牵头单位）" } };
  if (asOf <= period.dueOn) return { lamp: "not_due", daysLate: 0, reason: null };
  const days = daysBetween(period.dueOn, asOf);
  return { lamp: "missing", daysLate: days, reason: { kind: "missing", text: `${q}逾期未报，已逾期 ${days} 天` } };
}

/** A month's due day: its last day plus the days the quarter's due day is after the quarter's end. */
export function monthDueOn(period: Pick<PeriodLike, "endsOn" | "dueOn">, year: number, month: number): string {
  return addDays(monthEnd(year, month), daysBetween(period.endsOn, period.dueOn));
}

const monthStart = (year: number, month: number) => `${year}-${String(month).padStart(2, "0")}-01`;
const REPORTING_ORDER: Record<ReportingLamp, number> = { not_required: 0, not_due: 1, on_time: 2, late: 3, missing: 4 };

/**
 * The 报送 of a monthly 督办事项's quarter on `asOf`. Months that end before `dueFrom` (the day
 * the item was given or its time limit set) are not due. Each due month is judged by the same
 * calendar rule as a quarter (judgeReporting) against its own due day, with the first
 * submission (`submittedDays`, oldest first) made on or after the month's first day; the
 * quarter's lamp is the worst month's (逾期未报 over 迟报 over 已按时报送 over 未到期), with the
 * most days, and one reason naming every late or missing month.
 */
export function judgeMonthlyReporting(
  { period, required, dueFrom, submittedDays }: { period: PeriodLike; required: boolean; dueFrom: string | null; submittedDays: readonly string[] },
  asOf: string,
): ReportingJudgement {
  const known = submittedDays.filter((d) => d <= asOf);
  const parsed = parseQuarterCode(period.code);
  if (!parsed || (!required && known.length === 0)) return judgeReporting({ period, required, firstSubmittedDay: known[0] ?? null }, asOf);
  const months: MonthReporting[] = [];
  for (const month of quarterMonths(parsed.quarter as Quarter)) {
    if (dueFrom !== null && monthEnd(parsed.year, month) < dueFrom) continue;
    const startsOn = monthStart(parsed.year, month);
    const dueOn = monthDueOn(period, parsed.year, month);
    const reportedOn = known.find((d) => d >= startsOn) ?? null;
    const j = judgeReporting({ period: { ...period, dueOn }, required: true, firstSubmittedDay: reportedOn }, asOf);
    months.push({ month, startsOn, dueOn, lamp: j.lamp, daysLate: j.daysLate, reportedOn });
  }
  if (months.length === 0) return { ...judgeReporting({ period, required, firstSubmittedDay: known[0] ?? null }, asOf), months };
  const worst = months.reduce((a, b) => (REPORTING_ORDER[b.lamp] > REPORTING_ORDER[a.lamp] ? b : a));
  const lamp = worst.lamp;
  const daysLate = Math.max(0, ...months.filter((m) => m.lamp === lamp).map((m) => m.daysLate));
  const texts = months.flatMap((m) =>
    m.lamp === "missing"
      ? [`${monthLabel(m.month)}逾期未报，已逾期 ${m.daysLate} 天`]
      : m.lamp === "late"
        ? [`${monthLabel(m.month)}迟报 ${m.daysLate} 天`]
        : [],
  );
  const kind = months.some((m) => m.lamp === "missing") ? "missing" : "late";
  return { lamp, daysLate, reason: texts.length ? { kind, text: `${quarterShort(period.code)}${texts.join("，")}` } : null, months };
}

/** Both lamps together, with every reason in display order. */
export function quarterStatus(progress: ProgressJudgement, reporting: ReportingJudgement): QuarterStatus {
  const reasons: Reason[] = [];
  if (reporting.reason) reasons.push(reporting.reason);
  if (progress.override) reasons.push({ kind: "override", text: `督查室认定：${progress.override.reason}` });
  reasons.push(...progress.reasons);
  return {
    reporting: reporting.lamp,
    daysLate: reporting.daysLate,
    ...(reporting.months ? { months: reporting.months } : {}),
    progress: progress.progress,
    computedProgress: progress.computed,
    overridden: progress.override !== null,
    override: progress.override,
    reasons,
    worstShortfall: progress.worstShortfall,
  };
}

export interface QuarterFacts {
  period: PeriodLike;
  required: boolean;
  /** Epoch ms of the first submission known on `asOf`, or null. */
  firstSubmittedAt: number | null;
  /** The latest version known on `asOf`, or null. */
  submitted: SubmittedQuarter | null;
  override: OverrideFact | null;
}

/** The whole judgement from the facts known at the end of `asOf`. */
export function judgeQuarter(facts: QuarterFacts, asOf: string): QuarterStatus {
  const firstSubmittedDay = facts.firstSubmittedAt === null ? null : dayOfTimestamp(facts.firstSubmittedAt);
  return quarterStatus(
    judgeProgress(facts.submitted, facts.override),
    judgeReporting({ period: facts.period, required: facts.required, firstSubmittedDay }, asOf),
  );
}

/** A lamp was judged in both quarters: "转红 / 转绿" only compares those. */
export const isJudged = (p: ProgressLamp) => p !== "none";

/** Severity rank of the 进度 lamp for sorting (红 first). */
export const PROGRESS_RANK: Record<ProgressLamp, number> = { red: 4, amber: 3, green: 2, done: 1, none: 0 };
