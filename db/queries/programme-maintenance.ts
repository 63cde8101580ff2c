import "server-only";
import { and, asc, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import {
  diffFields,
  formatMetricLine,
  joinNames,
  TASK_FIELD_LABEL,
  verificationText,
  type FieldChange,
  type MetricInput,
  type TaskFieldText,
} from "@/lib/programme-fields";
import type { SubjectKind } from "@/lib/vocabulary";
import { getDb, type Tx } from "../client";
import {
  leaders,
  metricQuarterTargets,
  metrics,
  periods,
  programmeChanges,
  reportMetricValues,
  sections,
  taskLeaders,
  tasks,
  taskUnits,
  units,
  users,
} from "../schema";
import { refreshQuarterStatus } from "../status/store";

// Maintenance of the programme (基础数据维护): a task's text, section, leaders, units and
// metrics, each edit recorded field by field in programme_changes with its reason and source.
// Reports already filed are untouched: their versions are frozen snapshots, and a metric
// edited in place keeps its id, so drafts and quarterly targets stay attached to it.

type Reader = Pick<Tx, "select">;

export interface TaskForEdit {
  id: number;
  no: number;
  version: number;
  sectionId: number;
  section: string;
  target: string;
  leaders: string[];
  leadUnits: string[];
  coopUnits: string[];
  metrics: MetricInput[];
  needsVerification: boolean;
  note: string | null;
}

/** One task as the maintenance form edits it, or null when the year has no such 序号. */
export function getTaskForEdit({ yearId, no }: { yearId: number; no: number }, db: Reader = getDb()): TaskForEdit | null {
  const row = db
    .select({
      id: tasks.id,
      no: tasks.no,
      version: tasks.version,
      sectionId: tasks.sectionId,
      section: sections.name,
      target: tasks.target,
      needsVerification: tasks.needsVerification,
      note: tasks.note,
    })
    .from(tasks)
    .innerJoin(sections, eq(sections.id, tasks.sectionId))
    .where(and(eq(tasks.yearId, yearId), eq(tasks.no, no)))
    .get();
  if (!row) return null;
  const leaderRows = db
    .select({ name: leaders.name })
    .from(taskLeaders)
    .innerJoin(leaders, eq(leaders.id, taskLeaders.leaderId))
    .where(eq(taskLeaders.taskId, row.id))
    .orderBy(asc(taskLeaders.position))
    .all();
  const unitRows = db
    .select({ name: units.name, role: taskUnits.role })
    .from(taskUnits)
    .innerJoin(units, eq(units.id, taskUnits.unitId))
    .where(eq(taskUnits.taskId, row.id))
    .orderBy(asc(taskUnits.position))
    .all();
  const metricRows = db
    .select({
      label: metrics.label,
      target: metrics.target,
      targetMax: metrics.targetMax,
      unit: metrics.unit,
      comparator: metrics.comparator,
      kind: metrics.kind,
    })
    .from(metrics)
    .where(eq(metrics.taskId, row.id))
    .orderBy(asc(metrics.position))
    .all();
  return {
    ...row,
    leaders: leaderRows.map((l) => l.name),
    leadUnits: unitRows.filter((u) => u.role === "lead").map((u) => u.name),
    coopUnits: unitRows.filter((u) => u.role === "coop").map((u) => u.name),
    metrics: metricRows,
  };
}

/** The year's sections, in gazette order, for the section choice. */
export function listSectionOptions({ yearId }: { yearId: number }): { id: number; name: string }[] {
  return getDb().select({ id: sections.id, name: sections.name }).from(sections).where(eq(sections.yearId, yearId)).orderBy(asc(sections.position)).all();
}

/** Every leader and unit name the form may use, for the hints beside the fields. */
export function listNameOptions(): { leaders: string[]; units: string[] } {
  const db = getDb();
  return {
    leaders: db
      .select({ name: leaders.name })
      .from(leaders)
      .orderBy(asc(leaders.position))
      .all()
      .map((l) => l.name),
    units: db
      .select({ name: units.name })
      .from(units)
      .orderBy(asc(units.position))
      .all()
      .map((u) => u.name),
  };
}

export interface TaskEdit {
  target: string;
  sectionId: number;
  leaders: string[];
  leadUnits: string[];
  coopUnits: string[];
  metrics: MetricInput[];
  /** Keep the 待核实 flag (with `note`) or clear it. */
  needsVerification: boolean;
  note: string | null;
  reason: string;
  source: string;
  expectedVersion: number;
}

export type TaskEditResult =
  | { ok: true; changes: FieldChange[]; before: Partial<TaskFieldText>; after: Partial<TaskFieldText> }
  | { ok: false; kind: "conflict" }
  | { ok: false; kind: "invalid"; field: string; message: string };

const fieldText = (
  t: Pick<TaskForEdit, "target" | "section" | "leaders" | "leadUnits" | "coopUnits" | "metrics" | "needsVerification" | "note">,
): TaskFieldText => ({
  target: t.target,
  section: t.section,
  leaders: joinNames(t.leaders),
  leadUnits: joinNames(t.leadUnits),
  coopUnits: joinNames(t.coopUnits),
  metrics: t.metrics.map(formatMetricLine).join("\n"),
  needsVerification: verificationText(t.needsVerification),
  note: t.note ?? "",
});

function idsByName(tx: Tx, table: typeof leaders | typeof units, names: string[]): Map<string, number> | string[] {
  if (names.length === 0) return new Map();
  const found = new Map(
    tx
      .select({ id: table.id, name: table.name })
      .from(table)
      .where(inArray(table.name, names))
      .all()
      .map((r) => [r.name, r.id]),
  );
  const missing = names.filter((n) => !found.has(n));
  return missing.length ? missing : found;
}

/**
 * Applies an edit to a task inside the caller's transaction: refuses a stale version or a
 * name that is not on file, writes the change record, and refreshes the stored judgement
 * of each quarter of the year (a lead unit decides whether the quarter is due at all).
 */
export function updateTaskProgramme(
  tx: Tx,
  task: TaskForEdit,
  edit: TaskEdit,
  { byId, now, yearId }: { byId: number; now: number; yearId: number },
): TaskEditResult {
  const current = getTaskForEdit({ yearId, no: task.no }, tx);
  if (!current || current.version !== edit.expectedVersion) return { ok: false, kind: "conflict" };
  const section = tx
    .select({ name: sections.name })
    .from(sections)
    .where(and(eq(sections.id, edit.sectionId), eq(sections.yearId, yearId)))
    .get();
  if (!section) return { ok: false, kind: "invalid", field: "sectionId", message: "所选板块不存在，请刷新页面后重新选择。" };
  const leaderIds = idsByName(tx, leaders, edit.leaders);
  if (Array.isArray(leaderIds)) return { ok: false, kind: "invalid", field: "leaders", message: `没有这位领导：${leaderIds.join("、")}。` };
  const unitIds = idsByName(tx, units, [...edit.leadUnits, ...edit.coopUnits]);
  if (Array.isArray(unitIds)) {
    const field = edit.leadUnits.includes(unitIds[0]!) ? "leadUnits" : "coopUnits";
    return { ok: false, kind: "invalid", field, message: `没有这个单位：${unitIds.join("、")}（请先在单位名录中添加）。` };
  }
  const both = edit.leadUnits.filter((u) => edit.coopUnits.includes(u));
  if (both.length) return { ok: false, kind: "invalid", field: "coopUnits", message: `${both.join("、")}已是牵头单位，不能同时列为配合单位。` };
  // A deactivated unit keeps the tasks it had, but takes on no new ones.
  const onTask = new Set([...current.leadUnits, ...current.coopUnits]);
  const added = [...edit.leadUnits, ...edit.coopUnits].filter((n) => !onTask.has(n));
  const inactive = added.length
    ? tx
        .select({ name: units.name })
        .from(units)
        .where(and(inArray(units.name, added), isNotNull(units.deactivatedAt)))
        .all()
        .map((u) => u.name)
    : [];
  if (inactive.length) {
    const field = edit.leadUnits.includes(inactive[0]!) ? "leadUnits" : "coopUnits";
    return { ok: false, kind: "invalid", field, message: `${inactive.join("、")}已停用，不能承担新的任务。` };
  }

  const before = fieldText(current);
  const after = fieldText({ ...edit, section: section.name });
  const changes = diffFields(TASK_FIELD_LABEL, before, after);
  const changed = (Object.keys(TASK_FIELD_LABEL) as (keyof TaskFieldText)[]).filter((k) => before[k] !== after[k]);
  if (changes.length === 0) return { ok: false, kind: "invalid", field: "reason", message: "没有改动任何内容。" };

  if (changed.includes("metrics")) {
    const result = replaceMetrics(tx, current.id, edit.metrics);
    if (result) return result;
  }
  tx.update(tasks)
    .set({ target: edit.target, sectionId: edit.sectionId, needsVerification: edit.needsVerification, note: edit.note, version: sql`${tasks.version} + 1` })
    .where(eq(tasks.id, current.id))
    .run();
  if (changed.includes("leaders")) {
    tx.delete(taskLeaders).where(eq(taskLeaders.taskId, current.id)).run();
    edit.leaders.forEach((name, i) =>
      tx
        .insert(taskLeaders)
        .values({ taskId: current.id, leaderId: leaderIds.get(name)!, position: i + 1 })
        .run(),
    );
  }
  if (changed.includes("leadUnits") || changed.includes("coopUnits")) {
    tx.delete(taskUnits).where(eq(taskUnits.taskId, current.id)).run();
    const rows = [...edit.leadUnits.map((name) => ({ name, role: "lead" as const })), ...edit.coopUnits.map((name) => ({ name, role: "coop" as const }))];
    rows.forEach((r, i) =>
      tx
        .insert(taskUnits)
        .values({ taskId: current.id, unitId: unitIds.get(r.name)!, role: r.role, position: i + 1 })
        .run(),
    );
  }
  tx.insert(programmeChanges).values({ subjectKind: "task", subjectId: current.id, at: now, byId, reason: edit.reason, source: edit.source, changes }).run();
  for (const p of tx.select({ id: periods.id }).from(periods).where(eq(periods.yearId, yearId)).all()) {
    refreshQuarterStatus(tx, { kind: "task", subjectId: current.id, periodId: p.id }, now);
  }
  const pick = (t: TaskFieldText) => Object.fromEntries(changed.map((k) => [k, t[k]])) as Partial<TaskFieldText>;
  return { ok: true, changes, before: pick(before), after: pick(after) };
}

/**
 * Metrics keep their ids by position: an edited metric stays attached to the values and
 * quarterly targets already entered for it; one removed must have none.
 */
function replaceMetrics(tx: Tx, taskId: number, next: MetricInput[]): TaskEditResult | null {
  const existing = tx
    .select({ id: metrics.id, position: metrics.position })
    .from(metrics)
    .where(eq(metrics.taskId, taskId))
    .orderBy(asc(metrics.position))
    .all();
  const removed = existing.slice(next.length);
  for (const m of removed) {
    const used =
      tx
        .select({ one: sql`1` })
        .from(reportMetricValues)
        .where(eq(reportMetricValues.metricId, m.id))
        .get() ??
      tx
        .select({ one: sql`1` })
        .from(metricQuarterTargets)
        .where(eq(metricQuarterTargets.metricId, m.id))
        .get();
    if (used)
      return { ok: false, kind: "invalid", field: "metrics", message: `第 ${m.position} 个指标已有季度目标或填报数值，不能删除；如需更正，请修改该行。` };
    tx.delete(metrics).where(eq(metrics.id, m.id)).run();
  }
  next.forEach((m, i) => {
    const kept = existing[i];
    if (kept) tx.update(metrics).set(m).where(eq(metrics.id, kept.id)).run();
    else
      tx.insert(metrics)
        .values({ ...m, taskId, position: i + 1 })
        .run();
  });
  return null;
}

export interface ProgrammeChangeRow {
  id: number;
  at: number;
  byName: string;
  reason: string;
  source: string;
  changes: FieldChange[];
}

/** A task's or project's change history, newest first. */
export function listProgrammeChanges({ kind, subjectId }: { kind: SubjectKind; subjectId: number }): ProgrammeChangeRow[] {
  return getDb()
    .select({
      id: programmeChanges.id,
      at: programmeChanges.at,
      byName: users.displayName,
      reason: programmeChanges.reason,
      source: programmeChanges.source,
      changes: programmeChanges.changes,
    })
    .from(programmeChanges)
    .innerJoin(users, eq(users.id, programmeChanges.byId))
    .where(and(eq(programmeChanges.subjectKind, kind), eq(programmeChanges.subjectId, subjectId)))
    .orderBy(desc(programmeChanges.at), desc(programmeChanges.id))
    .all();
}
