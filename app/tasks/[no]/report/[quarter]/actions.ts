"use server";
import { reportActions } from "@/app/_lib/report-pipeline";
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

/** A 配合单位's 配合情况 with its evidence. */
export const saveCoopNoteAction = task.saveNote;
