// A report's metric actuals, wherever its subject keeps them: a key task's metrics and their
// values in metrics / report_metric_values, a 督办事项's in item_metrics / report_item_metric_values.
// The report pipeline reads and writes actuals only through here, so a value is a value
// whichever kind of subject it belongs to (a livelihood project has part values instead).
import { and, asc, eq, isNull, type SQL } from "drizzle-orm";
import type { Comparator, MetricKind } from "@/lib/vocabulary";
import type { Tx } from "../client";
import { itemMetrics, metrics, periods, reportItemMetricValues, reportMetricValues, reports } from "../schema";
import type { ReportSubject } from "./report-subject";

type Reader = Pick<Tx, "select">;

export interface SubjectMetric {
  id: number;
  position: number;
  label: string;
  unit: string;
  kind: MetricKind;
  target: number;
  targetMax: number | null;
  comparator: Comparator;
}

export interface MetricValue {
  metricId: number;
  value: number;
}

const columns = <T extends typeof metrics | typeof itemMetrics>(t: T) => ({
  id: t.id,
  position: t.position,
  label: t.label,
  unit: t.unit,
  kind: t.kind,
  target: t.target,
  targetMax: t.targetMax,
  comparator: t.comparator,
});

/**
 * The metrics the subject's report carries, in 位置 order: a task's all; a 督办事项's except those
 * that repeat a key task's metric (reported through that task, not twice); none for a project.
 */
export function listSubjectMetrics(db: Reader, subject: ReportSubject): SubjectMetric[] {
  if ("taskId" in subject) return db.select(columns(metrics)).from(metrics).where(eq(metrics.taskId, subject.taskId)).orderBy(asc(metrics.position)).all();
  if ("itemId" in subject)
    return db
      .select(columns(itemMetrics))
      .from(itemMetrics)
      .where(and(eq(itemMetrics.itemId, subject.itemId), isNull(itemMetrics.sameAsMetricId)))
      .orderBy(asc(itemMetrics.position))
      .all();
  return [];
}

/** A report's values (a report has one subject, so only one of the two tables holds any). */
export function readMetricValues(db: Reader, reportId: number): MetricValue[] {
  const task = db
    .select({ metricId: reportMetricValues.metricId, value: reportMetricValues.value })
    .from(reportMetricValues)
    .where(eq(reportMetricValues.reportId, reportId))
    .all();
  if (task.length) return task;
  return db
    .select({ metricId: reportItemMetricValues.itemMetricId, value: reportItemMetricValues.value })
    .from(reportItemMetricValues)
    .where(eq(reportItemMetricValues.reportId, reportId))
    .all();
}

/** Replaces a report's values with `values` (metric ids of the report's own subject). */
export function writeMetricValues(tx: Tx, reportId: number, subject: ReportSubject, values: readonly MetricValue[]): void {
  // A report has one subject, so only its own table is touched (one statement fewer on every save).
  if ("taskId" in subject) {
    tx.delete(reportMetricValues).where(eq(reportMetricValues.reportId, reportId)).run();
    if (values.length)
      tx.insert(reportMetricValues)
        .values(values.map((v) => ({ reportId, metricId: v.metricId, value: v.value })))
        .run();
  } else if ("itemId" in subject) {
    tx.delete(reportItemMetricValues).where(eq(reportItemMetricValues.reportId, reportId)).run();
    if (values.length)
      tx.insert(reportItemMetricValues)
        .values(values.map((v) => ({ reportId, itemMetricId: v.metricId, value: v.value })))
        .run();
  } else if (values.length) throw new Error("a livelihood project's report has no metric values");
}

/** The values in the subject's reports matching `where` (a condition on reports and periods), with each one's quarter. */
export function metricValuesOfReports(db: Reader, subject: ReportSubject, where: SQL | undefined): (MetricValue & { periodCode: string })[] {
  if ("taskId" in subject)
    return db
      .select({ metricId: reportMetricValues.metricId, value: reportMetricValues.value, periodCode: periods.code })
      .from(reportMetricValues)
      .innerJoin(reports, eq(reports.id, reportMetricValues.reportId))
      .innerJoin(periods, eq(periods.id, reports.periodId))
      .where(where)
      .all();
  if ("itemId" in subject)
    return db
      .select({ metricId: reportItemMetricValues.itemMetricId, value: reportItemMetricValues.value, periodCode: periods.code })
      .from(reportItemMetricValues)
      .innerJoin(reports, eq(reports.id, reportItemMetricValues.reportId))
      .innerJoin(periods, eq(periods.id, reports.periodId))
      .where(where)
      .all();
  return [];
}
