// Bad-input cases for the 督查室's work: 催办/督办 notices through their whole life
// (issue, reply, send back, close, raise, escalate) and the RAG colour override.
import { desc, eq } from "drizzle-orm";
import { clearRagOverride, setRagOverride } from "@/app/supervision/overdue/actions";
import { closeNotice, escalateNoticeToLeader, issueNotice, raiseNoticeToDuban, replyNotice, sendBackNotice } from "@/app/supervision/notices/actions";
import type { Db } from "@/db/client";
import { insertNotice } from "@/db/queries/notices";
import { getProgressOverride, setProgressOverride } from "@/db/queries/progress-overrides";
import { noticeEvents, notices } from "@/db/schema";
import { badFiles } from "./corpus";
import { actAs, foreignTaskNo, periodIdOf, taskIdOf, taskNos, unitIdOf, userIdOf } from "./fixture";
import type { ActionCase } from "./harness";

const NOTICES = "app/supervision/notices/actions.ts";

export async function supervisionCases(db: Db): Promise<ActionCase[]> {
  const zjj = unitIdOf(db, "住建局");
  const [ownNo] = taskNos(db, { unitId: zjj, role: "compile" }) as number[];
  const otherNo = foreignTaskNo(db, zjj);
  const supervisorId = userIdOf(db, "duchashi");

  /** A notice to 住建局 on its own task, in the state a case needs. */
  const issue = (level: "cuiban" | "duban", deadline: string, status: "sent" | "replied", taskNo = ownNo!) => {
    const id = db.transaction(
      (tx) =>
        insertNotice(tx, {
          taskId: taskIdOf(db, taskNo),
          projectId: null,
          periodId: periodIdOf(db, "2026Q4"),
          level,
          problem: "第四季度进展未按时报送。",
          requirement: "请补报进展。",
          deadline,
          unitIds: [zjj],
          byId: supervisorId,
          now: Date.parse("2026-12-10T02:00:00Z"),
        }).id,
      { behavior: "immediate" },
    );
    db.update(notices).set({ status }).where(eq(notices.id, id)).run();
    return id;
  };
  const toReply = issue("cuiban", "2027-01-10", "sent");
  const toReview = issue("cuiban", "2027-01-10", "replied");
  const toRaise = issue("cuiban", "2026-12-20", "sent");
  const toEscalate = issue("duban", "2027-01-10", "sent");
  const foreignNotice = issue("cuiban", "2027-01-10", "sent", otherNo);
  db.update(notices).set({ status: "sent" }).where(eq(notices.id, foreignNotice)).run();
  // The foreign notice goes to the other task's lead units only.
  db.$client
    .prepare("update notice_units set unit_id = (select unit_id from task_units where task_id = ? and role = 'lead' limit 1) where notice_id = ?")
    .run(taskIdOf(db, otherNo), foreignNotice);

  const version = (id: number) => String(db.select({ v: notices.version }).from(notices).where(eq(notices.id, id)).get()!.v);
  const setState = (id: number, set: Partial<typeof notices.$inferInsert>) => () => db.update(notices).set(set).where(eq(notices.id, id)).run();
  const lastEventText = (id: number) =>
    db.select({ t: noticeEvents.text }).from(noticeEvents).where(eq(noticeEvents.noticeId, id)).orderBy(desc(noticeEvents.id)).get()?.t;
  const lastNotice = () => db.select().from(notices).orderBy(desc(notices.id)).get()!;

  const ragTask = taskIdOf(db, ownNo!);
  const ragPeriod = periodIdOf(db, "2026Q3");
  const ragKey = { kind: "task" as const, subjectId: ragTask, periodId: ragPeriod };
  const override = () => {
    const o = getProgressOverride(db, ragKey);
    return o && o.color !== null ? o : null;
  };
  const ragValid = () => ({
    subject: `task:${ownNo}`,
    periodCode: "2026Q3",
    expectedAt: String(override()?.at ?? 0),
    color: "amber",
    reason: "已召开专题调度会，进度可控。",
  });
  const ensureOverride = () => {
    if (override()) return;
    db.transaction((tx) => setProgressOverride(tx, ragKey, { color: "red", reason: "滞后", at: Date.now(), byId: supervisorId }), { behavior: "immediate" });
  };

  const asSupervisor = () => actAs(db, "duchashi");
  const files = await badFiles();
  const deadlineField = { name: "deadline", kind: "date" as const };

  return [
    {
      ref: `${NOTICES}#issueNotice`,
      signIn: asSupervisor,
      call: (input) => issueNotice(undefined, input),
      valid: () => ({
        subject: `task:${ownNo}`,
        periodCode: "2026Q4",
        level: "cuiban",
        problem: "进展滞后。",
        requirement: "请于期限内报送。",
        deadline: "2027-01-10",
      }),
      fields: [
        { name: "subject", kind: "choice" },
        { name: "periodCode", kind: "choice", choices: ["2026Q4", "2026Q1", "2026Q2", "2026Q3", ""] },
        { name: "level", kind: "choice", choices: ["cuiban", "duban"] },
        { name: "problem", kind: "requiredText", stored: () => lastNotice().problem },
        { name: "requirement", kind: "requiredText", stored: () => lastNotice().requirement },
        deadlineField,
      ],
    },
    {
      ref: `${NOTICES}#replyNotice`,
      signIn: () => actAs(db, "zjj"),
      call: (input) => replyNotice(undefined, input),
      valid: () => ({ noticeId: String(toReply), version: version(toReply), reply: "已补报第四季度进展。" }),
      fields: [
        { name: "noticeId", kind: "id" },
        { name: "version", kind: "id" },
        { name: "reply", kind: "requiredText", stored: () => lastEventText(toReply) },
      ],
      reset: setState(toReply, { status: "sent" }),
      foreign: () => [{ noticeId: String(foreignNotice), version: version(foreignNotice), reply: "替其他单位回复" }],
      files: { field: "files", inputs: files },
    },
    {
      ref: `${NOTICES}#closeNotice`,
      signIn: asSupervisor,
      call: (input) => closeNotice(undefined, input),
      valid: () => ({ noticeId: String(toReview), version: version(toReview), comment: "整改到位，同意销号。" }),
      fields: [
        { name: "noticeId", kind: "id" },
        { name: "version", kind: "id" },
        { name: "comment", kind: "text" },
      ],
      reset: setState(toReview, { status: "replied", closedAt: null }),
    },
    {
      ref: `${NOTICES}#sendBackNotice`,
      signIn: asSupervisor,
      call: (input) => sendBackNotice(undefined, input),
      valid: () => ({ noticeId: String(toReview), version: version(toReview), comment: "回复未附佐证材料。", deadline: "2027-01-15" }),
      fields: [
        { name: "noticeId", kind: "id" },
        { name: "version", kind: "id" },
        { name: "comment", kind: "requiredText", stored: () => lastEventText(toReview) },
        deadlineField,
      ],
      reset: setState(toReview, { status: "replied" }),
    },
    {
      ref: `${NOTICES}#raiseNoticeToDuban`,
      signIn: asSupervisor,
      call: (input) => raiseNoticeToDuban(undefined, input),
      valid: () => ({ noticeId: String(toRaise), version: version(toRaise), problem: "逾期未回复。", requirement: "限期整改。", deadline: "2027-01-15" }),
      fields: [
        { name: "noticeId", kind: "id" },
        { name: "version", kind: "id" },
        { name: "problem", kind: "requiredText", stored: () => lastNotice().problem },
        { name: "requirement", kind: "requiredText", stored: () => lastNotice().requirement },
        deadlineField,
      ],
      reset: setState(toRaise, { status: "sent", closedAt: null }),
    },
    {
      ref: `${NOTICES}#escalateNoticeToLeader`,
      signIn: asSupervisor,
      call: (input) => escalateNoticeToLeader(undefined, input),
      valid: () => ({ noticeId: String(toEscalate), version: version(toEscalate), comment: "请牵头领导督促。" }),
      fields: [
        { name: "noticeId", kind: "id" },
        { name: "version", kind: "id" },
        { name: "comment", kind: "text" },
      ],
      reset: setState(toEscalate, { escalatedToLeaderAt: null }),
    },
    {
      ref: "app/supervision/overdue/actions.ts#setRagOverride",
      signIn: asSupervisor,
      call: (input) => setRagOverride(undefined, input),
      valid: ragValid,
      fields: [
        { name: "subject", kind: "choice", choices: [`task:${ownNo}`] },
        { name: "periodCode", kind: "choice", choices: ["2026Q1", "2026Q2", "2026Q3", "2026Q4"] },
        { name: "expectedAt", kind: "id" },
        { name: "color", kind: "choice", choices: ["red", "amber", "green"] },
        { name: "reason", kind: "requiredText", stored: () => override()?.reason },
      ],
    },
    {
      ref: "app/supervision/overdue/actions.ts#clearRagOverride",
      signIn: async () => {
        ensureOverride();
        await asSupervisor();
      },
      call: (input) => clearRagOverride(undefined, input),
      valid: () => {
        ensureOverride();
        const { subject, periodCode, expectedAt } = ragValid();
        return { subject, periodCode, expectedAt };
      },
      fields: [
        { name: "subject", kind: "choice", choices: [`task:${ownNo}`] },
        { name: "periodCode", kind: "choice", choices: ["2026Q3"] },
        { name: "expectedAt", kind: "id" },
      ],
      reset: ensureOverride,
    },
  ];
}
