// A draft belongs to its lead unit until it is submitted: everyone else (the 督查室, leaders,
// cooperating units) sees what was last submitted, never the work in progress.

type ReportState = "draft" | "submitted" | "approved" | "returned";

/**
 * The report content a reader may see: the live report for the lead unit itself and for a
 * report that is submitted or approved (then live = the last version); otherwise the last
 * submitted version, or nothing when there is none.
 */
export function visibleReportContent<T>({
  mayEdit,
  state,
  live,
  lastSubmitted,
}: {
  mayEdit: boolean;
  state: ReportState | null;
  live: T;
  lastSubmitted: T | null;
}): T | null {
  if (state === null) return null;
  if (mayEdit || state === "submitted" || state === "approved") return live;
  return lastSubmitted;
}
