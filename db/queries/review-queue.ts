import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { readSnapshot, type ReportSnapshot } from "@/lib/report-snapshot";
import { getDb } from "../client";
import type { SubjectKind } from "@/lib/vocabulary";
import { itemUnits, livelihoodProjects, periods, projectUnits, reports, reportVersions, supervisionItems, tasks, taskUnits, units, users } from "../schema";

export interface QueueVersion {
  versionNo: number;
  snapshot: ReportSnapshot;
  submittedAt: number;
  submittedByName: string;
  reviewStatus: "pending" | "approved" | "returned";
  reviewComment: string | null;
}

export interface QueueItem {
  reportId: number;
  /** The report row's version, for the optimistic check of the review. */
  version: number;
  kind: SubjectKind;
  no: number;
  title: string;
  periodCode: string;
  leadUnits: string[];
  firstSubmittedAt: number;
  latest: QueueVersion;
  previous: QueueVersion | null;
}

/** How many submitted reports of the year wait for review (the nav's count). */
export function countReviewQueue({ yearId }: { yearId: number }): number {
  return (
    getDb()
      .select({ n: sql<number>`count(*)` })
      .from(reports)
      .innerJoin(periods, eq(periods.id, reports.periodId))
      .where(and(eq(reports.status, "submitted"), eq(periods.yearId, yearId)))
      .get()?.n ?? 0
  );
}

/** Submitted reports awaiting review, the longest-waiting first (five queries). */
export function listReviewQueue({ yearId }: { yearId: number }): QueueItem[] {
  const db = getDb();
  const rows = db
    .select({
      reportId: reports.id,
      version: reports.version,
      taskId: reports.taskId,
      projectId: reports.projectId,
      taskNo: tasks.no,
      taskTarget: tasks.target,
      projectNo: livelihoodProjects.no,
      projectName: livelihoodProjects.name,
      itemId: reports.itemId,
      itemNo: supervisionItems.no,
      itemText: supervisionItems.text,
      periodCode: periods.code,
      submittedAt: reports.submittedAt,
    })
    .from(reports)
    .innerJoin(periods, eq(periods.id, reports.periodId))
    .leftJoin(tasks, eq(tasks.id, reports.taskId))
    .leftJoin(livelihoodProjects, eq(livelihoodProjects.id, reports.projectId))
    .leftJoin(supervisionItems, eq(supervisionItems.id, reports.itemId))
    .where(and(eq(reports.status, "submitted"), eq(periods.yearId, yearId)))
    .orderBy(asc(reports.submittedAt), asc(reports.id))
    .all();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.reportId);

  const versions = db
    .select({
      reportId: reportVersions.reportId,
      versionNo: reportVersions.versionNo,
      snapshot: reportVersions.snapshot,
      submittedAt: reportVersions.submittedAt,
      submittedByName: users.displayName,
      reviewStatus: reportVersions.reviewStatus,
      reviewComment: reportVersions.reviewComment,
    })
    .from(reportVersions)
    .innerJoin(users, eq(users.id, reportVersions.submittedById))
    .where(inArray(reportVersions.reportId, ids))
    .orderBy(asc(reportVersions.reportId), desc(reportVersions.versionNo))
    .all();
  const taskIds = rows.flatMap((r) => (r.taskId === null ? [] : [r.taskId]));
  const projectIds = rows.flatMap((r) => (r.projectId === null ? [] : [r.projectId]));
  const itemIds = rows.flatMap((r) => (r.itemId === null ? [] : [r.itemId]));
  const taskUnitRows = taskIds.length
    ? db
        .select({ id: taskUnits.taskId, name: units.name })
        .from(taskUnits)
        .innerJoin(units, eq(units.id, taskUnits.unitId))
        .where(and(inArray(taskUnits.taskId, taskIds), eq(taskUnits.role, "lead")))
        .orderBy(asc(taskUnits.position))
        .all()
    : [];
  const projectUnitRows = projectIds.length
    ? db
        .select({ id: projectUnits.projectId, name: units.name })
        .from(projectUnits)
        .innerJoin(units, eq(units.id, projectUnits.unitId))
        .where(and(inArray(projectUnits.projectId, projectIds), eq(projectUnits.role, "lead")))
        .orderBy(asc(projectUnits.position))
        .all()
    : [];
  const itemUnitRows = itemIds.length
    ? db
        .select({ id: itemUnits.itemId, name: units.name })
        .from(itemUnits)
        .innerJoin(units, eq(units.id, itemUnits.unitId))
        .where(and(inArray(itemUnits.itemId, itemIds), eq(itemUnits.role, "lead")))
        .orderBy(asc(itemUnits.position))
        .all()
    : [];

  const toVersion = (v: (typeof versions)[number]): QueueVersion => ({ ...v, snapshot: readSnapshot(v.snapshot) });
  return rows.flatMap((r): QueueItem[] => {
    const own = versions.filter((v) => v.reportId === r.reportId);
    const latest = own[0];
    if (!latest) return [];
    const subject =
      r.taskId !== null
        ? { kind: "task" as const, no: r.taskNo, title: r.taskTarget, units: taskUnitRows.filter((u) => u.id === r.taskId) }
        : r.projectId !== null
          ? { kind: "project" as const, no: r.projectNo, title: r.projectName, units: projectUnitRows.filter((u) => u.id === r.projectId) }
          : { kind: "item" as const, no: r.itemNo, title: r.itemText, units: itemUnitRows.filter((u) => u.id === r.itemId) };
    return [
      {
        reportId: r.reportId,
        version: r.version,
        kind: subject.kind,
        no: subject.no ?? 0,
        title: subject.title ?? "",
        periodCode: r.periodCode,
        leadUnits: subject.units.map((u) => u.name),
        firstSubmittedAt: own.at(-1)!.submittedAt,
        latest: toVersion(latest),
        previous: own[1] ? toVersion(own[1]) : null,
      },
    ];
  });
}
