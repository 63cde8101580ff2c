import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { loadProgramme } from "@/db/data-file/programme";
import { getNodeSet } from "@/db/queries/monthly-nodes";
import { quarterStatus, periods, supervisionItems } from "@/db/schema";
import { gazetteProgramme } from "@/db/seed/gazette-programme";
import { seedPeriods } from "@/db/seed/seed-periods";
import { rebuildQuarterStatus } from "@/db/status/store";
import { yearIdOf } from "@/db/testing/programme-year";
import { addSession, addUser, lastAuditRow, migratedAppDb, snapshotDatabase } from "@/test/app-db";
import { sessionCookie, setRequest } from "@/test/next-request";

vi.hoisted(() => {
  // October and November of Q4 have ended; December has not.
  process.env.APP_TODAY = "2026-12-01";
});
vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

const { markNodeDone, saveMonthlyNodes } = await import("./actions");
const { listItems } = await import("@/db/queries/items");
const { listSubjectQuarters } = await import("@/db/queries/status-board");
const { listPeriods } = await import("@/db/queries/periods");
const { buildOverdueList } = await import("@/lib/overdue");

// 月度推进节点 of a 督办事项: the same page model and the same actions as a task's, keyed "item:<no>".
let db: Db;
let no: number;
let lead: { id: number; name: string };
let coop: { id: number; name: string };
const users: Record<string, number> = {};

beforeAll(() => {
  db = migratedAppDb();
  db.transaction((tx) => loadProgramme(tx, gazetteProgramme()), { behavior: "immediate" });
  seedPeriods(db, { year: 2026 });
  // A gazette item one unit leads, with at least one cooperating unit, reported on its own.
  const item = listItems({ yearId: yearIdOf(db, 2026) }).find((i) => i.leadUnits.length === 1 && i.coopUnits.length > 0 && i.linkedTaskNo === null)!;
  no = item.no;
  lead = item.leadUnits[0]!;
  coop = item.coopUnits[0]!;
  users.lead = addUser(db, { username: "lead", role: "unit", unitId: lead.id });
  users.coop = addUser(db, { username: "coop", role: "unit", unitId: coop.id });
  users.duchashi = addUser(db, { username: "duchashi", role: "supervisor" });
});

async function signInAs(who: string) {
  const userId = users[who]!;
  setRequest({ cookies: await sessionCookie({ sessionId: addSession(db, userId), userId }) });
}

const itemId = () => db.select({ id: supervisionItems.id }).from(supervisionItems).where(eq(supervisionItems.no, no)).get()!.id;
const q4Id = () => db.select({ id: periods.id }).from(periods).where(eq(periods.code, "2026Q4")).get()!.id;
const key = () => ({ kind: "item" as const, subjectId: itemId(), periodId: q4Id() });
const version = () => String(getNodeSet(key(), db).version);
const nodes = () => getNodeSet(key(), db).nodes;
// The nodes in force now, judged on `asOf` (as a task's test does with the stored row).
const quarter = (asOf: string) => {
  const yearId = yearIdOf(db, 2026);
  const q4 = listPeriods({ yearId }).filter((p) => p.code === "2026Q4");
  return listSubjectQuarters({ periods: q4, asOf, today: asOf, filter: { yearId, only: { kind: "item", no } } })[0]!;
};
const form = (patch: Record<string, string> = {}) => ({
  subject: `item:${no}`,
  quarter: "2026Q4",
  version: version(),
  "node.10.text": "制定工作方案",
  "node.10.unit": String(lead.id),
  "node.11.text": "完成配合事项",
  "node.11.unit": String(coop.id),
  "node.12.text": "全面完成",
  "node.12.unit": String(lead.id),
  ...patch,
});

describe("monthly nodes of a 督办事项", () => {
  it("lets the lead unit set nodes for itself and a 配合单位 of the item, audited", async () => {
    await signInAs("lead");
    expect(await saveMonthlyNodes(undefined, form())).toMatchObject({ ok: true, message: "月度推进节点已保存。" });
    expect(nodes().map((n) => [n.month, n.unitName])).toEqual([
      [10, lead.name],
      [11, coop.name],
      [12, lead.name],
    ]);
    expect(lastAuditRow(db)).toMatchObject({ action: "nodes.save", outcome: "success", username: "lead", entity_id: `item:${no}:2026Q4` });
  });

  it("refuses a 配合单位 setting nodes, a unit outside the item as a node's owner, and a stale version, changing nothing", async () => {
    await signInAs("coop");
    let before = snapshotDatabase(db);
    expect((await saveMonthlyNodes(undefined, form())).message).toBe("无权限执行此操作");
    expect(snapshotDatabase(db)).toEqual(before);
    await signInAs("lead");
    before = snapshotDatabase(db);
    const outsider = listItems({ yearId: yearIdOf(db, 2026) })
      .flatMap((i) => [...i.leadUnits, ...i.coopUnits])
      .find(
        (u) =>
          u.id !== lead.id &&
          u.id !== coop.id &&
          !listItems({ yearId: yearIdOf(db, 2026) })
            .find((i) => i.no === no)!
            .coopUnits.some((c) => c.id === u.id),
      )!;
    const wrongUnit = await saveMonthlyNodes(undefined, form({ "node.12.unit": String(outsider.id) }));
    expect(wrongUnit.errors).toEqual({ "node.12.unit": ["请从列表中选择责任单位（牵头单位或本事项的配合单位）"] });
    expect((await saveMonthlyNodes(undefined, form({ version: "0", "node.12.text": "改写" }))).message).toContain("推进节点已被他人修改");
    expect(snapshotDatabase(db)).toEqual(before);
  });

  it("counts missed nodes in the item's 进度 lamp exactly as for a task, and the overdue list shows them", () => {
    expect(quarter("2026-10-31").status.progress).toBe("none");
    expect(quarter("2026-11-01").status.progress).toBe("amber");
    const s = quarter("2026-12-01").status;
    expect(s.progress).toBe("red");
    expect(s.reasons.filter((r) => r.kind === "monthlyNode").map((r) => r.text)).toEqual([
      `10月节点未完成：制定工作方案（${lead.name}）`,
      `11月节点未完成：完成配合事项（${coop.name}）`,
    ]);
    const row = quarter("2026-12-01");
    const overdue = buildOverdueList(
      [{ subject: row.subject, quarters: [{ periodCode: "2026Q4", status: row.status, reportState: row.reportState, lateNote: null }] }],
      new Map(),
    );
    expect(overdue.find((e) => e.subject.key === `item:${no}`)?.reasons.map((r) => r.text)).toContain(`四季度：11月节点未完成：完成配合事项（${coop.name}）`);
  });

  it("lets only the 配合单位 a node is given to mark it done", async () => {
    const done = () => ({ subject: `item:${no}`, quarter: "2026Q4", version: version(), month: "11", note: "配合事项已完成", evidence: "" });
    await signInAs("lead");
    expect((await markNodeDone(undefined, done())).message).toBe("无权限执行此操作");
    await signInAs("coop");
    expect(await markNodeDone(undefined, done())).toMatchObject({ ok: true });
    expect(nodes()[1]?.done).toMatchObject({ day: "2026-12-01", note: "配合事项已完成", byName: coop.name });
    expect(quarter("2026-12-01").status.progress).toBe("amber");
  });

  it("stores judgements that a rebuild reproduces exactly", () => {
    const row = db
      .select()
      .from(quarterStatus)
      .where(and(eq(quarterStatus.subjectKind, "item"), eq(quarterStatus.subjectId, itemId())))
      .get();
    expect(row?.monthlyNodes).toHaveLength(3);
    expect(rebuildQuarterStatus(db, { write: false })).toMatchObject({ differences: 0, samples: [] });
  });
});
