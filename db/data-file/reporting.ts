// The reporting part of the portable data file: periods, quarterly targets, reports with
// every submitted version, 配合情况 notes and evidence metadata (never file bytes).
// Rows refer to each other by natural keys (task 序号, metric position, period code,
// username, unit name); attachments keep their id because version snapshots link to it.
// Export order is fixed, so export → import → export is byte-identical.
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "../client";
import {
  attachments,
  collectiveMembers,
  coopNotes,
  livelihoodProjects,
  metricQuarterTargets,
  metrics,
  periods,
  programmeYears,
  projectMilestones,
  supervisionItems,
  projectParts,
  reportMetricValues,
  reportPartValues,
  reportParts,
  reportProjectMilestones,
  reports,
  reportVersions,
  targetLocks,
  targetSets,
  taskQuarterMilestones,
  tasks,
  units,
  users,
} from "../schema";
import { PLAUSIBILITY_KINDS } from "@/lib/plausibility";
import { COLLECTIVE_BASIS, PART_STATUS, REPORT_STATUS, REVIEW_STATUS, SELF_STATUS, SUBJECT_KINDS } from "@/lib/vocabulary";
import { DataFileError } from "./programme";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const ms = z.number().int();
const who = z.string().min(1).nullable();
const subjectNo = z.number().int().positive().nullable();

const attachmentSchema = z
  .object({
    id: z.number().int().positive(),
    filename: z.string().min(1),
    mime: z.string().min(1),
    size: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    storagePath: z.string().min(1),
    uploadedBy: z.string().min(1),
    createdAt: ms,
    removedAt: ms.nullable(),
  })
  .strict();
const oneSubject = (r: { taskNo: number | null; projectNo?: number | null }) => (r.taskNo === null) !== ((r.projectNo ?? null) === null);
const ONE_SUBJECT = "须且只能属于一项任务或一项民生实事";

export const reportingSchema = z.object({
  periods: z.array(
    z.object({ code: z.string().regex(/^\d{4}Q[1-4]$/), quarter: z.number().int().min(1).max(4), startsOn: day, endsOn: day, dueOn: day }).strict(),
  ),
  targets: z.array(
    z
      .object({
        taskNo: z.number().int().positive(),
        version: z.number().int().positive(),
        /** Quarters the 督查室 locked early (a quarter also locks with its first report and on its last day). */
        locks: z.array(z.object({ quarter: z.number().int().min(1).max(4), lockedAt: ms, lockedBy: z.string().min(1) }).strict()),
        updatedAt: ms,
        updatedBy: who,
        plans: z.array(z.object({ metric: z.number().int().positive(), quarter: z.number().int().min(1).max(4), value: z.number().finite() }).strict()),
        milestones: z.array(z.object({ quarter: z.number().int().min(1).max(4), text: z.string().min(1) }).strict()),
      })
      .strict(),
  ),
  reports: z.array(
    z
      .object({
        taskNo: z.number().int().positive().nullable(),
        projectNo: z.number().int().positive().nullable(),
        period: z.string(),
        status: z.enum(REPORT_STATUS),
        version: z.number().int().positive(),
        progress: z.string(),
        problems: z.string(),
        nextSteps: z.string(),
        selfStatus: z.enum(SELF_STATUS).nullable(),
        milestoneDone: z.boolean().nullable(),
        milestoneDoneOn: day.nullable(),
        submittedAt: ms.nullable(),
        submittedBy: who,
        reviewedAt: ms.nullable(),
        reviewedBy: who,
        reviewComment: z.string().nullable(),
        createdAt: ms,
        updatedAt: ms,
        updatedBy: who,
        metricValues: z.array(z.object({ metric: z.number().int().positive(), value: z.number().finite() }).strict()),
        partValues: z.array(z.object({ part: z.number().int().positive(), category: z.string(), value: z.number().finite() }).strict()),
        projectMilestones: z.array(
          z.object({ part: z.number().int().positive(), milestone: z.number().int().positive(), done: z.boolean(), doneOn: day.nullable() }).strict(),
        ),
        versions: z.array(
          z
            .object({
              versionNo: z.number().int().positive(),
              snapshot: z.record(z.string(), z.unknown()),
              submittedAt: ms,
              submittedBy: z.string().min(1),
              reviewStatus: z.enum(REVIEW_STATUS),
              reviewComment: z.string().nullable(),
              reviewedAt: ms.nullable(),
              reviewedBy: who,
            })
            .strict(),
        ),
        attachments: z.array(attachmentSchema),
        /** Added in later versions of the format; absent means none. */
        lateNote: z.string().nullable().optional(),
        confirmations: z
          .array(z.object({ field: z.string().min(1), kind: z.enum(PLAUSIBILITY_KINDS), text: z.string(), reason: z.string() }).strict())
          .optional(),
      })
      .strict()
      .refine(oneSubject, `报告${ONE_SUBJECT}`),
  ),
  coopNotes: z.array(
    z
      .object({
        taskNo: subjectNo,
        projectNo: subjectNo.optional(),
        period: z.string(),
        unit: z.string().min(1),
        text: z.string(),
        version: z.number().int().positive(),
        updatedAt: ms,
        updatedBy: z.string().min(1),
        attachments: z.array(attachmentSchema).optional(),
      })
      .strict()
      .refine(oneSubject, `配合情况${ONE_SUBJECT}`),
  ),
  /** Co-lead units' parts of reports. */
  parts: z
    .array(
      z
        .object({
          taskNo: subjectNo,
          projectNo: subjectNo,
          period: z.string(),
          unit: z.string().min(1),
          status: z.enum(PART_STATUS),
          progress: z.string(),
          problems: z.string(),
          values: z.array(z.object({ field: z.string().min(1), label: z.string(), unit: z.string(), value: z.number().finite() }).strict()),
          version: z.number().int().positive(),
          firstSubmittedAt: ms.nullable(),
          submittedAt: ms.nullable(),
          submittedBy: who,
          createdAt: ms,
          updatedAt: ms,
          updatedBy: z.string().min(1),
          attachments: z.array(attachmentSchema),
        })
        .strict()
        .refine(oneSubject, `共同牵头单位的部分${ONE_SUBJECT}`),
    )
    .optional(),
  /**
   * Units a collective descriptor reaches that the programme alone does not give: named ones,
   * and memberships by kind that were removed (the others are derived again on import).
   */
  collectiveMembers: z
    .array(
      z
        .object({
          subjectKind: z.enum(SUBJECT_KINDS),
          subjectNo: z.number().int().positive(),
          descriptor: z.string().min(1),
          unit: z.string().min(1),
          basis: z.enum(COLLECTIVE_BASIS),
          needsVerification: z.boolean(),
          note: z.string().nullable(),
          addedAt: ms.nullable(),
          addedBy: who,
          removedAt: ms.nullable(),
          removedBy: who,
        })
        .strict(),
    )
    .optional(),
});

export type ReportingData = z.infer<typeof reportingSchema>;

type Reader = Db | Tx;

/** The year a data file carries: the newest programme year in the database. */
export const fileYear = (db: Reader) => db.select({ id: programmeYears.id }).from(programmeYears).orderBy(asc(programmeYears.year)).all().at(-1);

function usernames(db: Reader) {
  const byId = new Map(
    db
      .select({ id: users.id, username: users.username })
      .from(users)
      .all()
      .map((u) => [u.id, u.username]),
  );
  return (id: number | null) => (id === null ? null : (byId.get(id) ?? null));
}

/** Everything reported for the programme's latest year, in a fixed order. */
export function exportReportingData(db: Reader): ReportingData {
  const user = usernames(db);
  const year = fileYear(db);
  if (!year) return { periods: [], targets: [], reports: [], coopNotes: [], parts: [], collectiveMembers: [] };
  const periodRows = db.select().from(periods).where(eq(periods.yearId, year.id)).orderBy(asc(periods.quarter)).all();
  const periodCode = new Map(periodRows.map((p) => [p.id, p.code]));
  const taskNo = new Map(
    db
      .select({ id: tasks.id, no: tasks.no })
      .from(tasks)
      .where(eq(tasks.yearId, year.id))
      .all()
      .map((t) => [t.id, t.no]),
  );
  const projectNo = new Map(
    db
      .select({ id: livelihoodProjects.id, no: livelihoodProjects.no })
      .from(livelihoodProjects)
      .where(eq(livelihoodProjects.yearId, year.id))
      .all()
      .map((p) => [p.id, p.no]),
  );
  const itemNo = new Map(
    db
      .select({ id: supervisionItems.id, no: supervisionItems.no })
      .from(supervisionItems)
      .where(eq(supervisionItems.yearId, year.id))
      .all()
      .map((i) => [i.id, i.no]),
  );
  const metricPos = new Map(
    db
      .select({ id: metrics.id, position: metrics.position })
      .from(metrics)
      .all()
      .map((m) => [m.id, m.position]),
  );
  const partPos = new Map(
    db
      .select({ id: projectParts.id, position: projectParts.position })
      .from(projectParts)
      .all()
      .map((p) => [p.id, p.position]),
  );
  const milestoneRef = new Map(
    db
      .select({ id: projectMilestones.id, position: projectMilestones.position, partId: projectMilestones.partId })
      .from(projectMilestones)
      .all()
      .map((m) => [m.id, { part: partPos.get(m.partId)!, milestone: m.position }]),
  );
  const unitName = new Map(
    db
      .select({ id: units.id, name: units.name })
      .from(units)
      .all()
      .map((u) => [u.id, u.name]),
  );

  const plans = db.select().from(metricQuarterTargets).orderBy(asc(metricQuarterTargets.metricId), asc(metricQuarterTargets.quarter)).all();
  const metricTask = new Map(
    db
      .select({ id: metrics.id, taskId: metrics.taskId })
      .from(metrics)
      .all()
      .map((m) => [m.id, m.taskId]),
  );
  const milestoneRows = db.select().from(taskQuarterMilestones).orderBy(asc(taskQuarterMilestones.quarter)).all();
  const lockRows = db.select().from(targetLocks).orderBy(asc(targetLocks.taskId), asc(targetLocks.quarter)).all();
  const targets = db
    .select()
    .from(targetSets)
    .all()
    .filter((s) => taskNo.has(s.taskId))
    .map((s) => ({
      taskNo: taskNo.get(s.taskId)!,
      version: s.version,
      locks: lockRows.filter((l) => l.taskId === s.taskId).map((l) => ({ quarter: l.quarter, lockedAt: l.lockedAt, lockedBy: user(l.lockedById)! })),
      updatedAt: s.updatedAt,
      updatedBy: user(s.updatedById),
      plans: plans
        .filter((p) => metricTask.get(p.metricId) === s.taskId)
        .map((p) => ({ metric: metricPos.get(p.metricId)!, quarter: p.quarter, value: p.value }))
        .sort((a, b) => a.metric - b.metric || a.quarter - b.quarter),
      milestones: milestoneRows.filter((m) => m.taskId === s.taskId).map((m) => ({ quarter: m.quarter, text: m.text })),
    }))
    .sort((a, b) => a.taskNo - b.taskNo);

  const reportRows = db
    .select()
    .from(reports)
    .all()
    .filter((r) => periodCode.has(r.periodId));
  const values = db.select().from(reportMetricValues).all();
  const partValues = db.select().from(reportPartValues).all();
  const pms = db.select().from(reportProjectMilestones).all();
  const versions = db.select().from(reportVersions).orderBy(asc(reportVersions.versionNo)).all();
  const allFiles = db.select().from(attachments).orderBy(asc(attachments.id)).all();
  const files = allFiles.filter((f) => f.reportId !== null);
  const fileEntry = (f: (typeof allFiles)[number]) => ({
    id: f.id,
    filename: f.filename,
    mime: f.mime,
    size: f.size,
    sha256: f.sha256,
    storagePath: f.storagePath,
    uploadedBy: user(f.uploadedById)!,
    createdAt: f.createdAt,
    removedAt: f.removedAt,
  });
  const bySubject = (a: { taskNo: number | null; projectNo?: number | null; period: string; unit: string }, b: typeof a) =>
    (a.taskNo ?? 1e9) - (b.taskNo ?? 1e9) ||
    (a.projectNo ?? 0) - (b.projectNo ?? 0) ||
    (a.period < b.period ? -1 : a.period > b.period ? 1 : 0) ||
    (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0);
  const fileReports = reportRows
    .map((r) => ({
      taskNo: r.taskId === null ? null : (taskNo.get(r.taskId) ?? null),
      projectNo: r.projectId === null ? null : (projectNo.get(r.projectId) ?? null),
      period: periodCode.get(r.periodId)!,
      status: r.status,
      version: r.version,
      progress: r.progress,
      problems: r.problems,
      nextSteps: r.nextSteps,
      selfStatus: r.selfStatus,
      milestoneDone: r.milestoneDone,
      milestoneDoneOn: r.milestoneDoneOn,
      submittedAt: r.submittedAt,
      submittedBy: user(r.submittedById),
      reviewedAt: r.reviewedAt,
      reviewedBy: user(r.reviewedById),
      reviewComment: r.reviewComment,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      updatedBy: user(r.updatedById),
      metricValues: values
        .filter((v) => v.reportId === r.id)
        .map((v) => ({ metric: metricPos.get(v.metricId)!, value: v.value }))
        .sort((a, b) => a.metric - b.metric),
      partValues: partValues
        .filter((v) => v.reportId === r.id)
        .map((v) => ({ part: partPos.get(v.partId)!, category: v.category, value: v.value }))
        .sort((a, b) => a.part - b.part || (a.category < b.category ? -1 : a.category > b.category ? 1 : 0)),
      projectMilestones: pms
        .filter((m) => m.reportId === r.id)
        .map((m) => ({ ...milestoneRef.get(m.milestoneId)!, done: m.done, doneOn: m.doneOn }))
        .sort((a, b) => a.part - b.part || a.milestone - b.milestone),
      versions: versions
        .filter((v) => v.reportId === r.id)
        .map((v) => ({
          versionNo: v.versionNo,
          snapshot: v.snapshot,
          submittedAt: v.submittedAt,
          submittedBy: user(v.submittedById)!,
          reviewStatus: v.reviewStatus,
          reviewComment: v.reviewComment,
          reviewedAt: v.reviewedAt,
          reviewedBy: user(v.reviewedById),
        })),
      attachments: files.filter((f) => f.reportId === r.id).map(fileEntry),
      lateNote: r.lateNote,
      confirmations: r.confirmations,
    }))
    .sort(
      (a, b) => (a.taskNo ?? 1e9) - (b.taskNo ?? 1e9) || (a.projectNo ?? 0) - (b.projectNo ?? 0) || (a.period < b.period ? -1 : a.period > b.period ? 1 : 0),
    );

  const notes = db
    .select()
    .from(coopNotes)
    .all()
    .filter((n) => periodCode.has(n.periodId))
    .map((n) => ({
      taskNo: n.taskId === null ? null : taskNo.get(n.taskId)!,
      projectNo: n.projectId === null ? null : projectNo.get(n.projectId)!,
      period: periodCode.get(n.periodId)!,
      unit: unitName.get(n.unitId)!,
      text: n.text,
      version: n.version,
      updatedAt: n.updatedAt,
      updatedBy: user(n.updatedById)!,
      attachments: allFiles.filter((f) => f.coopNoteId === n.id).map(fileEntry),
    }))
    .sort(bySubject);

  const parts = db
    .select()
    .from(reportParts)
    .all()
    .filter((p) => periodCode.has(p.periodId))
    .map((p) => ({
      taskNo: p.taskId === null ? null : taskNo.get(p.taskId)!,
      projectNo: p.projectId === null ? null : projectNo.get(p.projectId)!,
      period: periodCode.get(p.periodId)!,
      unit: unitName.get(p.unitId)!,
      status: p.status,
      progress: p.progress,
      problems: p.problems,
      values: p.values,
      version: p.version,
      firstSubmittedAt: p.firstSubmittedAt,
      submittedAt: p.submittedAt,
      submittedBy: user(p.submittedById),
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
      updatedBy: user(p.updatedById)!,
      attachments: allFiles.filter((f) => f.reportPartId === p.id).map(fileEntry),
    }))
    .sort(bySubject);

  const members = db
    .select()
    .from(collectiveMembers)
    .all()
    .filter((m) => m.basis === "named" || m.removedAt !== null)
    .map((m) => {
      const no = (m.subjectKind === "task" ? taskNo : m.subjectKind === "project" ? projectNo : itemNo).get(m.subjectId);
      return no === undefined
        ? null
        : {
            subjectKind: m.subjectKind,
            subjectNo: no,
            descriptor: unitName.get(m.descriptorUnitId)!,
            unit: unitName.get(m.unitId)!,
            basis: m.basis,
            needsVerification: m.needsVerification,
            note: m.note,
            // A membership by kind is derived again on import: its own timestamp is not kept.
            addedAt: m.basis === "named" ? m.addedAt : null,
            addedBy: m.basis === "named" ? user(m.addedById) : null,
            removedAt: m.removedAt,
            removedBy: user(m.removedById),
          };
    })
    .filter((m) => m !== null)
    .sort(
      (a, b) =>
        a.subjectKind.localeCompare(b.subjectKind) || a.subjectNo - b.subjectNo || a.descriptor.localeCompare(b.descriptor) || a.unit.localeCompare(b.unit),
    );

  return {
    periods: periodRows.map((p) => ({ code: p.code, quarter: p.quarter, startsOn: p.startsOn, endsOn: p.endsOn, dueOn: p.dueOn })),
    targets,
    reports: fileReports,
    coopNotes: notes,
    parts,
    collectiveMembers: members,
  };
}

function need<K, V>(map: Map<K, V>, key: K, what: string): V {
  const v = map.get(key);
  if (v === undefined) throw new DataFileError(`${what}不存在`);
  return v;
}

/**
 * Loads the reporting data after the programme and the accounts (it refers to both).
 * Runs inside the caller's transaction; an unknown reference aborts the whole import.
 */
export function importReportingData(tx: Tx, data: ReportingData): void {
  const year = fileYear(tx);
  if (!year) throw new DataFileError("请先导入工作任务，再导入填报数据");
  const userId = new Map(
    tx
      .select({ id: users.id, username: users.username })
      .from(users)
      .all()
      .map((u) => [u.username, u.id]),
  );
  const uid = (name: string | null) => (name === null ? null : need(userId, name, `账号 ${name} `));
  const taskId = new Map(
    tx
      .select({ id: tasks.id, no: tasks.no })
      .from(tasks)
      .where(eq(tasks.yearId, year.id))
      .all()
      .map((t) => [t.no, t.id]),
  );
  const projectId = new Map(
    tx
      .select({ id: livelihoodProjects.id, no: livelihoodProjects.no })
      .from(livelihoodProjects)
      .where(eq(livelihoodProjects.yearId, year.id))
      .all()
      .map((p) => [p.no, p.id]),
  );
  const itemId = new Map(
    tx
      .select({ id: supervisionItems.id, no: supervisionItems.no })
      .from(supervisionItems)
      .where(eq(supervisionItems.yearId, year.id))
      .all()
      .map((i) => [i.no, i.id]),
  );
  const metricId = new Map(
    tx
      .select({ id: metrics.id, taskId: metrics.taskId, position: metrics.position })
      .from(metrics)
      .all()
      .map((m) => [`${m.taskId}:${m.position}`, m.id]),
  );
  const partId = new Map(
    tx
      .select({ id: projectParts.id, projectId: projectParts.projectId, position: projectParts.position })
      .from(projectParts)
      .all()
      .map((p) => [`${p.projectId}:${p.position}`, p.id]),
  );
  const milestoneId = new Map(
    tx
      .select({ id: projectMilestones.id, partId: projectMilestones.partId, position: projectMilestones.position })
      .from(projectMilestones)
      .all()
      .map((m) => [`${m.partId}:${m.position}`, m.id]),
  );
  const unitId = new Map(
    tx
      .select({ id: units.id, name: units.name })
      .from(units)
      .all()
      .map((u) => [u.name, u.id]),
  );

  for (const p of data.periods) {
    tx.insert(periods)
      .values({ yearId: year.id, ...p })
      .onConflictDoUpdate({ target: periods.code, set: { dueOn: p.dueOn } })
      .run();
  }
  const periodId = new Map(
    tx
      .select({ id: periods.id, code: periods.code })
      .from(periods)
      .all()
      .map((p) => [p.code, p.id]),
  );

  for (const t of data.targets) {
    const tid = need(taskId, t.taskNo, `任务 ${t.taskNo} `);
    tx.insert(targetSets)
      .values({ taskId: tid, version: t.version, updatedAt: t.updatedAt, updatedById: uid(t.updatedBy) })
      .run();
    for (const l of t.locks)
      tx.insert(targetLocks)
        .values({ taskId: tid, quarter: l.quarter, lockedAt: l.lockedAt, lockedById: uid(l.lockedBy)! })
        .run();
    for (const p of t.plans)
      tx.insert(metricQuarterTargets)
        .values({ metricId: need(metricId, `${tid}:${p.metric}`, `任务 ${t.taskNo} 的第 ${p.metric} 项指标`), quarter: p.quarter, value: p.value })
        .run();
    for (const m of t.milestones) tx.insert(taskQuarterMilestones).values({ taskId: tid, quarter: m.quarter, text: m.text }).run();
  }

  for (const r of data.reports) {
    const tid = r.taskNo === null ? null : need(taskId, r.taskNo, `任务 ${r.taskNo} `);
    const pid = r.projectNo === null ? null : need(projectId, r.projectNo, `民生实事 ${r.projectNo} `);
    const { id } = tx
      .insert(reports)
      .values({
        taskId: tid,
        projectId: pid,
        periodId: need(periodId, r.period, `季度 ${r.period} `),
        status: r.status,
        version: r.version,
        progress: r.progress,
        problems: r.problems,
        nextSteps: r.nextSteps,
        selfStatus: r.selfStatus,
        milestoneDone: r.milestoneDone,
        milestoneDoneOn: r.milestoneDoneOn,
        submittedAt: r.submittedAt,
        submittedById: uid(r.submittedBy),
        reviewedAt: r.reviewedAt,
        reviewedById: uid(r.reviewedBy),
        reviewComment: r.reviewComment,
        lateNote: r.lateNote ?? null,
        confirmations: r.confirmations ?? [],
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
        updatedById: uid(r.updatedBy),
      })
      .returning({ id: reports.id })
      .get();
    for (const v of r.metricValues)
      tx.insert(reportMetricValues)
        .values({ reportId: id, metricId: need(metricId, `${tid}:${v.metric}`, `任务 ${r.taskNo} 的第 ${v.metric} 项指标`), value: v.value })
        .run();
    for (const v of r.partValues)
      tx.insert(reportPartValues)
        .values({ reportId: id, partId: need(partId, `${pid}:${v.part}`, `民生实事 ${r.projectNo} 的第 ${v.part} 部分`), category: v.category, value: v.value })
        .run();
    for (const m of r.projectMilestones) {
      const part = need(partId, `${pid}:${m.part}`, `民生实事 ${r.projectNo} 的第 ${m.part} 部分`);
      tx.insert(reportProjectMilestones)
        .values({
          reportId: id,
          milestoneId: need(milestoneId, `${part}:${m.milestone}`, `民生实事 ${r.projectNo} 的节点 ${m.milestone}`),
          done: m.done,
          doneOn: m.doneOn,
        })
        .run();
    }
    for (const v of r.versions) {
      tx.insert(reportVersions)
        .values({
          reportId: id,
          versionNo: v.versionNo,
          snapshot: v.snapshot,
          submittedAt: v.submittedAt,
          submittedById: uid(v.submittedBy)!,
          reviewStatus: v.reviewStatus,
          reviewComment: v.reviewComment,
          reviewedAt: v.reviewedAt,
          reviewedById: uid(v.reviewedBy),
        })
        .run();
    }
    insertFiles(r.attachments, { reportId: id });
  }

  const subjectIds = (r: { taskNo: number | null; projectNo?: number | null }) => ({
    taskId: r.taskNo === null ? null : need(taskId, r.taskNo, `任务 ${r.taskNo} `),
    projectId: (r.projectNo ?? null) === null ? null : need(projectId, r.projectNo!, `民生实事 ${r.projectNo} `),
  });
  function insertFiles(files: readonly z.infer<typeof attachmentSchema>[], owner: { reportId?: number; coopNoteId?: number; reportPartId?: number }) {
    for (const f of files) {
      tx.insert(attachments)
        .values({
          id: f.id,
          ...owner,
          filename: f.filename,
          mime: f.mime,
          size: f.size,
          sha256: f.sha256,
          storagePath: f.storagePath,
          uploadedById: uid(f.uploadedBy)!,
          createdAt: f.createdAt,
          removedAt: f.removedAt,
        })
        .run();
    }
  }

  for (const n of data.coopNotes) {
    const { id } = tx
      .insert(coopNotes)
      .values({
        ...subjectIds(n),
        periodId: need(periodId, n.period, `季度 ${n.period} `),
        unitId: need(unitId, n.unit, `单位“${n.unit}”`),
        text: n.text,
        version: n.version,
        updatedAt: n.updatedAt,
        updatedById: uid(n.updatedBy)!,
      })
      .returning({ id: coopNotes.id })
      .get();
    insertFiles(n.attachments ?? [], { coopNoteId: id });
  }

  for (const p of data.parts ?? []) {
    const { id } = tx
      .insert(reportParts)
      .values({
        ...subjectIds(p),
        periodId: need(periodId, p.period, `季度 ${p.period} `),
        unitId: need(unitId, p.unit, `单位“${p.unit}”`),
        status: p.status,
        progress: p.progress,
        problems: p.problems,
        values: p.values,
        version: p.version,
        firstSubmittedAt: p.firstSubmittedAt,
        submittedAt: p.submittedAt,
        submittedById: uid(p.submittedBy),
        createdAt: p.createdAt,
        updatedAt: p.updatedAt,
        updatedById: uid(p.updatedBy)!,
      })
      .returning({ id: reportParts.id })
      .get();
    insertFiles(p.attachments, { reportPartId: id });
  }

  for (const m of data.collectiveMembers ?? []) {
    const subjectId =
      m.subjectKind === "task"
        ? need(taskId, m.subjectNo, `任务 ${m.subjectNo} `)
        : m.subjectKind === "project"
          ? need(projectId, m.subjectNo, `民生实事 ${m.subjectNo} `)
          : need(itemId, m.subjectNo, `督办事项 ${m.subjectNo} `);
    const key = {
      subjectKind: m.subjectKind,
      subjectId,
      descriptorUnitId: need(unitId, m.descriptor, `单位“${m.descriptor}”`),
      unitId: need(unitId, m.unit, `单位“${m.unit}”`),
    };
    if (m.basis === "kind") {
      // Derived again when the programme was loaded: only its removal is carried over.
      tx.update(collectiveMembers)
        .set({ removedAt: m.removedAt, removedById: uid(m.removedBy) })
        .where(
          and(
            eq(collectiveMembers.subjectKind, key.subjectKind),
            eq(collectiveMembers.subjectId, subjectId),
            eq(collectiveMembers.descriptorUnitId, key.descriptorUnitId),
            eq(collectiveMembers.unitId, key.unitId),
          ),
        )
        .run();
    } else {
      tx.insert(collectiveMembers)
        .values({
          ...key,
          basis: m.basis,
          needsVerification: m.needsVerification,
          note: m.note,
          addedAt: m.addedAt ?? 0,
          addedById: uid(m.addedBy),
          removedAt: m.removedAt,
          removedById: uid(m.removedBy),
        })
        .run();
    }
  }
}
