// The 逾期与滞后清单's view state, kept in the URL so a link (or the Excel export)
// reproduces exactly the same rows: the "as of" day and the filters. Unknown values
// are dropped rather than trusted.
import type { OverdueEntry, ReasonFilter } from "./overdue";
import { REASON_FILTERS, reasonFilterOf } from "./overdue";
import { isValidDay } from "./periods";
import { PROGRESS_LAMPS, type ProgressLamp } from "./vocabulary";

export interface OverdueQuery {
  /** null: today. */
  asOf: string | null;
  section: string | null;
  leader: string | null;
  unit: string | null;
  /** The 进度 lamp shown. */
  progress: ProgressLamp | null;
  reason: ReasonFilter | null;
}

export const EMPTY_OVERDUE_QUERY: OverdueQuery = { asOf: null, section: null, leader: null, unit: null, progress: null, reason: null };

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

function first(raw: RawParams, key: string): string | null {
  const v = raw instanceof URLSearchParams ? raw.get(key) : raw[key];
  const s = Array.isArray(v) ? v[0] : v;
  const trimmed = s?.trim().slice(0, 100);
  return trimmed ? trimmed : null;
}

const oneOf = <T extends string>(value: string | null, allowed: readonly T[]): T | null =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;

/**
 * Reads the view from the URL. A day after `today` is refused (nothing is known about
 * the future), as is anything that is not a real YYYY-MM-DD day.
 */
export function parseOverdueQuery(raw: RawParams, today: string): OverdueQuery {
  const asOf = first(raw, "asOf");
  return {
    asOf: asOf && isValidDay(asOf) && asOf <= today ? asOf : null,
    section: first(raw, "section"),
    leader: first(raw, "leader"),
    unit: first(raw, "unit"),
    progress: oneOf(first(raw, "progress"), PROGRESS_LAMPS),
    reason: oneOf(first(raw, "reason"), REASON_FILTERS),
  };
}

export function applyOverdueQuery(entries: readonly OverdueEntry[], q: OverdueQuery): OverdueEntry[] {
  return entries.filter(
    (e) =>
      (q.section === null || e.subject.section === q.section) &&
      (q.leader === null || e.subject.leaders.includes(q.leader)) &&
      (q.unit === null || e.subject.leadUnits.includes(q.unit)) &&
      (q.progress === null || e.progress === q.progress) &&
      (q.reason === null || e.reasons.some((r) => reasonFilterOf(r.kind) === q.reason)),
  );
}

/** "?asOf=2026-06-30&progress=red" (or "" for the default view), in a fixed key order. */
export function overdueQueryToSearch(q: Partial<OverdueQuery>): string {
  const params = new URLSearchParams();
  for (const key of ["asOf", "section", "leader", "unit", "progress", "reason"] as const) {
    const v = q[key];
    if (v) params.set(key, v);
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}
