import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { PeriodLike } from "@/lib/periods";
import { defaultQuarterPlans } from "@/lib/quarter-targets";
import { evaluateQuarter, type QuarterStatus, type RagMetric } from "@/lib/rag";
import { getDb } from "../client";
import {
  coopNotes,
  metricQuarterTargets,
  metrics,
  reportMetricValues,
  reports,
  reportVersions,
  targetSets,
  taskQuarterMilestones,
  tasks,
  taskUnits,
  type ReportStatus,
  type SelfStatus,
} from "../schema";

export interface BoardRow {
  taskId: number;
  no: number;
  target: string;
  /** 0 when the quarterly targets were never saved. */
  targetsVersion: number;
  targetsLocked: boolean;
  report: {
    id: number;
    status: ReportStatus;
    version: number;
    reviewComment: string | null;
    updatedAt: number;
    firstSubmittedAt: number | null;
    selfStatus: SelfStatus | null;
    problems: string;
    milestoneDone: boolean | null;
  } | null;
  /** The planned milestone for this quarter, if any. */
  milestoneText: string | null;
  metrics: RagMetric[];
}

/**
 * Every task (or only those led by `leadUnitId`, or just `taskId`) with its report for the period and what
 * the status rules need: three set-based queries whatever the number of tasks.
 */
export function listQuarterBoard({ periodId, quarter, leadUnitId, taskId }: { periodId: number; quarter: number; leadUnitId?: number; taskId?: number }): BoardRow[] {
  const db = getDb();
  const ledBy =
    leadUnitId === undefined
      ? undefined
      : inArray(
          tasks.id,
          db.select({ id: taskUnits.taskId }).from(taskUnits).where(and(eq(taskUnits.unitId, leadUnitId), eq(taskUnits.role, "lead"))),
        );
  const rows = db
    .select({
      taskId: tasks.id,
      no: tasks.no,
      target: tasks.target,
      targetsVersion: sql<number>`coalesce(${targetSets.version}, 0)`,
      targetsLockedAt: targetSets.lockedAt,
      reportId: reports.id,
      status: reports.status,
      version: reports.version,
      reviewComment: reports.reviewComment,
      updatedAt: reports.updatedAt,
      selfStatus: reports.selfStatus,
      problems: reports.problems,
      milestoneDone: reports.milestoneDone,
      firstSubmittedAt: sql<number | null>`(select min(${reportVersions.submittedAt}) from ${reportVersions} where ${reportVersions.reportId} = ${reports.id})`,
      milestoneText: taskQuarterMilestones.text,
    })
    .from(tasks)
    .leftJoin(reports, and(eq(reports.taskId, tasks.id), eq(reports.periodId, periodId)))
    .leftJoin(targetSets, eq(targetSets.taskId, tasks.id))
    .leftJoin(taskQuarterMilestones, and(eq(taskQuarterMilestones.taskId, tasks.id), eq(taskQuarterMilestones.quarter, quarter)))
    .where(and(eq(tasks.yearId, sql`(select year_id from periods where id = ${periodId})`), ledBy, taskId === undefined ? undefined : eq(tasks.id, taskId)))
    .orderBy(asc(tasks.no))
    .all();
  if (rows.length === 0) return [];

  const metricRows = db
    .select({
      taskId: metrics.taskId,
      label: metrics.label,
      unit: metrics.unit,
      kind: metrics.kind,
      target: metrics.target,
      storedPlan: metricQuarterTargets.value,
      actual: reportMetricValues.value,
    })
    .from(metrics)
    .leftJoin(metricQuarterTargets, and(eq(metricQuarterTargets.metricId, metrics.id), eq(metricQuarterTargets.quarter, quarter)))
    .leftJoin(reports, and(eq(reports.taskId, metrics.taskId), eq(reports.periodId, periodId)))
    .leftJoin(reportMetricValues, and(eq(reportMetricValues.reportId, reports.id), eq(reportMetricValues.metricId, metrics.id)))
    .where(inArray(metrics.taskId, rows.map((r) => r.taskId)))
    .orderBy(asc(metrics.taskId), asc(metrics.position))
    .all();

  const byTask = new Map<number, RagMetric[]>();
  for (const m of metricRows) {
    const plan = m.storedPlan ?? defaultQuarterPlans(m)[quarter - 1] ?? m.target;
    const list = byTask.get(m.taskId) ?? [];
    list.push({ label: m.label, unit: m.unit, kind: m.kind, plan, actual: m.actual });
    byTask.set(m.taskId, list);
  }

  return rows.map((r) => ({
    taskId: r.taskId,
    no: r.no,
    target: r.target,
    targetsVersion: r.targetsVersion,
    targetsLocked: r.targetsLockedAt !== null,
    report:
      r.reportId === null || r.status === null || r.version === null || r.updatedAt === null
        ? null
        : {
            id: r.reportId,
            status: r.status,
            version: r.version,
            reviewComment: r.reviewComment,
            updatedAt: r.updatedAt,
            firstSubmittedAt: r.firstSubmittedAt,
            selfStatus: r.selfStatus,
            problems: r.problems ?? "",
            milestoneDone: r.milestoneDone,
          },
    milestoneText: r.milestoneText,
    metrics: byTask.get(r.taskId) ?? [],
  }));
}

/** The status rules applied to one board row. */
export function boardRowStatus(row: BoardRow, period: PeriodLike, today: string): QuarterStatus {
  return evaluateQuarter({
    period,
    reportStatus: row.report?.status ?? null,
    firstSubmittedAt: row.report?.firstSubmittedAt ?? null,
    metrics: row.metrics,
    milestones: row.milestoneText ? [{ text: row.milestoneText, done: row.report?.milestoneDone ?? null }] : [],
    selfStatus: row.report?.selfStatus ?? null,
    problems: row.report?.problems ?? "",
    today,
  });
}

export interface CoopTaskRow {
  taskId: number;
  no: number;
  target: string;
  hasNote: boolean;
}

/** Tasks the unit cooperates on, and whether it has written its 配合情况 for the period. */
export function listCoopTasks({ unitId, periodId }: { unitId: number; periodId: number }): CoopTaskRow[] {
  return getDb()
    .select({
      taskId: tasks.id,
      no: tasks.no,
      target: tasks.target,
      hasNote: sql<number>`${coopNotes.id} is not null`.mapWith(Boolean),
    })
    .from(taskUnits)
    .innerJoin(tasks, eq(tasks.id, taskUnits.taskId))
    .leftJoin(coopNotes, and(eq(coopNotes.taskId, tasks.id), eq(coopNotes.periodId, periodId), eq(coopNotes.unitId, unitId)))
    .where(and(eq(taskUnits.unitId, unitId), eq(taskUnits.role, "coop"), eq(tasks.yearId, sql`(select year_id from periods where id = ${periodId})`)))
    .orderBy(asc(tasks.no))
    .all();
}
