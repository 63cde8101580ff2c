// Task maintenance through the real Server Action on a seeded database: a change needs a
// reason and a source, is recorded field by field, moves the quarter's judgement (a task
// with no lead unit is 无需报送 until it gets one) and leaves filed reports as they were.
import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.APP_TODAY = "2026-12-01";
});
vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

import { updateTask } from "@/app/admin/tasks/actions";
import type { Db } from "@/db/client";
import { listPeriods } from "@/db/queries/periods";
import { getTaskForEdit } from "@/db/queries/programme-maintenance";
import { submitReport } from "@/db/queries/report-writes";
import { listSubjectQuarters } from "@/db/queries/status-board";
import { listVerificationItems } from "@/db/queries/verification";
import { auditLog, metrics, programmeChanges, reportMetricValues, reportVersions, tasks, users } from "@/db/schema";
import { rebuildQuarterStatus } from "@/db/status/store";
import { yearIdOf } from "@/db/testing/programme-year";
import { formatMetricLine, nameLines } from "@/lib/programme-fields";
import { actAs, openSeededAppDb, taskIdOf, userIdOf } from "@/test/bad-inputs/fixture";

let db: Db;
let yearId: number;

/** The form as the page renders it for task `no`, with `patch` typed over it. */
function formFor(no: number, patch: Record<string, string>): Record<string, string> {
  const t = getTaskForEdit({ yearId, no })!;
  return {
    no: String(no),
    version: String(t.version),
    target: t.target,
    sectionId: String(t.sectionId),
    leaders: nameLines(t.leaders),
    leadUnits: nameLines(t.leadUnits),
    coopUnits: nameLines(t.coopUnits),
    metrics: t.metrics.map(formatMetricLine).join("\n"),
    keepFlag: t.needsVerification ? "true" : "",
    note: t.note ?? "",
    reason: "",
    source: "",
    ...patch,
  };
}

const reportingOf = (no: number, code: string) =>
  listSubjectQuarters({
    periods: listPeriods({ yearId }).filter((p) => p.code === code),
    asOf: "2026-12-01",
    today: "2026-12-01",
    filter: { yearId, only: { kind: "task", no } },
  })[0]!.status.reporting;

beforeAll(async () => {
  db = await openSeededAppDb();
  yearId = yearIdOf(db);
});

describe("task maintenance", () => {
  it("supplies task 47's leader and lead unit: it leaves the 待核实 list, becomes due, and the change is recorded field by field", async () => {
    expect(listVerificationItems({ yearId }).find((i) => i.no === 47 && i.kind === "task")).toMatchObject({ missingLeadUnit: true });
    expect(reportingOf(47, "2026Q3")).toBe("not_required");
    await actAs(db, "admin");

    const state = await updateTask(
      undefined,
      formFor(47, {
        leaders: "李亚江",
        leadUnits: "教体局",
        keepFlag: "",
        note: "",
        reason: "公报缺牵头领导和牵头单位",
        source: "经教体局确认（汨政办函〔2026〕1号附件）",
      }),
    );

    expect(state).toMatchObject({ ok: true });
    expect(listVerificationItems({ yearId }).some((i) => i.kind === "task" && i.no === 47)).toBe(false);
    expect(reportingOf(47, "2026Q3")).toBe("missing");
    const change = db
      .select()
      .from(programmeChanges)
      .where(eq(programmeChanges.subjectId, taskIdOf(db, 47)))
      .get()!;
    expect(change).toMatchObject({ byId: userIdOf(db, "admin"), reason: "公报缺牵头领导和牵头单位", source: "经教体局确认（汨政办函〔2026〕1号附件）" });
    expect(change.changes.map((c) => c.field)).toEqual(["牵头领导", "牵头单位", "待核实", "核实说明"]);
    expect(change.changes[1]).toEqual({ field: "牵头单位", before: "", after: "教体局" });
    const audit = db.select().from(auditLog).orderBy(desc(auditLog.id)).get()!;
    expect(audit).toMatchObject({ action: "task.maintain", entity: "task", entityId: "47", outcome: "success" });
    expect(JSON.parse(audit.after!)).toMatchObject({ leaders: "李亚江", leadUnits: "教体局" });
    expect(rebuildQuarterStatus(db, { write: false }).differences).toBe(0);
  });

  it("keeps the order of the lead units: the first one compiles the report", async () => {
    await actAs(db, "duchashi");
    const state = await updateTask(undefined, formFor(49, { leadUnits: "医保局\n卫健局\n税务局", reason: "牵头顺序更正", source: "市政府办公室通知" }));
    expect(state).toMatchObject({ ok: true });
    expect(getTaskForEdit({ yearId, no: 49 })!.leadUnits).toEqual(["医保局", "卫健局", "税务局"]);
  });

  it("refuses an edit without a reason or a source, and a unit that is not on file, changing nothing", async () => {
    await actAs(db, "admin");
    const before = getTaskForEdit({ yearId, no: 2 });
    const missing = await updateTask(undefined, formFor(2, { target: "新的目标" }));
    expect(missing.errors).toMatchObject({ reason: ["请填写变更原因。"], source: [expect.stringMatching(/^请填写依据/)] });
    const unknown = await updateTask(undefined, formFor(2, { leadUnits: "不存在局", reason: "更正", source: "经核实" }));
    expect(unknown.message).toMatch(/没有这个单位：不存在局/);
    expect(getTaskForEdit({ yearId, no: 2 })).toEqual(before);
  });

  it("refuses an edit made on an outdated page after someone else saved", async () => {
    await actAs(db, "admin");
    const stale = formFor(3, { target: "甲的修改", reason: "更正", source: "经核实" });
    expect(await updateTask(undefined, formFor(3, { target: "乙的修改", reason: "更正", source: "经核实" }))).toMatchObject({ ok: true });
    const state = await updateTask(undefined, stale);
    expect(state.message).toMatch(/已被他人修改|刷新/);
    expect(getTaskForEdit({ yearId, no: 3 })!.target).toBe("乙的修改");
  });

  it("edits a metric mid-year without touching the report already filed, and refuses to delete a metric that has values", async () => {
    const taskId = taskIdOf(db, 46);
    const q3 = listPeriods({ yearId }).find((p) => p.code === "2026Q3")!;
    const metric = db.select().from(metrics).where(eq(metrics.taskId, taskId)).get()!;
    const lead = db.select({ id: users.id }).from(users).where(eq(users.username, "rsj")).get()!.id;
    const filed = db.transaction(
      (tx) =>
        submitReport(tx, {
          subject: { taskId },
          periodId: q3.id,
          expectedVersion: 0,
          content: {
            progress: "新增就业 4800 人",
            problems: "无",
            nextSteps: "继续推进",
            selfStatus: "onTrack",
            milestoneDone: null,
            milestoneDoneOn: null,
            metricValues: [{ metricId: metric.id, value: 4800 }],
          },
          userId: lead,
          now: Date.parse("2026-10-03T10:00:00+08:00"),
        }),
      { behavior: "immediate" },
    );
    if (!filed.ok) throw new Error("report not filed");
    const snapshot = () => db.select({ s: reportVersions.snapshot }).from(reportVersions).where(eq(reportVersions.reportId, filed.reportId)).all();
    const snapshotBefore = snapshot();
    await actAs(db, "admin");

    const edited = await updateTask(
      undefined,
      formFor(46, { metrics: "新增城镇就业｜6500｜人｜以上｜累计", reason: "年中调整目标", source: "市政府常务会议纪要" }),
    );
    expect(edited).toMatchObject({ ok: true });
    expect(db.select({ target: metrics.target }).from(metrics).where(eq(metrics.id, metric.id)).get()!.target).toBe(6500);
    expect(snapshot()).toEqual(snapshotBefore);
    expect(
      db
        .select()
        .from(reportMetricValues)
        .where(and(eq(reportMetricValues.reportId, filed.reportId), eq(reportMetricValues.metricId, metric.id)))
        .get(),
    ).toMatchObject({ value: 4800 });

    const removed = await updateTask(undefined, formFor(46, { metrics: "", reason: "删除指标", source: "经核实" }));
    expect(removed.message).toMatch(/已有季度目标或填报数值，不能删除/);
    expect(db.select().from(metrics).where(eq(metrics.taskId, taskId)).all()).toHaveLength(1);
    expect(db.select({ v: tasks.version }).from(tasks).where(eq(tasks.id, taskId)).get()!.v).toBe(2);
  });
});
