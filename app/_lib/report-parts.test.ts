// Co-led subjects: the first-listed lead unit compiles and submits the report; every other lead
// unit writes and sends its own part, which the compiler is told about and can read.
import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { notifications, reportParts, taskUnits, users } from "@/db/schema";
import { actAs, openSeededAppDb, periodIdOf, taskIdOf } from "@/test/bad-inputs/fixture";
import { snapshotDatabase } from "@/test/app-db";

vi.hoisted(() => {
  process.env.APP_TODAY = "2026-12-01";
});
vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

const { saveReport, saveReportPart, submitReportPart } = await import("@/app/tasks/[no]/report/[quarter]/actions");
const { listReportParts } = await import("@/db/queries/report-parts");

let db: Db;
let compilerUser: string;
let coLeadUser: string;
let coLeadUnit: number;
let compilerUnit: number;
const NO = 54;

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
};
const usernameOfUnit = (unitId: number) =>
  db
    .select({ username: users.username })
    .from(users)
    .where(and(eq(users.unitId, unitId), eq(users.role, "unit")))
    .get()!.username;

beforeAll(async () => {
  db = await openSeededAppDb();
  const leads = db
    .select({ unitId: taskUnits.unitId })
    .from(taskUnits)
    .where(and(eq(taskUnits.taskId, taskIdOf(db, NO)), eq(taskUnits.role, "lead")))
    .orderBy(asc(taskUnits.position))
    .all();
  expect(leads.length).toBeGreaterThan(2);
  compilerUnit = leads[0]!.unitId;
  coLeadUnit = leads[1]!.unitId;
  compilerUser = usernameOfUnit(compilerUnit);
  coLeadUser = usernameOfUnit(coLeadUnit);
});

const part = () =>
  db
    .select()
    .from(reportParts)
    .where(and(eq(reportParts.taskId, taskIdOf(db, NO)), eq(reportParts.unitId, coLeadUnit)))
    .get();

describe("co-lead parts", () => {
  it("refuses the co-lead unit the compiled report itself and changes nothing", async () => {
    await actAs(db, coLeadUser);
    const before = snapshotDatabase(db);
    const state = await saveReport(undefined, form({ taskNo: String(NO), quarter: "2026Q4", version: "0", progress: "覆盖汇总报告" }));
    expect(state.message).toBe("无权限执行此操作");
    expect(snapshotDatabase(db)).toEqual(before);
  });

  it("saves the co-lead's part as a draft the compiler does not get told about", async () => {
    await actAs(db, coLeadUser);
    const state = await saveReportPart(
      undefined,
      form({ taskNo: String(NO), quarter: "2026Q4", version: "0", progress: "本单位完成排查 12 处", problems: "" }),
    );
    expect(state).toMatchObject({ ok: true });
    expect(part()).toMatchObject({ status: "draft", version: 1, progress: "本单位完成排查 12 处", firstSubmittedAt: null });
    expect(db.select().from(notifications).where(eq(notifications.kind, "report_part_submitted")).all()).toEqual([]);
  });

  it("sends the part: the compiler's users are notified with the subject named in full", async () => {
    await actAs(db, coLeadUser);
    const state = await submitReportPart(
      undefined,
      form({ taskNo: String(NO), quarter: "2026Q4", version: "1", progress: "本单位完成排查 12 处，整改 10 处" }),
    );
    expect(state).toMatchObject({ ok: true });
    expect(part()).toMatchObject({ status: "submitted", version: 2 });
    expect(part()!.firstSubmittedAt).not.toBeNull();
    const told = db.select().from(notifications).where(eq(notifications.kind, "report_part_submitted")).all();
    const compilerIds = db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.unitId, compilerUnit))
      .all()
      .map((u) => u.id);
    expect(told.length).toBeGreaterThan(0);
    expect(told.every((n) => compilerIds.includes(n.userId))).toBe(true);
    expect(told[0]!.title).toContain(`第${NO}项`);
    expect(listReportParts({ subject: { taskId: taskIdOf(db, NO) }, periodId: periodIdOf(db, "2026Q4") }).map((p) => p.progress)).toEqual([
      "本单位完成排查 12 处，整改 10 处",
    ]);
  });

  it("refuses a part saved on a stale version, keeping what was typed", async () => {
    await actAs(db, coLeadUser);
    const state = await saveReportPart(undefined, form({ taskNo: String(NO), quarter: "2026Q4", version: "1", progress: "旧版本上的修改" }));
    expect(state.message).toContain("其他人员修改");
    expect(state.values?.progress).toBe("旧版本上的修改");
    expect(part()).toMatchObject({ version: 2 });
  });

  it("gives the compiler no part of its own, and another unit none at all", async () => {
    await actAs(db, compilerUser);
    expect((await saveReportPart(undefined, form({ taskNo: String(NO), quarter: "2026Q4", version: "0", progress: "汇总单位" }))).message).toBe(
      "无权限执行此操作",
    );
    const onTask = new Set(
      db
        .select({ unitId: taskUnits.unitId })
        .from(taskUnits)
        .where(eq(taskUnits.taskId, taskIdOf(db, NO)))
        .all()
        .map((r) => r.unitId),
    );
    const outsider = db
      .select({ username: users.username, unitId: users.unitId })
      .from(users)
      .where(eq(users.role, "unit"))
      .all()
      .find((u) => u.unitId !== null && !onTask.has(u.unitId))!;
    await actAs(db, outsider.username);
    expect((await saveReportPart(undefined, form({ taskNo: String(NO), quarter: "2026Q4", version: "0", progress: "别的单位" }))).message).toBe(
      "无权限执行此操作",
    );
  });

  it("lets the compiler save the report", async () => {
    await actAs(db, compilerUser);
    expect(await saveReport(undefined, form({ taskNo: String(NO), quarter: "2026Q4", version: "0", progress: "汇总各单位情况" }))).toMatchObject({ ok: true });
  });
});
