"use server";
// The 督查室's own 进度 lamp for a subject's quarter, beside the computed one: always with
// a reason, always audited, shown on every screen. The override's time is its version (a
// stale form is refused).
import { z } from "zod";
import { ConflictError, defineAction } from "@/app/_lib/action";
import { getPeriodByCode } from "@/db/queries/periods";
import { getProgressOverride, setProgressOverride } from "@/db/queries/progress-overrides";
import type { StatusKey } from "@/db/status/inputs";
import { listSubjects } from "@/db/queries/subjects";
import { parseSubjectKey, subjectPath } from "@/lib/subject";
import { OVERRIDE_COLORS } from "@/lib/vocabulary";

const target = {
  subject: z
    .string()
    .trim()
    .regex(/^(task|project):\d{1,4}$/, "事项无效"),
  periodCode: z
    .string()
    .trim()
    .regex(/^\d{4}Q[1-4]$/, "季度无效"),
  /** The override's `at` the form was loaded with; 0 when there was none. */
  expectedAt: z.coerce.number().int().min(0),
};

function loadTarget(input: { subject: string; periodCode: string }): StatusKey | null {
  const ref = parseSubjectKey(input.subject);
  const period = getPeriodByCode({ code: input.periodCode });
  if (!ref || !period) return null;
  const subject = listSubjects({ yearId: period.yearId, only: ref })[0];
  return subject ? { kind: subject.kind, subjectId: subject.id, periodId: period.id } : null;
}

const revalidate = (subject: string) => {
  const ref = parseSubjectKey(subject);
  return ["/supervision/overdue", "/supervision", "/dashboard", "/my", ...(ref ? [subjectPath(ref)] : [])];
};

/** The entry in force as the form saw it: `at` of a set override, 0 for none (or cleared). */
const inForceAt = (o: ReturnType<typeof getProgressOverride>) => (o && o.color !== null ? o.at : 0);

export const setRagOverride = defineAction({
  action: "rag.override",
  entity: "rag_override",
  schema: z.object({
    ...target,
    color: z.enum(OVERRIDE_COLORS, { message: "请选择颜色" }),
    reason: z.string({ message: "请填写调整理由" }).trim().min(1, "请填写调整理由").max(500, "调整理由请控制在 500 字以内"),
  }),
  entityId: (input) => `${input.subject}:${input.periodCode}`,
  load: ({ input }) => loadTarget(input),
  guard: () => ["rag:override"],
  mutate: (tx, t, { input, user }) => {
    const before = getProgressOverride(tx, t);
    if (inForceAt(before) !== input.expectedAt) throw new ConflictError();
    const after = { color: input.color, reason: input.reason, at: Date.now(), byId: user.id };
    setProgressOverride(tx, t, after);
    return { before: before?.color ? before : null, after };
  },
  revalidate: ({ input }) => revalidate(input.subject),
  successMessage: "已调整进度灯。",
});

export const clearRagOverride = defineAction({
  action: "rag.override.clear",
  entity: "rag_override",
  schema: z.object(target),
  entityId: (input) => `${input.subject}:${input.periodCode}`,
  load: ({ input }) => loadTarget(input),
  guard: () => ["rag:override"],
  mutate: (tx, t, { input, user }) => {
    const before = getProgressOverride(tx, t);
    if (inForceAt(before) === 0 || inForceAt(before) !== input.expectedAt) throw new ConflictError();
    setProgressOverride(tx, t, { color: null, reason: "恢复系统计算", at: Date.now(), byId: user.id });
    return { before, after: null };
  },
  revalidate: ({ input }) => revalidate(input.subject),
  successMessage: "已恢复为系统计算的进度灯。",
});
