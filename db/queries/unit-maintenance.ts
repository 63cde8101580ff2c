import "server-only";
// 单位维护: rename, change kind, deactivate, merge. A unit keeps its id through a rename, so
// everything it filed (reports, parts, 配合情况, 督办, accounts, audit rows) is shown under the new
// name; the old name is kept as a former name. A merge moves the merged unit's assignments,
// accounts and filings to the surviving unit and keeps the merged row (deactivated) for the
// audit rows that name it.
import { and, asc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { FormerName } from "@/lib/former-names";
import type { UnitKind } from "@/lib/vocabulary";
import { getDb, type Tx } from "../client";
import { collectiveMembers, coopNotes, noticeEvents, reportParts, unitFormerNames, units, users } from "../schema";

export interface AdminUnitRow {
  id: number;
  name: string;
  kind: UnitKind;
  version: number;
  deactivatedAt: number | null;
  mergedInto: string | null;
  formerNames: string[];
  accounts: number;
}

export function listUnitsForAdmin(): AdminUnitRow[] {
  const db = getDb();
  const rows = db.select().from(units).orderBy(asc(units.position), asc(units.id)).all();
  const nameOf = new Map(rows.map((u) => [u.id, u.name]));
  const former = db.select({ unitId: unitFormerNames.unitId, name: unitFormerNames.name }).from(unitFormerNames).orderBy(asc(unitFormerNames.id)).all();
  const accounts = db.select({ unitId: users.unitId }).from(users).all();
  return rows.map((u) => ({
    id: u.id,
    name: u.name,
    kind: u.kind,
    version: u.version,
    deactivatedAt: u.deactivatedAt,
    mergedInto: u.mergedIntoId ? (nameOf.get(u.mergedIntoId) ?? null) : null,
    formerNames: former.filter((f) => f.unitId === u.id).map((f) => f.name),
    accounts: accounts.filter((a) => a.unitId === u.id).length,
  }));
}

export function getUnitForEdit({ id }: { id: number }) {
  return getDb().select().from(units).where(eq(units.id, id)).get();
}

/** Former names per current unit name, oldest first, for pages that show the gazette's names beside today's. */
export function listFormerNames({ names }: { names: readonly string[] }): Map<string, FormerName[]> {
  const out = new Map<string, FormerName[]>();
  if (names.length === 0) return out;
  for (const f of getDb()
    .select({ unit: units.name, name: unitFormerNames.name, how: unitFormerNames.how })
    .from(unitFormerNames)
    .innerJoin(units, eq(units.id, unitFormerNames.unitId))
    .where(inArray(units.name, [...new Set(names)]))
    .orderBy(asc(unitFormerNames.id))
    .all()) {
    out.set(f.unit, [...(out.get(f.unit) ?? []), { name: f.name, how: f.how }]);
  }
  return out;
}

/** The units with the names they had before (renamed) or that were merged into them. */
export function withFormerNames<U extends { name: string }>(lists: readonly (readonly U[])[]): (U & { formerNames: FormerName[] })[][] {
  const former = listFormerNames({ names: lists.flat().map((u) => u.name) });
  // A unit renamed back to an earlier name does not list that name as a former one.
  return lists.map((list) => list.map((u) => ({ ...u, formerNames: (former.get(u.name) ?? []).filter((f) => f.name !== u.name) })));
}

type Change = { reason: string; source: string; byId: number; now: number };
type UnitRow = typeof units.$inferSelect;
export type UnitChangeResult =
  | { ok: true; before: Record<string, unknown>; after: Record<string, unknown> }
  | { ok: false; kind: "conflict" }
  | { ok: false; kind: "invalid"; message: string };

function bump(tx: Tx, unit: UnitRow, expectedVersion: number, set: Partial<UnitRow>): boolean {
  return (
    tx
      .update(units)
      .set({ ...set, version: unit.version + 1 })
      .where(and(eq(units.id, unit.id), eq(units.version, expectedVersion)))
      .run().changes === 1
  );
}

export function renameUnit(tx: Tx, unit: UnitRow, { name, expectedVersion, ...c }: Change & { name: string; expectedVersion: number }): UnitChangeResult {
  if (name === unit.name) return { ok: false, kind: "invalid", message: "新名称与现名称相同。" };
  const clash = tx
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.name, name), ne(units.id, unit.id)))
    .get();
  if (clash) return { ok: false, kind: "invalid", message: `已有名为“${name}”的单位；如是同一单位，请用“合并”。` };
  if (!bump(tx, unit, expectedVersion, { name })) return { ok: false, kind: "conflict" };
  tx.insert(unitFormerNames)
    .values({ unitId: unit.id, name: unit.name, how: "renamed", fromUnitId: unit.id, until: c.now, reason: c.reason, source: c.source, byId: c.byId })
    .run();
  return { ok: true, before: { name: unit.name }, after: { name, reason: c.reason, source: c.source } };
}

export function changeUnitKind(tx: Tx, unit: UnitRow, { kind, expectedVersion, ...c }: Change & { kind: UnitKind; expectedVersion: number }): UnitChangeResult {
  if (kind === unit.kind) return { ok: false, kind: "invalid", message: "类别没有变化。" };
  if (!bump(tx, unit, expectedVersion, { kind })) return { ok: false, kind: "conflict" };
  return { ok: true, before: { kind: unit.kind }, after: { kind, reason: c.reason, source: c.source } };
}

export function setUnitActive(
  tx: Tx,
  unit: UnitRow,
  { active, expectedVersion, ...c }: Change & { active: boolean; expectedVersion: number },
): UnitChangeResult {
  if (unit.mergedIntoId) return { ok: false, kind: "invalid", message: "该单位已并入其他单位，不能重新启用。" };
  if (active === (unit.deactivatedAt === null)) return { ok: false, kind: "invalid", message: active ? "该单位已在使用中。" : "该单位已停用。" };
  if (!bump(tx, unit, expectedVersion, { deactivatedAt: active ? null : c.now })) return { ok: false, kind: "conflict" };
  return { ok: true, before: { active: !active }, after: { active, reason: c.reason, source: c.source } };
}

/** Moves link rows keyed by unit onto another unit, dropping the ones the survivor already has. */
function moveLinks(tx: Tx, table: "task_units" | "project_units" | "item_units" | "notice_units", keys: string[], fromId: number, intoId: number): number {
  const same = sql.raw(keys.map((k) => `o.${k} = ${table}.${k}`).join(" and "));
  const name = sql.raw(table);
  tx.run(sql`delete from ${name} where unit_id = ${fromId} and exists (select 1 from ${name} o where o.unit_id = ${intoId} and ${same})`);
  return tx.run(sql`update ${name} set unit_id = ${intoId} where unit_id = ${fromId}`).changes;
}

export function mergeUnits(tx: Tx, from: UnitRow, into: UnitRow, { expectedVersion, ...c }: Change & { expectedVersion: number }): UnitChangeResult {
  if (from.id === into.id) return { ok: false, kind: "invalid", message: "不能把单位并入它自己。" };
  if (from.mergedIntoId || into.mergedIntoId) return { ok: false, kind: "invalid", message: "已并入其他单位的单位不能再合并。" };
  // Both units filed the same subject's quarter: the two filings cannot become one silently.
  for (const table of [reportParts, coopNotes] as const) {
    const both = tx
      .select({ taskId: table.taskId, projectId: table.projectId, periodId: table.periodId, unitId: table.unitId })
      .from(table)
      .where(inArray(table.unitId, [from.id, into.id]))
      .all();
    const seen = new Set<string>();
    for (const r of both) {
      const k = `${r.taskId}:${r.projectId}:${r.periodId}`;
      if (seen.has(k))
        return { ok: false, kind: "invalid", message: "两个单位在同一事项同一季度都有填报（分项或配合情况），不能自动合并，请先联系督查室处理。" };
      seen.add(k);
    }
  }
  if (!bump(tx, from, expectedVersion, { mergedIntoId: into.id, deactivatedAt: c.now })) return { ok: false, kind: "conflict" };
  const moved = {
    tasks: moveLinks(tx, "task_units", ["task_id", "role"], from.id, into.id),
    projects: moveLinks(tx, "project_units", ["project_id", "role"], from.id, into.id),
    items: moveLinks(tx, "item_units", ["item_id", "role"], from.id, into.id),
    notices: moveLinks(tx, "notice_units", ["notice_id"], from.id, into.id),
    accounts: tx.update(users).set({ unitId: into.id }).where(eq(users.unitId, from.id)).run().changes,
    parts: tx.update(reportParts).set({ unitId: into.id }).where(eq(reportParts.unitId, from.id)).run().changes,
    coopNotes: tx.update(coopNotes).set({ unitId: into.id }).where(eq(coopNotes.unitId, from.id)).run().changes,
  };
  tx.update(noticeEvents).set({ unitId: into.id }).where(eq(noticeEvents.unitId, from.id)).run();
  const members = tx.select().from(collectiveMembers).where(eq(collectiveMembers.unitId, from.id)).all();
  for (const m of members) {
    const twin = tx
      .select({ id: collectiveMembers.id })
      .from(collectiveMembers)
      .where(
        and(
          eq(collectiveMembers.subjectKind, m.subjectKind),
          eq(collectiveMembers.subjectId, m.subjectId),
          eq(collectiveMembers.descriptorUnitId, m.descriptorUnitId),
          eq(collectiveMembers.unitId, into.id),
        ),
      )
      .get();
    if (twin)
      tx.update(collectiveMembers)
        .set({ removedAt: c.now, removedById: c.byId })
        .where(and(eq(collectiveMembers.id, m.id), isNull(collectiveMembers.removedAt)))
        .run();
    else tx.update(collectiveMembers).set({ unitId: into.id }).where(eq(collectiveMembers.id, m.id)).run();
  }
  tx.update(unitFormerNames).set({ unitId: into.id }).where(eq(unitFormerNames.unitId, from.id)).run();
  tx.insert(unitFormerNames)
    .values({ unitId: into.id, name: from.name, how: "merged", fromUnitId: from.id, until: c.now, reason: c.reason, source: c.source, byId: c.byId })
    .run();
  tx.update(units)
    .set({ version: into.version + 1 })
    .where(eq(units.id, into.id))
    .run();
  return { ok: true, before: { merged: from.name, into: into.name }, after: { mergedInto: into.name, moved, reason: c.reason, source: c.source } };
}
