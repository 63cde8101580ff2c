import "server-only";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { getDb, type Tx } from "../client";
import type { StoredEvidence } from "../evidence-store";
import { attachments, reports, users } from "../schema";

export interface AttachmentItem {
  id: number;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  uploadedByName: string | null;
  createdAt: number;
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
};

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

/** What the download route needs: the file and whose report it belongs to. */
export function getAttachmentForDownload({ id }: { id: number }) {
  return (
    getDb()
      .select({
        id: attachments.id,
        filename: attachments.filename,
        mime: attachments.mime,
        size: attachments.size,
        sha256: attachments.sha256,
        storagePath: attachments.storagePath,
        reportId: attachments.reportId,
        taskId: reports.taskId,
        projectId: reports.projectId,
      })
      .from(attachments)
      .innerJoin(reports, eq(reports.id, attachments.reportId))
      .where(eq(attachments.id, id))
      .get() ?? null
  );
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
  if (ids.length === 0) return 0;
  return tx
    .update(attachments)
    .set({ removedAt: now })
    .where(and(eq(attachments.reportId, reportId), inArray(attachments.id, [...ids]), isNull(attachments.removedAt)))
    .run().changes;
}
