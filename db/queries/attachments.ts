import "server-only";
import { and, asc, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import { getDb, type Tx } from "../client";
import type { StoredEvidence } from "../evidence-store";
import { attachments, coopNotes, projectParts, registerItems, reportParts, reports, users } from "../schema";

export interface AttachmentItem {
  id: number;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  uploadedByName: string | null;
  createdAt: number;
  /** 可公开: shown on the public page once a version holding it is approved (project evidence images). */
  public: boolean;
}

export interface NewAttachment extends StoredEvidence {
  filename: string;
  mime: string;
  size: number;
}

const itemColumns = {
  id: attachments.id,
  filename: attachments.filename,
  mime: attachments.mime,
  size: attachments.size,
  sha256: attachments.sha256,
  uploadedByName: users.displayName,
  createdAt: attachments.createdAt,
  public: attachments.public,
};

/** Which of these evidence files the unit marked 可公开 (the reviewer sees the mark before approving). */
export function listPublicAttachmentIds({ ids }: { ids: readonly number[] }): Set<number> {
  if (ids.length === 0) return new Set();
  const rows = getDb()
    .select({ id: attachments.id })
    .from(attachments)
    .where(and(inArray(attachments.id, [...ids]), eq(attachments.public, true)))
    .all();
  return new Set(rows.map((r) => r.id));
}

/** Marks a report's evidence image 可公开 or not. */
export function setAttachmentPublic(tx: Tx, { id, value }: { id: number; value: boolean }): void {
  tx.update(attachments).set({ public: value }).where(eq(attachments.id, id)).run();
}

/** The report's current (not removed) evidence, oldest first. */
export function listReportAttachments({ reportId }: { reportId: number }): AttachmentItem[] {
  return getDb()
    .select(itemColumns)
    .from(attachments)
    .leftJoin(users, eq(users.id, attachments.uploadedById))
    .where(and(eq(attachments.reportId, reportId), isNull(attachments.removedAt)))
    .orderBy(asc(attachments.id))
    .all();
}

/**
 * What the download route needs: the file and the subject it belongs to, through the report,
 * a co-lead's part, a 配合情况 or a 明细台账 row's photo (notice reply files have their own route). Null for anything
 * else, a staged upload included.
 */
export function getAttachmentForDownload({ id }: { id: number }) {
  const row = getDb()
    .select({
      id: attachments.id,
      filename: attachments.filename,
      mime: attachments.mime,
      size: attachments.size,
      sha256: attachments.sha256,
      storagePath: attachments.storagePath,
      reportTask: reports.taskId,
      reportProject: reports.projectId,
      reportItem: reports.itemId,
      partTask: reportParts.taskId,
      partProject: reportParts.projectId,
      partItem: reportParts.itemId,
      noteTask: coopNotes.taskId,
      noteProject: coopNotes.projectId,
      noteItem: coopNotes.itemId,
      noteUnitId: coopNotes.unitId,
      registerProject: projectParts.projectId,
    })
    .from(attachments)
    .leftJoin(reports, eq(reports.id, attachments.reportId))
    .leftJoin(reportParts, eq(reportParts.id, attachments.reportPartId))
    .leftJoin(coopNotes, eq(coopNotes.id, attachments.coopNoteId))
    .leftJoin(registerItems, eq(registerItems.id, attachments.registerItemId))
    .leftJoin(projectParts, eq(projectParts.id, registerItems.partId))
    .where(eq(attachments.id, id))
    .get();
  if (!row) return null;
  const taskId = row.reportTask ?? row.partTask ?? row.noteTask;
  const projectId = row.reportProject ?? row.partProject ?? row.noteProject ?? row.registerProject;
  const itemId = row.reportItem ?? row.partItem ?? row.noteItem;
  if (taskId === null && projectId === null && itemId === null) return null;
  return {
    id: row.id,
    filename: row.filename,
    mime: row.mime,
    size: row.size,
    sha256: row.sha256,
    storagePath: row.storagePath,
    taskId,
    projectId,
    itemId,
    /** A 配合情况's evidence: the unit that wrote the note (its readers are narrower than the report's). */
    noteUnitId: row.noteUnitId,
  };
}

// ── staged uploads: a file sent on its own request, attached to a report, part or note on save ──

/** An upload waits this long for the save that attaches it; then cleanup removes it. */
export const STAGED_UPLOAD_MS = 24 * 60 * 60 * 1000;

const staged = and(
  isNull(attachments.reportId),
  isNull(attachments.noticeResponseId),
  isNull(attachments.coopNoteId),
  isNull(attachments.reportPartId),
  isNull(attachments.registerItemId),
);

export interface StagedUpload {
  id: number;
  filename: string;
  mime: string;
  size: number;
}

/**
 * Records a stored file as the user's staged upload. The same file sent again by the same user
 * (a retry after a lost answer) gets the row it already has.
 */
export function insertStagedUpload(tx: Tx, { file, userId, now }: { file: NewAttachment; userId: number; now: number }): StagedUpload {
  const columns = { id: attachments.id, filename: attachments.filename, mime: attachments.mime, size: attachments.size };
  const earlier = tx
    .select(columns)
    .from(attachments)
    .where(and(staged, eq(attachments.uploadedById, userId), eq(attachments.sha256, file.sha256), eq(attachments.filename, file.filename)))
    .get();
  if (earlier) return earlier;
  return tx
    .insert(attachments)
    .values({
      filename: file.filename,
      mime: file.mime,
      size: file.size,
      sha256: file.sha256,
      storagePath: file.storagePath,
      uploadedById: userId,
      createdAt: now,
    })
    .returning(columns)
    .get();
}

/** The user's staged uploads among `ids` (others' uploads and attached files are left out). */
export function listStagedUploads({ ids, userId }: { ids: readonly number[]; userId: number }): StagedUpload[] {
  if (ids.length === 0) return [];
  return getDb()
    .select({ id: attachments.id, filename: attachments.filename, mime: attachments.mime, size: attachments.size })
    .from(attachments)
    .where(and(staged, eq(attachments.uploadedById, userId), inArray(attachments.id, [...ids])))
    .orderBy(asc(attachments.id))
    .all();
}

export type AttachmentOwner = { reportId: number } | { reportPartId: number } | { coopNoteId: number } | { registerItemId: number };

const stagedOf = (ids: readonly number[], userId: number) => and(staged, eq(attachments.uploadedById, userId), inArray(attachments.id, [...new Set(ids)]));

/** True when every id is a staged upload of this user (check before writing anything). */
export function stagedUploadsAvailable(tx: Pick<Tx, "select">, { ids, userId }: { ids: readonly number[]; userId: number }): boolean {
  if (ids.length === 0) return true;
  return tx.select({ id: attachments.id }).from(attachments).where(stagedOf(ids, userId)).all().length === new Set(ids).size;
}

/** Attaches the user's staged uploads to their owner (check stagedUploadsAvailable first). */
export function attachStagedUploads(tx: Tx, { ids, userId, owner }: { ids: readonly number[]; userId: number; owner: AttachmentOwner }): number {
  if (ids.length === 0) return 0;
  return tx.update(attachments).set(owner).where(stagedOf(ids, userId)).run().changes;
}

/** Forgets staged uploads no save attached within STAGED_UPLOAD_MS; their files then go with the orphan sweep. */
export function deleteExpiredStagedUploads(tx: Tx, { before }: { before: number }): number {
  return tx
    .delete(attachments)
    .where(and(staged, lt(attachments.createdAt, before)))
    .run().changes;
}

/** The current (not removed) evidence of a co-lead's part or a 配合情况 note. */
export function listOwnedAttachments(
  owner: { reportPartIds: readonly number[] } | { coopNoteIds: readonly number[] } | { registerItemIds: readonly number[] },
): (AttachmentItem & { ownerId: number })[] {
  const [column, ids] =
    "reportPartIds" in owner
      ? [attachments.reportPartId, owner.reportPartIds]
      : "coopNoteIds" in owner
        ? [attachments.coopNoteId, owner.coopNoteIds]
        : [attachments.registerItemId, owner.registerItemIds];
  if (ids.length === 0) return [];
  return getDb()
    .select({ ...itemColumns, ownerId: sql<number>`${column}` })
    .from(attachments)
    .leftJoin(users, eq(users.id, attachments.uploadedById))
    .where(and(inArray(column, [...ids]), isNull(attachments.removedAt)))
    .orderBy(asc(attachments.id))
    .all();
}

/** Marks a part's or note's evidence removed (only ids that belong to it). */
export function removeOwnedAttachments(tx: Tx, { owner, ids, now }: { owner: AttachmentOwner; ids: readonly number[] | "all"; now: number }): number {
  if (ids.length === 0) return 0;
  const [column, value] =
    "reportId" in owner
      ? [attachments.reportId, owner.reportId]
      : "reportPartId" in owner
        ? [attachments.reportPartId, owner.reportPartId]
        : "coopNoteId" in owner
          ? [attachments.coopNoteId, owner.coopNoteId]
          : [attachments.registerItemId, owner.registerItemId];
  return tx
    .update(attachments)
    .set({ removedAt: now })
    .where(and(eq(column, value), ids === "all" ? undefined : inArray(attachments.id, [...ids]), isNull(attachments.removedAt)))
    .run().changes;
}

export function insertAttachments(tx: Tx, { reportId, files, userId }: { reportId: number; files: readonly NewAttachment[]; userId: number }): number[] {
  return files.map(
    (f) =>
      tx
        .insert(attachments)
        .values({ reportId, filename: f.filename, mime: f.mime, size: f.size, sha256: f.sha256, storagePath: f.storagePath, uploadedById: userId })
        .returning({ id: attachments.id })
        .get().id,
  );
}

/**
 * Marks evidence as removed from the report. The row and file stay: earlier submitted
 * versions still list them. Only ids belonging to this report are touched.
 */
export function removeAttachments(tx: Tx, { reportId, ids, now }: { reportId: number; ids: readonly number[]; now: number }): number {
  return removeOwnedAttachments(tx, { owner: { reportId }, ids, now });
}
