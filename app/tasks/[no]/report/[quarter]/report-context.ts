import "server-only";
import { getPeriodByCode, type PeriodRow } from "@/db/queries/periods";
import { getReportRecord, getReportTaskByNo, getTaskUnitIds, listEarlierSubmittedValues, type ReportRecord, type ReportTask } from "@/db/queries/reports";
import { getTaskTargets } from "@/db/queries/targets";
import { parseQuarterCode } from "@/lib/periods";
import { metricChecks, type PlausibilityCheck } from "@/lib/plausibility";
import { effectivePlans } from "@/lib/quarter-targets";

/** 序号 from the URL: digits only, within a sane range. */
export function parseTaskNo(raw: string): number | null {
  return /^\d{1,4}$/.test(raw) ? Number(raw) : null;
}

export interface ReportContext {
  task: ReportTask;
  period: PeriodRow;
  report: ReportRecord | null;
  /** Each metric's planned cumulative value for this quarter. */
  plans: Record<number, number>;
  /** The task's planned milestone for this quarter, if any. */
  milestoneText: string | null;
  leadUnitIds: number[];
  coopUnitIds: number[];
  /** What each metric's typed value is checked against (annual target, earlier submitted quarters). */
  checks: PlausibilityCheck[];
}

/**
 * Everything a report page or action needs about task `no` in quarter `code`
 * ("2026Q1"), or null when either does not exist (or the quarter is not the task's year).
 */
export function loadReportContext(no: number, code: string): ReportContext | null {
  if (!parseQuarterCode(code)) return null;
  // The quarter decides the programme year: 序号 are numbered afresh every year.
  const period = getPeriodByCode({ code });
  const task = period ? getReportTaskByNo({ yearId: period.yearId, no }) : null;
  if (!task || !period) return null;
  const targets = getTaskTargets({ taskId: task.id });
  if (targets.metrics.length !== task.metrics.length) return null;
  const plans: Record<number, number> = {};
  for (const m of targets.metrics)
    plans[m.id] = effectivePlans(
      m,
      m.stored.map((v) => v ?? undefined),
    )[period.quarter - 1]!;
  return {
    task,
    period,
    report: getReportRecord({ subject: { taskId: task.id }, periodId: period.id }),
    plans,
    milestoneText: targets.milestones[period.quarter - 1] ?? null,
    leadUnitIds: task.leadUnits.map((u) => u.id),
    checks: metricChecks(task.metrics, listEarlierSubmittedValues({ subject: { taskId: task.id }, yearId: period.yearId, quarter: period.quarter })),
    // The named 配合单位 and the units a descriptor of the row ("各镇政府、街道办") reaches.
    coopUnitIds: getTaskUnitIds({ taskId: task.id }).coopUnitIds,
  };
}
