import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { notifications, reports, reportVersions } from "@/db/schema";
import { seedReportingFixture, type ReportingFixture } from "@/db/testing/reporting-fixtures";
import { readSnapshot } from "@/lib/report-snapshot";
import { addSession, migratedAppDb } from "@/test/app-db";
import { RedirectSignal, sessionCookie, setRequest } from "@/test/next-request";

// 2026-07-08: the first and second quarters are both past their due days (04-05, 07-05).
vi.hoisted(() => {
  process.env.APP_TODAY = "2026-07-08";
});
vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

const { saveReport, submitReportAction } = await import("./actions");
const { getSubmittedReportRecord, listEarlierSubmittedValues } = await import("@/db/queries/reports");
const { listNotifications } = await import("@/db/queries/notifications");

let db: Db;
let f: ReportingFixture;

beforeAll(async () => {
  db = migratedAppDb();
  f = seedReportingFixture(db);
  const sessionId = addSession(db, f.users.lead);
  setRequest({ cookies: await sessionCookie({ sessionId, userId: f.users.lead }) });
});

type Outcome = { redirect?: string; message?: string; errors?: Record<string, string[]>; ok?: boolean };
async function settle(pending: Promise<unknown>): Promise<Outcome> {
  try {
    return (await pending) as Outcome;
  } catch (error) {
    if (error instanceof RedirectSignal) return { redirect: error.url };
    throw error;
  }
}

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}

const report = (periodId: number) =>
  db
    .select()
    .from(reports)
    .where(and(eq(reports.taskId, f.taskId), eq(reports.periodId, periodId)))
    .get();
const houses = () => `metric.${f.metricIds.houses}`;
const filled = (quarter: string, version: string, housesValue: string, extra: Record<string, string> = {}) =>
  form({
    taskNo: "27",
    quarter,
    version,
    [houses()]: housesValue,
    [`metric.${f.metricIds.growth}`]: "5.8",
    progress: "完成危旧房改造，已启动第二批。",
    nextSteps: "加快改造",
    selfStatus: "onTrack",
    ...extra,
  });

describe("numbers that look wrong and late reports, explained before submitting", () => {
  it("does not take an unsubmitted draft as the next quarter's starting point", async () => {
    expect(await saveReport(undefined, filled("2026Q1", "0", "30"))).toMatchObject({ ok: true });
    expect(report(f.periods.q1)).toMatchObject({ status: "draft" });
    expect(getSubmittedReportRecord({ subject: { taskId: f.taskId }, periodId: f.periods.q1 })).toBeNull();
    expect(listEarlierSubmittedValues({ subject: { taskId: f.taskId }, yearId: f.yearId, quarter: 2 }).size).toBe(0);
  });

  it("refuses a late submission without 逾期说明 and a figure above the annual target without a reason; nothing is submitted", async () => {
    const r = await settle(submitReportAction(undefined, filled("2026Q1", "1", "500")));
    expect(r.redirect).toBeUndefined();
    expect(r.message).toMatch(/核对|逾期说明/);
    expect(r.errors?.lateNote?.[0]).toMatch(/逾期原因/);
    expect(r.errors?.[`confirm.${houses()}`]?.[0]).toMatch(/写明原因/);
    expect(report(f.periods.q1)).toMatchObject({ status: "draft", version: 1, lateNote: null, confirmations: [] });
  });

  it("refuses a decimal for a count unit without a reason", async () => {
    const r = await settle(submitReportAction(undefined, filled("2026Q1", "1", "33.5", { lateNote: "系统培训延误" })));
    expect(r.errors?.[`confirm.${houses()}`]).toHaveLength(1);
    expect(r.errors?.lateNote).toBeUndefined();
    expect(report(f.periods.q1)).toMatchObject({ status: "draft" });
  });

  it("submits once each warning has a reason: the reasons and the 逾期说明 are kept with the report and its version", async () => {
    const r = await settle(
      submitReportAction(undefined, filled("2026Q1", "1", "500", { lateNote: "系统培训延误，晚报 3 天", [`confirm.${houses()}`]: "含上年结转的 368 套" })),
    );
    expect(r.redirect).toContain("/tasks/27/report/2026Q1");
    const saved = report(f.periods.q1)!;
    expect(saved).toMatchObject({ status: "submitted", lateNote: "系统培训延误，晚报 3 天" });
    expect(saved.confirmations).toEqual([
      { field: houses(), kind: "aboveCeiling", text: expect.stringContaining("超过年度目标 132 套"), reason: "含上年结转的 368 套" },
    ]);
    const version = db.select().from(reportVersions).where(eq(reportVersions.reportId, saved.id)).get()!;
    const snapshot = readSnapshot(version.snapshot);
    expect(snapshot.lateNote).toBe("系统培训延误，晚报 3 天");
    expect(snapshot.confirmations.map((c) => c.reason)).toEqual(["含上年结转的 368 套"]);
    expect(getSubmittedReportRecord({ subject: { taskId: f.taskId }, periodId: f.periods.q1 })?.metricValues[f.metricIds.houses]).toBe(500);
  });

  it("asks about a cumulative figure lower than an earlier quarter's submitted one; filing settles the quarter's 逾期未报 reminder", async () => {
    const reminder = db
      .insert(notifications)
      .values({
        userId: f.users.lead,
        kind: "report_overdue",
        title: "第27项 二季度 报告已逾期未报",
        link: "/tasks/27/report/2026Q2",
        dedupeKey: "report-overdue:task:27:2026Q2",
      })
      .returning()
      .get();
    const r = await settle(submitReportAction(undefined, filled("2026Q2", "0", "120", { lateNote: "等待数据核实" })));
    expect(r.errors?.[`confirm.${houses()}`]?.[0]).toMatch(/写明原因/);
    expect(report(f.periods.q2)).toBeUndefined();
    const ok = await settle(
      submitReportAction(undefined, filled("2026Q2", "0", "120", { lateNote: "等待数据核实", [`confirm.${houses()}`]: "一季度误报，已更正为 120 套" })),
    );
    expect(ok.redirect).toContain("/tasks/27/report/2026Q2");
    expect(report(f.periods.q2)!.confirmations[0]).toMatchObject({ kind: "belowEarlier", text: expect.stringContaining("少于一季度已报的 500 套") });
    const settled = db.select().from(notifications).where(eq(notifications.id, reminder.id)).get()!;
    expect(settled.resolvedAt).not.toBeNull();
    expect(settled.readAt).not.toBeNull();
    const listed = listNotifications({ userId: f.users.lead }).items.find((n) => n.id === reminder.id);
    expect(listed?.title).toContain("已报送，提醒已自动处理");
  });

  it("keeps a reason that is too long out, with the field's error", async () => {
    const r = await settle(saveReport(undefined, filled("2026Q3", "0", "600", { [`confirm.${houses()}`]: "很".repeat(201) })));
    expect(r.errors?.[`confirm.${houses()}`]?.[0]).toMatch(/200 字以内/);
    expect(report(f.periods.q3)).toBeUndefined();
  });
});
