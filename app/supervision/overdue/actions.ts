"use server";
// The 督查室's own colour for a task's quarter, beside the computed one: always with a
// reason, always audited. The override's time is its version (a stale form is refused).
import { z } from "zod";
import { ConflictError, defineAction } from "@/app/_lib/action";
import { getPeriodByCode } from "@/db/queries/periods";
import { getNoticeSubject } from "@/db/queries/notices";
import { deleteRagOverride, getRagOverride, upsertRagOverride } from "@/db/queries/supervision";
import { RAG } from "@/db/schema";

const target = {
  taskNo: z.coerce.number().int().positive(),
  periodCode: z.string().trim().regex(/^\d{4}Q[1-4]$/, "季度无效"),
  /** The override's `at` the form was loaded with; 0 when there was none. */
  expectedAt: z.coerce.number().int().min(0),
};

function loadTarget(input: { taskNo: number; periodCode: string }) {
  const subject = getNoticeSubject({ taskNo: input.taskNo });
  const period = getPeriodByCode({ code: input.periodCode });
  return subject?.taskId && period ? { taskId: subject.taskId, periodId: period.id, taskNo: subject.no } : null;
}

const revalidate = (taskNo: number) => ["/supervision/overdue", "/supervision", `/tasks/${taskNo}`, "/dashboard"];

export const setRagOverride = defineAction({
  action: "rag.override",
  entity: "rag_override",
  schema: z.object({
    ...target,
    color: z.enum(RAG, { message: "请选择颜色" }),
    reason: z.string({ message: "请填写调整理由" }).trim().min(1, "请填写调整理由").max(500, "调整理由请控制在 500 字以内"),
  }),
  entityId: (input) => `${input.taskNo}:${input.periodCode}`,
  load: ({ input }) => loadTarget(input),
  guard: () => ["rag:override"],
  mutate: (tx, t, { input, user }) => {
    const before = getRagOverride(tx, t);
    if ((before?.at ?? 0) !== input.expectedAt) throw new ConflictError();
    const after = { color: input.color, reason: input.reason, at: Date.now(), byId: user.id };
    upsertRagOverride(tx, { ...t, ...after });
    return { before, after };
  },
  revalidate: ({ input }) => revalidate(input.taskNo),
  successMessage: "已调整颜色。",
});

export const clearRagOverride = defineAction({
  action: "rag.override.clear",
  entity: "rag_override",
  schema: z.object(target),
  entityId: (input) => `${input.taskNo}:${input.periodCode}`,
  load: ({ input }) => loadTarget(input),
  guard: () => ["rag:override"],
  mutate: (tx, t, { input }) => {
    const before = getRagOverride(tx, t);
    if (!before || before.at !== input.expectedAt) throw new ConflictError();
    deleteRagOverride(tx, t);
    return { before, after: null };
  },
  revalidate: ({ input }) => revalidate(input.taskNo),
  successMessage: "已恢复为系统计算的颜色。",
});
