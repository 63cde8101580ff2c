"use server";
import { reportActions } from "@/app/_lib/report-pipeline";
import { parseReportForm } from "@/lib/report-form";
import { ITEM_NOT_DUE_MESSAGE } from "@/lib/supervision-items";
import { loadItemReportContext } from "./report-context";

// A 督办事项's quarterly report: the one report pipeline (app/_lib/report-pipeline.ts) with the
// common fields only (进展, 问题, 下步打算, 自评). A quarter the item is not due in cannot be
// reported (no time limit yet, past its deadline, or reported through its key task).
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
  }),
  parse: (_ctx, raw, intent, today) => parseReportForm({ raw, metrics: [], hasMilestone: false, intent, today }),
  // No numbers are typed into an item's report, so there is nothing to check for plausibility.
  plausibility: () => [],
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
