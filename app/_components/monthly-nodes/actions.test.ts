import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { getNodeSet } from "@/db/queries/monthly-nodes";
import { quarterStatus } from "@/db/schema";
import { rebuildQuarterStatus } from "@/db/status/store";
import { seedReportingFixture, type ReportingFixture } from "@/db/testing/reporting-fixtures";
import { defaultPeriods } from "@/lib/periods";
import { statusOfRecord } from "@/lib/status-record";
import { addSession, lastAuditRow, migratedAppDb, snapshotDatabase } from "@/test/app-db";
import { sessionCookie, setRequest } from "@/test/next-request";

vi.hoisted(() => {
  // October and November of Q4 have ended; December has not.
  process.env.APP_TODAY = "2026-12-01";
});
vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

const { markNodeDone, saveMonthlyNodes } = await import("./actions");
const { setTargetsLocked } = await import("@/app/tasks/[no]/targets/actions");

let db: Db;
let f: ReportingFixture;

beforeAll(() => {
  db = migratedAppDb();
  f = seedReportingFixture(db);
});

async function signInAs(userId: number) {
  setRequest({ cookies: await sessionCookie({ sessionId: addSession(db, userId), userId }) });
}

const q4 = defaultPeriods(2026)[3]!;
const key = () => ({ kind: "task" as const, subjectId: f.taskId, periodId: f.periods.q4 });
const version = () => String(getNodeSet(key(), db).version);
const nodes = () => getNodeSet(key(), db).nodes;
const lampOn = (asOf: string) => {
  const row = db
    .select()
    .from(quarterStatus)
    .where(and(eq(quarterStatus.periodId, f.periods.q4), eq(quarterStatus.subjectKind, "task"), eq(quarterStatus.subjectId, f.taskId)))
    .get()!;
  return statusOfRecord(row, { period: q4, required: true }, asOf);
};
const form = (patch: Record<string, string> = {}) => ({
  subject: "task:27",
  quarter: "2026Q4",
  version: version(),
  "node.10.text": "完成征收补偿方案公示",
  "node.10.unit": String(f.units.lead),
  "node.11.text": "完成立项审批",
  "node.11.figure": "1 项",
  "node.11.unit": String(f.units.coop),
  "node.12.text": "完成改造 132 套",
  "node.12.unit": String(f.units.lead),
  ...patch,
});

describe("monthly nodes", () => {
  it("lets the compiling lead unit set a node per month, for itself or a cooperating unit, audited", async () => {
    await signInAs(f.users.lead);
    expect(await saveMonthlyNodes(undefined, form())).toMatchObject({ ok: true, message: "月度推进节点已保存。" });
    expect(nodes().map((n) => [n.month, n.unitName, n.figure])).toEqual([
      [10, "住建局", null],
      [11, "发改局", "1 项"],
      [12, "住建局", null],
    ]);
    expect(lastAuditRow(db)).toMatchObject({ action: "nodes.save", outcome: "success", username: "zjj", entity_id: "task:27:2026Q4" });
  });

  it("turns the 进度 lamp red for two nodes missed at their month's end, with nothing submitted", () => {
    expect(lampOn("2026-10-31").progress).toBe("none");
    expect(lampOn("2026-11-01").progress).toBe("amber");
    const s = lampOn("2026-12-01");
    expect(s.progress).toBe("red");
    expect(s.reasons.map((r) => r.text)).toEqual(["10月节点未完成：完成征收补偿方案公示（住建局）", "11月节点未完成：完成立项审批（发改局）"]);
  });

  it("refuses a unit outside the task, a unit not in the task as a node's owner, and a stale version, changing nothing", async () => {
    await signInAs(f.users.other);
    let before = snapshotDatabase(db);
    expect((await saveMonthlyNodes(undefined, form())).message).toBe("无权限执行此操作");
    expect(snapshotDatabase(db)).toEqual(before);
    await signInAs(f.users.lead);
    before = snapshotDatabase(db);
    const wrongUnit = await saveMonthlyNodes(undefined, form({ "node.12.unit": String(f.units.other) }));
    expect(wrongUnit.errors).toEqual({ "node.12.unit": ["请从列表中选择责任单位（牵头单位或本事项的配合单位）"] });
    const stale = await saveMonthlyNodes(undefined, form({ version: "0", "node.12.text": "改为完成 100 套" }));
    expect(stale.message).toContain("推进节点已被他人修改");
    expect(snapshotDatabase(db)).toEqual(before);
  });

  it("keeps the node of an ended month as it was when the lead unit edits the quarter", async () => {
    await signInAs(f.users.lead);
    expect((await saveMonthlyNodes(undefined, form({ "node.10.text": "改写十月节点", "node.12.text": "完成改造 120 套" }))).ok).toBe(true);
    expect(nodes().map((n) => n.text)).toEqual(["完成征收补偿方案公示", "完成立项审批", "完成改造 120 套"]);
  });

  it("lets only the unit a node is given to mark it done; done late it still counts against the month", async () => {
    const done = () => ({ subject: "task:27", quarter: "2026Q4", version: version(), month: "11", note: "已取得立项批复", evidence: "汨发改〔2026〕88号" });
    await signInAs(f.users.lead);
    expect((await markNodeDone(undefined, done())).message).toBe("无权限执行此操作");
    await signInAs(f.users.coop);
    expect(await markNodeDone(undefined, done())).toMatchObject({ ok: true });
    expect(nodes()[1]?.done).toMatchObject({ day: "2026-12-01", note: "已取得立项批复", evidence: "汨发改〔2026〕88号", byName: "发改局" });
    expect((await markNodeDone(undefined, done())).message).toBe("11月节点已于 2026-12-01 标记完成。");
    const s = lampOn("2026-12-01");
    expect(s.progress).toBe("amber");
    expect(s.reasons.map((r) => r.text)).toEqual([
      "10月节点未完成：完成征收补偿方案公示（住建局）",
      "11月节点逾期完成（2026-12-01，应于 2026-11-30 前）：完成立项审批（发改局）",
    ]);
  });

  it("locks the nodes with the quarter's targets when the 督查室 locks them", async () => {
    await signInAs(f.users.supervisor);
    expect((await setTargetsLocked(undefined, { taskNo: "27", quarter: "4", version: "0", locked: "1" })).ok).toBe(true);
    await signInAs(f.users.lead);
    expect((await saveMonthlyNodes(undefined, form({ "node.12.text": "完成改造 100 套" }))).message).toBe("无权限执行此操作");
    await signInAs(f.users.supervisor);
    expect((await saveMonthlyNodes(undefined, form({ "node.12.text": "完成改造 100 套" }))).message).toBe("无权限执行此操作");
  });

  it("stores judgements that a rebuild from the node revisions reproduces exactly", () => {
    expect(rebuildQuarterStatus(db, { write: false })).toMatchObject({ differences: 0, samples: [] });
  });
});
