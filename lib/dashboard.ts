// The 领导驾驶舱's figures for one quarter, from each subject's two lamps
// (lib/quarter-status.ts): counts of 报送 and 进度, the same by section / 牵头领导 /
// 牵头单位, what changed since the previous quarter, the one-sentence summary, the
// leader's own scope, and the drill-down filters every figure links to.
//
// - A subject led by two leaders or two units counts in each of their rows, so rows can
//   add up to more than the programme total.
// - In a lead unit's row, 报送 is the unit's own (lib/unit-reporting.ts): a co-lead unit by its
//   part, not by the compiler's filing; 进度 is the subject's.
// - 转红 / 转绿 compares quarters that were both judged (进度 not 未评估).
import { isValidDay, quarterShort, reportingPeriod, type PeriodLike } from "./periods";
import { isJudged, type QuarterStatus } from "./quarter-status";
import type { SubjectInfo } from "./subject";
import { PROGRESS_LABEL, PROGRESS_LAMPS, REPORTING_LABEL, REPORTING_LAMPS, type ProgressLamp, type ReportingLamp, type ReportState } from "./vocabulary";

export interface DashboardRow {
  subject: SubjectInfo;
  status: QuarterStatus;
  reportState: ReportState | null;
  /** The previous quarter's 进度 lamp; null for the first quarter. */
  previous: ProgressLamp | null;
  /** Each lead unit's own 报送 (lib/unit-reporting.ts); absent, every unit counts by the subject's lamp. */
  leadReporting?: readonly { unit: string; lamp: ReportingLamp }[];
}

/** The 报送 lamp a row counts with: the subject's, or within a lead unit's row that unit's own. */
export function reportingOf(row: DashboardRow, unit: string | null = null): ReportingLamp {
  return (unit !== null ? row.leadReporting?.find((r) => r.unit === unit)?.lamp : undefined) ?? row.status.reporting;
}

export interface Summary {
  total: number;
  reporting: Record<ReportingLamp, number>;
  progress: Record<ProgressLamp, number>;
  /** 进度 红/黄 because a metric is behind or the unit says 滞后. */
  behind: number;
  /** 进度 红/黄 because a node due in the quarter is not done. */
  nodesMissed: number;
}

const zero = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const flagged = (s: QuarterStatus) => s.progress === "red" || s.progress === "amber";

/** The counts of a set of rows; `unit` counts 报送 by that lead unit's own record. */
export function summarize(rows: readonly DashboardRow[], unit: string | null = null): Summary {
  const s: Summary = { total: rows.length, reporting: zero(REPORTING_LAMPS), progress: zero(PROGRESS_LAMPS), behind: 0, nodesMissed: 0 };
  for (const row of rows) {
    const { status } = row;
    s.reporting[reportingOf(row, unit)] += 1;
    s.progress[status.progress] += 1;
    if (flagged(status) && status.reasons.some((r) => r.kind === "behind" || r.kind === "selfBehind")) s.behind += 1;
    if (flagged(status) && status.reasons.some((r) => r.kind === "milestone")) s.nodesMissed += 1;
  }
  return s;
}

/** part ÷ whole as a percentage with one decimal (28.6), or null for an empty group. */
export function percent(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}

/** Subjects whose report is due by now (not 未到期, not 无需报送). */
export const dueCount = (s: Summary) => s.total - s.reporting.not_due - s.reporting.not_required;
export const onTimePercent = (s: Summary) => percent(s.reporting.on_time, dueCount(s));
export const reportedPercent = (s: Summary) => percent(s.reporting.on_time + s.reporting.late, dueCount(s));
export const completionPercent = (s: Summary) => percent(s.progress.done, s.total);

/**
 * "三季度 72 项：逾期未报 61、迟报 11；进度滞后 7、节点未完成 1；未销号督办 2 件" — the
 * quarter in one sentence, naming only what is not zero.
 */
export function summarySentence(periodCode: string, s: Summary, openDuban: number): string {
  const list = (parts: [string, number][]) =>
    parts
      .filter(([, n]) => n > 0)
      .map(([label, n]) => `${label} ${n}`)
      .join("、");
  const reporting =
    list([
      [REPORTING_LABEL.missing, s.reporting.missing],
      [REPORTING_LABEL.late, s.reporting.late],
      [REPORTING_LABEL.not_due, s.reporting.not_due],
      [REPORTING_LABEL.not_required, s.reporting.not_required],
    ]) || (s.total > 0 ? "全部按时报送" : "");
  const judged = s.total - s.progress.none;
  const progress =
    judged === 0
      ? "进度均未评估（尚无已提交的报告）"
      : list([
          ["进度滞后", s.behind],
          ["节点未完成", s.nodesMissed],
          ["进度红", s.behind + s.nodesMissed === 0 ? s.progress.red : 0],
          ["进度黄", s.behind + s.nodesMissed === 0 ? s.progress.amber : 0],
        ]) || "已评估的均进度正常";
  const duban = openDuban > 0 ? `未销号督办 ${openDuban} 件` : "无未销号督办";
  return `${quarterShort(periodCode)} ${s.total} 项：${[reporting, progress, duban].filter(Boolean).join("；")}`;
}

export const GROUP_KINDS = ["section", "leader", "unit"] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];
export const GROUP_LABEL: Record<GroupKind, string> = { section: "板块", leader: "牵头领导", unit: "牵头单位" };

export interface GroupRow {
  kind: GroupKind;
  name: string;
  summary: Summary;
}

function keysOf({ subject }: DashboardRow, kind: GroupKind): readonly string[] {
  switch (kind) {
    case "section":
      return [subject.section];
    case "leader":
      return subject.leaders;
    case "unit":
      return subject.leadUnits;
  }
}

/**
 * One row per section, leader or lead unit. Sections come in gazette order; leaders in
 * `order` (the registry's order) when given; units, and leaders missing from `order`, in
 * order of first appearance.
 */
export function groupRows(rows: readonly DashboardRow[], kind: GroupKind, order: readonly string[] = []): GroupRow[] {
  const members = new Map<string, DashboardRow[]>();
  const sorted = kind === "section" ? [...rows].sort((a, b) => a.subject.sectionPosition - b.subject.sectionPosition || a.subject.no - b.subject.no) : rows;
  for (const row of sorted) {
    for (const key of keysOf(row, kind)) {
      const list = members.get(key);
      if (list) list.push(row);
      else members.set(key, [row]);
    }
  }
  const rank = (name: string) => {
    const i = order.indexOf(name);
    return i === -1 ? Number.MAX_SAFE_INTEGER : i;
  };
  const names = [...members.keys()];
  if (order.length > 0) names.sort((a, b) => rank(a) - rank(b));
  return names.map((name) => ({ kind, name, summary: summarize(members.get(name) ?? [], kind === "unit" ? name : null) }));
}

/**
 * The groups a leader should look at first: most 逾期未报, then most 红, 迟报, 黄; ties keep
 * their order. The dashboard shows the head of this list and links to the whole table.
 */
export function byConcern(rows: readonly GroupRow[]): GroupRow[] {
  const key = ({ summary: s }: GroupRow) => [s.reporting.missing, s.progress.red, s.reporting.late, s.progress.amber];
  return [...rows].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return y[i]! - x[i]!;
    return 0;
  });
}

export const CHANGES = ["turnedRed", "turnedGreen"] as const;
export type Change = (typeof CHANGES)[number];
export const CHANGE_LABEL: Record<Change, string> = { turnedRed: "本季度转红", turnedGreen: "本季度转绿" };

/** Red (green) now and another judged colour in the previous quarter. */
export function hasChange(row: DashboardRow, change: Change): boolean {
  const to: ProgressLamp = change === "turnedRed" ? "red" : "green";
  const before = row.previous;
  return before !== null && isJudged(before) && isJudged(row.status.progress) && before !== to && row.status.progress === to;
}

export function changes(rows: readonly DashboardRow[]): Record<Change, DashboardRow[]> {
  return { turnedRed: rows.filter((r) => hasChange(r, "turnedRed")), turnedGreen: rows.filter((r) => hasChange(r, "turnedGreen")) };
}

/** Who the page is scoped to: a 牵头领导 sees their own subjects unless they ask for all; the 市长 and the offices see all. */
export function dashboardScope(
  user: { role: string; isMayor: boolean; leaderName: string | null },
  wantsAll: boolean,
): { leader: string | null; canNarrow: boolean } {
  const isLeadLeader = user.role === "leader" && !user.isMayor && user.leaderName !== null;
  return { leader: isLeadLeader && !wantsAll ? user.leaderName : null, canNarrow: isLeadLeader };
}

/** The leader's subjects first (tasks in 序号 order, then projects), then everyone else's. */
export function leaderFirst<T extends { subject: SubjectInfo }>(rows: readonly T[], leader: string | null): T[] {
  const mine = (r: T) => (leader !== null && r.subject.leaders.includes(leader) ? 0 : 1);
  const kind = (r: T) => (r.subject.kind === "task" ? 0 : 1);
  return [...rows].sort((a, b) => mine(a) - mine(b) || kind(a) - kind(b) || a.subject.no - b.subject.no);
}

// ─── drill-down ───

export interface DrillFilter {
  reporting: ReportingLamp | null;
  progress: ProgressLamp | null;
  change: Change | null;
  section: string | null;
  leader: string | null;
  unit: string | null;
}

export const EMPTY_DRILL: DrillFilter = { reporting: null, progress: null, change: null, section: null, leader: null, unit: null };
const DRILL_KEYS = ["reporting", "progress", "change", "section", "leader", "unit"] as const;

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

function first(params: RawParams, key: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
  const value = params[key];
  return Array.isArray(value) ? value[0] : value;
}

const oneOf = <T extends string>(list: readonly T[], value: string | undefined): T | null =>
  value !== undefined && (list as readonly string[]).includes(value) ? (value as T) : null;

/** Reads a drill-down filter from the URL; names not in `known` are dropped, never trusted. */
export function parseDrill(params: RawParams, known: { sections: readonly string[]; leaders: readonly string[]; units: readonly string[] }): DrillFilter {
  return {
    reporting: oneOf(REPORTING_LAMPS, first(params, "reporting")),
    progress: oneOf(PROGRESS_LAMPS, first(params, "progress")),
    change: oneOf(CHANGES, first(params, "change")),
    section: oneOf(known.sections, first(params, "section")),
    leader: oneOf(known.leaders, first(params, "leader")),
    unit: oneOf(known.units, first(params, "unit")),
  };
}

export function applyDrill(rows: readonly DashboardRow[], f: DrillFilter): DashboardRow[] {
  return rows.filter(
    (r) =>
      (f.reporting === null || reportingOf(r, f.unit) === f.reporting) &&
      (f.progress === null || r.status.progress === f.progress) &&
      (f.change === null || hasChange(r, f.change)) &&
      (f.section === null || r.subject.section === f.section) &&
      (f.leader === null || r.subject.leaders.includes(f.leader)) &&
      (f.unit === null || r.subject.leadUnits.includes(f.unit)),
  );
}

/** The query string of a drill-down (only the parts that are set, in a fixed order). */
export function drillSearch(f: Partial<DrillFilter>, base: Record<string, string | null | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(base)) if (v) params.set(k, v);
  for (const key of DRILL_KEYS) {
    const v = f[key];
    if (v) params.set(key, v);
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}

/** "报送：逾期未报 · 聚力强产业 · 牵头领导 杨盛", for the list's heading. */
export function describeDrill(f: DrillFilter): string {
  const parts: string[] = [];
  if (f.reporting) parts.push(`报送：${REPORTING_LABEL[f.reporting]}`);
  if (f.progress) parts.push(`进度：${PROGRESS_LABEL[f.progress]}`);
  if (f.change) parts.push(CHANGE_LABEL[f.change]);
  if (f.section) parts.push(f.section);
  if (f.leader) parts.push(`牵头领导 ${f.leader}`);
  if (f.unit) parts.push(`牵头单位 ${f.unit}`);
  return parts.length ? parts.join(" · ") : "全部任务与民生实事";
}

// ─── quarter and as-of day ───

/**
 * The quarter the page opens on: the latest one whose reports are past due (the last
 * complete round), else the one being reported now, else the first.
 */
export function defaultQuarter<P extends PeriodLike>(periods: readonly P[], today: string): P | null {
  const closed = periods.filter((p) => p.dueOn < today);
  return closed.at(-1) ?? reportingPeriod(periods, today) ?? periods[0] ?? null;
}

/** The “as of” day from the URL: a real day no later than today, else today. */
export function parseAsOf(raw: string | undefined, today: string): string {
  if (!raw || !isValidDay(raw) || raw > today) return today;
  return raw;
}
