import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { defaultQuarterPlans } from "@/lib/quarter-targets";
import { SNAPSHOT_FORMAT, type ReportSnapshot } from "@/lib/report-snapshot";
import type { Tx } from "../client";
import { listSubjectMetrics, readMetricValues } from "./report-metric-values";
import {
  attachments,
  metricQuarterTargets,
  metrics,
  periods,
  projectMilestones,
  projectParts,
  reportMetricValues,
  reportPartValues,
  reportProjectMilestones,
  reports,
  taskQuarterMilestones,
} from "../schema";

/** A 督办事项's metrics with the report's values; they have no stored quarterly plans (the default plan of the target applies). */
function itemMetricRows(tx: Tx, itemId: number, reportId: number) {
  const values = new Map(readMetricValues(tx, reportId).map((v) => [v.metricId, v.value]));
  return listSubjectMetrics(tx, { itemId }).map((m) => ({
    metricId: m.id,
    label: m.label,
    unit: m.unit,
    kind: m.kind,
    target: m.target,
    storedPlan: null,
    value: values.get(m.id) ?? null,
  }));
}

/**
 * Freezes a report's current content, with the labels, units and plans in force, as the
 * snapshot stored in report_versions. Runs inside the submitting transaction.
 */
export function buildReportSnapshot(tx: Tx, reportId: number): ReportSnapshot {
  const r = tx
    .select({
      taskId: reports.taskId,
      itemId: reports.itemId,
      periodCode: periods.code,
      quarter: periods.quarter,
      progress: reports.progress,
      problems: reports.problems,
      nextSteps: reports.nextSteps,
      selfStatus: reports.selfStatus,
      milestoneDone: reports.milestoneDone,
      milestoneDoneOn: reports.milestoneDoneOn,
      lateNote: reports.lateNote,
      confirmations: reports.confirmations,
    })
    .from(reports)
    .innerJoin(periods, eq(periods.id, reports.periodId))
    .where(eq(reports.id, reportId))
    .get();
  if (!r) throw new Error(`report ${reportId} not found`);

  const metricRows = r.taskId
    ? tx
        .select({
          metricId: metrics.id,
          label: metrics.label,
          unit: metrics.unit,
          kind: metrics.kind,
          target: metrics.target,
          storedPlan: metricQuarterTargets.value,
          value: reportMetricValues.value,
        })
        .from(metrics)
        .leftJoin(metricQuarterTargets, and(eq(metricQuarterTargets.metricId, metrics.id), eq(metricQuarterTargets.quarter, r.quarter)))
        .leftJoin(reportMetricValues, and(eq(reportMetricValues.metricId, metrics.id), eq(reportMetricValues.reportId, reportId)))
        .where(eq(metrics.taskId, r.taskId))
        .orderBy(asc(metrics.position))
        .all()
    : r.itemId
      ? itemMetricRows(tx, r.itemId, reportId)
      : [];

  const plannedMilestone = r.taskId
    ? tx
        .select({ text: taskQuarterMilestones.text })
        .from(taskQuarterMilestones)
        .where(and(eq(taskQuarterMilestones.taskId, r.taskId), eq(taskQuarterMilestones.quarter, r.quarter)))
        .get()
    : undefined;

  const parts = tx
    .select({
      partId: reportPartValues.partId,
      name: projectParts.name,
      category: reportPartValues.category,
      unit: projectParts.totalUnit,
      value: reportPartValues.value,
    })
    .from(reportPartValues)
    .innerJoin(projectParts, eq(projectParts.id, reportPartValues.partId))
    .where(eq(reportPartValues.reportId, reportId))
    .orderBy(asc(projectParts.position), asc(reportPartValues.category))
    .all();

  const projectMilestoneRows = tx
    .select({
      milestoneId: reportProjectMilestones.milestoneId,
      text: projectMilestones.text,
      due: projectMilestones.due,
      done: reportProjectMilestones.done,
      doneOn: reportProjectMilestones.doneOn,
    })
    .from(reportProjectMilestones)
    .innerJoin(projectMilestones, eq(projectMilestones.id, reportProjectMilestones.milestoneId))
    .where(eq(reportProjectMilestones.reportId, reportId))
    .orderBy(asc(projectMilestones.due), asc(projectMilestones.id))
    .all();

  const files = tx
    .select({ id: attachments.id, filename: attachments.filename, mime: attachments.mime, size: attachments.size, sha256: attachments.sha256 })
    .from(attachments)
    .where(and(eq(attachments.reportId, reportId), isNull(attachments.removedAt)))
    .orderBy(asc(attachments.id))
    .all();

  return {
    format: SNAPSHOT_FORMAT,
    periodCode: r.periodCode,
    progress: r.progress,
    problems: r.problems,
    nextSteps: r.nextSteps,
    selfStatus: r.selfStatus,
    metrics: metricRows.map((m) => ({
      metricId: m.metricId,
      label: m.label,
      unit: m.unit,
      kind: m.kind,
      plan: m.storedPlan ?? defaultQuarterPlans(m)[r.quarter - 1] ?? null,
      value: m.value,
    })),
    milestone: plannedMilestone ? { text: plannedMilestone.text, done: r.milestoneDone, doneOn: r.milestoneDoneOn } : null,
    parts,
    projectMilestones: projectMilestoneRows,
    attachments: files,
    lateNote: r.lateNote,
    confirmations: r.confirmations,
  };
}

/** The next version number for a report's submitted versions (1 for the first). */
export function nextVersionNo(tx: Tx, reportId: number): number {
  const row = tx.get<{ n: number | null }>(sql`select max(version_no) as n from report_versions where report_id = ${reportId}`);
  return (row?.n ?? 0) + 1;
}
