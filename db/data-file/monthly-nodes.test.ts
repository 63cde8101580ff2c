import { afterAll, describe, expect, it } from "vitest";
import { writeNodeSet } from "../queries/monthly-nodes";
import { rebuildQuarterStatus } from "../status/store";
import { seedReportingFixture } from "../testing/reporting-fixtures";
import { openTempDatabase, type TempDb } from "../testing/temp-db";
import { exportMonthlyNodes, importMonthlyNodes, monthlyNodesSchema } from "./monthly-nodes";

const opened: TempDb[] = [];
afterAll(() => opened.forEach((t) => t.close()));

function fresh() {
  const t = openTempDatabase();
  opened.push(t);
  return { db: t.db, f: seedReportingFixture(t.db) };
}

describe("monthly nodes in the portable file", () => {
  it("round-trips every revision with units by name, byte for byte, and the judgements rebuild from them", () => {
    const a = fresh();
    const key = { kind: "task" as const, subjectId: a.f.taskId, periodId: a.f.periods.q4 };
    const node = { month: 11, text: "完成立项", figure: "1 项", unitId: a.f.units.coop, unitName: "发改局", done: null };
    const t0 = Date.parse("2026-10-05T10:00:00+08:00");
    a.db.transaction((tx) => {
      writeNodeSet(tx, { key, expectedVersion: 0, nodes: [node], userId: a.f.users.lead, now: t0 });
      const done = { day: "2026-11-20", at: t0 + 1000, note: "已批复", evidence: null, byName: "发改局" };
      writeNodeSet(tx, { key, expectedVersion: 1, nodes: [{ ...node, done }], userId: a.f.users.coop, now: t0 + 1000 });
    });
    const first = exportMonthlyNodes(a.db);
    expect(monthlyNodesSchema.parse(first)).toEqual(first);
    expect(first).toMatchObject([{ kind: "task", no: 27, period: "2026Q4", version: 2, updatedBy: "fgj", revisions: [{ by: "zjj" }, { by: "fgj" }] }]);

    const b = fresh();
    b.db.transaction((tx) => importMonthlyNodes(tx, first));
    expect(JSON.stringify(exportMonthlyNodes(b.db))).toBe(JSON.stringify(first));
    rebuildQuarterStatus(b.db, { write: true });
    expect(rebuildQuarterStatus(b.db, { write: false }).differences).toBe(0);
    expect(b.db.$client.prepare("select monthly_nodes from quarter_status").get()).toEqual({
      monthly_nodes: JSON.stringify([{ month: 11, dueOn: "2026-11-30", text: "完成立项", unitName: "发改局", doneDay: "2026-11-20" }]),
    });
  });
});
