import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { openNotification } from "@/app/notifications/actions";
import type { Db } from "@/db/client";
import { listNotifications, syncDueNotifications } from "@/db/queries/notifications";
import { submitReport } from "@/db/queries/report-writes";
import { listReviewQueue } from "@/db/queries/review-queue";
import { listPeriods } from "@/db/queries/periods";
import { listSubjectQuarters } from "@/db/queries/status-board";
import { listOverdueRows } from "@/db/queries/supervision";
import { auditLog, notifications, progressOverrides, reports } from "@/db/schema";
import { seedReportingFixture, type ReportingFixture } from "@/db/testing/reporting-fixtures";
import { buildOverdueList } from "@/lib/overdue";
import { todayInShanghai } from "@/lib/periods";
import { countRows, matrixRows } from "@/lib/submission-matrix";
import { addSession, migratedAppDb } from "@/test/app-db";
import { RedirectSignal, sessionCookie, setRequest } from "@/test/next-request";
import { clearRagOverride, setRagOverride } from "./overdue/actions";
import { approveReports } from "./review/actions";

vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

let db: Db;
let f: ReportingFixture;
const today = todayInShanghai(new Date());

async function as(userId: number) {
  setRequest({ cookies: await sessionCookie({ sessionId: addSession(db, userId), userId }) });
}

const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) data.append(k, one);
  return data;
};

function submit(taskId: number, periodId: number, userId: number, houses: number) {
  return db.transaction(
    (tx) => {
      const r = submitReport(tx, {
        subject: { taskId },
        periodId,
        expectedVersion: 0,
        content: {
          progress: "按计划推进",
          problems: "",
          nextSteps: "",
          selfStatus: "onTrack",
          milestoneDone: null,
          milestoneDoneOn: null,
          metricValues:
            taskId === f.taskId
              ? [
                  { metricId: f.metricIds.houses, value: houses },
                  { metricId: f.metricIds.growth, value: 6 },
                ]
              : [{ metricId: f.metricIds.otherTask, value: houses }],
        },
        userId,
        now: Date.parse("2026-04-03T10:00:00+08:00"),
      });
      if (!r.ok) throw new Error(r.reason);
      return r.reportId;
    },
    { behavior: "immediate" },
  );
}

let reportA: number;
let reportB: number;

beforeAll(() => {
  db = migratedAppDb();
  f = seedReportingFixture(db);
  // Task 27: 10 of 33 houses planned for Q1 (behind by 69.7%); task 28: on plan (102 of 102).
  reportA = submit(f.taskId, f.periods.q1, f.users.lead, 10);
  reportB = submit(f.otherTaskId, f.periods.q1, f.users.other, 102);
});

const matrix = (asOf: string, today = asOf) => {
  const q1 = listPeriods({ yearId: f.yearId }).find((p) => p.code === "2026Q1")!;
  return matrixRows(
    listSubjectQuarters({ periods: [q1], asOf, today, filter: { yearId: f.yearId } }).map((q) => ({
      subject: q.subject,
      status: q.status,
      reportState: q.reportState,
      lastSubmittedAt: q.record?.lastSubmittedAt ?? null,
      leadReporting: q.leadReporting,
    })),
  );
};

describe("the supervision views", () => {
  it("build the submission matrix and its counts for a quarter", () => {
    const rows = matrix("2026-04-10", today);
    expect(rows.map((r) => [r.subject.label, r.reportState, r.reporting])).toEqual([
      ["第27项", "submitted", "on_time"],
      ["第28项", "submitted", "on_time"],
    ]);
    expect(countRows(rows)).toMatchObject({ due: 2, reported: 2, overdueMissing: 0, pending: 2 });
  });

  it("show nothing reported on a day before the submissions", () => {
    expect(countRows(matrix("2026-04-02", today))).toMatchObject({ reported: 0, none: 2, notDue: 2 });
  });

  it("list the task behind plan with its reason, judged from the submitted version", () => {
    const { rows } = listOverdueRows({
      periods: listPeriods({ yearId: f.yearId }).filter((p) => p.code === "2026Q1"),
      asOf: "2026-04-10",
      today,
      filter: { yearId: f.yearId },
    });
    const list = buildOverdueList(rows, new Map());
    expect(list.map((e) => e.subject.label)).toEqual(["第27项"]);
    expect(list[0]?.reasons[0]?.text).toBe("一季度：改造城市危旧房 累计 10/33 套，低于季度目标 69.7%");
  });
});

describe("bulk approval", () => {
  it("refuses everything when one report changed since the queue was loaded", async () => {
    const versionA = db.select({ version: reports.version }).from(reports).where(eq(reports.id, reportA)).get()!.version;
    await as(f.users.supervisor);
    const state = await approveReports(undefined, form({ items: [`${reportA}:${versionA}`, `${reportB}:99`] }));
    expect(state.message).toMatch(/第 2 份报告已有更新/);
    expect(
      db
        .select({ status: reports.status })
        .from(reports)
        .all()
        .map((r) => r.status),
    ).toEqual(["submitted", "submitted"]);
  });

  it("refuses a unit user", async () => {
    await as(f.users.lead);
    expect((await approveReports(undefined, form({ items: `${reportA}:1` }))).message).toBe("无权限执行此操作");
  });

  it("approves every ticked report with one audit row each", async () => {
    const queue = listReviewQueue({ yearId: f.yearId });
    expect(queue.map((q) => q.no)).toEqual([27, 28]);
    await as(f.users.supervisor);
    const state = await approveReports(undefined, form({ items: queue.map((q) => `${q.reportId}:${q.version}`) }));
    expect(state).toMatchObject({ ok: true, message: "已通过 2 份报告。" });
    expect(listReviewQueue({ yearId: f.yearId })).toEqual([]);
    const rows = db.select().from(auditLog).where(eq(auditLog.action, "report.approve")).all();
    expect(rows.map((r) => r.entityId).sort()).toEqual([String(reportA), String(reportB)].sort());
  });
});

describe("进度 override", () => {
  const fields = { subject: "task:27", periodCode: "2026Q1", color: "amber", reason: "用地问题已协调解决", expectedAt: "0" };

  it("needs a reason", async () => {
    await as(f.users.supervisor);
    const state = await setRagOverride(undefined, form({ ...fields, reason: " " }));
    expect(state.errors?.reason).toEqual(["请填写调整理由"]);
  });

  it("is refused to a leader", async () => {
    const leader = db.$client.prepare("insert into leaders (name, position) values ('杨盛', 1) returning id").get() as { id: number };
    const userId = (
      db.$client
        .prepare(
          "insert into users (username, display_name, role, leader_id, password_hash, must_change_password) values ('ys', '杨盛', 'leader', ?, 'x', 0) returning id",
        )
        .get(leader.id) as { id: number }
    ).id;
    await as(userId);
    expect((await setRagOverride(undefined, form(fields))).message).toBe("无权限执行此操作");
    expect(db.select().from(progressOverrides).all()).toEqual([]);
  });

  it("is stored, audited, and shown as the 进度 lamp beside the computed one", async () => {
    await as(f.users.supervisor);
    expect(await setRagOverride(undefined, form(fields))).toMatchObject({ ok: true });
    const q1 = listPeriods({ yearId: f.yearId }).find((p) => p.code === "2026Q1")!;
    const [row] = listSubjectQuarters({ periods: [q1], asOf: today, today, filter: { yearId: f.yearId, only: { kind: "task", no: 27 } } });
    expect(row?.status).toMatchObject({
      progress: "amber",
      computedProgress: "red",
      overridden: true,
      override: { color: "amber", reason: "用地问题已协调解决", byName: "dcs" },
    });
    expect(db.select().from(auditLog).where(eq(auditLog.action, "rag.override")).all().at(-1)?.outcome).toBe("success");
    const stale = await setRagOverride(undefined, form({ ...fields, color: "green" }));
    expect(stale.message).toMatch(/已被他人修改/);
  });

  it("is cleared back to the computed lamp at once, in the stored judgement every page reads", async () => {
    await as(f.users.supervisor);
    const q1 = listPeriods({ yearId: f.yearId }).find((p) => p.code === "2026Q1")!;
    const status = () => listSubjectQuarters({ periods: [q1], asOf: today, today, filter: { yearId: f.yearId } }).find((q) => q.subject.no === 27)!.status;
    const at = status().override!.at;
    expect(await clearRagOverride(undefined, form({ subject: "task:27", periodCode: "2026Q1", expectedAt: String(at) }))).toMatchObject({ ok: true });
    expect(status()).toMatchObject({ progress: "red", computedProgress: "red", overridden: false, override: null });
  });
});

describe("notifications", () => {
  it("adds due and overdue reminders once, however often the bell renders", () => {
    const first = syncDueNotifications({ yearId: f.yearId, userId: f.users.lead, unitId: f.units.lead, today: "2026-07-03" });
    const again = syncDueNotifications({ yearId: f.yearId, userId: f.users.lead, unitId: f.units.lead, today: "2026-07-03" });
    expect(first).toBe(1); // Q2 of task 27 due 07-05 (Q1 was submitted)
    expect(again).toBe(0);
    expect(syncDueNotifications({ yearId: f.yearId, userId: f.users.lead, unitId: f.units.lead, today: "2026-07-06" })).toBe(1);
    expect(listNotifications({ userId: f.users.lead }).items.map((n) => n.title)).toEqual([
      "第27项 改造城市危旧房 132 套 二季度 报告已逾期未报（截止 2026-07-05）",
      "第27项 改造城市危旧房 132 套 二季度 报告将于 2026-07-05 截止",
    ]);
  });

  it("opens one's own notification: marked read, then off to its link", async () => {
    const mine = listNotifications({ userId: f.users.lead }).items[0]!;
    await as(f.users.lead);
    await expect(openNotification(undefined, form({ id: String(mine.id) }))).rejects.toEqual(new RedirectSignal("/tasks/27/report/2026Q2"));
    expect(listNotifications({ userId: f.users.lead }).unread).toBe(1);
  });

  it("refuses to open another user's notification", async () => {
    const mine = listNotifications({ userId: f.users.lead }).items.find((n) => !n.read)!;
    await as(f.users.other);
    expect((await openNotification(undefined, form({ id: String(mine.id) }))).message).toBe("无权限执行此操作");
    expect(db.select().from(notifications).where(eq(notifications.id, mine.id)).get()?.readAt).toBeNull();
  });
});
