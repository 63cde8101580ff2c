import "server-only";
// 督办事项 reads and the 领导交办 write: the list (filterable by source), one item's page, and
// the insert of an item the 督查室 makes from a leader's 批示.
import { and, asc, eq, max, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { MetricLike } from "@/lib/metric-text";
import { groupBy } from "@/lib/group-by";
import type { ItemCadence, ItemSource, UnitKind } from "@/lib/vocabulary";
import { getDb, type Tx } from "../client";
import { addCollectiveMembersByKind, reachesUnit } from "../collective-members";
import { listSubjectMetrics, type SubjectMetric } from "./report-metric-values";
import { itemLeaders, itemMetrics, itemUnits, leaderInstructions, leaders, metrics, sourceDocuments, supervisionItems, tasks, units } from "../schema";

type InYear = { yearId: number };

export interface ItemUnitRef {
  id: number;
  name: string;
  kind: UnitKind;
}

export interface ItemRow {
  id: number;
  no: number;
  source: ItemSource;
  sourceRef: string;
  docNo: string | null;
  headings: string[];
  text: string;
  cadence: ItemCadence | null;
  deadline: string | null;
  linkedTaskNo: number | null;
  /** The first day the item is due to report on (see itemReportsIn). */
  dueFrom: string | null;
  needsVerification: boolean;
  leaders: string[];
  leadUnits: ItemUnitRef[];
  coopUnits: ItemUnitRef[];
}

/** A listed item with its figures, for the 台账's 督办事项 sheet. */
export type ListedItem = ItemRow & { metrics: (MetricLike & { sameAsTaskNo: number | null })[] };

export interface ItemDetail extends ItemRow {
  duty: string | null;
  note: string | null;
  verificationNote: string | null;
  version: number;
  document: { docNo: string; issuedOn: string; title: string } | null;
  /**
   * Its numeric targets, reported like a task's metrics; `sameAs`: the key task's metric one repeats
   * (reported through that task, so the item's report does not ask for it).
   */
  metrics: (SubjectMetric & { sameAs: { taskNo: number; metric: MetricLike } | null })[];
  /** The metrics of the key task it repeats (that task reports them), to show beside its own. */
  linkedTaskMetrics: SubjectMetric[];
  /** For 领导交办: the 批示 it was made from. */
  instruction: { leaderName: string; text: string; at: number } | null;
  prevNo: number | null;
  nextNo: number | null;
}

const rowColumns = {
  id: supervisionItems.id,
  no: supervisionItems.no,
  source: supervisionItems.source,
  sourceRef: supervisionItems.sourceRef,
  docNo: sourceDocuments.docNo,
  headings: supervisionItems.headings,
  text: supervisionItems.text,
  cadence: supervisionItems.cadence,
  deadline: supervisionItems.deadline,
  linkedTaskNo: tasks.no,
  // Due from the day the 督查室 set its time limit, else the day it was given: the 批示's day
  // (Beijing time) for a 领导交办, the meeting's or the plan's date for the gazette's items.
  dueFrom: sql<
    string | null
  >`coalesce(${supervisionItems.scheduledOn}, (select date(${leaderInstructions.at} / 1000, 'unixepoch', '+8 hours') from ${leaderInstructions} where ${leaderInstructions.id} = ${supervisionItems.instructionId}), ${sourceDocuments.issuedOn})`,
  needsVerification: supervisionItems.needsVerification,
};

function peopleOf(itemIds: readonly number[] | null) {
  const db = getDb();
  const leaderRows = db
    .select({ itemId: itemLeaders.itemId, name: leaders.name })
    .from(itemLeaders)
    .innerJoin(leaders, eq(leaders.id, itemLeaders.leaderId))
    .orderBy(asc(itemLeaders.itemId), asc(itemLeaders.position))
    .all();
  const unitRows = db
    .select({ itemId: itemUnits.itemId, id: units.id, name: units.name, kind: units.kind, role: itemUnits.role })
    .from(itemUnits)
    .innerJoin(units, eq(units.id, itemUnits.unitId))
    .orderBy(asc(itemUnits.itemId), asc(itemUnits.role), asc(itemUnits.position))
    .all();
  const wanted = itemIds ? new Set(itemIds) : null;
  const people = new Map<number, { leaders: string[]; leadUnits: ItemUnitRef[]; coopUnits: ItemUnitRef[] }>();
  const of = (id: number) => {
    let p = people.get(id);
    if (!p) people.set(id, (p = { leaders: [], leadUnits: [], coopUnits: [] }));
    return p;
  };
  for (const l of leaderRows) if (!wanted || wanted.has(l.itemId)) of(l.itemId).leaders.push(l.name);
  for (const u of unitRows)
    if (!wanted || wanted.has(u.itemId)) of(u.itemId)[u.role === "lead" ? "leadUnits" : "coopUnits"].push({ id: u.id, name: u.name, kind: u.kind });
  return (id: number) => people.get(id) ?? { leaders: [], leadUnits: [], coopUnits: [] };
}

/**
 * The year's 督办事项 in 编号 order, optionally of one source or one unit (lead or cooperating,
 * named or reached through a descriptor such as "各镇（街道）").
 */
export function listItems({ yearId, source, unitId }: InYear & { source?: ItemSource | null; unitId?: number | null }): ListedItem[] {
  const db = getDb();
  const conditions = [eq(supervisionItems.yearId, yearId)];
  if (source) conditions.push(eq(supervisionItems.source, source));
  if (unitId) {
    conditions.push(
      or(
        sql`${supervisionItems.id} in (select ${itemUnits.itemId} from ${itemUnits} where ${itemUnits.unitId} = ${unitId})`,
        reachesUnit(db, { kind: "item", unitId, subjectId: supervisionItems.id }),
      )!,
    );
  }
  const rows = db
    .select(rowColumns)
    .from(supervisionItems)
    .leftJoin(sourceDocuments, eq(sourceDocuments.id, supervisionItems.sourceDocumentId))
    .leftJoin(tasks, eq(tasks.id, supervisionItems.linkedTaskId))
    .where(and(...conditions))
    .orderBy(asc(supervisionItems.no))
    .all();
  const people = peopleOf(null);
  const task = alias(metrics, "same_as");
  const figures = groupBy(
    getDb()
      .select({
        itemId: itemMetrics.itemId,
        label: itemMetrics.label,
        target: itemMetrics.target,
        targetMax: itemMetrics.targetMax,
        unit: itemMetrics.unit,
        comparator: itemMetrics.comparator,
        sameAsTaskNo: tasks.no,
      })
      .from(itemMetrics)
      .innerJoin(supervisionItems, eq(supervisionItems.id, itemMetrics.itemId))
      .leftJoin(task, eq(task.id, itemMetrics.sameAsMetricId))
      .leftJoin(tasks, eq(tasks.id, task.taskId))
      .where(eq(supervisionItems.yearId, yearId))
      .orderBy(asc(itemMetrics.itemId), asc(itemMetrics.position))
      .all(),
    (m) => m.itemId,
  );
  return rows.map((r) => ({
    ...r,
    ...people(r.id),
    metrics: (figures.get(r.id) ?? []).map((m) => ({
      label: m.label,
      target: m.target,
      targetMax: m.targetMax,
      unit: m.unit,
      comparator: m.comparator,
      sameAsTaskNo: m.sameAsTaskNo,
    })),
  }));
}

/** How many 督办事项 the year has of each source. */
export function countItemsBySource({ yearId }: InYear): Record<ItemSource, number> {
  const counts: Record<ItemSource, number> = { meeting: 0, kaiju: 0, instruction: 0 };
  for (const r of getDb()
    .select({ source: supervisionItems.source, n: sql<number>`count(*)` })
    .from(supervisionItems)
    .where(eq(supervisionItems.yearId, yearId))
    .groupBy(supervisionItems.source)
    .all())
    counts[r.source] = r.n;
  return counts;
}

/** Every metric of the item, with the key task's metric each repeats. */
function itemMetricsWithLinks(itemId: number): ItemDetail["metrics"] {
  const task = alias(metrics, "same_as");
  return getDb()
    .select({
      id: itemMetrics.id,
      position: itemMetrics.position,
      label: itemMetrics.label,
      unit: itemMetrics.unit,
      kind: itemMetrics.kind,
      target: itemMetrics.target,
      targetMax: itemMetrics.targetMax,
      comparator: itemMetrics.comparator,
      taskNo: tasks.no,
      taskLabel: task.label,
      taskTarget: task.target,
      taskTargetMax: task.targetMax,
      taskUnit: task.unit,
      taskComparator: task.comparator,
    })
    .from(itemMetrics)
    .leftJoin(task, eq(task.id, itemMetrics.sameAsMetricId))
    .leftJoin(tasks, eq(tasks.id, task.taskId))
    .where(eq(itemMetrics.itemId, itemId))
    .orderBy(asc(itemMetrics.position))
    .all()
    .map(({ taskNo, taskLabel, taskTarget, taskTargetMax, taskUnit, taskComparator, ...m }) => ({
      ...m,
      sameAs:
        taskNo === null || taskLabel === null || taskTarget === null || taskUnit === null || taskComparator === null
          ? null
          : { taskNo, metric: { label: taskLabel, target: taskTarget, targetMax: taskTargetMax, unit: taskUnit, comparator: taskComparator } },
    }));
}

export function getItemByNo({ yearId, no }: InYear & { no: number }): ItemDetail | null {
  const db = getDb();
  const row = db
    .select({
      ...rowColumns,
      duty: supervisionItems.duty,
      note: supervisionItems.note,
      verificationNote: supervisionItems.verificationNote,
      version: supervisionItems.version,
      instructionId: supervisionItems.instructionId,
      linkedTaskId: supervisionItems.linkedTaskId,
      issuedOn: sourceDocuments.issuedOn,
      docTitle: sourceDocuments.title,
    })
    .from(supervisionItems)
    .leftJoin(sourceDocuments, eq(sourceDocuments.id, supervisionItems.sourceDocumentId))
    .leftJoin(tasks, eq(tasks.id, supervisionItems.linkedTaskId))
    .where(and(eq(supervisionItems.yearId, yearId), eq(supervisionItems.no, no)))
    .get();
  if (!row) return null;
  const { instructionId, linkedTaskId, issuedOn, docTitle, ...rest } = row;
  const instruction =
    instructionId === null
      ? null
      : (db
          .select({ leaderName: leaders.name, text: leaderInstructions.text, at: leaderInstructions.at })
          .from(leaderInstructions)
          .innerJoin(leaders, eq(leaders.id, leaderInstructions.leaderId))
          .where(eq(leaderInstructions.id, instructionId))
          .get() ?? null);
  const neighbour = (cmp: "<" | ">") =>
    db
      .select({ no: supervisionItems.no })
      .from(supervisionItems)
      .where(and(eq(supervisionItems.yearId, yearId), cmp === "<" ? sql`${supervisionItems.no} < ${no}` : sql`${supervisionItems.no} > ${no}`))
      .orderBy(cmp === "<" ? sql`${supervisionItems.no} desc` : asc(supervisionItems.no))
      .get()?.no ?? null;
  return {
    ...rest,
    ...peopleOf([row.id])(row.id),
    document: row.docNo && issuedOn && docTitle ? { docNo: row.docNo, issuedOn, title: docTitle } : null,
    metrics: itemMetricsWithLinks(row.id),
    linkedTaskMetrics: linkedTaskId === null ? [] : listSubjectMetrics(db, { taskId: linkedTaskId }),
    instruction,
    prevNo: neighbour("<"),
    nextNo: neighbour(">"),
  };
}

export interface NewAssignedItem {
  yearId: number;
  leaderId: number;
  /** The 批示's day, as the 督查室 recorded it (epoch ms of that day's noon, Asia/Shanghai). */
  instructedAt: number;
  text: string;
  leadUnitIds: readonly number[];
  coopUnitIds: readonly number[];
  cadence: ItemCadence | null;
  deadline: string | null;
  byId: number;
  now: number;
}

/**
 * 领导交办: the 批示 is kept as a 领导批示 on the new item (subject kind "item"), and the item
 * takes the next 编号 of the year; a descriptor among its 配合单位 reaches its units by kind.
 * Runs in the caller's transaction.
 */
export function insertAssignedItem(tx: Tx, input: NewAssignedItem): { id: number; no: number; instructionId: number } {
  const last = tx
    .select({ no: max(supervisionItems.no) })
    .from(supervisionItems)
    .where(eq(supervisionItems.yearId, input.yearId))
    .get();
  const no = (last?.no ?? 0) + 1;
  const item = tx
    .insert(supervisionItems)
    .values({
      yearId: input.yearId,
      no,
      source: "instruction",
      sourceDocumentId: null,
      sourceRef: "领导批示",
      headings: [],
      text: input.text,
      cadence: input.cadence,
      deadline: input.deadline,
    })
    .returning({ id: supervisionItems.id })
    .get();
  const instruction = tx
    .insert(leaderInstructions)
    .values({ subjectKind: "item", subjectId: item.id, leaderId: input.leaderId, byId: input.byId, text: input.text, at: input.instructedAt })
    .returning({ id: leaderInstructions.id })
    .get();
  tx.update(supervisionItems).set({ instructionId: instruction.id }).where(eq(supervisionItems.id, item.id)).run();
  tx.insert(itemLeaders).values({ itemId: item.id, leaderId: input.leaderId, position: 1 }).run();
  const link = (ids: readonly number[], role: "lead" | "coop") =>
    ids.forEach((unitId, i) =>
      tx
        .insert(itemUnits)
        .values({ itemId: item.id, unitId, role, position: i + 1 })
        .run(),
    );
  link(input.leadUnitIds, "lead");
  link(input.coopUnitIds, "coop");
  // "各镇（街道）" chosen as a 配合单位 reaches every 镇街 unit, as on the gazette's items.
  addCollectiveMembersByKind(tx, { yearId: input.yearId, now: input.now, only: { kind: "item", subjectId: item.id } });
  return { id: item.id, no, instructionId: instruction.id };
}

/** What the 领导交办 form offers: every leader and every unit of the registry, in registry order. */
export function listItemChoices(): { leaders: { id: number; name: string }[]; units: ItemUnitRef[] } {
  const db = getDb();
  return {
    leaders: db.select({ id: leaders.id, name: leaders.name }).from(leaders).orderBy(asc(leaders.position), asc(leaders.id)).all(),
    units: db.select({ id: units.id, name: units.name, kind: units.kind }).from(units).orderBy(asc(units.position), asc(units.id)).all(),
  };
}

/** The row an item's time-limit form acts on. */
export function getItemRef({
  yearId,
  no,
}: InYear & { no: number }): { id: number; no: number; version: number; cadence: ItemCadence | null; deadline: string | null } | null {
  return (
    getDb()
      .select({
        id: supervisionItems.id,
        no: supervisionItems.no,
        version: supervisionItems.version,
        cadence: supervisionItems.cadence,
        deadline: supervisionItems.deadline,
      })
      .from(supervisionItems)
      .where(and(eq(supervisionItems.yearId, yearId), eq(supervisionItems.no, no)))
      .get() ?? null
  );
}

/** Sets (or clears) an item's time limit with the optimistic check; false when the version moved. */
/** Sets an item's time limit; the first one given (`today`) is the day it starts reporting from. */
export function setItemSchedule(
  tx: Tx,
  input: { id: number; expectedVersion: number; cadence: ItemCadence | null; deadline: string | null; today: string },
): boolean {
  const done = tx
    .update(supervisionItems)
    .set({
      cadence: input.cadence,
      deadline: input.deadline,
      scheduledOn: sql`coalesce(${supervisionItems.scheduledOn}, case when ${supervisionItems.cadence} is null and ${input.cadence} is not null then ${input.today} end)`,
      version: sql`${supervisionItems.version} + 1`,
    })
    .where(and(eq(supervisionItems.id, input.id), eq(supervisionItems.version, input.expectedVersion)))
    .run();
  return done.changes === 1;
}
