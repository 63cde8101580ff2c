import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb, type Tx } from "../client";
import { coopNotes, taskUnits, units, users } from "../schema";

export interface CoopNoteItem {
  unitId: number;
  unitName: string;
  text: string;
  version: number;
  updatedAt: number;
  updatedByName: string | null;
}

/** 配合情况 of every cooperating unit of the task for a quarter, in the gazette's unit order. */
export function listCoopNotes({ taskId, periodId }: { taskId: number; periodId: number }): CoopNoteItem[] {
  return getDb()
    .select({
      unitId: coopNotes.unitId,
      unitName: units.name,
      text: coopNotes.text,
      version: coopNotes.version,
      updatedAt: coopNotes.updatedAt,
      updatedByName: users.displayName,
    })
    .from(coopNotes)
    .innerJoin(units, eq(units.id, coopNotes.unitId))
    .leftJoin(users, eq(users.id, coopNotes.updatedById))
    .leftJoin(taskUnits, and(eq(taskUnits.taskId, coopNotes.taskId), eq(taskUnits.unitId, coopNotes.unitId), eq(taskUnits.role, "coop")))
    .where(and(eq(coopNotes.taskId, taskId), eq(coopNotes.periodId, periodId)))
    .orderBy(asc(taskUnits.position), asc(units.position))
    .all();
}

export type CoopNoteWrite = { ok: true; version: number; before: { text: string } | null; after: { text: string } } | { ok: false };

/**
 * Writes a cooperating unit's note: created at version 1 when `expectedVersion` is 0,
 * else replaced only while still at `expectedVersion`.
 */
export function saveCoopNote(
  tx: Tx,
  {
    taskId,
    periodId,
    unitId,
    text,
    expectedVersion,
    userId,
    now,
  }: { taskId: number; periodId: number; unitId: number; text: string; expectedVersion: number; userId: number; now: number },
): CoopNoteWrite {
  const where = and(eq(coopNotes.taskId, taskId), eq(coopNotes.periodId, periodId), eq(coopNotes.unitId, unitId));
  if (expectedVersion === 0) {
    const r = tx.insert(coopNotes).values({ taskId, periodId, unitId, text, version: 1, updatedAt: now, updatedById: userId }).onConflictDoNothing().run();
    return r.changes === 1 ? { ok: true, version: 1, before: null, after: { text } } : { ok: false };
  }
  const before = tx.select({ text: coopNotes.text }).from(coopNotes).where(where).get();
  const r = tx
    .update(coopNotes)
    .set({ text, version: sql`${coopNotes.version} + 1`, updatedAt: now, updatedById: userId })
    .where(and(where, eq(coopNotes.version, expectedVersion)))
    .run();
  return r.changes === 1 && before ? { ok: true, version: expectedVersion + 1, before, after: { text } } : { ok: false };
}
