import "server-only";
// The 政务公开 page's reads: only what the 督查室 approved, and nothing about people. Progress
// comes from listProjectProgress({ approvedOnly }) (one truth with the internal pages); photos
// are evidence images the unit marked 可公开 that belong to an approved version.
import { and, eq, inArray, isNull, like } from "drizzle-orm";
import { readSnapshot } from "@/lib/report-snapshot";
import { getDb } from "../client";
import { attachments, livelihoodProjects, periods, reports, reportVersions } from "../schema";

export interface PublicPhoto {
  id: number;
  projectId: number;
  periodCode: string;
}

/** The public photos of the year's projects, newest quarter first. */
export function listPublicPhotos({ yearId }: { yearId: number }): PublicPhoto[] {
  const db = getDb();
  const approved = db
    .select({ projectId: reports.projectId, periodCode: periods.code, snapshot: reportVersions.snapshot })
    .from(reportVersions)
    .innerJoin(reports, eq(reports.id, reportVersions.reportId))
    .innerJoin(periods, eq(periods.id, reports.periodId))
    .innerJoin(livelihoodProjects, eq(livelihoodProjects.id, reports.projectId))
    .where(and(eq(livelihoodProjects.yearId, yearId), eq(reportVersions.reviewStatus, "approved")))
    .all();
  const inApproved = new Map<number, { projectId: number; periodCode: string }>();
  for (const v of approved) for (const a of readSnapshot(v.snapshot).attachments) inApproved.set(a.id, { projectId: v.projectId!, periodCode: v.periodCode });
  if (inApproved.size === 0) return [];
  const rows = db
    .select({ id: attachments.id })
    .from(attachments)
    .where(and(inArray(attachments.id, [...inApproved.keys()]), eq(attachments.public, true), isNull(attachments.removedAt), like(attachments.mime, "image/%")))
    .all();
  return rows.map((r) => ({ id: r.id, ...inApproved.get(r.id)! })).sort((a, b) => b.periodCode.localeCompare(a.periodCode) || a.id - b.id);
}

/** One public photo's file, or null unless it is public, an image, not removed and in an approved version. */
export function getPublicPhoto({ id }: { id: number }) {
  const db = getDb();
  const file = db
    .select({ id: attachments.id, mime: attachments.mime, storagePath: attachments.storagePath, reportId: attachments.reportId })
    .from(attachments)
    .where(and(eq(attachments.id, id), eq(attachments.public, true), isNull(attachments.removedAt), like(attachments.mime, "image/%")))
    .get();
  if (!file || file.reportId === null) return null;
  const versions = db
    .select({ snapshot: reportVersions.snapshot })
    .from(reportVersions)
    .innerJoin(reports, eq(reports.id, reportVersions.reportId))
    .where(and(eq(reportVersions.reportId, file.reportId), eq(reportVersions.reviewStatus, "approved")))
    .all();
  const project = db.select({ projectId: reports.projectId }).from(reports).where(eq(reports.id, file.reportId)).get();
  if (!project?.projectId) return null;
  return versions.some((v) => readSnapshot(v.snapshot).attachments.some((a) => a.id === id)) ? file : null;
}
