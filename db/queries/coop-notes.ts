import "server-only";
// 配合情况: a cooperating unit's note on a subject's quarter (a task's 配合单位, a project's
// 相关责任单位), with its own evidence (attachments.coop_note_id, staged like a report's).
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb, type Tx } from "../client";
import { coopNotes, projectUnits, taskUnits, units, users } from "../schema";
import { attachStagedUploads, listOwnedAttachments, removeOwnedAttachments, stagedUploadsAvailable, type AttachmentItem } from "./attachments";
import type { ReportSubject } from "./report-writes";

const noteSubject = (s: ReportSubject) =>
  "taskId" in s ? eq(coopNotes.taskId, s.taskId) : "projectId" in s ? eq(coopNotes.projectId, s.projectId) : eq(coopNotes.itemId, s.itemId);

export interface CoopNoteItem {
  id: number;
  unitId: number;
  unitName: string;
  text: string;
  version: number;
  updatedAt: number;
  updatedByName: string | null;
  attachments: AttachmentItem[];
}

/** 配合情况 of every cooperating unit of the subject for a quarter, in the gazette's unit order, each with its evidence. */
export function listCoopNotes({ subject, periodId }: { subject: ReportSubject; periodId: number }): CoopNoteItem[] {
  const columns = {
    id: coopNotes.id,
    unitId: coopNotes.unitId,
    unitName: units.name,
    text: coopNotes.text,
    version: coopNotes.version,
    updatedAt: coopNotes.updatedAt,
    updatedByName: users.displayName,
  };
  const base = getDb().select(columns).from(coopNotes).innerJoin(units, eq(units.id, coopNotes.unitId)).leftJoin(users, eq(users.id, coopNotes.updatedById));
  const rows =
    "taskId" in subject
      ? base
          .leftJoin(taskUnits, and(eq(taskUnits.taskId, coopNotes.taskId), eq(taskUnits.unitId, coopNotes.unitId), eq(taskUnits.role, "coop")))
          .where(and(noteSubject(subject), eq(coopNotes.periodId, periodId)))
          .orderBy(asc(taskUnits.position), asc(units.position))
          .all()
      : "itemId" in subject
        ? base
            .where(and(noteSubject(subject), eq(coopNotes.periodId, periodId)))
            .orderBy(asc(units.position))
            .all()
        : base
            .leftJoin(
              projectUnits,
              and(eq(projectUnits.projectId, coopNotes.projectId), eq(projectUnits.unitId, coopNotes.unitId), eq(projectUnits.role, "related")),
            )
            .where(and(noteSubject(subject), eq(coopNotes.periodId, periodId)))
            .orderBy(asc(projectUnits.position), asc(units.position))
            .all();
  const files = listOwnedAttachments({ coopNoteIds: rows.map((r) => r.id) });
  return rows.map((r) => ({ ...r, attachments: files.filter((f) => f.ownerId === r.id) }));
}

export type CoopNoteWrite =
  { ok: true; noteId: number; version: number; before: { text: string } | null; after: { text: string } } | { ok: false; reason: "conflict" | "staleUpload" };

/**
 * Writes a cooperating unit's note: created at version 1 when `expectedVersion` is 0,
 * else replaced only while still at `expectedVersion`; then its evidence is attached or removed.
 */
export function saveCoopNote(
  tx: Tx,
  {
    subject,
    periodId,
    unitId,
    text,
    expectedVersion,
    files = { attach: [], removeIds: [] },
    userId,
    now,
  }: {
    subject: ReportSubject;
    periodId: number;
    unitId: number;
    text: string;
    expectedVersion: number;
    files?: { attach: readonly number[]; removeIds: readonly number[] };
    userId: number;
    now: number;
  },
): CoopNoteWrite {
  if (!stagedUploadsAvailable(tx, { ids: files.attach, userId })) return { ok: false, reason: "staleUpload" };
  const where = and(noteSubject(subject), eq(coopNotes.periodId, periodId), eq(coopNotes.unitId, unitId));
  let noteId: number;
  let before: { text: string } | null = null;
  if (expectedVersion === 0) {
    const row = tx
      .insert(coopNotes)
      .values({ ...subject, periodId, unitId, text, version: 1, updatedAt: now, updatedById: userId })
      .onConflictDoNothing()
      .returning({ id: coopNotes.id })
      .get();
    if (!row) return { ok: false, reason: "conflict" };
    noteId = row.id;
  } else {
    const existing = tx.select({ id: coopNotes.id, text: coopNotes.text }).from(coopNotes).where(where).get();
    if (!existing) return { ok: false, reason: "conflict" };
    const changed = tx
      .update(coopNotes)
      .set({ text, version: sql`${coopNotes.version} + 1`, updatedAt: now, updatedById: userId })
      .where(and(eq(coopNotes.id, existing.id), eq(coopNotes.version, expectedVersion)))
      .run().changes;
    if (changed !== 1) return { ok: false, reason: "conflict" };
    noteId = existing.id;
    before = { text: existing.text };
  }
  removeOwnedAttachments(tx, { owner: { coopNoteId: noteId }, ids: files.removeIds, now });
  attachStagedUploads(tx, { ids: files.attach, userId, owner: { coopNoteId: noteId } });
  return { ok: true, noteId, version: expectedVersion + 1, before, after: { text } };
}
