// The moment every benchmark is set at: the last day of 2026 Q4, when units are finishing
// their fourth-quarter reports (the quarter-end rush) and Q3 stragglers are overdue.
export const BENCH_TODAY = "2026-12-31";
export const BENCH_QUARTER = "2026Q4";
export const BENCH_PASSWORD = "Bench@2026-only";
/** The task page measured (the one the performance issue quotes). */
export const BENCH_TASK_NO = 27;

const midnight = (day: string) => Date.parse(`${day}T00:00:00+08:00`);

/**
 * The server's clock: it stamps filings with the present time of day on BENCH_TODAY
 * (APP_TODAY, lib/env.ts appNow), so rows it writes are found by that clock.
 */
export function benchNow(now = Date.now()): number {
  const shanghaiDay = new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);
  return now + midnight(BENCH_TODAY) - midnight(shanghaiDay);
}
