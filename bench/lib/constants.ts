// The moment every benchmark is set at: the last day of 2026 Q4, when units are finishing
// their fourth-quarter reports (the quarter-end rush) and Q3 stragglers are overdue.
export const BENCH_TODAY = "2026-12-31";
export const BENCH_QUARTER = "2026Q4";
export const BENCH_PASSWORD = "Bench@2026-only";
/** The task page measured (the one the performance issue quotes). */
export const BENCH_TASK_NO = 27;
