// Reporting periods (Q1–Q4 of the programme year) and every rule that depends on
// "today". Days are Asia/Shanghai calendar days written YYYY-MM-DD; "today" is always
// an argument so the rules can be tested at any boundary.

export type Quarter = 1 | 2 | 3 | 4;
export const QUARTERS: readonly Quarter[] = [1, 2, 3, 4];

/** The period fields the rules need; db rows of `periods` fit it. */
export interface PeriodLike {
  code: string;
  quarter: number;
  startsOn: string;
  endsOn: string;
  dueOn: string;
}

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CODE_RE = /^(\d{4})Q([1-4])$/;
const MS_PER_DAY = 86_400_000;
/** The report is due on this day after the quarter ends (汨政办函〔2026〕1号 practice: 季后 5 日内). */
export const DEFAULT_DUE_DAYS_AFTER_END = 5;

export function formatQuarterCode(year: number, quarter: Quarter): string {
  return `${year}Q${quarter}`;
}

/** "2026Q1" → { year: 2026, quarter: 1 }; anything else → null. */
export function parseQuarterCode(code: string): { year: number; quarter: Quarter } | null {
  const m = CODE_RE.exec(code);
  if (!m) return null;
  return { year: Number(m[1]), quarter: Number(m[2]) as Quarter };
}

const QUARTER_NAMES = ["", "一", "二", "三", "四"] as const;

/** 1 → "一季度": the one way a quarter is named on screen (never "Q1"). */
export const quarterName = (quarter: number): string => `${QUARTER_NAMES[quarter] ?? ""}季度`;

/** "2026Q2" → "2026年第二季度". */
export function quarterLabel(code: string): string {
  const p = parseQuarterCode(code);
  return p ? `${p.year}年第${QUARTER_NAMES[p.quarter]}季度` : code;
}

/** "2026Q2" → "二季度" (the short form in tables, tabs and reason texts). */
export function quarterShort(code: string): string {
  const p = parseQuarterCode(code);
  return p ? `${QUARTER_NAMES[p.quarter]}季度` : code;
}

/** Days since 1970-01-01 for a YYYY-MM-DD string; throws on anything else. */
function dayNumber(day: string): number {
  const m = DAY_RE.exec(day);
  if (!m) throw new Error(`不是有效日期：${day}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(ms).toISOString().slice(0, 10);
  if (back !== day) throw new Error(`不是有效日期：${day}`);
  return ms / MS_PER_DAY;
}

function fromDayNumber(n: number): string {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

export function isValidDay(day: string): boolean {
  try {
    dayNumber(day);
    return true;
  } catch {
    return false;
  }
}

export function addDays(day: string, days: number): string {
  return fromDayNumber(dayNumber(day) + days);
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

const pad = (n: number) => String(n).padStart(2, "0");

export function quarterBounds(year: number, quarter: Quarter): { startsOn: string; endsOn: string } {
  const startMonth = (quarter - 1) * 3 + 1;
  const startsOn = `${year}-${pad(startMonth)}-01`;
  const nextStart = quarter === 4 ? `${year + 1}-01-01` : `${year}-${pad(startMonth + 3)}-01`;
  return { startsOn, endsOn: addDays(nextStart, -1) };
}

/** The default report due date: the 5th day after the quarter ends (Q1 → 04-05, Q4 → next year 01-05). */
export function defaultDueOn(year: number, quarter: Quarter): string {
  return addDays(quarterBounds(year, quarter).endsOn, DEFAULT_DUE_DAYS_AFTER_END);
}

/** The four periods of a programme year with default due dates, as the seed creates them. */
export function defaultPeriods(year: number): (PeriodLike & { quarter: Quarter })[] {
  return QUARTERS.map((quarter) => ({
    code: formatQuarterCode(year, quarter),
    quarter,
    ...quarterBounds(year, quarter),
    dueOn: defaultDueOn(year, quarter),
  }));
}

const shanghaiDay = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

// China has kept UTC+8 with no daylight saving since 1992, so inside this range the day is
// plain arithmetic; Intl (slow: the overdue list and dashboard ask for thousands of days
// per request) is only needed outside it.
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const FIXED_OFFSET_FROM = Date.UTC(1992, 0, 1);
const FIXED_OFFSET_UNTIL = Date.UTC(9999, 0, 1);

/** The Asia/Shanghai calendar day of an instant: 2026-03-31T16:00Z is already 2026-04-01. */
export function todayInShanghai(now: Date): string {
  const ms = now.getTime();
  if (ms >= FIXED_OFFSET_FROM && ms < FIXED_OFFSET_UNTIL) return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
  const parts = Object.fromEntries(shanghaiDay.formatToParts(now).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The Shanghai day of an epoch-ms timestamp (how submittedAt is stored). */
export function dayOfTimestamp(ms: number): string {
  return todayInShanghai(new Date(ms));
}

const byStart = <P extends PeriodLike>(periods: readonly P[]) => [...periods].sort((a, b) => (a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : 0));

/** The period whose quarter contains `today`, or null outside the programme year. */
export function currentPeriod<P extends PeriodLike>(periods: readonly P[], today: string): P | null {
  return periods.find((p) => p.startsOn <= today && today <= p.endsOn) ?? null;
}

/**
 * The period a lead unit should be working on today: the earliest started period whose
 * report is not yet past due (so 04-01…04-05 is still Q1's reporting window); after the
 * last due date, the last period; before the year starts, null.
 */
export function reportingPeriod<P extends PeriodLike>(periods: readonly P[], today: string): P | null {
  const started = byStart(periods).filter((p) => canDraft(p, today));
  return started.find((p) => today <= p.dueOn) ?? started.at(-1) ?? null;
}

/** A report can be drafted from the first day of its quarter. */
export function canDraft(period: PeriodLike, today: string): boolean {
  return today >= period.startsOn;
}

/** Days until the due date: 0 on the due day itself, negative once overdue. */
export function daysLeft(period: PeriodLike, today: string): number {
  return daysBetween(today, period.dueOn);
}

/**
 * Late = not submitted by the end of the due day (Shanghai). `firstSubmittedAt` is the
 * epoch ms of the FIRST submission: a report returned for corrections and resubmitted
 * after the due date was still on time.
 */
export function isLate(period: PeriodLike, firstSubmittedAt: number | null, today: string): boolean {
  if (firstSubmittedAt === null) return today > period.dueOn;
  return dayOfTimestamp(firstSubmittedAt) > period.dueOn;
}

/** Days past the due date: for an unsubmitted report counted to today, else to the submission day. */
export function daysOverdue(period: PeriodLike, firstSubmittedAt: number | null, today: string): number {
  const end = firstSubmittedAt === null ? today : dayOfTimestamp(firstSubmittedAt);
  return Math.max(0, daysBetween(period.dueOn, end));
}

/** The period before this one in the same list (for prefilling), or null for Q1. */
export function previousPeriod<P extends PeriodLike>(periods: readonly P[], period: PeriodLike): P | null {
  const sorted = byStart(periods);
  const i = sorted.findIndex((p) => p.code === period.code);
  return i > 0 ? (sorted[i - 1] ?? null) : null;
}

/** Whether `day` lies in the period's quarter (inclusive). */
export function isInPeriod(period: PeriodLike, day: string): boolean {
  return period.startsOn <= day && day <= period.endsOn;
}

/** "2026-04-05" → "2026年4月5日". */
export function formatDayCn(day: string): string {
  const m = DAY_RE.exec(day);
  if (!m) return day;
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** An admin-set due date must be a real day between the quarter's start and 90 days after its end. */
export function dueOnError(period: PeriodLike, dueOn: string): string | null {
  if (!isValidDay(dueOn)) return "请填写有效日期，格式如 2026-04-05";
  if (dueOn < period.startsOn) return `截止日期不能早于本季度开始日（${formatDayCn(period.startsOn)}）`;
  const latest = addDays(period.endsOn, 90);
  if (dueOn > latest) return `截止日期不能晚于季度结束后 90 天（${formatDayCn(latest)}）`;
  return null;
}
