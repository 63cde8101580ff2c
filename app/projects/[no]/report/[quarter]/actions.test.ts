import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { yearIdOf } from "@/db/testing/programme-year";
import { loadProgramme } from "@/db/data-file/programme";
import {
  auditLog,
  livelihoodProjects,
  periods,
  projectParts,
  registerItems,
  reportPartValues,
  reportProjectMilestones,
  reports,
  reportVersions,
  units,
} from "@/db/schema";
import { gazetteProgramme } from "@/db/seed/gazette-programme";
import { seedPeriods } from "@/db/seed/seed-periods";
import { COVERAGE_CATEGORY, TOTAL_KEY } from "@/lib/project-progress";
import { projectField } from "@/lib/project-report-input";
import { readSnapshot } from "@/lib/report-snapshot";
import { addSession, addUser, migratedAppDb } from "@/test/app-db";
import { RedirectSignal, sessionCookie, setRequest } from "@/test/next-request";

vi.hoisted(() => {
  process.env.APP_TODAY = "2026-04-03";
});
vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

const { approveProjectReport, returnProjectReport, saveProjectReport, saveProjectReportPart, submitProjectReport } = await import("./actions");
const { listProjectProgress } = await import("@/db/queries/project-progress");

let db: Db;
const userIds: Record<string, number> = {};
let q1: number;

beforeAll(() => {
  db = migratedAppDb();
  db.transaction((tx) => loadProgramme(tx, gazetteProgramme()), { behavior: "immediate" });
  seedPeriods(db, { year: 2026 });
  q1 = db.select({ id: periods.id }).from(periods).where(eq(periods.code, "2026Q1")).get()!.id;
  const unitId = (name: string) => db.select({ id: units.id }).from(units).where(eq(units.name, name)).get()!.id;
  for (const [username, unit] of [
    ["nyncj", "农业农村局"],
    ["zjj", "住建局"],
    ["guiyi", "归义街道"],
    ["slj", "水利局"],
    ["fgj", "发改局"],
  ] as const) {
    userIds[username] = addUser(db, { username, role: "unit", unitId: unitId(unit) });
  }
  userIds.duchashi = addUser(db, { username: "duchashi", role: "supervisor" });
});

/** A successful submit or review redirects to the report page; other outcomes return form state. */
async function settle(pending: Promise<unknown>): Promise<{ redirect?: string; message?: string; errors?: Record<string, string[]>; ok?: boolean }> {
  try {
    return (await pending) as { message?: string };
  } catch (error) {
    if (error instanceof RedirectSignal) return { redirect: error.url };
    throw error;
  }
}

async function signInAs(username: string) {
  const userId = userIds[username]!;
  setRequest({ cookies: await sessionCookie({ sessionId: addSession(db, userId), userId }) });
}

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}

const projectId = (no: number) => db.select({ id: livelihoodProjects.id }).from(livelihoodProjects).where(eq(livelihoodProjects.no, no)).get()!.id;
const partId = (no: number, position = 1) =>
  db
    .select({ id: projectParts.id })
    .from(projectParts)
    .where(and(eq(projectParts.projectId, projectId(no)), eq(projectParts.position, position)))
    .get()!.id;
const q1Report = (no: number) =>
  db
    .select()
    .from(reports)
    .where(and(eq(reports.projectId, projectId(no)), eq(reports.periodId, q1)))
    .get();
const partValues = (reportId: number) =>
  db
    .select({ partId: reportPartValues.partId, category: reportPartValues.category, value: reportPartValues.value })
    .from(reportPartValues)
    .where(eq(reportPartValues.reportId, reportId))
    .all();
const lastAudit = () => db.select().from(auditLog).orderBy(auditLog.id).all().at(-1);

const bridges = (version: string, extra: Record<string, string> = {}) => ({
  projectNo: "1",
  quarter: "2026Q1",
  version,
  progress: "完成 3 座桥梁整治。",
  problems: "中等缺损桥梁施工受雨季影响",
  nextSteps: "加快施工",
  selfStatus: "behind",
  ...extra,
});

/** A completed bridge in the 明细台账, as a unit would have entered it. */
const registerBridge = (name: string, severity: string, statusOn: string) =>
  db
    .insert(registerItems)
    .values({
      yearId: yearIdOf(db),
      partId: partId(1),
      kind: "bridge",
      naturalKey: `白水镇/金龙村/${name}`,
      place: "白水镇",
      subPlace: "金龙村",
      name,
      severity,
      status: "done",
      statusOn,
      updatedAt: Date.now(),
      updatedById: userIds.nyncj!,
    })
    .run();

describe("bridge report by 农业农村局", () => {
  it("refuses a unit that does not lead the project: nothing saved, a denied audit row", async () => {
    await signInAs("fgj");
    const state = await saveProjectReport(undefined, form(bridges("0")));
    expect(state.message).toBe("无权限执行此操作");
    expect(q1Report(1)).toBeUndefined();
    expect(lastAudit()).toMatchObject({ action: "report.save", outcome: "denied", username: "fgj" });
  });

  it("takes the per-severity counts from the 明细台账 as of the quarter's end, not from typed fields, and submits them as version 1", async () => {
    registerBridge("一号桥", "轻微缺损", "2026-03-02");
    registerBridge("二号桥", "轻微缺损", "2026-03-31");
    registerBridge("三号桥", "中等缺损", "2026-03-15");
    registerBridge("四号桥", "严重缺损", "2026-04-01"); // after Q1: not counted in Q1
    await signInAs("nyncj");
    const typed = { [projectField.value(partId(1), 0)]: "64", [projectField.value(partId(1), 2)]: "8" };
    expect((await saveProjectReport(undefined, form(bridges("0", typed)))).ok).toBe(true);
    expect(q1Report(1)).toMatchObject({ status: "draft", version: 1 });

    const state = await settle(submitProjectReport(undefined, form(bridges("1"))));
    expect(state).toEqual({ redirect: "/projects/1/report/2026Q1?submitted=1" });
    const report = q1Report(1)!;
    expect(report.status).toBe("submitted");
    expect(
      partValues(report.id)
        .map((v) => [v.category, v.value])
        .sort(),
    ).toEqual([
      ["严重缺损", 0],
      ["中等缺损", 1],
      ["轻微缺损", 2],
    ]);
    const version = db.select().from(reportVersions).where(eq(reportVersions.reportId, report.id)).get()!;
    expect(
      readSnapshot(version.snapshot)
        .parts.map((p) => p.category)
        .sort(),
    ).toEqual(["严重缺损", "中等缺损", "轻微缺损"]);
  });

  it("shows the submitted counts against the 4 / 17 / 70 / 90 milestones", () => {
    const [project] = listProjectProgress({ yearId: yearIdOf(db), no: 1 });
    const reports = project!.partReports.get(partId(1))!;
    expect(reports).toEqual([{ quarter: 1, values: { 轻微缺损: 2, 中等缺损: 1, 严重缺损: 0 }, milestones: {} }]);
    expect(project!.reports[0]).toMatchObject({ periodCode: "2026Q1", status: "submitted", submittedVersions: 1 });
  });

  it("lets only the 督查室 review, and a return needs a reason", async () => {
    const id = String(q1Report(1)!.id);
    await signInAs("nyncj");
    expect((await approveProjectReport(undefined, form({ reportId: id, projectNo: "1", quarter: "2026Q1", version: "2" }))).message).toBe("无权限执行此操作");
    await signInAs("duchashi");
    const bare = await returnProjectReport(undefined, form({ reportId: id, projectNo: "1", quarter: "2026Q1", version: "2", comment: "" }));
    expect(bare.errors?.comment).toEqual(["退回时请写明退回原因和修改要求"]);
    const wrongProject = await returnProjectReport(undefined, form({ reportId: id, projectNo: "2", quarter: "2026Q1", version: "2", comment: "请补充照片" }));
    expect(wrongProject.message).toBe("要操作的记录不存在或已被删除。");
    const state = await settle(returnProjectReport(undefined, form({ reportId: id, projectNo: "1", quarter: "2026Q1", version: "2", comment: "请补充照片" })));
    expect(state).toEqual({ redirect: "/projects/1/report/2026Q1?reviewed=returned" });
    expect(q1Report(1)).toMatchObject({ status: "returned", reviewComment: "请补充照片" });
  });
});

describe("housing report co-led by 住建局 (compiles) and 归义街道 (its part)", () => {
  const urbanStage = () =>
    db
      .select()
      .from(reportProjectMilestones)
      .where(eq(reportProjectMilestones.reportId, q1Report(2)!.id))
      .all();
  const firstStageId = () => listProjectProgress({ yearId: yearIdOf(db), no: 2 })[0]!.parts[0]!.milestones[0]!.id;

  it("lets the first-listed lead unit (住建局) compile the report with the version check, and 归义街道 write its own part", async () => {
    const rural = partId(2, 2);
    await signInAs("zjj");
    expect((await saveProjectReport(undefined, form({ projectNo: "2", quarter: "2026Q1", version: "0", [projectField.value(rural, 0)]: "10" }))).ok).toBe(true);
    const stale = await saveProjectReport(undefined, form({ projectNo: "2", quarter: "2026Q1", version: "0", progress: "旧版本" }));
    expect(stale.message).toContain("已被他人修改");
    const state = await saveProjectReport(
      undefined,
      form({
        projectNo: "2",
        quarter: "2026Q1",
        version: "1",
        [projectField.value(rural, 0)]: "12",
        [projectField.milestoneDone(firstStageId())]: "1",
        [projectField.milestoneDoneOn(firstStageId())]: "2026-03-31",
      }),
    );
    expect(state.ok).toBe(true);
    // The rural count is the 明细台账's (no household registered yet), whatever was typed.
    expect(partValues(q1Report(2)!.id)).toEqual([{ partId: rural, category: TOTAL_KEY, value: 0 }]);
    expect(urbanStage().find((m) => m.milestoneId === firstStageId())).toMatchObject({ done: true, doneOn: "2026-03-31" });

    await signInAs("guiyi");
    expect((await saveProjectReport(undefined, form({ projectNo: "2", quarter: "2026Q1", version: "2", progress: "归义街道" }))).message).toBe(
      "无权限执行此操作",
    );
    expect(q1Report(2)!.version).toBe(2);
    expect(
      await saveProjectReportPart(undefined, form({ projectNo: "2", quarter: "2026Q1", version: "0", progress: "归义街道：完成农村危房改造 12 户" })),
    ).toMatchObject({ ok: true });
  });

  it("refuses a completion day in the future", async () => {
    await signInAs("zjj");
    const state = await saveProjectReport(
      undefined,
      form({
        projectNo: "2",
        quarter: "2026Q1",
        version: "2",
        [projectField.milestoneDone(firstStageId())]: "1",
        [projectField.milestoneDoneOn(firstStageId())]: "2026-04-04",
      }),
    );
    expect(state.errors?.[projectField.milestoneDoneOn(firstStageId())]).toEqual(["完成日期不能晚于今天"]);
  });
});

describe("water report by 水利局", () => {
  it("stores people covered on the project's part, in 万人 against task No.19", async () => {
    const water = partId(3);
    await signInAs("slj");
    const state = await saveProjectReport(undefined, form({ projectNo: "3", quarter: "2026Q1", version: "0", [projectField.coverage(water)]: "0.3" }));
    expect(state.ok).toBe(true);
    expect(partValues(q1Report(3)!.id)).toEqual([{ partId: water, category: COVERAGE_CATEGORY, value: 0.3 }]);
    expect(listProjectProgress({ yearId: yearIdOf(db), no: 3 })[0]!.coverage).toMatchObject({ taskNo: 19, unit: "万人", target: 1.5 });
  });
});
