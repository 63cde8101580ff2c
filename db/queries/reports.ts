import "server-only";
import { and, asc, desc, eq, inArray, sql, type SQLWrapper } from "drizzle-orm";
import type { PlausibilityConfirmation } from "@/lib/plausibility";
import type { ReportVersionItem } from "@/lib/report-snapshot";
import { readSnapshot } from "@/lib/report-snapshot";
import { getDb } from "../client";
import { collectiveMemberIds } from "../collective-members";
import {
  itemUnits,
  metrics,
  periods,
  projectUnits,
  reportPartValues,
  reportProjectMilestones,
  reports,
  reportVersions,
  tasks,
  taskUnits,
  units,
  users,
  type ReportStatus,
  type SelfStatus,
} from "../schema";
import { metricValuesOfReports, readMetricValues } from "./report-metric-values";
import { subjectWhere as subjectColumnIs, type ReportSubject } from "./report-subject";

/** A task as the report pages need it: ids for authorization, metrics with ids for the form. */
export interface ReportTask {
  id: number;
  no: number;
  target: string;
  yearId: number;
  leadUnits: { id: number; name: string }[];
  coopUnits: { id: number; name: string }[];
  metrics: {
    id: number;
    label: string;
    unit: string;
    kind: "cumulative" | "rate";
    target: number;
    targetMax: number | null;
    comparator: "atLeast" | "about" | "exact" | "range";
  }[];
}

/** The task with this 序号 in the programme year, or null. */
export function getReportTaskByNo({ yearId, no }: { yearId: number; no: number }): ReportTask | null {
  const db = getDb();
  const task = db
    .select({ id: tasks.id, no: tasks.no, target: tasks.target, yearId: tasks.yearId })
    .from(tasks)
    .where(and(eq(tasks.no, no), eq(tasks.yearId, yearId)))
    .get();
  if (!task) return null;
  const unitRows = db
    .select({ id: units.id, name: units.name, role: taskUnits.role })
    .from(taskUnits)
    .innerJoin(units, eq(units.id, taskUnits.unitId))
    .where(eq(taskUnits.taskId, task.id))
    .orderBy(asc(taskUnits.position))
    .all();
  const metricRows = db
    .select({
      id: metrics.id,
      label: metrics.label,
      unit: metrics.unit,
      kind: metrics.kind,
      target: metrics.target,
      targetMax: metrics.targetMax,
      comparator: metrics.comparator,
    })
    .from(metrics)
    .where(eq(metrics.taskId, task.id))
    .orderBy(asc(metrics.position))
    .all();
  const pick = (role: "lead" | "coop") => unitRows.filter((u) => u.role === role).map(({ id, name }) => ({ id, name }));
  return { ...task, leadUnits: pick("lead"), coopUnits: pick("coop"), metrics: metricRows };
}

export interface ReportRecord {
  id: number;
  status: ReportStatus;
  version: number;
  progress: string;
  problems: string;
  nextSteps: string;
  selfStatus: SelfStatus | null;
  milestoneDone: boolean | null;
  milestoneDoneOn: string | null;
  submittedAt: number | null;
  submittedByName: string | null;
  reviewedAt: number | null;
  reviewComment: string | null;
  updatedAt: number;
  updatedByName: string | null;
  /** When the report was first submitted (lateness is judged on it). */
  firstSubmittedAt: number | null;
  /** 逾期说明 and the plausibility warnings confirmed with a reason. */
  lateNote: string | null;
  confirmations: PlausibilityConfirmation[];
  /** A task's or 督办事项's metric values by metric id. */
  metricValues: Record<number, number>;
  /** A project's values: partId → category → cumulative value ("" = a counted part's total). */
  partValues: Record<number, Record<string, number>>;
  /** A project's stage milestones by milestone id. */
  milestones: Record<number, { done: boolean; doneOn: string | null }>;
}

const nameOf = (id: SQLWrapper) => sql<string | null>`(select ${users.displayName} from ${users} where ${users.id} = ${id})`;

const subjectWhere = (subject: ReportSubject) => subjectColumnIs(reports, subject);

/** A task's or project's report for a period with its values, or null when none was saved yet. */
export function getReportRecord({ subject, periodId }: { subject: ReportSubject; periodId: number }): ReportRecord | null {
  const db = getDb();
  const row = db
    .select({
      id: reports.id,
      status: reports.status,
      version: reports.version,
      progress: reports.progress,
      problems: reports.problems,
      nextSteps: reports.nextSteps,
      selfStatus: reports.selfStatus,
      milestoneDone: reports.milestoneDone,
      milestoneDoneOn: reports.milestoneDoneOn,
      submittedAt: reports.submittedAt,
      submittedByName: nameOf(reports.submittedById),
      reviewedAt: reports.reviewedAt,
      reviewComment: reports.reviewComment,
      updatedAt: reports.updatedAt,
      updatedByName: nameOf(reports.updatedById),
      lateNote: reports.lateNote,
      confirmations: reports.confirmations,
      // The outer id is spelled out: in a one-table select drizzle leaves columns unqualified,
      // and a bare "id" inside the subquery would mean report_versions.id.
      firstSubmittedAt: sql<
        number | null
      >`(select min(${reportVersions.submittedAt}) from ${reportVersions} where ${reportVersions.reportId} = ${sql.identifier("reports")}.${sql.identifier("id")})`,
    })
    .from(reports)
    .where(and(subjectWhere(subject), eq(reports.periodId, periodId)))
    .get();
  if (!row) return null;
  const metricValues: ReportRecord["metricValues"] = {};
  const partValues: ReportRecord["partValues"] = {};
  const milestones: ReportRecord["milestones"] = {};
  if (!("projectId" in subject)) for (const v of readMetricValues(db, row.id)) metricValues[v.metricId] = v.value;
  else {
    for (const v of db.select().from(reportPartValues).where(eq(reportPartValues.reportId, row.id)).all()) (partValues[v.partId] ??= {})[v.category] = v.value;
    for (const m of db.select().from(reportProjectMilestones).where(eq(reportProjectMilestones.reportId, row.id)).all())
      milestones[m.milestoneId] = { done: m.done, doneOn: m.doneOn };
  }
  return { ...row, metricValues, partValues, milestones };
}

/** The report's identity and state, for review actions and downloads. */
export function getReportRef({ reportId }: { reportId: number }) {
  return (
    getDb()
      .select({
        id: reports.id,
        taskId: reports.taskId,
        projectId: reports.projectId,
        itemId: reports.itemId,
        periodId: reports.periodId,
        periodCode: periods.code,
        status: reports.status,
        version: reports.version,
      })
      .from(reports)
      .innerJoin(periods, eq(periods.id, reports.periodId))
      .where(eq(reports.id, reportId))
      .get() ?? null
  );
}

export type { ReportVersionItem };

/** Every submitted version of every quarterly report of a task or project, by quarter then newest version. */
export function listReportVersions({ subject }: { subject: ReportSubject }): ReportVersionItem[] {
  return getDb()
    .select({
      reportId: reportVersions.reportId,
      periodCode: periods.code,
      versionNo: reportVersions.versionNo,
      snapshot: reportVersions.snapshot,
      submittedAt: reportVersions.submittedAt,
      submittedByName: sql<string>`${nameOf(reportVersions.submittedById)}`,
      reviewStatus: reportVersions.reviewStatus,
      reviewComment: reportVersions.reviewComment,
      reviewedAt: reportVersions.reviewedAt,
      reviewedByName: nameOf(reportVersions.reviewedById),
    })
    .from(reportVersions)
    .innerJoin(reports, eq(reports.id, reportVersions.reportId))
    .innerJoin(periods, eq(periods.id, reports.periodId))
    .where(subjectWhere(subject))
    .orderBy(asc(periods.quarter), desc(reportVersions.versionNo))
    .all()
    .map((v) => ({ ...v, snapshot: readSnapshot(v.snapshot) }));
}

/**
 * The lead and cooperating unit ids of a task (for report:read checks), lead units in the
 * gazette's order (the first compiles); cooperating ones include the units a collective
 * descriptor ("各镇政府、街道办") of the row reaches.
 */
export function getTaskUnitIds({ taskId }: { taskId: number }): { leadUnitIds: number[]; coopUnitIds: number[] } {
  const db = getDb();
  const rows = db
    .select({ unitId: taskUnits.unitId, role: taskUnits.role })
    .from(taskUnits)
    .where(eq(taskUnits.taskId, taskId))
    .orderBy(asc(taskUnits.position))
    .all();
  const coop = rows.filter((r) => r.role === "coop").map((r) => r.unitId);
  return {
    leadUnitIds: rows.filter((r) => r.role === "lead").map((r) => r.unitId),
    coopUnitIds: withMembers(coop, collectiveMemberIds(db, { kind: "task", subjectIds: [taskId] }).get(taskId)),
  };
}

/** Named units first, then the ones reached through a descriptor, each once. */
export function withMembers(named: readonly number[], members: readonly number[] | undefined): number[] {
  return [...new Set([...named, ...(members ?? [])])];
}

/** The lead and related unit ids of a livelihood project (related units read like cooperating ones). */
export function getProjectUnitIds({ projectId }: { projectId: number }): { leadUnitIds: number[]; coopUnitIds: number[] } {
  const db = getDb();
  const rows = db
    .select({ unitId: projectUnits.unitId, role: projectUnits.role })
    .from(projectUnits)
    .where(eq(projectUnits.projectId, projectId))
    .orderBy(asc(projectUnits.position))
    .all();
  const related = rows.filter((r) => r.role === "related").map((r) => r.unitId);
  return {
    leadUnitIds: rows.filter((r) => r.role === "lead").map((r) => r.unitId),
    coopUnitIds: withMembers(related, collectiveMemberIds(db, { kind: "project", subjectIds: [projectId] }).get(projectId)),
  };
}

/** The lead and 配合 unit ids of a 督办事项; "各镇（街道）" as its 配合单位 reaches every 镇街 unit, as for a task. */
export function getItemUnitIds({ itemId }: { itemId: number }): { leadUnitIds: number[]; coopUnitIds: number[] } {
  const db = getDb();
  const rows = db
    .select({ unitId: itemUnits.unitId, role: itemUnits.role })
    .from(itemUnits)
    .where(eq(itemUnits.itemId, itemId))
    .orderBy(asc(itemUnits.position))
    .all();
  const coop = rows.filter((r) => r.role === "coop").map((r) => r.unitId);
  return {
    leadUnitIds: rows.filter((r) => r.role === "lead").map((r) => r.unitId),
    coopUnitIds: withMembers(coop, collectiveMemberIds(db, { kind: "item", subjectIds: [itemId] }).get(itemId)),
  };
}

/** A report counts as filed for prefill and comparisons once it was submitted (a draft is the unit's working copy). */
const FILED: ReportStatus[] = ["submitted", "approved"];

/**
 * The report of a period to start the next quarter's form from: only a submitted (or
 * approved) one, never an unsubmitted draft or a report sent back for rework.
 */
export function getSubmittedReportRecord({ subject, periodId }: { subject: ReportSubject; periodId: number }): ReportRecord | null {
  const record = getReportRecord({ subject, periodId });
  return record && FILED.includes(record.status) ? record : null;
}

/**
 * The highest cumulative value each metric (task, 督办事项) or part category (project, keyed
 * "partId:category") reached in a submitted report of an earlier quarter of the same year,
 * with that quarter: cumulative figures should not go down.
 */
export function listEarlierSubmittedValues({
  subject,
  yearId,
  quarter,
}: {
  subject: ReportSubject;
  yearId: number;
  quarter: number;
}): Map<string, { value: number; periodCode: string }> {
  const db = getDb();
  const earlier = and(subjectWhere(subject), eq(periods.yearId, yearId), sql`${periods.quarter} < ${quarter}`, inArray(reports.status, FILED));
  const rows =
    "projectId" in subject
      ? db
          .select({
            key: sql<string>`${reportPartValues.partId} || ':' || ${reportPartValues.category}`,
            value: reportPartValues.value,
            periodCode: periods.code,
          })
          .from(reportPartValues)
          .innerJoin(reports, eq(reports.id, reportPartValues.reportId))
          .innerJoin(periods, eq(periods.id, reports.periodId))
          .where(earlier)
          .all()
      : metricValuesOfReports(db, subject, earlier).map((v) => ({ key: String(v.metricId), value: v.value, periodCode: v.periodCode }));
  const out = new Map<string, { value: number; periodCode: string }>();
  for (const r of rows) {
    const seen = out.get(r.key);
    if (!seen || r.value > seen.value) out.set(r.key, { value: r.value, periodCode: r.periodCode });
  }
  return out;
}
