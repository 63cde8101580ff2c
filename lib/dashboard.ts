// The 领导驾驶舱's figures, from one status row per task: RAG counts, completion and
// reporting rates by section / 牵头领导 / 牵头单位, what changed since the previous
// quarter, the leader's own scope, and the drill-down filters every figure links to.
// Pure: the RAG of each task comes from lib/rag.ts (or a 督查室 override) via db/queries.
//
// Definitions (shown on the page as 口径说明):
// - 完成率 = tasks 已完成 ÷ tasks; a task is 已完成 when its submitted report for the
//   quarter self-assesses “已完成”.
// - 报送率 = tasks whose report for the quarter has been submitted (提交/通过/退回) ÷ tasks;
//   按时报送 counts those first submitted by the due day.
// - A task led by two leaders or two units counts in each of their rows, so rows can
//   add up to more than the programme total.
// - 转红 / 转绿: the colour is red (green) this quarter and was another colour last quarter.
import { isValidDay, reportingPeriod, type PeriodLike } from "./periods";
import type { Rag, ReportState } from "./rag";
import { RAG_LABEL } from "./status-config";

export interface DashboardTask {
  no: number;
  target: string;
  section: string;
  sectionPosition: number;
  leaders: readonly string[];
  leadUnits: readonly string[];
  rag: Rag;
  reasons: readonly string[];
  late: boolean;
  reportStatus: ReportState | null;
  /** First submitted by the due day. */
  onTime: boolean;
  done: boolean;
  /** The previous quarter's colour; null for the first quarter. */
  previousRag: Rag | null;
}

export interface Summary {
  total: number;
  red: number;
  amber: number;
  green: number;
  done: number;
  submitted: number;
  onTime: number;
}

export const isSubmitted = (t: Pick<DashboardTask, "reportStatus">) => t.reportStatus !== null && t.reportStatus !== "draft";

export function summarize(tasks: readonly DashboardTask[]): Summary {
  const s: Summary = { total: tasks.length, red: 0, amber: 0, green: 0, done: 0, submitted: 0, onTime: 0 };
  for (const t of tasks) {
    s[t.rag] += 1;
    if (t.done) s.done += 1;
    if (isSubmitted(t)) s.submitted += 1;
    if (t.onTime) s.onTime += 1;
  }
  return s;
}

/** part ÷ whole as a percentage with one decimal (28.6), or null for an empty group. */
export function percent(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}

export const completionPercent = (s: Summary) => percent(s.done, s.total);
export const submittedPercent = (s: Summary) => percent(s.submitted, s.total);
export const onTimePercent = (s: Summary) => percent(s.onTime, s.total);

export const GROUP_KINDS = ["section", "leader", "unit"] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];
export const GROUP_LABEL: Record<GroupKind, string> = { section: "板块", leader: "牵头领导", unit: "牵头单位" };

export interface GroupRow {
  kind: GroupKind;
  name: string;
  summary: Summary;
}

function keysOf(task: DashboardTask, kind: GroupKind): readonly string[] {
  switch (kind) {
    case "section":
      return [task.section];
    case "leader":
      return task.leaders;
    case "unit":
      return task.leadUnits;
  }
}

/**
 * One row per section, leader or lead unit. Sections come in gazette order; leaders in
 * `order` (the registry's order) when given; units, and leaders missing from `order`, in
 * order of first appearance.
 */
export function groupTasks(tasks: readonly DashboardTask[], kind: GroupKind, order: readonly string[] = []): GroupRow[] {
  const members = new Map<string, DashboardTask[]>();
  const sorted = kind === "section" ? [...tasks].sort((a, b) => a.sectionPosition - b.sectionPosition || a.no - b.no) : tasks;
  for (const task of sorted) {
    for (const key of keysOf(task, kind)) {
      const list = members.get(key);
      if (list) list.push(task);
      else members.set(key, [task]);
    }
  }
  const rank = (name: string) => {
    const i = order.indexOf(name);
    return i === -1 ? Number.MAX_SAFE_INTEGER : i;
  };
  const names = [...members.keys()];
  if (order.length > 0) names.sort((a, b) => rank(a) - rank(b));
  return names.map((name) => ({ kind, name, summary: summarize(members.get(name) ?? []) }));
}

export interface RagChanges {
  turnedRed: DashboardTask[];
  turnedGreen: DashboardTask[];
}

export function ragChanges(tasks: readonly DashboardTask[]): RagChanges {
  const changed = (to: Rag) => tasks.filter((t) => t.previousRag !== null && t.previousRag !== to && t.rag === to);
  return { turnedRed: changed("red"), turnedGreen: changed("green") };
}

/** Who the page is scoped to: a 牵头领导 sees their own tasks unless they ask for all; the 市长 and the offices see all. */
export function dashboardScope(
  user: { role: string; isMayor: boolean; leaderName: string | null },
  wantsAll: boolean,
): { leader: string | null; canNarrow: boolean } {
  const isLeadLeader = user.role === "leader" && !user.isMayor && user.leaderName !== null;
  return { leader: isLeadLeader && !wantsAll ? user.leaderName : null, canNarrow: isLeadLeader };
}

/** The leader's tasks first (in 序号 order), then everyone else's. */
export function leaderFirst<T extends Pick<DashboardTask, "no" | "leaders">>(tasks: readonly T[], leader: string | null): T[] {
  const mine = (t: T) => (leader !== null && t.leaders.includes(leader) ? 0 : 1);
  return [...tasks].sort((a, b) => mine(a) - mine(b) || a.no - b.no);
}

// ─── drill-down ───

export const DRILL_FLAGS = ["late", "onTime", "notOnTime", "submitted", "done", "turnedRed", "turnedGreen"] as const;
export type DrillFlag = (typeof DRILL_FLAGS)[number];

export const DRILL_FLAG_LABEL: Record<DrillFlag, string> = {
  late: "逾期未报或逾期提交",
  onTime: "按时报送",
  notOnTime: "未按时报送",
  submitted: "已报送",
  done: "已完成",
  turnedRed: "本季度转红",
  turnedGreen: "本季度转绿",
};

export const RAGS: readonly Rag[] = ["red", "amber", "green"];

export interface DrillFilter {
  rag: Rag | null;
  flag: DrillFlag | null;
  section: string | null;
  leader: string | null;
  unit: string | null;
}

export const EMPTY_DRILL: DrillFilter = { rag: null, flag: null, section: null, leader: null, unit: null };

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

function first(params: RawParams, key: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
  const value = params[key];
  return Array.isArray(value) ? value[0] : value;
}

const oneOf = <T extends string>(list: readonly T[], value: string | undefined): T | null =>
  value !== undefined && (list as readonly string[]).includes(value) ? (value as T) : null;

/** Reads a drill-down filter from the URL; names not in `known` are dropped, never trusted. */
export function parseDrill(
  params: RawParams,
  known: { sections: readonly string[]; leaders: readonly string[]; units: readonly string[] },
): DrillFilter {
  return {
    rag: oneOf(RAGS, first(params, "rag")),
    flag: oneOf(DRILL_FLAGS, first(params, "flag")),
    section: oneOf(known.sections, first(params, "section")),
    leader: oneOf(known.leaders, first(params, "leader")),
    unit: oneOf(known.units, first(params, "unit")),
  };
}

function matchesFlag(t: DashboardTask, flag: DrillFlag): boolean {
  switch (flag) {
    case "late":
      return t.late;
    case "onTime":
      return t.onTime;
    case "notOnTime":
      return !t.onTime;
    case "submitted":
      return isSubmitted(t);
    case "done":
      return t.done;
    case "turnedRed":
      return t.previousRag !== null && t.previousRag !== "red" && t.rag === "red";
    case "turnedGreen":
      return t.previousRag !== null && t.previousRag !== "green" && t.rag === "green";
  }
}

export function applyDrill(tasks: readonly DashboardTask[], f: DrillFilter): DashboardTask[] {
  return tasks.filter(
    (t) =>
      (f.rag === null || t.rag === f.rag) &&
      (f.flag === null || matchesFlag(t, f.flag)) &&
      (f.section === null || t.section === f.section) &&
      (f.leader === null || t.leaders.includes(f.leader)) &&
      (f.unit === null || t.leadUnits.includes(f.unit)),
  );
}

/** The query string of a drill-down (only the parts that are set, in a fixed order). */
export function drillSearch(f: Partial<DrillFilter>, base: Record<string, string | null | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(base)) if (v) params.set(k, v);
  for (const key of ["rag", "flag", "section", "leader", "unit"] as const) {
    const v = f[key];
    if (v) params.set(key, v);
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}

/** "红色 · 聚力强产业 · 牵头领导 杨盛", for the list's heading. */
export function describeDrill(f: DrillFilter): string {
  const parts: string[] = [];
  if (f.rag) parts.push(`${RAG_LABEL[f.rag]}色`);
  if (f.flag) parts.push(DRILL_FLAG_LABEL[f.flag]);
  if (f.section) parts.push(f.section);
  if (f.leader) parts.push(`牵头领导 ${f.leader}`);
  if (f.unit) parts.push(`牵头单位 ${f.unit}`);
  return parts.length ? parts.join(" · ") : "全部任务";
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
