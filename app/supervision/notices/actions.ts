"use server";
// 催办 → 督办 → 销号: issuing, answering, judging and escalating notices. Every command
// checks the state machine (lib/notice-state.ts) inside its transaction, bumps the
// notice's version (optimistic check), records an event, notifies, and is audited.
import { z } from "zod";
import { ConflictError, defineAction, ValidationError } from "@/app/_lib/action";
import { currentProgrammeYear } from "@/app/_lib/programme-year";
import { appToday } from "@/app/_lib/today";
import type { Tx } from "@/db/client";
import { getPeriodByCode } from "@/db/queries/periods";
import { storeEvidence } from "@/db/evidence-store";
import {
  getNotice,
  getNoticeSubjectByKey,
  getNoticeSubjectOf,
  insertNotice,
  insertNoticeAttachment,
  insertNoticeEvent,
  updateNotice,
  type NoticeRow,
} from "@/db/queries/notices";
import { findMayorLeaderIds } from "@/db/queries/leaders";
import { notify } from "@/db/queries/notifications";
import { NOTICE_LEVELS } from "@/lib/vocabulary";
import { env } from "@/lib/env";
import { checkEvidenceFile } from "@/lib/file-sniff";
import { checkTransition, deadlineError, type NoticeCommand } from "@/lib/notice-state";
import { noticeClosed, noticeEscalated, noticeIssued, noticeReplied, noticeReturned } from "@/lib/notification-rules";
import { can } from "@/lib/permissions";
import { noticeAuditView, noticeLinks, subjectLabel, subjectPath } from "./notice-helpers";

const text = (label: string, max: number) =>
  z
    .string({ message: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}请控制在 ${max} 字以内`);
const optionalText = (label: string, max: number) => z.string().trim().max(max, `${label}请控制在 ${max} 字以内`).optional().default("");
const noticeRef = { noticeId: z.coerce.number().int().positive(), version: z.coerce.number().int().positive() };
const deadlineField = z.string({ message: "请填写回复期限" }).trim();

function checkDeadline(deadline: string): void {
  const error = deadlineError(deadline, appToday());
  if (error) throw new ValidationError(error, { deadline: [error] });
}

/** Refuses a command the notice's state does not allow (checked again inside the transaction). */
function transition(notice: NoticeRow, command: NoticeCommand) {
  const t = checkTransition(notice, command, appToday());
  if (!t.ok) throw new ValidationError(t.message);
  return t.next;
}

function loadCurrent(input: { noticeId: number; version: number }): NoticeRow | null {
  const notice = getNotice({ id: input.noticeId });
  if (notice && notice.version !== input.version) throw new ConflictError();
  return notice;
}

function setStatus(tx: Tx, notice: NoticeRow, set: Parameters<typeof updateNotice>[1]["set"]): void {
  if (!updateNotice(tx, { id: notice.id, version: notice.version, set })) throw new ConflictError();
}

type SubjectRef = { taskNo: number | null; projectNo: number | null; itemNo: number | null };
const subjectOf = (id: number): SubjectRef => getNotice({ id }) ?? { taskNo: null, projectNo: null, itemNo: null };

const revalidateNotice = (notice: { id: number } & SubjectRef) => [
  "/supervision",
  "/supervision/overdue",
  "/supervision/notices",
  `/supervision/notices/${notice.id}`,
  "/my",
  ...[subjectPath(notice)].filter((p): p is string => p !== null),
];

export const issueNotice = defineAction({
  action: "notice.issue",
  entity: "notice",
  schema: z.object({
    /** "task:51", "project:2" or "item:19" */
    subject: z.string({ message: "请选择任务" }).regex(/^(task|project|item):\d{1,4}$/, "请选择任务"),
    periodCode: z
      .string()
      .trim()
      .regex(/^\d{4}Q[1-4]$/)
      .optional()
      .or(z.literal("")),
    level: z.enum(NOTICE_LEVELS, { message: "请选择催办或督办" }),
    problem: text("存在问题", 1000),
    requirement: text("整改要求", 1000),
    deadline: deadlineField,
  }),
  load: async ({ input }) => getNoticeSubjectByKey({ yearId: (await currentProgrammeYear()).id, key: input.subject }),
  guard: () => ["notice:issue"],
  mutate: (tx, subject, { input, user }) => {
    checkDeadline(input.deadline);
    if (subject.leadUnits.length === 0) throw new ValidationError("该任务没有牵头单位，无法发出通知");
    const period = input.periodCode ? getPeriodByCode({ code: input.periodCode }) : null;
    const now = Date.now();
    const created = insertNotice(tx, {
      taskId: subject.taskId,
      projectId: subject.projectId,
      itemId: subject.itemId,
      periodId: period?.id ?? null,
      level: input.level,
      problem: input.problem,
      requirement: input.requirement,
      deadline: input.deadline,
      unitIds: subject.leadUnits.map((u) => u.id),
      byId: user.id,
      now,
    });
    const links = noticeLinks(created.id);
    const ref = {
      taskNo: subject.kind === "task" ? subject.no : null,
      projectNo: subject.kind === "project" ? subject.no : null,
      itemNo: subject.kind === "item" ? subject.no : null,
    };
    notify(
      tx,
      noticeIssued({
        id: created.id,
        title: created.title,
        subject: subjectLabel(ref),
        deadline: input.deadline,
        unitIds: subject.leadUnits.map((u) => u.id),
        link: links.unit,
      }),
    );
    return {
      entityId: created.id,
      after: { ...input, title: created.title, serialNo: created.serialNo, units: subject.leadUnits.map((u) => u.name) },
      result: { id: created.id, ...ref },
    };
  },
  revalidate: (_ctx, r) => (r ? revalidateNotice(r) : []),
  redirectTo: (_ctx, r) => (r ? `/supervision/notices/${r.id}` : null),
  successMessage: "已发出。",
});

export const closeNotice = defineAction({
  action: "notice.close",
  entity: "notice",
  schema: z.object({ ...noticeRef, comment: optionalText("销号意见", 500) }),
  entityId: (input) => input.noticeId,
  load: ({ input }) => loadCurrent(input),
  guard: () => ["notice:close"],
  mutate: (tx, notice, { input, user }) => {
    const status = transition(notice, "close");
    const now = Date.now();
    setStatus(tx, notice, { status, closedAt: now });
    insertNoticeEvent(tx, { noticeId: notice.id, kind: "closed", text: input.comment || null, unitId: null, byId: user.id, at: now, deadline: null });
    notify(
      tx,
      noticeClosed({
        id: notice.id,
        title: notice.title,
        subject: subjectLabel(notice),
        unitIds: notice.units.map((u) => u.id),
        link: noticeLinks(notice.id).unit,
      }),
    );
    return { before: noticeAuditView(notice), after: { status, comment: input.comment } };
  },
  revalidate: ({ input }) => revalidateNotice({ id: input.noticeId, ...subjectOf(input.noticeId) }),
  successMessage: "已销号。",
});

export const sendBackNotice = defineAction({
  action: "notice.sendBack",
  entity: "notice",
  schema: z.object({ ...noticeRef, comment: text("退回理由", 500), deadline: deadlineField }),
  entityId: (input) => input.noticeId,
  load: ({ input }) => loadCurrent(input),
  guard: () => ["notice:close"],
  mutate: (tx, notice, { input, user }) => {
    const status = transition(notice, "sendBack");
    checkDeadline(input.deadline);
    const now = Date.now();
    setStatus(tx, notice, { status, deadline: input.deadline });
    const eventId = insertNoticeEvent(tx, {
      noticeId: notice.id,
      kind: "returned",
      text: input.comment,
      unitId: null,
      byId: user.id,
      at: now,
      deadline: input.deadline,
    });
    notify(
      tx,
      noticeReturned({
        id: notice.id,
        eventId,
        title: notice.title,
        subject: subjectLabel(notice),
        comment: input.comment,
        deadline: input.deadline,
        unitIds: notice.units.map((u) => u.id),
        link: noticeLinks(notice.id).unit,
      }),
    );
    return { before: noticeAuditView(notice), after: { status, comment: input.comment, deadline: input.deadline } };
  },
  revalidate: ({ input }) => revalidateNotice({ id: input.noticeId, ...subjectOf(input.noticeId) }),
  successMessage: "已退回单位重新办理。",
});

export const raiseNoticeToDuban = defineAction({
  action: "notice.raise",
  entity: "notice",
  schema: z.object({ ...noticeRef, problem: text("存在问题", 1000), requirement: text("整改要求", 1000), deadline: deadlineField }),
  entityId: (input) => input.noticeId,
  load: ({ input }) => loadCurrent(input),
  guard: () => ["notice:issue"],
  mutate: (tx, cuiban, { input, user }) => {
    const status = transition(cuiban, "raiseToDuban");
    checkDeadline(input.deadline);
    if (cuiban.taskId === null && cuiban.projectId === null && cuiban.itemId === null) throw new ValidationError("该通知未关联任务，无法升级");
    const now = Date.now();
    setStatus(tx, cuiban, { status, closedAt: now });
    const created = insertNotice(tx, {
      taskId: cuiban.taskId,
      projectId: cuiban.projectId,
      itemId: cuiban.itemId,
      periodId: null,
      level: "duban",
      problem: input.problem,
      requirement: input.requirement,
      deadline: input.deadline,
      unitIds: cuiban.units.map((u) => u.id),
      byId: user.id,
      now,
      escalatedFromId: cuiban.id,
    });
    insertNoticeEvent(tx, {
      noticeId: cuiban.id,
      kind: "escalated",
      text: `逾期未回复，升级为${created.title}`,
      unitId: null,
      byId: user.id,
      at: now,
      deadline: null,
    });
    notify(
      tx,
      noticeIssued({
        id: created.id,
        title: created.title,
        subject: subjectLabel(cuiban),
        deadline: input.deadline,
        unitIds: cuiban.units.map((u) => u.id),
        link: noticeLinks(created.id).unit,
      }),
    );
    return {
      entityId: cuiban.id,
      before: noticeAuditView(cuiban),
      after: { status, raisedTo: { id: created.id, title: created.title, problem: input.problem, requirement: input.requirement, deadline: input.deadline } },
      result: { id: created.id, taskNo: cuiban.taskNo, projectNo: cuiban.projectNo, itemNo: cuiban.itemNo },
    };
  },
  revalidate: ({ input }, r) => [...revalidateNotice({ id: input.noticeId, ...subjectOf(input.noticeId) }), ...(r ? [`/supervision/notices/${r.id}`] : [])],
  redirectTo: (_ctx, r) => (r ? `/supervision/notices/${r.id}` : null),
  successMessage: "已升级为督办。",
});

export const escalateNoticeToLeader = defineAction({
  action: "notice.escalate",
  entity: "notice",
  schema: z.object({ ...noticeRef, comment: optionalText("呈报说明", 500) }),
  entityId: (input) => input.noticeId,
  load: ({ input }) => {
    const notice = loadCurrent(input);
    if (!notice) return null;
    const leaderIds = getNoticeSubjectOf(notice)?.leaderIds ?? [];
    return { notice, leaderIds };
  },
  guard: () => ["notice:issue"],
  mutate: (tx, { notice, leaderIds }, { input, user }) => {
    transition(notice, "escalateToLeader");
    if (leaderIds.length === 0) throw new ValidationError("该任务没有牵头领导，无法呈报");
    const now = Date.now();
    setStatus(tx, notice, { escalatedToLeaderAt: now });
    insertNoticeEvent(tx, {
      noticeId: notice.id,
      kind: "escalated",
      text: input.comment || "呈报牵头领导",
      unitId: null,
      byId: user.id,
      at: now,
      deadline: null,
    });
    // The 市长 is copied on every escalation, whoever leads the task.
    const mayorLeaderIds = findMayorLeaderIds();
    notify(
      tx,
      noticeEscalated({
        id: notice.id,
        title: notice.title,
        subject: subjectLabel(notice),
        leaderIds,
        mayorLeaderIds,
        link: noticeLinks(notice.id).supervisor,
        deadline: notice.deadline,
        today: appToday(),
      }),
    );
    return { before: noticeAuditView(notice), after: { escalatedToLeaderAt: now, leaderIds, mayorLeaderIds, comment: input.comment } };
  },
  revalidate: ({ input }) => [...revalidateNotice({ id: input.noticeId, ...subjectOf(input.noticeId) }), "/dashboard"],
  successMessage: "已呈报牵头领导。",
});

const MAX_REPLY_FILES = 10;

type StoredReplyFile = { filename: string; mime: string; size: number; sha256: string; storagePath: string };

/** The uploaded files of a form: empty file inputs are dropped. */
function uploadedFiles(raw: unknown): File[] {
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  // An untouched file input sends an empty File named "" ("undefined" once encoded by React); a
  // real empty file keeps its name and is refused by the content check like any other bad file.
  return list.filter((f): f is File => f instanceof File && (f.size > 0 || (f.name !== "" && f.name !== "undefined")));
}

export const replyNotice = defineAction({
  action: "notice.reply",
  entity: "notice",
  schema: z.object({ ...noticeRef, reply: text("回复内容", 2000), files: z.unknown().optional() }),
  entityId: (input) => input.noticeId,
  // Files are checked by content and written before the (synchronous) transaction, and only
  // for a user the reply rule admits, so a refused request leaves nothing on disk.
  load: async ({ input, user }) => {
    const notice = getNotice({ id: input.noticeId });
    if (!notice) return null;
    const stored: StoredReplyFile[] = [];
    // A unit the notice is not addressed to learns nothing more (not even whether the version is current).
    if (!can(user, "notice:reply", { addresseeUnitIds: notice.units.map((u) => u.id) })) return { notice, stored };
    if (notice.version !== input.version) throw new ConflictError();
    const files = uploadedFiles(input.files);
    if (files.length > MAX_REPLY_FILES)
      throw new ValidationError(`一次最多上传 ${MAX_REPLY_FILES} 个附件`, { files: [`一次最多上传 ${MAX_REPLY_FILES} 个附件`] });
    for (const file of files) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const check = checkEvidenceFile(file.name, bytes);
      if (!check.ok) throw new ValidationError(check.message, { files: [check.message] });
      stored.push({ filename: check.filename, mime: check.mime, size: check.size, ...(await storeEvidence(env.dataDir, bytes)) });
    }
    return { notice, stored };
  },
  authorize: ({ notice }) => ["notice:reply", { addresseeUnitIds: notice.units.map((u) => u.id) }],
  mutate: (tx, { notice, stored }, { input, user }) => {
    const status = transition(notice, "reply");
    const now = Date.now();
    setStatus(tx, notice, { status });
    const eventId = insertNoticeEvent(tx, {
      noticeId: notice.id,
      kind: "replied",
      text: input.reply,
      unitId: user.unitId,
      byId: user.id,
      at: now,
      deadline: null,
    });
    const fileIds = stored.map((f) => insertNoticeAttachment(tx, { ...f, eventId, uploadedById: user.id, now }));
    notify(
      tx,
      noticeReplied({
        id: notice.id,
        eventId,
        title: notice.title,
        subject: subjectLabel(notice),
        unitName: user.unitName ?? user.displayName,
        link: noticeLinks(notice.id).supervisor,
      }),
    );
    return {
      before: noticeAuditView(notice),
      after: { status, reply: input.reply, files: stored.map((f) => ({ filename: f.filename, sha256: f.sha256 })), fileIds },
    };
  },
  revalidate: ({ input }) => revalidateNotice({ id: input.noticeId, ...subjectOf(input.noticeId) }),
  successMessage: "已回复，等待督查室审核。",
});
