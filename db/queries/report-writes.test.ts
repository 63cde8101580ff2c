import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { ReportContent } from "@/lib/report-form";
import { migratedAppDb } from "@/test/app-db";
import type { Db } from "../client";
import { yearIdOf } from "../testing/programme-year";
import { reports, reportVersions, taskUnits } from "../schema";
import { seedReportingFixture, type ReportingFixture } from "../testing/reporting-fixtures";
import { getAttachmentForDownload, listReportAttachments } from "./attachments";
import { listLedTaskReports } from "./report-board";
import { listSubjectQuarters } from "./status-board";
import { reviewReport, saveReportDraft, submitReport, type ReportInput } from "./report-writes";
import { getReportRecord, listReportVersions } from "./reports";
import { listPeriods } from "./periods";

let db: Db;
let f: ReportingFixture;

beforeAll(() => {
  db = migratedAppDb();
  f = seedReportingFixture(db);
});

const content = (patch: Partial<ReportContent> = {}): ReportContent => ({
  progress: "已完成危旧房改造 30 套",
  problems: "",
  nextSteps: "加快推进",
  selfStatus: "onTrack",
  milestoneDone: null,
  milestoneDoneOn: null,
  metricValues: [],
  ...patch,
});
const input = (patch: Partial<ReportInput>): ReportInput => ({
  subject: { taskId: f.taskId },
  periodId: f.periods.q1,
  expectedVersion: 0,
  content: content(),
  userId: f.users.lead,
  now: Date.parse("2026-04-02T10:00:00+08:00"),
  ...patch,
});
const save = (patch: Partial<ReportInput>) => db.transaction((t) => saveReportDraft(t, input(patch)), { behavior: "immediate" });
const submit = (patch: Partial<ReportInput>) => db.transaction((t) => submitReport(t, input(patch)), { behavior: "immediate" });
const review = (args: { reportId: number; expectedVersion: number; decision: "approve" | "return"; comment?: string }) =>
  db.transaction((t) => reviewReport(t, { comment: null, ...args, userId: f.users.supervisor, now: Date.parse("2026-04-03T09:00:00+08:00") }), {
    behavior: "immediate",
  });
const reportRow = (periodId: number) => db.select().from(reports).where(eq(reports.periodId, periodId)).get();

describe("draft saves with an optimistic version check", () => {
  it("creates the report at version 1, then bumps the version on each save", () => {
    const first = save({ periodId: f.periods.q2, content: content({ metricValues: [{ metricId: f.metricIds.houses, value: 30 }] }) });
    expect(first).toMatchObject({ ok: true, version: 1, status: "draft", before: null });
    const second = save({
      periodId: f.periods.q2,
      expectedVersion: 1,
      content: content({ progress: "改造 40 套", metricValues: [{ metricId: f.metricIds.houses, value: 40 }] }),
    });
    expect(second).toMatchObject({ ok: true, version: 2 });
    expect(getReportRecord({ subject: { taskId: f.taskId }, periodId: f.periods.q2 })).toMatchObject({
      version: 2,
      progress: "改造 40 套",
      metricValues: { [f.metricIds.houses]: 40 },
    });
  });

  it("refuses a save based on a stale version and changes nothing", () => {
    const stale = save({ periodId: f.periods.q2, expectedVersion: 1, content: content({ progress: "过期的内容" }) });
    expect(stale).toEqual({ ok: false, reason: "conflict" });
    expect(reportRow(f.periods.q2)).toMatchObject({ version: 2, progress: "改造 40 套" });
  });

  it("refuses a second 'first save' when another user created the report meanwhile", () => {
    expect(save({ periodId: f.periods.q2, expectedVersion: 0 })).toEqual({ ok: false, reason: "conflict" });
  });

  it("refuses a metric of another task and writes nothing", () => {
    const r = save({ periodId: f.periods.q3, content: content({ metricValues: [{ metricId: f.metricIds.otherTask, value: 1 }] }) });
    expect(r).toEqual({ ok: false, reason: "invalid" });
    expect(reportRow(f.periods.q3)).toBeUndefined();
  });
});

describe("submit, return and resubmit", () => {
  let reportId: number;

  it("submits: read-only for the unit, first version frozen with plans and labels", () => {
    const r = submit({
      content: content({
        metricValues: [
          { metricId: f.metricIds.houses, value: 30 },
          { metricId: f.metricIds.growth, value: 5.2 },
        ],
      }),
    });
    expect(r).toMatchObject({ ok: true, status: "submitted", version: 1, versionNo: 1 });
    if (!r.ok) return;
    reportId = r.reportId;
    const [v1] = listReportVersions({ subject: { taskId: f.taskId } });
    expect(v1).toMatchObject({ periodCode: "2026Q1", versionNo: 1, reviewStatus: "pending", submittedByName: "zjj" });
    expect(v1?.snapshot.metrics).toEqual([
      { metricId: f.metricIds.houses, label: "改造城市危旧房", unit: "套", kind: "cumulative", plan: 33, value: 30 },
      { metricId: f.metricIds.growth, label: "固定资产投资增长", unit: "%", kind: "rate", plan: 6, value: 5.2 },
    ]);
    expect(save({ expectedVersion: 1, content: content({ progress: "提交后改动" }) })).toEqual({ ok: false, reason: "readOnly" });
    expect(reportRow(f.periods.q1)?.progress).toBe("已完成危旧房改造 30 套");
  });

  it("refuses a review based on a stale version", () => {
    expect(review({ reportId, expectedVersion: 0, decision: "approve" })).toEqual({ ok: false, reason: "conflict" });
  });

  it("returns with the 督查室's comment, on the report and on the version", () => {
    const r = review({ reportId, expectedVersion: 1, decision: "return", comment: "请补充佐证材料" });
    expect(r).toMatchObject({ ok: true, status: "returned", version: 2 });
    expect(reportRow(f.periods.q1)).toMatchObject({ status: "returned", reviewComment: "请补充佐证材料" });
    expect(db.select().from(reportVersions).where(eq(reportVersions.reportId, reportId)).get()).toMatchObject({
      reviewStatus: "returned",
      reviewComment: "请补充佐证材料",
    });
  });

  it("lets the unit edit a returned report, keeping it 已退回 until resubmitted", () => {
    const r = save({ expectedVersion: 2, content: content({ progress: "已补充材料" }) });
    expect(r).toMatchObject({ ok: true, status: "returned", version: 3 });
  });

  it("resubmits as version 2, keeping version 1 and clearing the comment", () => {
    const r = submit({
      expectedVersion: 3,
      content: content({
        progress: "已补充材料，完成 35 套",
        metricValues: [
          { metricId: f.metricIds.houses, value: 35 },
          { metricId: f.metricIds.growth, value: 6 },
        ],
      }),
    });
    expect(r).toMatchObject({ ok: true, status: "submitted", versionNo: 2, version: 4 });
    expect(reportRow(f.periods.q1)).toMatchObject({ status: "submitted", reviewComment: null });
    const versions = listReportVersions({ subject: { taskId: f.taskId } }).filter((v) => v.periodCode === "2026Q1");
    expect(versions.map((v) => [v.versionNo, v.reviewStatus, v.snapshot.progress])).toEqual([
      [2, "pending", "已补充材料，完成 35 套"],
      [1, "returned", "已完成危旧房改造 30 套"],
    ]);
  });

  it("approves, after which neither the unit nor a second review can change it", () => {
    expect(review({ reportId, expectedVersion: 4, decision: "approve" })).toMatchObject({ ok: true, status: "approved", version: 5 });
    expect(review({ reportId, expectedVersion: 5, decision: "return", comment: "再改" })).toEqual({ ok: false, reason: "wrongState" });
    expect(save({ expectedVersion: 5 })).toEqual({ ok: false, reason: "readOnly" });
  });

  it("judges lateness on the first submission, and 进度 on the version the 督查室 approved", () => {
    const [q1] = listPeriods({ yearId: yearIdOf(db) });
    const [row] = listSubjectQuarters({ periods: [q1!], asOf: "2026-04-20", today: "2026-04-20", filter: { yearId: f.yearId, leadUnitId: f.units.lead } });
    expect(row?.record?.firstSubmittedAt).toBe(Date.parse("2026-04-02T10:00:00+08:00"));
    expect(row?.status).toMatchObject({ reporting: "on_time", progress: "green" });
  });
});

describe("evidence on a report", () => {
  it("adds and removes attachments with the save, and the snapshot lists the current ones", () => {
    const file = (name: string, sha: string) => ({
      filename: name,
      mime: "application/pdf",
      size: 10,
      sha256: sha,
      storagePath: `evidence/${sha.slice(0, 2)}/${sha}`,
    });
    const first = save({ periodId: f.periods.q4, files: { add: [file("a.pdf", "aa11"), file("b.pdf", "bb22")], removeIds: [] } });
    if (!first.ok) throw new Error("save failed");
    const [a, b] = listReportAttachments({ reportId: first.reportId });
    expect([a?.filename, b?.filename]).toEqual(["a.pdf", "b.pdf"]);
    const r = submit({ periodId: f.periods.q4, expectedVersion: 1, files: { add: [], removeIds: [a!.id] } });
    expect(r.ok).toBe(true);
    const v = listReportVersions({ subject: { taskId: f.taskId } }).find((x) => x.periodCode === "2026Q4");
    expect(v?.snapshot.attachments.map((x) => x.filename)).toEqual(["b.pdf"]);
    // Removed from the report but kept for the history.
    expect(getAttachmentForDownload({ id: a!.id })).toMatchObject({ filename: "a.pdf", taskId: f.taskId });
  });

  it("ignores removal of an attachment that belongs to another report", () => {
    const q4 = listReportAttachments({ reportId: reportRow(f.periods.q4)!.id });
    const other = save({ periodId: f.periods.q3, files: { add: [], removeIds: q4.map((x) => x.id) } });
    expect(other.ok).toBe(true);
    expect(listReportAttachments({ reportId: reportRow(f.periods.q4)!.id })).toHaveLength(q4.length);
  });
});

describe("the quarter board", () => {
  it("lists only the unit's own tasks with their report state and version", () => {
    expect(listLedTaskReports({ unitId: f.units.lead, periodId: f.periods.q2 })).toEqual([{ no: 27, status: "draft", version: 2 }]);
  });

  it("leaves a co-lead unit out: only the first-listed lead unit compiles the report", () => {
    db.insert(taskUnits).values({ taskId: f.taskId, unitId: f.units.other, role: "lead", position: 5 }).run();
    try {
      expect(listLedTaskReports({ unitId: f.units.other, periodId: f.periods.q2 }).map((r) => r.no)).not.toContain(27);
      expect(listLedTaskReports({ unitId: f.units.lead, periodId: f.periods.q2 })).toHaveLength(1);
    } finally {
      db.delete(taskUnits)
        .where(and(eq(taskUnits.taskId, f.taskId), eq(taskUnits.unitId, f.units.other), eq(taskUnits.role, "lead")))
        .run();
    }
  });

  it("judges every task for the 督查室: a draft is 逾期未报 and 未评估 once past due", () => {
    const [, q2] = listPeriods({ yearId: yearIdOf(db) });
    const rows = listSubjectQuarters({ periods: [q2!], asOf: "2026-07-08", today: "2026-07-08", filter: { yearId: f.yearId } });
    expect(rows.map((r) => [r.subject.no, r.reportState, r.status.reporting, r.status.progress])).toEqual([
      [27, "draft", "missing", "none"],
      [28, null, "missing", "none"],
    ]);
    expect(rows[1]?.status.reasons.map((r) => r.text)).toEqual(["二季度逾期未报，已逾期 3 天"]);
  });
});
