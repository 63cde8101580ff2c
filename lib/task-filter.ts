// Search, filter and sort rules for the 任务总览 table. Pure: the page parses the
// URL with parseTaskQuery, the server applies applyTaskQuery, and the client
// controls write the next state back with taskQueryToSearch, so a link
// reproduces exactly the same view.
import type { Comparator, MetricKind } from "./vocabulary";

export interface TaskMetricItem {
  label: string;
  target: number;
  targetMax: number | null;
  unit: string;
  comparator: Comparator;
  kind: MetricKind;
}

export interface TaskListItem {
  no: number;
  section: string;
  /** Gazette order of the section; groups are always shown in this order. */
  sectionPosition: number;
  subsection: string | null;
  target: string;
  leaders: string[];
  leadUnits: string[];
  coopUnits: string[];
  metrics: TaskMetricItem[];
  needsVerification: boolean;
  note: string | null;
}

/** any: the unit leads or cooperates; lead / coop: only that role. */
export const UNIT_ROLE_FILTERS = ["any", "lead", "coop"] as const;
export type UnitRoleFilter = (typeof UNIT_ROLE_FILTERS)[number];

/** The only sort keys the URL may ask for. */
export const TASK_SORT_KEYS = ["no", "leader", "leadUnit"] as const;
export type TaskSortKey = (typeof TASK_SORT_KEYS)[number];
export const SORT_DIRECTIONS = ["asc", "desc"] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

export interface TaskQuery {
  q: string;
  leader: string | null;
  unit: string | null;
  role: UnitRoleFilter;
  verify: boolean;
  sort: { key: TaskSortKey; dir: SortDirection };
}

export const DEFAULT_TASK_QUERY: TaskQuery = {
  q: "",
  leader: null,
  unit: null,
  role: "any",
  verify: false,
  sort: { key: "no", dir: "asc" },
};

const MAX_QUERY_LENGTH = 100;

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

function first(params: RawParams, key: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
  const value = params[key];
  return Array.isArray(value) ? value[0] : value;
}

function isOneOf<T extends string>(list: readonly T[], value: string | undefined): value is T {
  return value !== undefined && (list as readonly string[]).includes(value);
}

/**
 * Reads the view state from the URL. Anything unknown is dropped rather than
 * trusted: a sort key outside the allow-list falls back to 序号, and a leader or
 * unit not in `known` (when given) is ignored so the controls always match the view.
 */
export function parseTaskQuery(params: RawParams, known?: { leaders?: readonly string[]; units?: readonly string[] }): TaskQuery {
  const q = (first(params, "q") ?? "").trim().slice(0, MAX_QUERY_LENGTH);
  const pick = (key: string, allowed: readonly string[] | undefined) => {
    const value = first(params, key)?.trim();
    if (!value) return null;
    if (allowed && !allowed.includes(value)) return null;
    return value;
  };
  const role = first(params, "role");
  const [sortKey, sortDir] = (first(params, "sort") ?? "").split(".");
  const sort = isOneOf(TASK_SORT_KEYS, sortKey) && isOneOf(SORT_DIRECTIONS, sortDir) ? { key: sortKey, dir: sortDir } : DEFAULT_TASK_QUERY.sort;
  return {
    q,
    leader: pick("leader", known?.leaders),
    unit: pick("unit", known?.units),
    role: isOneOf(UNIT_ROLE_FILTERS, role) ? role : "any",
    verify: first(params, "verify") === "1",
    sort,
  };
}

/** "?q=…&unit=…" for the state, leaving defaults out; "" when everything is default. */
export function taskQueryToSearch(query: TaskQuery): string {
  const params = new URLSearchParams();
  if (query.q.trim()) params.set("q", query.q.trim());
  if (query.leader) params.set("leader", query.leader);
  if (query.unit) params.set("unit", query.unit);
  if (query.role !== "any") params.set("role", query.role);
  if (query.verify) params.set("verify", "1");
  const { key, dir } = query.sort;
  if (key !== DEFAULT_TASK_QUERY.sort.key || dir !== DEFAULT_TASK_QUERY.sort.dir) {
    params.set("sort", `${key}.${dir}`);
  }
  const search = params.toString();
  return search ? `?${search}` : "";
}

export function isDefaultTaskQuery(query: TaskQuery): boolean {
  return taskQueryToSearch(query) === "";
}

/**
 * Folds full-width forms to half-width (ＡＢＣ１２３ → abc123, （ → (), lower-cases
 * and drops all whitespace, so "5G基站", "５Ｇ 基站" and "5G 基站" compare equal.
 */
export function normalizeSearchText(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/gu, "");
}

function searchFields(task: TaskListItem): string[] {
  return [
    String(task.no),
    task.section,
    task.subsection ?? "",
    task.target,
    ...task.leaders,
    ...task.leadUnits,
    ...task.coopUnits,
    ...task.metrics.map((m) => m.label),
  ];
}

/**
 * Every whitespace-separated term of the query must occur inside one field
 * (序号 matches exactly, other fields by substring), so "住建局 停车位" narrows.
 */
export function matchesSearch(task: TaskListItem, q: string): boolean {
  const terms = q.normalize("NFKC").split(/\s+/u).map(normalizeSearchText).filter(Boolean);
  if (terms.length === 0) return true;
  const [no, ...rest] = searchFields(task).map(normalizeSearchText);
  return terms.every((term) => term === no || rest.some((field) => field.includes(term)));
}

export function matchesUnit(task: TaskListItem, unit: string, role: UnitRoleFilter): boolean {
  const lead = task.leadUnits.includes(unit);
  const coop = task.coopUnits.includes(unit);
  if (role === "lead") return lead;
  if (role === "coop") return coop;
  return lead || coop;
}

export function filterTasks(tasks: readonly TaskListItem[], query: TaskQuery): TaskListItem[] {
  return tasks.filter(
    (task) =>
      (!query.verify || task.needsVerification) &&
      (!query.leader || task.leaders.includes(query.leader)) &&
      (!query.unit || matchesUnit(task, query.unit, query.role)) &&
      matchesSearch(task, query.q),
  );
}

const collator = new Intl.Collator("zh-CN", { numeric: true });

function compareByKey(a: TaskListItem, b: TaskListItem, key: TaskSortKey): number {
  switch (key) {
    case "no":
      return a.no - b.no;
    case "leader":
      return collator.compare(a.leaders.join("、"), b.leaders.join("、"));
    case "leadUnit":
      return collator.compare(a.leadUnits.join("、"), b.leadUnits.join("、"));
  }
}

/**
 * Sections keep their gazette order whatever the sort (the table is grouped by
 * section); the sort orders tasks inside each section, ties by 序号 ascending.
 */
export function sortTasks(tasks: readonly TaskListItem[], sort: TaskQuery["sort"]): TaskListItem[] {
  const sign = sort.dir === "asc" ? 1 : -1;
  return [...tasks].sort((a, b) => a.sectionPosition - b.sectionPosition || sign * compareByKey(a, b, sort.key) || a.no - b.no);
}

export function applyTaskQuery(tasks: readonly TaskListItem[], query: TaskQuery): TaskListItem[] {
  return sortTasks(filterTasks(tasks, query), query.sort);
}
