// The review queue's filters (季度, 牵头单位, 进度灯) as URL parameters, so the 督查室 stays on
// the same slice of the queue after approving or returning one report and the next one opens.
import { PROGRESS_LAMPS, type ProgressLamp } from "./vocabulary";

export interface ReviewFilter {
  quarter: string | null;
  unit: string | null;
  lamp: ProgressLamp | null;
}

export const EMPTY_REVIEW_FILTER: ReviewFilter = { quarter: null, unit: null, lamp: null };

type Params = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || null;

/** Values not offered (an unknown quarter or unit, a made-up lamp) are dropped, never trusted. */
export function parseReviewFilter(params: Params, options: { quarters: readonly string[]; units: readonly string[] }): ReviewFilter {
  const quarter = first(params.quarter);
  const unit = first(params.unit);
  const lamp = first(params.lamp);
  return {
    quarter: quarter && options.quarters.includes(quarter) ? quarter : null,
    unit: unit && options.units.includes(unit) ? unit : null,
    lamp: lamp && (PROGRESS_LAMPS as readonly string[]).includes(lamp) ? (lamp as ProgressLamp) : null,
  };
}

export interface ReviewItemFacts {
  periodCode: string;
  leadUnits: readonly string[];
  /** The 进度 lamp of the report's quarter (lib/quarter-status.ts). */
  progress: ProgressLamp;
}

export function applyReviewFilter<T extends ReviewItemFacts>(items: readonly T[], f: ReviewFilter): T[] {
  return items.filter((i) => (!f.quarter || i.periodCode === f.quarter) && (!f.unit || i.leadUnits.includes(f.unit)) && (!f.lamp || i.progress === f.lamp));
}

/** Where a review made in the queue goes back to: the same filters, the next report open. */
export interface QueueReturn {
  filter: ReviewFilter;
  next: number | null;
}

/** "?quarter=2026Q3&unit=住建局" (empty when no filter), with an optional report to open. */
export function reviewSearch(f: ReviewFilter, open?: number | null): string {
  const p = new URLSearchParams();
  if (f.quarter) p.set("quarter", f.quarter);
  if (f.unit) p.set("unit", f.unit);
  if (f.lamp) p.set("lamp", f.lamp);
  if (open) p.set("open", String(open));
  const s = p.toString();
  return s ? `?${s}` : "";
}

/** The report to open once `reportId` leaves the list: the one after it, else the one before. */
export function nextInQueue(ids: readonly number[], reportId: number): number | null {
  const i = ids.indexOf(reportId);
  if (i === -1) return ids[0] ?? null;
  return ids[i + 1] ?? ids[i - 1] ?? null;
}
