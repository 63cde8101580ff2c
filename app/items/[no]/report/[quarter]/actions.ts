"use server";
import { reportActions } from "@/app/_lib/report-pipeline";
import { withValues } from "@/lib/plausibility";
import { parseReportForm, reportField } from "@/lib/report-form";
import { ITEM_NOT_DUE_MESSAGE } from "@/lib/supervision-items";
import { loadItemReportContext } from "./report-context";

// A 督办事项's quarterly report: the one report pipeline (app/_lib/report-pipeline.ts) with the
// common fields (进展, 问题, 下步打算, 自评) and the item's metrics, parsed and checked as a task's. A quarter the item is not due in cannot be
// reported (no time limit yet, past its deadline, or reported through its key task). A monthly
// item reports each month: a submitted report takes the next month's submission (owedMonth).
const item = reportActions({
  field: "itemNo",
  load: loadItemReportContext,
  closed: (ctx) => (ctx.due ? null : ITEM_NOT_DUE_MESSAGE),
  facts: (ctx) => ({
    subject: { itemId: ctx.item.id },
    ref: { kind: "item", no: ctx.item.no },
    title: ctx.item.text,
    period: ctx.period,
    report: ctx.report,
    leadUnitIds: ctx.leadUnitIds,
    coopUnitIds: ctx.coopUnitIds,
    owedMonth: ctx.monthly?.owed ?? null,
  }),
  parse: (ctx, raw, intent, today) => parseReportForm({ raw, metrics: ctx.metrics, hasMilestone: false, intent, today }),
  plausibility: (ctx, content) => withValues(ctx.checks, new Map(content.metricValues.map((v) => [reportField.metric(v.metricId), v.value]))),
});

export const saveItemReport = item.save;
export const submitItemReport = item.submit;
export const approveItemReport = item.approve;
export const returnItemReport = item.reject;
/** A co-lead unit's own part (the first-listed lead unit compiles the report). */
export const saveItemReportPart = item.savePart;
export const submitItemReportPart = item.submitPart;

/** A 配合单位's 配合情况 with its evidence (in the quarters the item reports in). */
export const saveItemCoopNote = item.saveNote;
