import "server-only";
// A co-lead unit's own part of a quarterly report (report_parts): its text and evidence, which
// the compiler (the first-listed lead unit) reads while writing the report. Sending it
// ("submitted") is that unit's 报送; it may be revised and sent again while the compiled
// report is still open.
import { and, asc, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import type { SubjectIds } from "@/lib/subject";
import type { PartStatus } from "@/lib/vocabulary";
import { getDb, type Tx } from "../client";
import { reportParts, reports, units } from "../schema";
import { attachStagedUploads, listOwnedAttachments, removeOwnedAttachments, stagedUploadsAvailable, type AttachmentItem } from "./attachments";
import { subjectWhere, type ReportSubject } from "./report-subject";

const partSubject = (s: ReportSubject) => subjectWhere(reportParts, s);
const reportSubject = (s: ReportSubject) => subjectWhere(reports, s);

export interface ReportPartItem {
  id: number;
  unitId: number;
  unitName: string;
  status: PartStatus;
  progress: string;
  problems: string;
  version: number;
  submittedAt: number | null;
  updatedAt: number;
  attachments: AttachmentItem[];
}

/** The parts of a subject's quarter, in the unit registry's order, each with its current evidence. */
export function listReportParts({ subject, periodId }: { subject: ReportSubject; periodId: number }): ReportPartItem[] {
  const rows = getDb()
    .select({
      id: reportParts.id,
      unitId: reportParts.unitId,
      unitName: units.name,
      status: reportParts.status,
      progress: reportParts.progress,
      problems: reportParts.problems,
      version: reportParts.version,
      submittedAt: reportParts.submittedAt,
      updatedAt: reportParts.updatedAt,
    })
    .from(reportParts)
    .innerJoin(units, eq(units.id, reportParts.unitId))
    .where(and(partSubject(subject), eq(reportParts.periodId, periodId)))
    .orderBy(asc(units.position), asc(units.id))
    .all();
  const files = listOwnedAttachments({ reportPartIds: rows.map((r) => r.id) });
  return rows.map((r) => ({ ...r, attachments: files.filter((f) => f.ownerId === r.id) }));
}

export interface PartInput {
  subject: ReportSubject;
  periodId: number;
  unitId: number;
  /** The version the form was loaded with; 0 when the unit had no part yet. */
  expectedVersion: number;
  progress: string;
  problems: string;
  submit: boolean;
  files: { attach: readonly number[]; removeIds: readonly number[] };
  userId: number;
  now: number;
}

type PartView = { status: PartStatus; progress: string; problems: string };

export type PartWrite =
  | { ok: true; partId: number; version: number; firstSubmission: boolean; before: PartView | null; after: PartView }
  | { ok: false; reason: "conflict" | "readOnly" | "staleUpload" };

/**
 * Saves (or sends) a unit's part, checked against the version it was loaded with. Refused while
 * the compiled report is submitted or approved: the compiler has already sent what it had.
 */
export function savePart(tx: Tx, input: PartInput): PartWrite {
  const { subject, periodId, unitId, expectedVersion, userId, now } = input;
  const report = tx
    .select({ status: reports.status })
    .from(reports)
    .where(and(reportSubject(subject), eq(reports.periodId, periodId)))
    .get();
  if (report && (report.status === "submitted" || report.status === "approved")) return { ok: false, reason: "readOnly" };
  if (!stagedUploadsAvailable(tx, { ids: input.files.attach, userId })) return { ok: false, reason: "staleUpload" };
  const where = and(partSubject(subject), eq(reportParts.periodId, periodId), eq(reportParts.unitId, unitId));
  const existing = tx.select().from(reportParts).where(where).get();
  const status: PartStatus = input.submit ? "submitted" : (existing?.status ?? "draft");
  const fields = {
    progress: input.progress,
    problems: input.problems,
    status,
    updatedAt: now,
    updatedById: userId,
    ...(input.submit ? { submittedAt: now, submittedById: userId, firstSubmittedAt: existing?.firstSubmittedAt ?? now } : {}),
  };
  let partId: number;
  if (!existing) {
    if (expectedVersion !== 0) return { ok: false, reason: "conflict" };
    const row = tx
      .insert(reportParts)
      .values({ ...subject, periodId, unitId, version: 1, ...fields })
      .onConflictDoNothing()
      .returning({ id: reportParts.id })
      .get();
    if (!row) return { ok: false, reason: "conflict" };
    partId = row.id;
  } else {
    const changed = tx
      .update(reportParts)
      .set({ ...fields, version: sql`${reportParts.version} + 1` })
      .where(and(eq(reportParts.id, existing.id), eq(reportParts.version, expectedVersion)))
      .run().changes;
    if (changed !== 1) return { ok: false, reason: "conflict" };
    partId = existing.id;
  }
  removeOwnedAttachments(tx, { owner: { reportPartId: partId }, ids: input.files.removeIds, now });
  attachStagedUploads(tx, { ids: input.files.attach, userId, owner: { reportPartId: partId } });
  return {
    ok: true,
    partId,
    version: existing ? existing.version + 1 : 1,
    firstSubmission: input.submit && !existing?.firstSubmittedAt,
    before: existing ? { status: existing.status, progress: existing.progress, problems: existing.problems } : null,
    after: { status, progress: input.progress, problems: input.problems },
  };
}

export interface UnitPartRow {
  taskId: number | null;
  projectId: number | null;
  itemId: number | null;
  periodId: number;
  status: PartStatus;
  firstSubmittedAt: number | null;
}

/** A unit's own parts in the given quarters (for its to-do list). */
export function listUnitParts({ unitId, periodIds }: { unitId: number; periodIds: readonly number[] }): UnitPartRow[] {
  if (periodIds.length === 0) return [];
  return getDb()
    .select({
      taskId: reportParts.taskId,
      projectId: reportParts.projectId,
      itemId: reportParts.itemId,
      periodId: reportParts.periodId,
      status: reportParts.status,
      firstSubmittedAt: reportParts.firstSubmittedAt,
    })
    .from(reportParts)
    .where(and(eq(reportParts.unitId, unitId), inArray(reportParts.periodId, [...periodIds])))
    .all();
}

/** "task:<id>:<periodId>" (or project:, item:) of a row that names its subject by one of three columns. */
export function subjectPeriodKey(r: { taskId: number | null; projectId: number | null; itemId: number | null; periodId: number }): string {
  return r.taskId !== null
    ? `task:${r.taskId}:${r.periodId}`
    : r.projectId !== null
      ? `project:${r.projectId}:${r.periodId}`
      : `item:${r.itemId}:${r.periodId}`;
}

/**
 * When each co-lead unit first sent its part, for the given quarters, by "task:<id>:<periodId>"
 * (or "project:…") then unit name (lib/unit-reporting.ts judges each unit's own 报送 from it).
 */
export function listPartSubmissions({
  periodIds,
  subjects = null,
}: {
  periodIds: readonly number[];
  /** Only these subjects (null: all of the quarters'). */
  subjects?: SubjectIds;
}): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  if (periodIds.length === 0) return out;
  const ids = (kind: "task" | "project" | "item") => (subjects ?? []).filter((s) => s.kind === kind).map((s) => s.id);
  const ofSubjects =
    subjects === null
      ? undefined
      : or(inArray(reportParts.taskId, ids("task")), inArray(reportParts.projectId, ids("project")), inArray(reportParts.itemId, ids("item")));
  const rows = getDb()
    .select({
      taskId: reportParts.taskId,
      projectId: reportParts.projectId,
      itemId: reportParts.itemId,
      periodId: reportParts.periodId,
      unit: units.name,
      at: reportParts.firstSubmittedAt,
    })
    .from(reportParts)
    .innerJoin(units, eq(units.id, reportParts.unitId))
    .where(and(inArray(reportParts.periodId, [...periodIds]), isNotNull(reportParts.firstSubmittedAt), ofSubjects))
    .all();
  for (const r of rows) {
    const key = subjectPeriodKey(r);
    const byUnit = out.get(key) ?? new Map<string, number>();
    byUnit.set(r.unit, r.at!);
    out.set(key, byUnit);
  }
  return out;
}
