import "server-only";
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { PlausibilityConfirmation } from "@/lib/plausibility";
import type { ReportContent } from "@/lib/report-form";
import type { Tx } from "../client";
import { attachments, projectMilestones, projectParts, reportPartValues, reportProjectMilestones, reports, reportVersions, type ReportStatus } from "../schema";
import { attachStagedUploads, insertAttachments, removeAttachments, stagedUploadsAvailable, type NewAttachment } from "./attachments";
import { refreshQuarterStatus } from "../status/store";
import { buildReportSnapshot, nextVersionNo } from "./report-snapshots";
import { listSubjectMetrics, readMetricValues, writeMetricValues } from "./report-metric-values";
import type { StatusKey } from "../status/inputs";
import { subjectKindId, subjectOfRow, subjectWhere as subjectColumnIs, type ReportSubject } from "./report-subject";

export type { ReportSubject } from "./report-subject";

/** Report content; project reports add part values and milestone states. */
export interface DraftContent extends ReportContent {
  partValues?: { partId: number; category: string; value: number }[];
  projectMilestones?: { milestoneId: number; done: boolean; doneOn: string | null }[];
  /** Plausibility warnings confirmed with a reason; left out (imports), the stored ones stay. */
  confirmations?: PlausibilityConfirmation[];
  /** 逾期说明; left out, the stored one stays. */
  lateNote?: string | null;
}

export interface ReportInput {
  subject: ReportSubject;
  periodId: number;
  /** The version the form was loaded with; 0 when no report existed yet. */
  expectedVersion: number;
  content: DraftContent;
  /**
   * Evidence: the user's staged uploads to attach (the form's way), files stored directly
   * (imports and tests), and attachment ids to remove.
   */
  files?: { attach?: readonly number[]; add?: readonly NewAttachment[]; removeIds: readonly number[] };
  userId: number;
  now: number;
  /** A monthly 督办事项's next month: a submitted or approved report takes a new submission. */
  reopen?: boolean;
}

/** What an audit row records about a report. */
export type ReportAuditView = Omit<DraftContent, "metricValues"> & {
  status: ReportStatus;
  version: number;
  metricValues: Record<number, number>;
  attachmentIds: number[];
};

export type ReportWrite =
  | {
      ok: true;
      reportId: number;
      version: number;
      status: ReportStatus;
      versionNo?: number;
      created?: boolean;
      before: ReportAuditView | null;
      after: ReportAuditView;
    }
  | { ok: false; reason: "conflict" | "readOnly" | "invalid" | "wrongState" | "staleUpload" };

const EDITABLE: ReportStatus[] = ["draft", "returned"];

const subjectWhere = (s: ReportSubject) => subjectColumnIs(reports, s);

function auditView(tx: Tx, reportId: number): ReportAuditView {
  const r = tx.select().from(reports).where(eq(reports.id, reportId)).get()!;
  const values = readMetricValues(tx, reportId);
  const parts = tx
    .select({ partId: reportPartValues.partId, category: reportPartValues.category, value: reportPartValues.value })
    .from(reportPartValues)
    .where(eq(reportPartValues.reportId, reportId))
    .all();
  const pms = tx
    .select({ milestoneId: reportProjectMilestones.milestoneId, done: reportProjectMilestones.done, doneOn: reportProjectMilestones.doneOn })
    .from(reportProjectMilestones)
    .where(eq(reportProjectMilestones.reportId, reportId))
    .all();
  const files = tx
    .select({ id: attachments.id })
    .from(attachments)
    .where(and(eq(attachments.reportId, reportId), isNull(attachments.removedAt)))
    .all();
  return {
    status: r.status,
    version: r.version,
    progress: r.progress,
    problems: r.problems,
    nextSteps: r.nextSteps,
    selfStatus: r.selfStatus,
    milestoneDone: r.milestoneDone,
    milestoneDoneOn: r.milestoneDoneOn,
    ...(r.confirmations.length ? { confirmations: r.confirmations } : {}),
    ...(r.lateNote ? { lateNote: r.lateNote } : {}),
    metricValues: Object.fromEntries(values.map((v) => [v.metricId, v.value])),
    ...(parts.length ? { partValues: parts } : {}),
    ...(pms.length ? { projectMilestones: pms } : {}),
    attachmentIds: files.map((f) => f.id),
  };
}

/** Metric, part and milestone ids must belong to the report's own subject. */
function belongsToSubject(tx: Tx, subject: ReportSubject, content: DraftContent): boolean {
  if ("taskId" in subject || "itemId" in subject) {
    if (content.partValues?.length || content.projectMilestones?.length) return false;
    const own = new Set(listSubjectMetrics(tx, subject).map((m) => m.id));
    return content.metricValues.every((v) => own.has(v.metricId));
  }
  if (content.metricValues.length) return false;
  const partIds = new Set(
    tx
      .select({ id: projectParts.id })
      .from(projectParts)
      .where(eq(projectParts.projectId, subject.projectId))
      .all()
      .map((p) => p.id),
  );
  const milestoneIds = new Set(
    tx
      .select({ id: projectMilestones.id })
      .from(projectMilestones)
      .innerJoin(projectParts, eq(projectParts.id, projectMilestones.partId))
      .where(eq(projectParts.projectId, subject.projectId))
      .all()
      .map((m) => m.id),
  );
  return (content.partValues ?? []).every((p) => partIds.has(p.partId)) && (content.projectMilestones ?? []).every((m) => milestoneIds.has(m.milestoneId));
}

function writeValues(tx: Tx, reportId: number, subject: ReportSubject, content: DraftContent) {
  writeMetricValues(tx, reportId, subject, content.metricValues);
  tx.delete(reportPartValues).where(eq(reportPartValues.reportId, reportId)).run();
  if (content.partValues?.length)
    tx.insert(reportPartValues)
      .values(content.partValues.map((v) => ({ reportId, ...v })))
      .run();
  tx.delete(reportProjectMilestones).where(eq(reportProjectMilestones.reportId, reportId)).run();
  if (content.projectMilestones?.length)
    tx.insert(reportProjectMilestones)
      .values(content.projectMilestones.map((m) => ({ reportId, ...m })))
      .run();
}

const statusKey = (subject: ReportSubject, periodId: number): StatusKey => ({ ...subjectKindId(subject), periodId });

/** The quarter's stored judgement of the report with this id, recomputed at `now`. */
function refreshReportStatus(tx: Tx, reportId: number, now: number): void {
  const r = tx
    .select({ taskId: reports.taskId, projectId: reports.projectId, itemId: reports.itemId, periodId: reports.periodId })
    .from(reports)
    .where(eq(reports.id, reportId))
    .get();
  if (!r) return;
  refreshQuarterStatus(tx, statusKey(subjectOfRow(r), r.periodId), now);
}

/**
 * Saves the report's content under an optimistic version check: creates it (version 1)
 * when `expectedVersion` is 0, else updates it only while it is still at that version and
 * editable (草稿 or 已退回). A returned report keeps its state and comment until resubmitted.
 */
export function saveReportDraft(tx: Tx, input: ReportInput): ReportWrite {
  const saved = writeDraft(tx, input);
  // Only the first save changes the quarter's judgement (未填报 → 草稿); drafts are never judged.
  if (saved.ok && saved.created) refreshQuarterStatus(tx, statusKey(input.subject, input.periodId), input.now);
  return saved;
}

function writeDraft(tx: Tx, input: ReportInput): ReportWrite {
  const { subject, periodId, expectedVersion, content, userId, now } = input;
  if (!belongsToSubject(tx, subject, content)) return { ok: false, reason: "invalid" };
  // A staged upload that expired (or is someone else's) refuses the save before anything is written.
  if (!stagedUploadsAvailable(tx, { ids: input.files?.attach ?? [], userId })) return { ok: false, reason: "staleUpload" };
  const existing = tx
    .select({ id: reports.id, status: reports.status })
    .from(reports)
    .where(and(subjectWhere(subject), eq(reports.periodId, periodId)))
    .get();
  const fields = {
    progress: content.progress,
    problems: content.problems,
    nextSteps: content.nextSteps,
    selfStatus: content.selfStatus,
    milestoneDone: content.milestoneDone,
    milestoneDoneOn: content.milestoneDoneOn,
    ...(content.confirmations === undefined ? {} : { confirmations: content.confirmations }),
    ...(content.lateNote === undefined ? {} : { lateNote: content.lateNote }),
    updatedAt: now,
    updatedById: userId,
  };

  let reportId: number;
  let before: ReportAuditView | null = null;
  if (!existing) {
    if (expectedVersion !== 0) return { ok: false, reason: "conflict" };
    const inserted = tx
      .insert(reports)
      .values({ ...subject, periodId, version: 1, createdAt: now, ...fields })
      .onConflictDoNothing()
      .returning({ id: reports.id })
      .get();
    if (!inserted) return { ok: false, reason: "conflict" };
    reportId = inserted.id;
  } else {
    const editable: ReportStatus[] = input.reopen ? [...EDITABLE, "submitted", "approved"] : EDITABLE;
    if (!editable.includes(existing.status)) return { ok: false, reason: "readOnly" };
    before = auditView(tx, existing.id);
    const updated = tx
      .update(reports)
      .set({ ...fields, version: sql`${reports.version} + 1` })
      .where(and(eq(reports.id, existing.id), eq(reports.version, expectedVersion), inArray(reports.status, editable)))
      .run();
    if (updated.changes === 0) return { ok: false, reason: "conflict" };
    reportId = existing.id;
  }

  writeValues(tx, reportId, subject, content);
  if (input.files) {
    removeAttachments(tx, { reportId, ids: input.files.removeIds, now });
    insertAttachments(tx, { reportId, files: input.files.add ?? [], userId });
    attachStagedUploads(tx, { ids: input.files.attach ?? [], userId, owner: { reportId } });
  }
  const after = auditView(tx, reportId);
  return { ok: true, reportId, version: after.version, status: after.status, created: before === null, before, after };
}

/**
 * Saves and submits in one step: the report becomes 已提交 (read-only for the unit) and
 * its content is frozen as the next entry of report_versions.
 */
export function submitReport(tx: Tx, input: ReportInput): ReportWrite {
  const saved = writeDraft(tx, input);
  if (!saved.ok) return saved;
  tx.update(reports)
    .set({ status: "submitted", submittedAt: input.now, submittedById: input.userId, reviewedAt: null, reviewedById: null, reviewComment: null })
    .where(eq(reports.id, saved.reportId))
    .run();
  const versionNo = nextVersionNo(tx, saved.reportId);
  tx.insert(reportVersions)
    .values({
      reportId: saved.reportId,
      versionNo,
      snapshot: { ...buildReportSnapshot(tx, saved.reportId) },
      submittedAt: input.now,
      submittedById: input.userId,
    })
    .run();
  refreshQuarterStatus(tx, statusKey(input.subject, input.periodId), input.now);
  return { ...saved, status: "submitted", versionNo, after: { ...saved.after, status: "submitted" } };
}

/**
 * The 督查室's decision on a submitted report: 已通过, or 已退回 with a comment (the unit
 * may then edit and resubmit). The decision is recorded on the latest submitted version too.
 */
export function reviewReport(
  tx: Tx,
  {
    reportId,
    expectedVersion,
    decision,
    comment,
    userId,
    now,
  }: { reportId: number; expectedVersion: number; decision: "approve" | "return"; comment: string | null; userId: number; now: number },
): ReportWrite {
  const current = tx.select({ status: reports.status, version: reports.version }).from(reports).where(eq(reports.id, reportId)).get();
  if (!current) return { ok: false, reason: "invalid" };
  if (current.version !== expectedVersion) return { ok: false, reason: "conflict" };
  if (current.status !== "submitted") return { ok: false, reason: "wrongState" };
  const before = auditView(tx, reportId);
  const status = decision === "approve" ? "approved" : "returned";
  const updated = tx
    .update(reports)
    .set({ status, reviewedAt: now, reviewedById: userId, reviewComment: comment, version: sql`${reports.version} + 1` })
    .where(and(eq(reports.id, reportId), eq(reports.version, expectedVersion), eq(reports.status, "submitted")))
    .run();
  if (updated.changes === 0) return { ok: false, reason: "conflict" };
  const latest = tx
    .select({ id: reportVersions.id, versionNo: reportVersions.versionNo })
    .from(reportVersions)
    .where(eq(reportVersions.reportId, reportId))
    .orderBy(desc(reportVersions.versionNo))
    .limit(1)
    .get();
  if (latest) {
    tx.update(reportVersions)
      .set({ reviewStatus: status, reviewComment: comment, reviewedAt: now, reviewedById: userId })
      .where(eq(reportVersions.id, latest.id))
      .run();
  }
  refreshReportStatus(tx, reportId, now);
  const after = auditView(tx, reportId);
  return { ok: true, reportId, version: after.version, status, versionNo: latest?.versionNo, before, after };
}
