"use server";
import { z } from "zod";
import { ConflictError, defineAction, ValidationError } from "@/app/_lib/action";
import { currentProgrammeYear } from "@/app/_lib/programme-year";
import { appToday } from "@/app/_lib/today";
import { getLeaderForHandover, handOverLeader } from "@/db/queries/leader-handover";
import { isValidDay } from "@/lib/periods";
import { parseSubjectKey } from "@/lib/subject";
import { changeBasis, optionalText, version } from "../tasks/schema";

const id = (message: string) => z.coerce.number({ message }).int(message).positive(message);
const subjectKeys = z
  .union([z.string(), z.array(z.string())], { message: "移交的事项不正确。" })
  .optional()
  .transform((v, ctx) => {
    const list = (v === undefined ? [] : Array.isArray(v) ? v : [v]).map((k) => k.trim()).filter(Boolean);
    if (list.some((k) => !parseSubjectKey(k))) ctx.addIssue({ code: "custom", message: "移交的事项不正确，请刷新页面后重新选择。" });
    if (new Set(list).size !== list.length) ctx.addIssue({ code: "custom", message: "同一事项选择了两次。" });
    return list;
  });

const schema = z
  .object({
    leaderId: id("原领导不正确。"),
    version,
    toLeaderId: z
      .string({ message: "请选择接任领导。" })
      .trim()
      .optional()
      .transform((v, ctx) => {
        if (!v) return null;
        if (!/^\d{1,9}$/.test(v) || Number(v) === 0) ctx.addIssue({ code: "custom", message: "请选择接任领导。" });
        return Number(v);
      }),
    newName: optionalText("新领导姓名", 20),
    newTitle: optionalText("新领导职务", 30),
    post: optionalText("交接的职务", 30),
    fromTitleAfter: optionalText("原领导今后的职务", 30),
    effectiveOn: z
      .string({ message: "请填写交接日期。" })
      .trim()
      .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && isValidDay(v), "请填写正确的交接日期（如 2026-01-15）。"),
    subjects: subjectKeys,
    ...changeBasis,
  })
  .superRefine((v, ctx) => {
    if (v.toLeaderId === null && !v.newName) ctx.addIssue({ code: "custom", path: ["toLeaderId"], message: "请选择接任领导，或填写新领导的姓名。" });
    if (v.toLeaderId !== null && v.newName)
      ctx.addIssue({ code: "custom", path: ["newName"], message: "已选择现有领导；如接任的是新领导，请在“接任领导”中选“新增领导”。" });
  });

/**
 * 领导交接: the administrator or the 督查室 hands a leader's post and chosen subjects of the year
 * to another leader (an existing one or one added here). Who leads what changes in its one
 * place (the link tables); everything the outgoing leader did stays theirs.
 */
export const handOverLeaderAction = defineAction({
  action: "leader.handover",
  entity: "leader",
  schema,
  entityId: (input) => input.leaderId,
  guard: () => ["programme:edit"],
  load: async ({ input }) => {
    const yearId = (await currentProgrammeYear()).id;
    const leader = getLeaderForHandover({ id: input.leaderId, yearId });
    return leader && { leader, yearId };
  },
  mutate: (tx, { leader, yearId }, { input, user }) => {
    if (input.effectiveOn > appToday()) throw new ValidationError("交接日期不能晚于今天。", { effectiveOn: ["交接日期不能晚于今天。"] });
    const r = handOverLeader(tx, leader.id, {
      yearId,
      expectedVersion: input.version,
      to: input.toLeaderId !== null ? { id: input.toLeaderId } : { name: input.newName!, title: input.newTitle ?? input.post },
      post: input.post,
      fromTitleAfter: input.fromTitleAfter,
      effectiveOn: input.effectiveOn,
      subjects: input.subjects,
      reason: input.reason,
      source: input.source,
      byId: user.id,
      now: Date.now(),
    });
    if (!r.ok && r.kind === "conflict") throw new ConflictError();
    if (!r.ok) throw new ValidationError(r.message, { [r.field]: [r.message] });
    return { before: r.before, after: r.after, result: { toName: r.toName, moved: r.moved.length } };
  },
  revalidate: ({ input }) => [
    "/admin/leaders",
    `/admin/leaders/${input.leaderId}`,
    "/admin/users",
    "/tasks",
    "/projects",
    "/items",
    "/dashboard",
    "/supervision",
  ],
  successMessage: (r) => (r ? `已交接给${r.toName}：移交 ${r.moved} 项事项，原领导的批示和记录保留。` : "已交接。"),
});
