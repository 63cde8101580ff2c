import "server-only";
import { and, asc, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import { listPage, PAGE_SIZE, pageWindow, type ListPage } from "@/lib/pagination";
import { subjectKey } from "@/lib/subject";
import { getDb } from "../client";
import { reachesUnit } from "../collective-members";
import { coopNotes, livelihoodProjects, reports, supervisionItems, targetSets, tasks, taskUnits } from "../schema";

// What a unit's own to-do list shows beside each subject's lamps (db/queries/status-board.ts).

export interface ReportNote {
  /** The 督查室's comment on a returned report. */
  reviewComment: string | null;
  /** False while a task's quarterly targets were never confirmed (the 序时进度 defaults apply). */
  targetsConfirmed: boolean;
}

/** Review comments and target confirmation of the given subjects' reports for a period, by subject key. */
export function listReportNotes({
  periodId,
  taskIds,
  projectIds,
  itemIds,
}: {
  periodId: number;
  taskIds: readonly number[];
  projectIds: readonly number[];
  itemIds: readonly number[];
}): Map<string, ReportNote> {
  const db = getDb();
  const out = new Map<string, ReportNote>();
  if (taskIds.length) {
    const rows = db
      .select({ no: tasks.no, reviewComment: reports.reviewComment, confirmed: sql<number>`${targetSets.taskId} is not null`.mapWith(Boolean) })
      .from(tasks)
      .leftJoin(reports, and(eq(reports.taskId, tasks.id), eq(reports.periodId, periodId)))
      .leftJoin(targetSets, eq(targetSets.taskId, tasks.id))
      .where(inArray(tasks.id, [...taskIds]))
      .all();
    for (const r of rows) out.set(subjectKey({ kind: "task", no: r.no }), { reviewComment: r.reviewComment, targetsConfirmed: r.confirmed });
  }
  if (projectIds.length) {
    const rows = db
      .select({ no: livelihoodProjects.no, reviewComment: reports.reviewComment })
      .from(livelihoodProjects)
      .leftJoin(reports, and(eq(reports.projectId, livelihoodProjects.id), eq(reports.periodId, periodId)))
      .where(and(inArray(livelihoodProjects.id, [...projectIds]), isNotNull(livelihoodProjects.id)))
      .all();
    for (const r of rows) out.set(subjectKey({ kind: "project", no: r.no }), { reviewComment: r.reviewComment, targetsConfirmed: true });
  }
  if (itemIds.length) {
    const rows = db
      .select({ no: supervisionItems.no, reviewComment: reports.reviewComment })
      .from(supervisionItems)
      .leftJoin(reports, and(eq(reports.itemId, supervisionItems.id), eq(reports.periodId, periodId)))
      .where(inArray(supervisionItems.id, [...itemIds]))
      .all();
    for (const r of rows) out.set(subjectKey({ kind: "item", no: r.no }), { reviewComment: r.reviewComment, targetsConfirmed: true });
  }
  return out;
}

export interface CoopTaskRow {
  taskId: number;
  no: number;
  target: string;
  hasNote: boolean;
}

export interface CoopTaskPage extends ListPage<CoopTaskRow> {
  /** How many of all the unit's cooperating tasks still have no 配合情况 for the period. */
  open: number;
}

/**
 * One page of the tasks the unit cooperates on, and whether it has written its 配合情况 for the
 * period: the ones still to write first, each group by 序号. A unit reached through a descriptor
 * ("市直各相关单位") can cooperate on hundreds, so only the page shown is read.
 */
export function listCoopTasks({
  unitId,
  periodId,
  page = 1,
  size = PAGE_SIZE,
}: {
  unitId: number;
  periodId: number;
  page?: number;
  size?: number;
}): CoopTaskPage {
  const db = getDb();
  const yearOfPeriod = sql`(select year_id from periods where id = ${periodId})`;
  // Named as a 配合单位, or reached through a descriptor of the row ("各镇政府、街道办").
  const cooperating = and(
    eq(tasks.yearId, yearOfPeriod),
    or(
      inArray(
        tasks.id,
        db
          .select({ id: taskUnits.taskId })
          .from(taskUnits)
          .where(and(eq(taskUnits.unitId, unitId), eq(taskUnits.role, "coop"))),
      ),
      reachesUnit(db, { kind: "task", unitId, subjectId: tasks.id }),
    ),
  );
  const noteJoin = and(eq(coopNotes.taskId, tasks.id), eq(coopNotes.periodId, periodId), eq(coopNotes.unitId, unitId));
  const counts = db
    .select({ total: sql<number>`count(*)`, open: sql<number>`coalesce(sum(${coopNotes.id} is null), 0)` })
    .from(tasks)
    .leftJoin(coopNotes, noteJoin)
    .where(cooperating)
    .get() ?? { total: 0, open: 0 };
  const at = pageWindow(counts.total, page, size);
  const rows = db
    .select({
      taskId: tasks.id,
      no: tasks.no,
      target: tasks.target,
      hasNote: sql<number>`${coopNotes.id} is not null`.mapWith(Boolean),
    })
    .from(tasks)
    .leftJoin(coopNotes, noteJoin)
    .where(cooperating)
    .orderBy(sql`${coopNotes.id} is not null`, asc(tasks.no))
    .limit(size)
    .offset(at.offset)
    .all();
  return { ...listPage(rows, counts.total, at), open: counts.open };
}

/** The 督办事项 a unit has written its 配合情况 for in the period (ids), so /my says 修改 or 填写. */
export function itemIdsWithCoopNote({ unitId, periodId }: { unitId: number; periodId: number }): Set<number> {
  const rows = getDb()
    .select({ itemId: coopNotes.itemId })
    .from(coopNotes)
    .where(and(eq(coopNotes.unitId, unitId), eq(coopNotes.periodId, periodId), isNotNull(coopNotes.itemId)))
    .all();
  return new Set(rows.map((r) => r.itemId!));
}

export interface LedTaskReport {
  no: number;
  /** null when no report was saved yet. */
  status: "draft" | "submitted" | "approved" | "returned" | null;
  /** The report row's version (0 when none), for the optimistic check of a save. */
  version: number;
}

/**
 * The tasks whose report a unit compiles (it is the first-listed lead unit; a co-lead
 * writes only its own part, lib/unit-reporting.ts) with the report's state and version.
 */
export function listLedTaskReports({ unitId, periodId }: { unitId: number; periodId: number }): LedTaskReport[] {
  return getDb()
    .select({ no: tasks.no, status: reports.status, version: sql<number>`coalesce(${reports.version}, 0)` })
    .from(taskUnits)
    .innerJoin(tasks, eq(tasks.id, taskUnits.taskId))
    .leftJoin(reports, and(eq(reports.taskId, tasks.id), eq(reports.periodId, periodId)))
    .where(
      and(
        eq(taskUnits.unitId, unitId),
        eq(taskUnits.role, "lead"),
        eq(taskUnits.position, sql`(select min(tu.position) from task_units tu where tu.task_id = ${tasks.id} and tu.role = 'lead')`),
        eq(tasks.yearId, sql`(select year_id from periods where id = ${periodId})`),
      ),
    )
    .orderBy(asc(tasks.no))
    .all();
}
