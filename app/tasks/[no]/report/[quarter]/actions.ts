"use server";
import { z } from "zod";
import { ConflictError, defineAction } from "@/app/_lib/action";
import { reportActions } from "@/app/_lib/report-pipeline";
import { saveCoopNote } from "@/db/queries/coop-notes";
import { withValues } from "@/lib/plausibility";
import { parseReportForm, reportField } from "@/lib/report-form";
import { loadReportContext } from "./report-context";

// A key task's quarterly report: the one report pipeline (app/_lib/report-pipeline.ts) with
// the task's own fields — its metrics against the quarter's plans and its planned node.
const task = reportActions({
  field: "taskNo",
  load: loadReportContext,
  facts: (ctx) => ({
    subject: { taskId: ctx.task.id },
    ref: { kind: "task", no: ctx.task.no },
    title: ctx.task.target,
    period: ctx.period,
    report: ctx.report,
    leadUnitIds: ctx.leadUnitIds,
    coopUnitIds: ctx.coopUnitIds,
  }),
  parse: (ctx, raw, intent, today) => parseReportForm({ raw, metrics: ctx.task.metrics, hasMilestone: ctx.milestoneText !== null, intent, today }),
  plausibility: (ctx, content) => withValues(ctx.checks, new Map(content.metricValues.map((v) => [reportField.metric(v.metricId), v.value]))),
});

export const saveReport = task.save;
export const submitReportAction = task.submit;
export const approveReport = task.approve;
export const returnReport = task.reject;
/** A co-lead unit's own part (the first-listed lead unit compiles the report). */
export const saveReportPart = task.savePart;
export const submitReportPart = task.submitPart;

export const saveCoopNoteAction = defineAction({
  action: "coopNote.save",
  entity: "coopNote",
  schema: z.object({
    taskNo: z.coerce.number().int().positive(),
    quarter: z.string().regex(/^\d{4}Q[1-4]$/, "季度格式不正确"),
    version: z.coerce.number().int().min(0),
    text: z.string().trim().min(1, "请填写配合情况").max(2000, "请控制在 2000 字以内"),
  }),
  entityId: (input) => `${input.taskNo}/${input.quarter}`,
  load: ({ input }) => loadReportContext(input.taskNo, input.quarter),
  authorize: (ctx) => ["coopNote:edit", { coopUnitIds: ctx.coopUnitIds }],
  mutate: (tx, ctx, { user, input }) => {
    const r = saveCoopNote(tx, {
      taskId: ctx.task.id,
      periodId: ctx.period.id,
      unitId: user.unitId!,
      text: input.text,
      expectedVersion: input.version,
      userId: user.id,
      now: Date.now(),
    });
    if (!r.ok) throw new ConflictError("配合情况已被本单位其他人员修改，请刷新页面后再保存；您填写的内容已保留在表单中。");
    return { before: r.before, after: r.after };
  },
  revalidate: ({ input }) => [`/tasks/${input.taskNo}/report/${input.quarter}`, `/tasks/${input.taskNo}`, "/my"],
  successMessage: "配合情况已保存。",
});
