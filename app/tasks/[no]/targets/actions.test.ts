import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, notifications, periods } from "@/db/schema";
import { getTaskTargets } from "@/db/queries/targets";
import { seedReportingFixture, type ReportingFixture } from "@/db/testing/reporting-fixtures";
import { addSession, migratedAppDb } from "@/test/app-db";
import { sessionCookie, setRequest } from "@/test/next-request";

vi.hoisted(() => {
  // Early in the year: every quarter's targets are still open.
  process.env.APP_TODAY = "2026-02-10";
});
vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

const { decideTargetsChange, requestTargetsChange, saveTargets, setTargetsLocked } = await import("./actions");
const { updateDueDate } = await import("@/app/admin/periods/actions");

let db: Db;
let f: ReportingFixture;

beforeAll(() => {
  db = migratedAppDb();
  f = seedReportingFixture(db);
});

async function signInAs(userId: number) {
  setRequest({ cookies: await sessionCookie({ sessionId: addSession(db, userId), userId }) });
}

const plans = (version: string, houses: string[]) => ({
  taskNo: "27",
  version,
  ...Object.fromEntries(houses.map((v, i) => [`plan.${f.metricIds.houses}.q${i + 1}`, v])),
  ...Object.fromEntries(["6", "6", "6", "6"].map((v, i) => [`plan.${f.metricIds.growth}.q${i + 1}`, v])),
  "milestone.q1": "完成摸底",
});
const stored = () => getTaskTargets({ taskId: f.taskId }).metrics[0]?.stored;

describe("quarterly targets", () => {
  it("lets the lead unit set targets and reports a falling plan against its field", async () => {
    await signInAs(f.users.lead);
    const bad = await saveTargets(undefined, plans("0", ["40", "30", "100", "132"]));
    expect(bad.errors).toEqual({ [`plan.${f.metricIds.houses}.q2`]: ["累计计划不能低于上一季度（40套）"] });
    expect((await saveTargets(undefined, plans("0", ["20", "60", "100", "132"]))).ok).toBe(true);
    expect(stored()).toEqual([20, 60, 100, 132]);
  });

  it("refuses another unit", async () => {
    await signInAs(f.users.other);
    expect((await saveTargets(undefined, plans("1", ["1", "2", "3", "132"]))).message).toBe("无权限执行此操作");
    expect(stored()).toEqual([20, 60, 100, 132]);
  });

  it("keeps a quarter the 督查室 locked early as it is when the lead unit saves the others", async () => {
    await signInAs(f.users.lead);
    expect((await setTargetsLocked(undefined, { taskNo: "27", quarter: "1", version: "1", locked: "1" })).message).toBe("无权限执行此操作");
    await signInAs(f.users.supervisor);
    expect(await setTargetsLocked(undefined, { taskNo: "27", quarter: "1", version: "1", locked: "1" })).toMatchObject({
      ok: true,
      message: "已锁定该季度目标，此后调整须经督查室批准。",
    });
    await signInAs(f.users.lead);
    expect((await saveTargets(undefined, plans("2", ["5", "66", "100", "132"]))).ok).toBe(true);
    expect(stored()).toEqual([20, 66, 100, 132]);
  });

  it("changes a locked quarter only through a request the 督查室 approves, audited and notified", async () => {
    await signInAs(f.users.lead);
    const request = {
      taskNo: "27",
      quarter: "1",
      version: "3",
      [`plan.${f.metricIds.houses}.q1`]: "12",
      [`plan.${f.metricIds.growth}.q1`]: "6",
      "milestone.q1": "完成摸底",
      reason: "一季度拆迁协调未完成",
    };
    expect((await requestTargetsChange(undefined, { ...request, reason: "" })).errors?.reason?.[0]).toMatch(/请写明调整理由/);
    expect((await requestTargetsChange(undefined, { ...request, [`plan.${f.metricIds.houses}.q1`]: "80" })).errors).toEqual({
      [`plan.${f.metricIds.houses}.q2`]: ["累计计划不能低于上一季度（80套）"],
    });
    expect(await requestTargetsChange(undefined, request)).toMatchObject({ ok: true });
    expect(stored()).toEqual([20, 66, 100, 132]);
    const pending = getTaskTargets({ taskId: f.taskId }).requests[0]!;
    expect(pending).toMatchObject({ status: "pending", quarter: 1, reason: "一季度拆迁协调未完成" });

    // Only the 督查室 decides.
    expect((await decideTargetsChange(undefined, { requestId: String(pending.id), version: "1", decision: "approve" })).message).toBe("无权限执行此操作");
    await signInAs(f.users.supervisor);
    expect((await decideTargetsChange(undefined, { requestId: String(pending.id), version: "1", decision: "refuse", comment: "" })).errors?.comment).toEqual([
      "不同意时请写明理由",
    ]);
    expect(await decideTargetsChange(undefined, { requestId: String(pending.id), version: "1", decision: "approve", comment: "同意" })).toMatchObject({
      ok: true,
    });
    expect(stored()).toEqual([12, 66, 100, 132]);
    const last = db.select().from(auditLog).where(eq(auditLog.action, "targets.decide")).all().at(-1)!;
    expect(last).toMatchObject({ outcome: "success", username: "dcs" });
    expect(JSON.parse(last.before!).plans["改造城市危旧房"]).toEqual([20, 66, 100, 132]);
    const told = db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, f.users.lead))
      .all()
      .map((n) => n.title);
    expect(told).toContain("督查室已同意 第27项 一季度目标调整申请：同意");
  });
});

describe("report due dates", () => {
  it("lets only the admin move a due date, with a version check", async () => {
    await signInAs(f.users.supervisor);
    expect((await updateDueDate(undefined, { code: "2026Q1", version: "1", dueOn: "2026-04-10" })).message).toBe("无权限执行此操作");
    await signInAs(f.users.admin);
    expect((await updateDueDate(undefined, { code: "2026Q1", version: "1", dueOn: "2025-12-01" })).errors?.dueOn?.[0]).toContain("不能早于");
    expect((await updateDueDate(undefined, { code: "2026Q1", version: "1", dueOn: "2026-04-10" })).ok).toBe(true);
    expect((await updateDueDate(undefined, { code: "2026Q1", version: "1", dueOn: "2026-04-12" })).message).toContain("已被他人修改");
    expect(db.select({ dueOn: periods.dueOn }).from(periods).where(eq(periods.code, "2026Q1")).get()?.dueOn).toBe("2026-04-10");
  });
});
