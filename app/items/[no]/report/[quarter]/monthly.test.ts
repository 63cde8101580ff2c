import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { loadProgramme } from "@/db/data-file/programme";
import { periods, quarterStatusHistory, reports, reportVersions, supervisionItems, units } from "@/db/schema";
import { gazetteProgramme } from "@/db/seed/gazette-programme";
import { seedPeriods } from "@/db/seed/seed-periods";
import { rebuildQuarterStatus } from "@/db/status/store";
import { yearIdOf } from "@/db/testing/programme-year";
import { env } from "@/lib/env";
import { addSession, addUser, lastAuditRow, migratedAppDb, snapshotDatabase } from "@/test/app-db";
import { formData, sessionCookie, setRequest, settleAction } from "@/test/next-request";

vi.hoisted(() => {
  process.env.APP_TODAY = "2026-10-10";
});
vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

const { approveItemReport, saveItemReport, submitItemReport } = await import("./actions");
const { scheduleItem } = await import("@/app/items/actions");
const { saveMonthlyNodes } = await import("@/app/_components/monthly-nodes/actions");
const { listSubjectQuarters } = await import("@/db/queries/status-board");
const { listPeriods } = await import("@/db/queries/periods");

// A monthly 督办事项 (按月推进) reports every month inside its quarterly report: October's report,
// then November's on the same report once November has begun, December's late with a 逾期说明.
// 督办事项19 is the 住建局's (第52次常务会议 七), with no printed time limit: the 督查室 sets 按月推进.
const ITEM = 19;
let db: Db;
const userIds: Record<string, number> = {};

beforeAll(() => {
  onDay("2026-10-10");
  db = migratedAppDb();
  db.transaction((tx) => loadProgramme(tx, gazetteProgramme()), { behavior: "immediate" });
  seedPeriods(db, { year: 2026 });
  const unitId = (name: string) => db.select({ id: units.id }).from(units).where(eq(units.name, name)).get()!.id;
  userIds.zjj = addUser(db, { username: "zjj", role: "unit", unitId: unitId("住建局") });
  userIds.duchashi = addUser(db, { username: "duchashi", role: "supervisor" });
});

/**
 * The app's day from here on, for appToday and for the clock (reviews are stamped with
 * Date.now), so events keep their order on the app's calendar.
 */
const onDay = (day: string) => {
  (env as { APP_TODAY?: string }).APP_TODAY = day;
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.parse(`${day}T09:00:00+08:00`));
};
/** A minute later: each request is its own instant. */
const tick = () => vi.setSystemTime(Date.now() + 60_000);

async function signInAs(username: string) {
  tick();
  const userId = userIds[username]!;
  setRequest({ cookies: await sessionCookie({ sessionId: addSession(db, userId), userId }) });
}

const unitOf = (name: string) => db.select({ id: units.id }).from(units).where(eq(units.name, name)).get()!.id;
const item = () => db.select().from(supervisionItems).where(eq(supervisionItems.no, ITEM)).get()!;
const q4Id = () => db.select({ id: periods.id }).from(periods).where(eq(periods.code, "2026Q4")).get()!.id;
const q4Report = () =>
  db
    .select()
    .from(reports)
    .where(and(eq(reports.itemId, item().id), eq(reports.periodId, q4Id())))
    .get()!;
/** Q4 as every screen reads it on `asOf` (the stored judgement in force, judged on that day). */
const q4 = (asOf: string) => {
  const yearId = yearIdOf(db, 2026);
  const period = listPeriods({ yearId }).filter((p) => p.code === "2026Q4");
  return listSubjectQuarters({ periods: period, asOf, today: asOf, filter: { yearId, only: { kind: "item", no: ITEM } } })[0]!.status;
};
const content = (progress: string) => ({ itemNo: String(ITEM), quarter: "2026Q4", progress, problems: "无", nextSteps: "按月推进", selfStatus: "onTrack" });

describe("a monthly 督办事项 reports monthly", () => {
  it("the 督查室 sets 按月推进 and the lead unit files October's report on time", async () => {
    await signInAs("duchashi");
    expect((await settleAction(scheduleItem(undefined, formData({ itemNo: String(ITEM), version: String(item().version), cadence: "monthly" })))).message).toBe(
      "时限已保存。",
    );
    expect(q4("2026-10-10")).toMatchObject({ reporting: "not_due" });
    await signInAs("zjj");
    const r = await settleAction(submitItemReport(undefined, formData({ ...content("10月：方案已起草"), version: "0" })));
    expect(r.redirect).toBe(`/items/${ITEM}/report/2026Q4?submitted=1`);
    const s = q4("2026-10-10");
    expect(s.reporting).toBe("on_time");
    expect(s.months?.map((m) => [m.month, m.lamp])).toEqual([
      [10, "on_time"],
      [11, "not_due"],
      [12, "not_due"],
    ]);
    await signInAs("duchashi");
    const approved = await settleAction(
      approveItemReport(undefined, formData({ reportId: String(q4Report().id), itemNo: String(ITEM), quarter: "2026Q4", version: String(q4Report().version) })),
    );
    expect(approved.redirect).toContain("reviewed=approved");
  });

  it("is not 逾期未报 for November before November's due day, and 逾期未报 for it after", () => {
    expect(q4("2026-12-05").reporting).toBe("on_time");
    const late = q4("2026-12-06");
    expect(late).toMatchObject({ reporting: "missing", daysLate: 1 });
    expect(late.reasons[0]?.text).toBe("四季度11月逾期未报，已逾期 1 天");
  });

  it("in November the approved report takes November's report as a new submission, not a draft", async () => {
    onDay("2026-11-10");
    await signInAs("zjj");
    const before = snapshotDatabase(db);
    const draft = await settleAction(saveItemReport(undefined, formData({ ...content("11月：方案已报审"), version: String(q4Report().version) })));
    expect(draft.message).toContain("本月报告请在此基础上更新后直接提交");
    expect(snapshotDatabase(db)).toEqual(before);
    const stale = await settleAction(submitItemReport(undefined, formData({ ...content("11月：方案已报审"), version: "1" })));
    expect(stale.ok).not.toBe(true);
    // Bad input on the reopened report: a clear error, nothing written.
    const empty = await settleAction(submitItemReport(undefined, formData({ ...content(""), version: String(q4Report().version) })));
    expect(empty.errors?.progress).toBeDefined();
    const garbled = await settleAction(submitItemReport(undefined, formData({ ...content("x"), selfStatus: "whatever", version: String(q4Report().version) })));
    expect(garbled.ok).not.toBe(true);
    expect(snapshotDatabase(db)).toEqual(before);

    const r = await settleAction(submitItemReport(undefined, formData({ ...content("11月：方案已报审"), version: String(q4Report().version) })));
    expect(r.redirect).toBe(`/items/${ITEM}/report/2026Q4?submitted=2`);
    expect(q4Report()).toMatchObject({ status: "submitted", progress: "11月：方案已报审" });
    expect(db.select().from(reportVersions).where(eq(reportVersions.reportId, q4Report().id)).all()).toHaveLength(2);
    expect(lastAuditRow(db)).toMatchObject({ action: "report.submit", outcome: "success", username: "zjj" });
    expect(q4("2026-12-06").reporting).toBe("on_time");
    // Its nodes stay open after a month's report (a quarterly subject's lock with its first submission).
    const nodes = await settleAction(
      saveMonthlyNodes(undefined, {
        subject: `item:${ITEM}`,
        quarter: "2026Q4",
        version: "0",
        "node.12.text": "印发实施方案",
        "node.12.unit": String(unitOf("住建局")),
      }),
    );
    expect(nodes).toMatchObject({ ok: true, message: "月度推进节点已保存。" });
    // November is reported: a second submission in November is refused as for any submitted report.
    const again = await settleAction(submitItemReport(undefined, formData({ ...content("再报一次"), version: String(q4Report().version) })));
    expect(again.message).toBe("该报告已提交，不能再修改；如需修改，请联系督查室退回。");
  });

  it("December's report filed after its due day needs a 逾期说明 and is 迟报 for December", async () => {
    expect(q4("2027-01-05").reporting).toBe("on_time");
    const missing = q4("2027-01-06");
    expect(missing.reporting).toBe("missing");
    expect(missing.reasons[0]).toEqual({ kind: "missing", text: "四季度12月逾期未报，已逾期 1 天" });
    onDay("2027-01-08");
    await signInAs("zjj");
    const fields = { ...content("12月：已印发实施"), version: String(q4Report().version) };
    const refused = await settleAction(submitItemReport(undefined, formData(fields)));
    expect(refused.errors?.lateNote).toEqual(["12月报告已过报送期限，请简要写明逾期原因（逾期说明）后再提交"]);
    const r = await settleAction(submitItemReport(undefined, formData({ ...fields, lateNote: "元旦假期，印发文件延后" })));
    expect(r.redirect).toBe(`/items/${ITEM}/report/2026Q4?submitted=3`);
    const late = q4("2027-01-08");
    expect(late).toMatchObject({ reporting: "late", daysLate: 3 });
    expect(late.reasons[0]).toEqual({ kind: "late", text: "四季度12月迟报 3 天" });
  });

  it("stores judgements that `npm run status:rebuild` reproduces exactly", () => {
    expect(
      db
        .select()
        .from(quarterStatusHistory)
        .all()
        .map((r) => [r.reportState, r.submittedDays]),
    ).toEqual([
      ["submitted", ["2026-10-10"]],
      ["approved", ["2026-10-10"]],
      ["submitted", ["2026-10-10", "2026-11-10"]],
      ["submitted", ["2026-10-10", "2026-11-10", "2027-01-08"]],
    ]);
    expect(rebuildQuarterStatus(db, { write: false })).toMatchObject({ differences: 0, samples: [] });
  });
});
