"use server";
// 领导批示: a leader's instruction on an escalated 督办, or on a task or project whose 进度 is
// red. It reaches the 督查室 and the lead units, shows on the subject's page and in the
// 季度通报. Only the subject's 牵头领导 and the 市长 may write one; each is audited.
import { z } from "zod";
import { defineAction, ValidationError } from "@/app/_lib/action";
import { currentProgrammeYear } from "@/app/_lib/programme-year";
import { insertInstruction } from "@/db/queries/instructions";
import { getNotice, getNoticeSubjectByKey } from "@/db/queries/notices";
import { notify } from "@/db/queries/notifications";
import { leaderInstructed } from "@/lib/notification-rules";
import { subjectLabel, subjectPath } from "@/lib/subject";
import { redQuarterOf } from "./red-quarter";

export const writeInstruction = defineAction({
  action: "instruction.write",
  entity: "instruction",
  schema: z.object({
    subject: z.string({ message: "请选择批示事项" }).regex(/^(task|project):\d{1,4}$/, "请选择批示事项"),
    noticeId: z.coerce.number().int().nonnegative().optional().default(0),
    text: z.string({ message: "请填写批示内容" }).trim().min(2, "请填写批示内容").max(1000, "批示请控制在 1000 字以内"),
  }),
  entityId: (input) => input.subject,
  load: async ({ input }) => {
    const subject = getNoticeSubjectByKey({ yearId: (await currentProgrammeYear()).id, key: input.subject });
    if (!subject) return null;
    const notice = input.noticeId ? getNotice({ id: input.noticeId }) : null;
    if (input.noticeId && !notice) return null;
    const red = notice ? null : await redQuarterOf({ kind: subject.kind, no: subject.no });
    return { subject, notice, red };
  },
  authorize: ({ subject }) => ["instruction:write", { leaderIds: subject.leaderIds }],
  mutate: (tx, { subject, notice, red }, { input, user }) => {
    const ref = { kind: subject.kind, no: subject.no };
    let periodId: number | null = null;
    if (notice) {
      const sameSubject = subject.kind === "task" ? notice.taskId === subject.taskId : notice.projectId === subject.projectId;
      if (!sameSubject || notice.level !== "duban" || notice.escalatedToLeaderAt === null) throw new ValidationError("只能对已呈报领导的督办作出批示");
      if (notice.status === "closed") throw new ValidationError("该督办已销号，不能再批示");
    } else {
      if (!red) throw new ValidationError("只能对进度为红灯的事项或已呈报的督办作出批示");
      periodId = red.periodId;
    }
    const at = Date.now();
    const id = insertInstruction(tx, {
      subjectKind: subject.kind,
      subjectId: (subject.kind === "task" ? subject.taskId : subject.projectId)!,
      noticeId: notice?.id ?? null,
      periodId,
      leaderId: user.leaderId!,
      byId: user.id,
      text: input.text,
      at,
    });
    const label = subjectLabel(ref);
    notify(
      tx,
      leaderInstructed({
        instructionId: id,
        leaderName: user.leaderName ?? user.displayName,
        on: notice ? `${notice.title}，${label}` : label,
        text: input.text,
        leadUnitIds: subject.leadUnits.map((u) => u.id),
        unitLink: `${subjectPath(ref)}#instructions`,
        supervisorLink: notice ? `/supervision/notices/${notice.id}` : `${subjectPath(ref)}#instructions`,
      }),
    );
    return {
      entityId: id,
      after: { subject: input.subject, noticeId: notice?.id ?? null, periodId, text: input.text },
      result: { path: subjectPath(ref), noticeId: notice?.id ?? null },
    };
  },
  revalidate: (_ctx, r) => [
    ...(r ? [r.path] : []),
    ...(r?.noticeId ? [`/supervision/notices/${r.noticeId}`] : []),
    "/dashboard",
    "/supervision/notices",
    "/notifications",
  ],
  successMessage: "批示已送达督查室和牵头单位。",
});
