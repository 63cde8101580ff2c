import { afterAll, describe, expect, it } from "vitest";
import { coopNotes } from "../schema";
import { saveCoopNote } from "../queries/coop-notes";
import { reviewReport, saveReportDraft, submitReport } from "../queries/report-writes";
import { saveTaskTargets, setQuarterLock } from "../queries/targets";
import { seedReportingFixture } from "../testing/reporting-fixtures";
import { openTempDatabase, type TempDb } from "../testing/temp-db";
import { exportReportingData, importReportingData, reportingSchema } from "./reporting";

const opened: TempDb[] = [];
afterAll(() => opened.forEach((t) => t.close()));

function fresh() {
  const t = openTempDatabase();
  opened.push(t);
  return { db: t.db, f: seedReportingFixture(t.db) };
}

describe("reporting data in the portable file", () => {
  it("round-trips targets, reports with all versions, notes and attachment metadata byte for byte", () => {
    const { db, f } = fresh();
    const now = Date.parse("2026-04-02T10:00:00+08:00");
    db.transaction((tx) => {
      saveTaskTargets(tx, {
        taskId: f.taskId,
        expectedVersion: 0,
        plans: new Map([
          [f.metricIds.houses, [30, 60, 100, 132]],
          [f.metricIds.growth, [6, 6, 6, 6]],
        ]),
        milestones: ["完成摸底", null, null, "竣工"],
        openQuarters: [1, 2, 3, 4],
        userId: f.users.lead,
        now,
      });
      setQuarterLock(tx, { taskId: f.taskId, quarter: 2, locked: true, expectedVersion: 1, userId: f.users.supervisor, now });
      const content = {
        progress: "完成 30 套",
        problems: "资金未到位",
        nextSteps: "争取资金",
        selfStatus: "behind" as const,
        milestoneDone: true,
        milestoneDoneOn: "2026-03-20",
        metricValues: [{ metricId: f.metricIds.houses, value: 30 }],
      };
      const file = { filename: "照片.png", mime: "image/png", size: 3, sha256: "a".repeat(64), storagePath: `evidence/aa/${"a".repeat(64)}` };
      const s = submitReport(tx, {
        subject: { taskId: f.taskId },
        periodId: f.periods.q1,
        expectedVersion: 0,
        content,
        files: { add: [file], removeIds: [] },
        userId: f.users.lead,
        now,
      });
      if (!s.ok) throw new Error("submit failed");
      reviewReport(tx, { reportId: s.reportId, expectedVersion: s.version, decision: "return", comment: "补充照片", userId: f.users.supervisor, now: now + 1 });
      submitReport(tx, {
        subject: { taskId: f.taskId },
        periodId: f.periods.q1,
        expectedVersion: s.version + 1,
        content: { ...content, progress: "完成 32 套" },
        userId: f.users.lead,
        now: now + 2,
      });
      saveReportDraft(tx, {
        subject: { taskId: f.otherTaskId },
        periodId: f.periods.q2,
        expectedVersion: 0,
        content: { ...content, metricValues: [], milestoneDone: null, milestoneDoneOn: null },
        userId: f.users.other,
        now,
      });
      saveCoopNote(tx, {
        subject: { taskId: f.taskId },
        periodId: f.periods.q1,
        unitId: f.units.coop,
        text: "已审批",
        expectedVersion: 0,
        userId: f.users.coop,
        now,
      });
    });

    const exported = exportReportingData(db);
    expect(exported.reports).toHaveLength(2);
    expect(exported.reports[0]?.versions.map((v) => [v.versionNo, v.reviewStatus])).toEqual([
      [1, "returned"],
      [2, "pending"],
    ]);
    expect(exported.reports[0]?.attachments[0]).toMatchObject({ filename: "照片.png", uploadedBy: "zjj" });
    expect(exported.targets[0]).toMatchObject({
      taskNo: 27,
      locks: [{ quarter: 2, lockedBy: "dcs" }],
      milestones: [
        { quarter: 1, text: "完成摸底" },
        { quarter: 4, text: "竣工" },
      ],
    });
    expect(exported.coopNotes).toEqual([expect.objectContaining({ unit: "发改局", text: "已审批" })]);

    const text = JSON.stringify(exported);
    const target = fresh().db;
    target.transaction((tx) => importReportingData(tx, reportingSchema.parse(JSON.parse(text))), { behavior: "immediate" });
    expect(JSON.stringify(exportReportingData(target))).toBe(text);
  });

  it("refuses a file naming an unknown account, importing nothing", () => {
    const { db } = fresh();
    const data = reportingSchema.parse({
      periods: [],
      targets: [],
      reports: [],
      coopNotes: [{ taskNo: 27, period: "2026Q1", unit: "发改局", text: "x", version: 1, updatedAt: 1, updatedBy: "nobody" }],
    });
    expect(() => db.transaction((tx) => importReportingData(tx, data), { behavior: "immediate" })).toThrow("账号 nobody 不存在");
    expect(db.select().from(coopNotes).all()).toEqual([]);
  });
});
