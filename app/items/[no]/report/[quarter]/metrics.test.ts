// A 督办事项's metrics in its quarterly report: typed, checked and stored like a task's, frozen
// in the submitted version, and judged by the same 进度 rule (lib/quarter-status.ts).
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { loadProgramme } from "@/db/data-file/programme";
import { itemMetrics, periods, reportItemMetricValues, reportMetricValues, reports, reportVersions, supervisionItems, units } from "@/db/schema";
import { gazetteProgramme } from "@/db/seed/gazette-programme";
import { seedPeriods } from "@/db/seed/seed-periods";
import { yearIdOf } from "@/db/testing/programme-year";
import { readSnapshot } from "@/lib/report-snapshot";
import { ITEM_NOT_DUE_MESSAGE } from "@/lib/supervision-items";
import { addSession, addUser, migratedAppDb } from "@/test/app-db";
import { formData, sessionCookie, setRequest, settleAction } from "@/test/next-request";

vi.hoisted(() => {
  process.env.APP_TODAY = "2026-12-01";
});
vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

const { saveItemReport, submitItemReport } = await import("./actions");
const { scheduleItem } = await import("@/app/items/actions");
const { listSubjectQuarters } = await import("@/db/queries/status-board");
const { listPeriods } = await import("@/db/queries/periods");
const { listSubjectMetrics } = await import("@/db/queries/report-metric-values");

// 督办事项173 (附件8 二（二）5，市住建局牵头): “完成 15 年以上的住宅老旧电梯更新 8 台”.
const ITEM = 173;
// 督办事项87 repeats key task 46 (新增城镇就业 6000 人以上): reported there, not twice.
const LINKED = 87;
let db: Db;
const userIds: Record<string, number> = {};

beforeAll(() => {
  db = migratedAppDb();
  db.transaction((tx) => loadProgramme(tx, gazetteProgramme()), { behavior: "immediate" });
  seedPeriods(db, { year: 2026 });
  const unitId = (name: string) => db.select({ id: units.id }).from(units).where(eq(units.name, name)).get()!.id;
  userIds.zjj = addUser(db, { username: "zjj", role: "unit", unitId: unitId("住建局") });
  userIds.rsj = addUser(db, { username: "rsj", role: "unit", unitId: unitId("人社局") });
  userIds.duchashi = addUser(db, { username: "duchashi", role: "supervisor" });
});

async function signInAs(username: string) {
  const userId = userIds[username]!;
  setRequest({ cookies: await sessionCookie({ sessionId: addSession(db, userId), userId }) });
}

const itemRow = (no: number) => db.select().from(supervisionItems).where(eq(supervisionItems.no, no)).get()!;
const metricsOf = (no: number) =>
  db
    .select()
    .from(itemMetrics)
    .where(eq(itemMetrics.itemId, itemRow(no).id))
    .all();
const q4 = () => db.select({ id: periods.id }).from(periods).where(eq(periods.code, "2026Q4")).get()!.id;
const q4Report = () =>
  db
    .select()
    .from(reports)
    .where(and(eq(reports.itemId, itemRow(ITEM).id), eq(reports.periodId, q4())))
    .get();
const progressLamp = () => {
  const yearId = yearIdOf(db, 2026);
  const period = listPeriods({ yearId }).filter((p) => p.code === "2026Q4");
  return listSubjectQuarters({ periods: period, asOf: "2026-12-01", today: "2026-12-01", filter: { yearId, only: { kind: "item", no: ITEM } } })[0]!.status
    .progress;
};
const text = { progress: "已完成电梯更新改造招标", problems: "无", nextSteps: "加快安装", selfStatus: "onTrack" };

describe("a 督办事项's metrics in its report", () => {
  it("seeds the plan's figure as the item's metric", () => {
    expect(metricsOf(ITEM).map((m) => [m.label, m.target, m.unit, m.comparator, m.kind])).toEqual([["住宅老旧电梯更新", 8, "台", "exact", "cumulative"]]);
  });

  it("saves the typed value in a draft, refuses one the metric cannot take, and needs it to submit", async () => {
    await signInAs("duchashi");
    const set = await settleAction(
      scheduleItem(undefined, formData({ itemNo: String(ITEM), version: String(itemRow(ITEM).version), cadence: "quarterly", deadline: "" })),
    );
    expect(set.message).toBe("时限已保存。");

    const field = `metric.${metricsOf(ITEM)[0]!.id}`;
    await signInAs("zjj");
    const bad = await settleAction(saveItemReport(undefined, formData({ itemNo: String(ITEM), quarter: "2026Q4", version: "0", ...text, [field]: "3台" })));
    expect(bad.errors?.[field]?.length).toBeGreaterThan(0);
    expect(q4Report()).toBeUndefined();

    const missing = await settleAction(submitItemReport(undefined, formData({ itemNo: String(ITEM), quarter: "2026Q4", version: "0", ...text })));
    expect(missing.errors?.[field]?.length).toBeGreaterThan(0);
    expect(q4Report()).toBeUndefined();

    const saved = await settleAction(saveItemReport(undefined, formData({ itemNo: String(ITEM), quarter: "2026Q4", version: "0", ...text, [field]: "3" })));
    expect(saved).toMatchObject({ ok: true });
    const r = q4Report()!;
    expect(db.select().from(reportItemMetricValues).where(eq(reportItemMetricValues.reportId, r.id)).all()).toEqual([
      { reportId: r.id, itemMetricId: metricsOf(ITEM)[0]!.id, value: 3 },
    ]);
    // Item values are the item's own: nothing lands among the key tasks' values.
    expect(db.select().from(reportMetricValues).where(eq(reportMetricValues.reportId, r.id)).all()).toEqual([]);
  });

  it("stores no value for a metric of another subject (only the item's own boxes are read)", async () => {
    const other = `metric.${metricsOf(172)[0]!.id}`;
    const before = q4Report()!;
    const field = `metric.${metricsOf(ITEM)[0]!.id}`;
    const r = await settleAction(
      saveItemReport(undefined, formData({ itemNo: String(ITEM), quarter: "2026Q4", version: String(before.version), ...text, [field]: "3", [other]: "5" })),
    );
    expect(r).toMatchObject({ ok: true });
    expect(
      db.select({ id: reportItemMetricValues.itemMetricId }).from(reportItemMetricValues).where(eq(reportItemMetricValues.reportId, before.id)).all(),
    ).toEqual([{ id: metricsOf(ITEM)[0]!.id }]);
  });

  it("freezes the value with its plan in the submitted version, and the 进度 lamp judges it as a task's", async () => {
    const field = `metric.${metricsOf(ITEM)[0]!.id}`;
    const submitted = await settleAction(
      submitItemReport(undefined, formData({ itemNo: String(ITEM), quarter: "2026Q4", version: String(q4Report()!.version), ...text, [field]: "3" })),
    );
    expect(submitted.redirect).toBe(`/items/${ITEM}/report/2026Q4?submitted=1`);
    const version = db.select().from(reportVersions).where(eq(reportVersions.reportId, q4Report()!.id)).get()!;
    expect(readSnapshot(version.snapshot).metrics).toEqual([
      { metricId: metricsOf(ITEM)[0]!.id, label: "住宅老旧电梯更新", unit: "台", kind: "cumulative", plan: 8, value: 3 },
    ]);
    // 3 of the 8 台 planned by year-end is far below plan.
    expect(progressLamp()).toBe("red");
  });

  it("asks only for the metrics that do not repeat a key task's (those are reported by the task)", () => {
    const reported = (no: number) => listSubjectMetrics(db, { itemId: itemRow(no).id }).map((m) => m.label);
    // 附件1 二（二）3: all 17 figures are the task table's (tasks 11, 16, 19, 25–28, 32).
    expect(metricsOf(36)).toHaveLength(17);
    expect(reported(36)).toEqual([]);
    // 附件1 二（二）1: 3 of its 9 are (tasks 15 and 36); the other 6 are its own.
    expect(reported(34)).toEqual(["新建和改造提升高标准农田", "粮食播种面积稳定在", "产量稳定在", "新建省级和美乡村", "新建市级和美乡村", "新增专精特新企业"]);
  });

  it("a measure linked to its key task is not reported again", async () => {
    expect(metricsOf(LINKED).map((m) => [m.label, m.target])).toEqual([["新增城镇就业", 6000]]);
    await signInAs("rsj");
    const r = await settleAction(
      saveItemReport(undefined, formData({ itemNo: String(LINKED), quarter: "2026Q4", version: "0", ...text, [`metric.${metricsOf(LINKED)[0]!.id}`]: "5000" })),
    );
    expect(r.message).toBe(ITEM_NOT_DUE_MESSAGE);
    expect(
      db
        .select()
        .from(reports)
        .where(eq(reports.itemId, itemRow(LINKED).id))
        .all(),
    ).toEqual([]);
  });
});
