import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { migratedAppDb } from "@/test/app-db";
import type { Db } from "../client";
import { yearIdOf } from "../testing/programme-year";
import { evidencePath, resolveEvidence, storeEvidence } from "../evidence-store";
import { periods } from "../schema";
import { seedPeriods } from "../seed/seed-periods";
import { seedReportingFixture, type ReportingFixture } from "../testing/reporting-fixtures";
import { listCoopNotes, saveCoopNote } from "./coop-notes";
import { getPeriodByCode, listPeriods, updatePeriodDueOn } from "./periods";
import { createChangeRequest, decideChangeRequest, getChangeRequest, getTaskTargets, quarterPlanOf, saveTaskTargets, setQuarterLock } from "./targets";
import { submitReport } from "./report-writes";
import { quarterStatus } from "../schema";

let db: Db;
let f: ReportingFixture;
const now = Date.parse("2026-01-10T10:00:00+08:00");

beforeAll(() => {
  db = migratedAppDb();
  f = seedReportingFixture(db);
});

const run = <T>(fn: (tx: Parameters<Parameters<Db["transaction"]>[0]>[0]) => T): T => db.transaction(fn, { behavior: "immediate" });

describe("periods", () => {
  it("seeds Q1–Q4 with due dates on the 5th day after each quarter", () => {
    expect(listPeriods({ yearId: yearIdOf(db) }).map((p) => [p.code, p.startsOn, p.endsOn, p.dueOn])).toEqual([
      ["2026Q1", "2026-01-01", "2026-03-31", "2026-04-05"],
      ["2026Q2", "2026-04-01", "2026-06-30", "2026-07-05"],
      ["2026Q3", "2026-07-01", "2026-09-30", "2026-10-05"],
      ["2026Q4", "2026-10-01", "2026-12-31", "2027-01-05"],
    ]);
  });

  it("moves a due date under a version check and keeps it when seeding again", () => {
    const q1 = getPeriodByCode({ code: "2026Q1" })!;
    expect(run((tx) => updatePeriodDueOn(tx, { periodId: q1.id, dueOn: "2026-04-10", expectedVersion: q1.version }))).toMatchObject({
      ok: true,
      after: { dueOn: "2026-04-10" },
    });
    expect(run((tx) => updatePeriodDueOn(tx, { periodId: q1.id, dueOn: "2026-04-12", expectedVersion: q1.version }))).toEqual({ ok: false });
    expect(seedPeriods(db, { year: 2026 })).toEqual({ created: 0 });
    expect(db.select({ dueOn: periods.dueOn }).from(periods).where(eq(periods.id, q1.id)).get()?.dueOn).toBe("2026-04-10");
  });

  it("refuses to seed periods for a year that has no programme", () => {
    expect(() => seedPeriods(db, { year: 2030 })).toThrow("未找到 2030 年度");
  });
});

describe("quarterly targets", () => {
  const plans = () =>
    new Map([
      [f.metricIds.houses, [30, 60, 100, 132] as [number, number, number, number]],
      [f.metricIds.growth, [5, 5.5, 6, 6] as [number, number, number, number]],
    ]);

  it("starts unsaved at version 0 with no stored plans", () => {
    expect(getTaskTargets({ taskId: f.taskId })).toMatchObject({
      version: 0,
      explicitLocks: [null, null, null, null],
      firstSubmittedAt: [null, null, null, null],
      milestones: [null, null, null, null],
    });
  });

  it("saves plans and milestones, then refuses a stale save", () => {
    const saved = run((tx) =>
      saveTaskTargets(tx, {
        taskId: f.taskId,
        expectedVersion: 0,
        plans: plans(),
        milestones: ["完成摸底", null, "开工", "竣工"],
        openQuarters: [1, 2, 3, 4],
        userId: f.users.lead,
        now,
      }),
    );
    expect(saved).toMatchObject({ ok: true, version: 1 });
    const t = getTaskTargets({ taskId: f.taskId });
    expect(t.metrics.map((m) => m.stored)).toEqual([
      [30, 60, 100, 132],
      [5, 5.5, 6, 6],
    ]);
    expect(t).toMatchObject({ version: 1, milestones: ["完成摸底", null, "开工", "竣工"], updatedByName: "zjj" });
    const stale = run((tx) =>
      saveTaskTargets(tx, { taskId: f.taskId, expectedVersion: 0, plans: plans(), milestones: [], openQuarters: [1, 2, 3, 4], userId: f.users.lead, now }),
    );
    expect(stale).toEqual({ ok: false, reason: "conflict" });
  });

  it("refuses plans for another task's metric", () => {
    const bad = new Map([[f.metricIds.otherTask, [1, 2, 3, 408] as [number, number, number, number]]]);
    expect(
      run((tx) =>
        saveTaskTargets(tx, { taskId: f.taskId, expectedVersion: 1, plans: bad, milestones: [], openQuarters: [1, 2, 3, 4], userId: f.users.lead, now }),
      ),
    ).toEqual({ ok: false, reason: "invalid" });
  });

  it("never writes a locked quarter when saving the open ones", () => {
    const changed = new Map([
      [f.metricIds.houses, [1, 70, 100, 132] as [number, number, number, number]],
      [f.metricIds.growth, [5, 5.5, 6, 6] as [number, number, number, number]],
    ]);
    const r = run((tx) =>
      saveTaskTargets(tx, {
        taskId: f.taskId,
        expectedVersion: 1,
        plans: changed,
        milestones: [null, null, "开工", "竣工"],
        openQuarters: [2, 3, 4],
        userId: f.users.lead,
        now,
      }),
    );
    expect(r).toMatchObject({ ok: true, version: 2 });
    const t = getTaskTargets({ taskId: f.taskId });
    expect(t.metrics[0]?.stored).toEqual([30, 70, 100, 132]);
    expect(t.milestones).toEqual(["完成摸底", null, "开工", "竣工"]);
  });

  it("locks a quarter of never-saved targets early by writing its 序时进度 defaults, and lifts it", () => {
    const r = run((tx) => setQuarterLock(tx, { taskId: f.otherTaskId, quarter: 2, locked: true, expectedVersion: 0, userId: f.users.supervisor, now }));
    expect(r).toMatchObject({ ok: true, version: 1 });
    const t = getTaskTargets({ taskId: f.otherTaskId });
    expect(t).toMatchObject({ version: 1, metrics: [{ stored: [null, 204, null, null], plans: [102, 204, 306, 408] }] });
    expect(t.explicitLocks.map((l) => l?.byName ?? null)).toEqual([null, "dcs", null, null]);
    run((tx) => setQuarterLock(tx, { taskId: f.otherTaskId, quarter: 2, locked: false, expectedVersion: 1, userId: f.users.supervisor, now }));
    expect(getTaskTargets({ taskId: f.otherTaskId }).explicitLocks).toEqual([null, null, null, null]);
  });

  it("records the first submission of a quarter, which locks it", () => {
    run((tx) =>
      submitReport(tx, {
        subject: { taskId: f.taskId },
        periodId: f.periods.q3,
        expectedVersion: 0,
        content: {
          progress: "完成 70 套",
          problems: "",
          nextSteps: "",
          selfStatus: "onTrack",
          milestoneDone: true,
          milestoneDoneOn: "2026-09-20",
          metricValues: [
            { metricId: f.metricIds.houses, value: 70 },
            { metricId: f.metricIds.growth, value: 6 },
          ],
        },
        userId: f.users.lead,
        now: Date.parse("2026-10-02T10:00:00+08:00"),
      }),
    );
    expect(getTaskTargets({ taskId: f.taskId }).firstSubmittedAt[2]).toBe(Date.parse("2026-10-02T10:00:00+08:00"));
  });

  it("changes a locked quarter only through a request the 督查室 approves, and judges the quarter again", () => {
    const targets = getTaskTargets({ taskId: f.taskId });
    const before = quarterPlanOf(targets, 3);
    expect(before.metricPlans[f.metricIds.houses]).toBe(100);
    const status = () => db.select().from(quarterStatus).where(eq(quarterStatus.periodId, f.periods.q3)).get();
    expect(status()?.progress).toBe("red");
    const requestedAt = Date.parse("2026-10-10T10:00:00+08:00");
    const proposed = { metricPlans: { ...before.metricPlans, [f.metricIds.houses]: 70 }, milestone: before.milestone };
    const req = run((tx) =>
      createChangeRequest(tx, { taskId: f.taskId, quarter: 3, before, proposed, reason: "用地调整，减少改造户数", userId: f.users.lead, now: requestedAt }),
    );
    if (!req.ok) throw new Error("request refused");
    expect(
      run((tx) => createChangeRequest(tx, { taskId: f.taskId, quarter: 3, before, proposed, reason: "再次申请", userId: f.users.lead, now: requestedAt })),
    ).toEqual({ ok: false, reason: "pending" });
    // The plan does not move until the 督查室 decides.
    expect(getTaskTargets({ taskId: f.taskId }).metrics[0]?.plans[2]).toBe(100);
    const request = getChangeRequest({ id: req.id })!;
    const decided = run((tx) =>
      decideChangeRequest(tx, { request, expectedVersion: 1, approve: true, comment: "同意", userId: f.users.supervisor, now: requestedAt + 86_400_000 }),
    );
    expect(decided).toMatchObject({ ok: true });
    expect(getTaskTargets({ taskId: f.taskId }).metrics[0]?.plans[2]).toBe(70);
    expect(status()?.progress).toBe("green");
    expect(
      run((tx) => decideChangeRequest(tx, { request, expectedVersion: 1, approve: false, comment: "晚了", userId: f.users.supervisor, now: requestedAt })),
    ).toEqual({ ok: false, reason: "conflict" });
  });
});

describe("配合情况 notes", () => {
  it("creates, updates under a version check, and lists with the unit name", () => {
    const args = { subject: { taskId: f.taskId }, periodId: f.periods.q1, unitId: f.units.coop, userId: f.users.coop, now };
    expect(run((tx) => saveCoopNote(tx, { ...args, text: "已完成项目审批", expectedVersion: 0 }))).toMatchObject({ ok: true, version: 1 });
    expect(run((tx) => saveCoopNote(tx, { ...args, text: "重复创建", expectedVersion: 0 }))).toEqual({ ok: false, reason: "conflict" });
    expect(run((tx) => saveCoopNote(tx, { ...args, text: "审批并拨付资金", expectedVersion: 1 }))).toMatchObject({
      ok: true,
      version: 2,
      before: { text: "已完成项目审批" },
    });
    expect(run((tx) => saveCoopNote(tx, { ...args, text: "过期", expectedVersion: 1 }))).toEqual({ ok: false, reason: "conflict" });
    expect(listCoopNotes({ subject: { taskId: f.taskId }, periodId: f.periods.q1 })).toMatchObject([
      { unitName: "发改局", text: "审批并拨付资金", version: 2 },
    ]);
  });
});

describe("evidence store", () => {
  it("stores content under its sha256, once, and resolves only inside the data folder", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "evidence-"));
    const bytes = new TextEncoder().encode("%PDF-1.4 test");
    const a = await storeEvidence(dir, bytes);
    const b = await storeEvidence(dir, bytes);
    expect(a).toEqual(b);
    expect(a.storagePath).toBe(evidencePath(a.sha256));
    expect(a.storagePath).toMatch(/^evidence\/[0-9a-f]{2}\/[0-9a-f]{64}$/);
    expect(fs.readFileSync(resolveEvidence(dir, a.storagePath))).toEqual(Buffer.from(bytes));
    expect(fs.readdirSync(path.dirname(resolveEvidence(dir, a.storagePath)))).toHaveLength(1);
    expect(() => resolveEvidence(dir, "../app.db")).toThrow();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
