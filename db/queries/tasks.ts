import "server-only";
import { and, asc, eq, exists, gt, inArray, lt, sql } from "drizzle-orm";
import type { TaskListItem, TaskMetricItem } from "@/lib/task-filter";
import { getDb } from "../client";
import { listNamedChoices, listNamedDescriptors, type NamedChoice, type NamedDescriptor } from "../collective-members";
import { memoUntilChange } from "../read-memo";
import { leaders, metrics, sections, sourceDocuments, subsections, taskLeaders, taskUnits, tasks, units, type Metric, type Unit } from "../schema";

// Every read takes the programme year the request decided on (app/_lib/programme-year.ts).
type InYear = { yearId: number };

export interface UnitRef {
  name: string;
  kind: Unit["kind"];
}

export interface LeaderRef {
  name: string;
  title: string | null;
}

export interface TaskDetail {
  id: number;
  no: number;
  section: string;
  subsection: string | null;
  target: string;
  leaders: LeaderRef[];
  leadUnits: UnitRef[];
  coopUnits: UnitRef[];
  metrics: (TaskMetricItem & { position: number })[];
  source: { docNo: string; issuedOn: string; title: string; sourceRef: string };
  needsVerification: boolean;
  note: string | null;
  prevNo: number | null;
  nextNo: number | null;
}

const metricColumns = {
  taskId: metrics.taskId,
  position: metrics.position,
  label: metrics.label,
  target: metrics.target,
  targetMax: metrics.targetMax,
  unit: metrics.unit,
  comparator: metrics.comparator,
  kind: metrics.kind,
};

function toMetricItem(m: Pick<Metric, "label" | "target" | "targetMax" | "unit" | "comparator" | "kind">): TaskMetricItem {
  return { label: m.label, target: m.target, targetMax: m.targetMax, unit: m.unit, comparator: m.comparator, kind: m.kind };
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const byYear = ({ yearId }: InYear) => String(yearId);

/**
 * All tasks of the programme with their leaders, units and metrics, in 序号 order (four
 * queries; remembered until a row changes, db/read-memo.ts).
 */
export const listTasks = memoUntilChange(byYear, readTasks);

function readTasks({ yearId }: InYear): TaskListItem[] {
  const db = getDb();
  const inYear = eq(tasks.yearId, yearId);
  const taskRows = db
    .select({
      id: tasks.id,
      no: tasks.no,
      section: sections.name,
      sectionPosition: sections.position,
      subsection: subsections.name,
      target: tasks.target,
      needsVerification: tasks.needsVerification,
      note: tasks.note,
    })
    .from(tasks)
    .innerJoin(sections, eq(sections.id, tasks.sectionId))
    .leftJoin(subsections, eq(subsections.id, tasks.subsectionId))
    .where(inYear)
    .orderBy(asc(tasks.no))
    .all();
  const taskIds = db.select({ id: tasks.id }).from(tasks).where(inYear);

  const leaderRows = db
    .select({ taskId: taskLeaders.taskId, name: leaders.name })
    .from(taskLeaders)
    .innerJoin(leaders, eq(leaders.id, taskLeaders.leaderId))
    .where(inArray(taskLeaders.taskId, taskIds))
    .orderBy(asc(taskLeaders.taskId), asc(taskLeaders.position))
    .all();
  const unitRows = db
    .select({ taskId: taskUnits.taskId, name: units.name, role: taskUnits.role })
    .from(taskUnits)
    .innerJoin(units, eq(units.id, taskUnits.unitId))
    .where(inArray(taskUnits.taskId, taskIds))
    .orderBy(asc(taskUnits.taskId), asc(taskUnits.position))
    .all();
  const metricRows = db.select(metricColumns).from(metrics).where(inArray(metrics.taskId, taskIds)).orderBy(asc(metrics.taskId), asc(metrics.position)).all();

  const leadersByTask = new Map<number, string[]>();
  for (const row of leaderRows) pushTo(leadersByTask, row.taskId, row.name);
  const leadUnitsByTask = new Map<number, string[]>();
  const coopUnitsByTask = new Map<number, string[]>();
  for (const row of unitRows) pushTo(row.role === "lead" ? leadUnitsByTask : coopUnitsByTask, row.taskId, row.name);
  const metricsByTask = new Map<number, TaskMetricItem[]>();
  for (const row of metricRows) pushTo(metricsByTask, row.taskId, toMetricItem(row));

  return taskRows.map(({ id, ...row }) => ({
    ...row,
    leaders: leadersByTask.get(id) ?? [],
    leadUnits: leadUnitsByTask.get(id) ?? [],
    coopUnits: coopUnitsByTask.get(id) ?? [],
    metrics: metricsByTask.get(id) ?? [],
  }));
}

/** One task with everything its detail page shows, or null when there is no such 序号. */
export function getTaskByNo({ yearId, no }: InYear & { no: number }): TaskDetail | null {
  const db = getDb();
  const inYear = eq(tasks.yearId, yearId);
  const row = db
    .select({
      id: tasks.id,
      no: tasks.no,
      section: sections.name,
      subsection: subsections.name,
      target: tasks.target,
      needsVerification: tasks.needsVerification,
      note: tasks.note,
      sourceRef: tasks.sourceRef,
      docNo: sourceDocuments.docNo,
      issuedOn: sourceDocuments.issuedOn,
      docTitle: sourceDocuments.title,
    })
    .from(tasks)
    .innerJoin(sections, eq(sections.id, tasks.sectionId))
    .leftJoin(subsections, eq(subsections.id, tasks.subsectionId))
    .innerJoin(sourceDocuments, eq(sourceDocuments.id, tasks.sourceDocumentId))
    .where(and(inYear, eq(tasks.no, no)))
    .get();
  if (!row) return null;

  const leaderRows = db
    .select({ name: leaders.name, title: leaders.title })
    .from(taskLeaders)
    .innerJoin(leaders, eq(leaders.id, taskLeaders.leaderId))
    .where(eq(taskLeaders.taskId, row.id))
    .orderBy(asc(taskLeaders.position))
    .all();
  const unitRows = db
    .select({ name: units.name, kind: units.kind, role: taskUnits.role })
    .from(taskUnits)
    .innerJoin(units, eq(units.id, taskUnits.unitId))
    .where(eq(taskUnits.taskId, row.id))
    .orderBy(asc(taskUnits.position))
    .all();
  const metricRows = db.select(metricColumns).from(metrics).where(eq(metrics.taskId, row.id)).orderBy(asc(metrics.position)).all();
  const prev = db
    .select({ no: sql<number | null>`max(${tasks.no})` })
    .from(tasks)
    .where(and(inYear, lt(tasks.no, no)))
    .get();
  const next = db
    .select({ no: sql<number | null>`min(${tasks.no})` })
    .from(tasks)
    .where(and(inYear, gt(tasks.no, no)))
    .get();

  const unitRef = ({ name, kind }: UnitRef): UnitRef => ({ name, kind });
  return {
    id: row.id,
    no: row.no,
    section: row.section,
    subsection: row.subsection,
    target: row.target,
    leaders: leaderRows,
    leadUnits: unitRows.filter((u) => u.role === "lead").map(unitRef),
    coopUnits: unitRows.filter((u) => u.role === "coop").map(unitRef),
    metrics: metricRows.map((m) => ({ ...toMetricItem(m), position: m.position })),
    source: { docNo: row.docNo, issuedOn: row.issuedOn, title: row.docTitle, sourceRef: row.sourceRef },
    needsVerification: row.needsVerification,
    note: row.note,
    prevNo: prev?.no ?? null,
    nextNo: next?.no ?? null,
  };
}

/** Leaders who lead at least one task of the year, in the gazette's order of rank. */
export const listLeaders = memoUntilChange(byYear, ({ yearId }: InYear): LeaderRef[] => {
  const db = getDb();
  const leads = db
    .select({ one: sql`1` })
    .from(taskLeaders)
    .innerJoin(tasks, eq(tasks.id, taskLeaders.taskId))
    .where(and(eq(taskLeaders.leaderId, leaders.id), eq(tasks.yearId, yearId)));
  return db.select({ name: leaders.name, title: leaders.title }).from(leaders).where(exists(leads)).orderBy(asc(leaders.position)).all();
});

/** Units named on at least one task of the year (lead or cooperating), in order of first appearance. */
export const listUnits = memoUntilChange(byYear, ({ yearId }: InYear): UnitRef[] => {
  const db = getDb();
  const named = db
    .select({ one: sql`1` })
    .from(taskUnits)
    .innerJoin(tasks, eq(tasks.id, taskUnits.taskId))
    .where(and(eq(taskUnits.unitId, units.id), eq(tasks.yearId, yearId)));
  return db.select({ name: units.name, kind: units.kind }).from(units).where(exists(named)).orderBy(asc(units.position)).all();
});

/** The task's "相关…" descriptors with the units named for them so far (the task page). */
export function listTaskNamedChoices({ yearId, taskId }: InYear & { taskId: number }): NamedChoice[] {
  return listNamedChoices(getDb(), { kind: "task", subjectId: taskId, yearId });
}

/** The same with the units each may name (the naming page). */
export function listTaskNamedDescriptors({ yearId, taskId }: InYear & { taskId: number }): NamedDescriptor[] {
  return listNamedDescriptors(getDb(), { kind: "task", subjectId: taskId, yearId });
}
