// Status of one subject (task or livelihood project) for one quarter: the late-report
// flag, the behind-schedule flag, the RAG colour and the reasons in Chinese. The
// reason texts are shown verbatim on /my, the task page and the 督查室's overdue list.
//
// Rules (issue 4; thresholds in lib/status-config.ts):
// - late: not submitted by the end of the due day (the first submission counts).
// - behind: a metric's actual is below its plan for the quarter, or a milestone due in
//   the quarter is not done.
// - 红: late, or a metric behind by more than 20% of plan, or a milestone missed.
// - 黄: a metric behind by up to 20%, or self-assessed 滞后, or problems reported.
// - 绿: otherwise.
// Content (metrics, milestones, self status, problems) is only judged once the unit has
// submitted it (`assessed`); a draft is the unit's work in progress, not a statement.
import { formatNumber, formatWithUnit } from "./metric-values";
import { daysOverdue, isLate, quarterShort, type PeriodLike } from "./periods";
import { STATUS_CONFIG } from "./status-config";

export type Rag = "red" | "amber" | "green";
export type ReportState = "draft" | "submitted" | "approved" | "returned";
export type SelfStatus = "done" | "onTrack" | "behind" | "notStarted";

export interface RagMetric {
  label: string;
  unit: string;
  kind: "cumulative" | "rate";
  /** The planned (cumulative) value for this quarter. */
  plan: number;
  /** The reported cumulative actual; null when not given. */
  actual: number | null;
}

export interface RagMilestone {
  text: string;
  /** null: not stated (only possible in a draft). */
  done: boolean | null;
}

export interface QuarterStatusInput {
  period: PeriodLike;
  /** null when no report exists yet. */
  reportStatus: ReportState | null;
  firstSubmittedAt: number | null;
  metrics: readonly RagMetric[];
  /** Milestones due in this quarter. */
  milestones: readonly RagMilestone[];
  selfStatus: SelfStatus | null;
  problems: string;
  today: string;
}

export interface MetricShortfall {
  label: string;
  /** Share of the plan not reached, 0…1+. */
  ratio: number;
}

/** What a reason is about, so lists can filter by it (the 督查室's overdue list). */
export type ReasonKind = "missing" | "late" | "behind" | "milestone" | "selfBehind" | "problems";

export interface QuarterStatus {
  late: boolean;
  behind: boolean;
  rag: Rag;
  /** False while nothing has been submitted: the colour then reflects lateness only. */
  assessed: boolean;
  reasons: string[];
  /** The same reasons, each with its kind. */
  details: { kind: ReasonKind; text: string }[];
  shortfalls: MetricShortfall[];
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

export function metricReason(m: RagMetric & { actual: number }, ratio: number): string {
  if (m.kind === "rate") {
    const reached = m.plan === 0 ? 0 : m.actual / m.plan;
    return `${m.label} ${formatWithUnit(m.actual, m.unit)}，低于目标 ${formatWithUnit(m.plan, m.unit)}（为目标的 ${formatPercent(reached)}）`;
  }
  return `${m.label} 累计 ${formatNumber(m.actual)}/${formatWithUnit(m.plan, m.unit)}，低于序时进度 ${formatPercent(ratio)}`;
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

export function evaluateQuarter(input: QuarterStatusInput): QuarterStatus {
  const { period, today } = input;
  const q = quarterShort(period.code);
  const late = isLate(period, input.firstSubmittedAt, today);
  const assessed = input.reportStatus !== null && input.reportStatus !== "draft";
  const details: { kind: ReasonKind; text: string }[] = [];
  const add = (kind: ReasonKind, text: string) => details.push({ kind, text });
  let red = false;
  let amber = false;

  if (late) {
    red = true;
    const days = daysOverdue(period, input.firstSubmittedAt, today);
    if (input.firstSubmittedAt === null) add("missing", `${q} 未报，已逾期 ${days} 天`);
    else add("late", `${q} 逾期 ${days} 天提交`);
  }

  const shortfalls: MetricShortfall[] = [];
  let milestoneMissed = false;
  if (assessed) {
    for (const m of input.metrics) {
      if (m.actual === null) continue;
      const ratio = shortfallRatio(m.plan, m.actual);
      if (ratio <= 0) continue;
      shortfalls.push({ label: m.label, ratio });
      add("behind", metricReason({ ...m, actual: m.actual }, ratio));
      if (ratio > STATUS_CONFIG.redShortfallRatio + EPSILON) red = true;
      else amber = true;
    }
    for (const ms of input.milestones) {
      if (ms.done === true) continue;
      milestoneMissed = true;
      red = true;
      add("milestone", `节点未完成：${quote(ms.text)}`);
    }
    if (STATUS_CONFIG.selfBehindIsAmber && input.selfStatus === "behind") {
      amber = true;
      add("selfBehind", "单位自评“滞后”");
    }
    if (STATUS_CONFIG.problemsAreAmber && hasProblems(input.problems)) {
      amber = true;
      add("problems", `存在问题：${quote(input.problems)}`);
    }
  }

  return {
    late,
    behind: shortfalls.length > 0 || milestoneMissed,
    rag: red ? "red" : amber ? "amber" : "green",
    assessed,
    reasons: details.map((d) => d.text),
    details,
    shortfalls,
  };
}
