// Bad-input cases for a 督办事项's quarterly report: save, submit, approve and return (the
// common fields and the item's metric), and a 配合单位's 配合情况. Item 173 (住建局 leads) and item 22
// (城管局 leads, 生态环境分局, 新市街道办 and 财政局 cooperate) are given a deadline in Q4 so their quarters are due.
import { and, eq } from "drizzle-orm";
import {
  approveItemReport,
  returnItemReport,
  saveItemCoopNote,
  saveItemReport,
  saveItemReportPart,
  submitItemReport,
  submitItemReportPart,
} from "@/app/items/[no]/report/[quarter]/actions";
import { partCases } from "./part-cases";
import type { Db } from "@/db/client";
import { submitReport } from "@/db/queries/report-writes";
import { coopNotes, itemMetrics, itemUnits, reportItemMetricValues, reports, supervisionItems, users } from "@/db/schema";
import { badFiles } from "./corpus";
import { actAs, periodIdOf, unitIdOf, userIdOf } from "./fixture";
import type { ActionCase, Field } from "./harness";

const ITEM_ACTIONS = "app/items/[no]/report/[quarter]/actions.ts";
const Q = "2026Q4";
/** 附件8 二（二）5 (市住建局牵头): its report carries the metric 住宅老旧电梯更新 8 台. */
const OWN = 173;
/** Led by 消防救援大队, 住建局 and 自然资源局: 住建局 writes its own part. */
const CO_LED = "消防救援大队";
/** 城管局 leads; its first-listed 配合单位 writes the 配合情况 (item 173 has none: the foreign one). */
const COOP_ITEM = 22;

export async function itemCases(db: Db): Promise<ActionCase[]> {
  const zjj = unitIdOf(db, "住建局");
  const itemId = (no: number) => db.select({ id: supervisionItems.id }).from(supervisionItems).where(eq(supervisionItems.no, no)).get()!.id;
  const ledByZjj = new Set(
    db
      .select({ itemId: itemUnits.itemId })
      .from(itemUnits)
      .where(and(eq(itemUnits.unitId, zjj), eq(itemUnits.role, "lead")))
      .all()
      .map((r) => r.itemId),
  );
  const foreign = db
    .select({ id: supervisionItems.id, no: supervisionItems.no })
    .from(supervisionItems)
    .all()
    .find((i) => !ledByZjj.has(i.id))!;
  const coLed = db
    .select({ id: supervisionItems.id, no: supervisionItems.no })
    .from(supervisionItems)
    .innerJoin(itemUnits, eq(itemUnits.itemId, supervisionItems.id))
    .where(and(eq(itemUnits.unitId, unitIdOf(db, CO_LED)), eq(itemUnits.role, "lead"), eq(itemUnits.position, 1)))
    .all()
    .find((i) => ledByZjj.has(i.id))!;
  // The items get a time limit, so a refusal of the foreign one is about who calls, not about the quarter.
  for (const id of [itemId(OWN), foreign.id, coLed.id, itemId(COOP_ITEM)])
    db.update(supervisionItems).set({ cadence: "once", deadline: "2026-12-31" }).where(eq(supervisionItems.id, id)).run();
  const files = await badFiles();

  const row = (code: string) =>
    db
      .select()
      .from(reports)
      .where(and(eq(reports.itemId, itemId(OWN)), eq(reports.periodId, periodIdOf(db, code))))
      .get();
  const metricId = db
    .select({ id: itemMetrics.id })
    .from(itemMetrics)
    .where(eq(itemMetrics.itemId, itemId(OWN)))
    .get()!.id;
  const valid = () => ({
    itemNo: String(OWN),
    quarter: Q,
    version: String(row(Q)?.version ?? 0),
    progress: "已完成老旧电梯更新招标。",
    problems: "",
    nextSteps: "加快安装。",
    selfStatus: "onTrack",
    [`metric.${metricId}`]: "3",
  });
  const fields = (submitting: boolean): Field[] => [
    { name: "itemNo", kind: "id" },
    { name: "quarter", kind: "choice" },
    { name: "version", kind: "id" },
    { name: "progress", kind: submitting ? "requiredText" : "text", stored: () => row(Q)?.progress },
    { name: "problems", kind: "text", stored: () => row(Q)?.problems },
    {
      name: `metric.${metricId}`,
      kind: "number",
      stored: () =>
        db
          .select({ v: reportItemMetricValues.value })
          .from(reportItemMetricValues)
          .where(and(eq(reportItemMetricValues.reportId, row(Q)!.id), eq(reportItemMetricValues.itemMetricId, metricId)))
          .get()?.v,
    },
  ];

  // A submitted Q3 report for the 督查室 to review.
  db.transaction(
    (tx) =>
      submitReport(tx, {
        subject: { itemId: itemId(OWN) },
        periodId: periodIdOf(db, "2026Q3"),
        expectedVersion: 0,
        content: { progress: "第三季度进展", problems: "", nextSteps: "", selfStatus: "onTrack", milestoneDone: null, milestoneDoneOn: null, metricValues: [] },
        userId: userIdOf(db, "zjj"),
        now: Date.now(),
      }),
    { behavior: "immediate" },
  );
  const review = () => row("2026Q3")!;
  const resubmit = () => db.update(reports).set({ status: "submitted" }).where(eq(reports.id, review().id)).run();
  const reviewValid = (comment: string) => ({
    reportId: String(review().id),
    itemNo: String(OWN),
    quarter: "2026Q3",
    version: String(review().version),
    comment,
  });
  const coop = db
    .select({ unitId: itemUnits.unitId, username: users.username })
    .from(itemUnits)
    .innerJoin(users, eq(users.unitId, itemUnits.unitId))
    .where(and(eq(itemUnits.itemId, itemId(COOP_ITEM)), eq(itemUnits.role, "coop")))
    .orderBy(itemUnits.position)
    .get()!;
  const coopNote = () =>
    db
      .select()
      .from(coopNotes)
      .where(and(eq(coopNotes.itemId, itemId(COOP_ITEM)), eq(coopNotes.periodId, periodIdOf(db, Q)), eq(coopNotes.unitId, coop.unitId)))
      .get();
  const noteValid = () => ({ itemNo: String(COOP_ITEM), quarter: Q, version: String(coopNote()?.version ?? 0), text: "已开展填埋场周边环境监测。" });

  const asZjj = () => actAs(db, "zjj");
  const asSupervisor = () => actAs(db, "duchashi");

  const [savePart, submitPart] = partCases(db, { kind: "item", no: coLed.no, quarter: Q, save: saveItemReportPart, submit: submitItemReportPart });
  return [
    { ...savePart, ref: `${ITEM_ACTIONS}#saveItemReportPart` },
    { ...submitPart, ref: `${ITEM_ACTIONS}#submitItemReportPart` },
    {
      ref: `${ITEM_ACTIONS}#saveItemReport`,
      signIn: asZjj,
      call: (input) => saveItemReport(undefined, input),
      valid,
      fields: fields(false),
      foreign: () => [{ ...valid(), itemNo: String(foreign.no) }],
      files: { field: "evidence", inputs: files },
    },
    {
      ref: `${ITEM_ACTIONS}#submitItemReport`,
      signIn: asZjj,
      call: (input) => submitItemReport(undefined, input),
      valid,
      fields: fields(true),
      reset: () =>
        db
          .update(reports)
          .set({ status: "draft" })
          .where(eq(reports.id, row(Q)!.id))
          .run(),
      foreign: () => [{ ...valid(), itemNo: String(foreign.no) }],
      files: { field: "evidence", inputs: files },
    },
    {
      ref: `${ITEM_ACTIONS}#saveItemCoopNote`,
      signIn: () => actAs(db, coop.username),
      call: (input) => saveItemCoopNote(undefined, input),
      valid: noteValid,
      fields: [
        { name: "itemNo", kind: "id" },
        { name: "quarter", kind: "choice" },
        { name: "version", kind: "id" },
        { name: "text", kind: "requiredText", stored: () => coopNote()?.text },
        { name: "attach", kind: "id" },
      ],
      foreign: () => [{ ...noteValid(), itemNo: String(OWN), version: "0" }],
    },
    {
      ref: `${ITEM_ACTIONS}#approveItemReport`,
      signIn: asSupervisor,
      call: (input) => approveItemReport(undefined, input),
      valid: () => reviewValid("同意。"),
      fields: [
        { name: "reportId", kind: "id" },
        { name: "itemNo", kind: "id" },
        { name: "version", kind: "id" },
        { name: "comment", kind: "text" },
      ],
      reset: resubmit,
    },
    {
      ref: `${ITEM_ACTIONS}#returnItemReport`,
      signIn: asSupervisor,
      call: (input) => returnItemReport(undefined, input),
      valid: () => reviewValid("请补充方案印发文件。"),
      fields: [
        { name: "reportId", kind: "id" },
        { name: "version", kind: "id" },
        { name: "comment", kind: "requiredText", stored: () => review().reviewComment },
      ],
      reset: resubmit,
    },
  ];
}
