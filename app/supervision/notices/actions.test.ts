import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { verifyAuditChain } from "@/db/audit";
import type { Db } from "@/db/client";
import { getNotice, insertNotice, listEscalatedNoticesForLeader, listNoticeEvents, listNoticesAsOf, listOpenNoticesForUnit } from "@/db/queries/notices";
import { listNotifications } from "@/db/queries/notifications";
import { auditLog, leaders, livelihoodProjects, notices, notifications, projectLeaders, projectUnits, taskLeaders, users } from "@/db/schema";
import { seedReportingFixture, type ReportingFixture } from "@/db/testing/reporting-fixtures";
import { issueYear } from "@/lib/notice-state";
import { addDays, todayInShanghai } from "@/lib/periods";
import { addSession, migratedAppDb } from "@/test/app-db";
import { RedirectSignal, sessionCookie, setRequest } from "@/test/next-request";
import { closeNotice, escalateNoticeToLeader, issueNotice, raiseNoticeToDuban, replyNotice, sendBackNotice } from "./actions";

vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

let db: Db;
let f: ReportingFixture;
let leaderUser: number;
let leaderId: number;
const today = todayInShanghai(new Date());

const form = (fields: Record<string, string | File>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
};

async function as(userId: number) {
  setRequest({ cookies: await sessionCookie({ sessionId: addSession(db, userId), userId }) });
}

/** Runs an action that redirects on success; returns the redirect target. */
async function expectRedirect(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (e) {
    if (e instanceof RedirectSignal) return e.url;
    throw e;
  }
  throw new Error("expected a redirect");
}

const auditFor = (action: string) => db.select().from(auditLog).where(eq(auditLog.action, action)).all();
const inbox = (userId: number) => listNotifications({ userId }).items.map((n) => n.title);

beforeAll(() => {
  db = migratedAppDb();
  f = seedReportingFixture(db);
  leaderId = db.insert(leaders).values({ name: "李亚江", position: 1 }).returning().get().id;
  db.insert(taskLeaders).values({ taskId: f.taskId, leaderId, position: 1 }).run();
  leaderUser = db
    .insert(users)
    .values({ username: "liyajiang", displayName: "李亚江", role: "leader", leaderId, passwordHash: "x", mustChangePassword: false })
    .returning()
    .get().id;
});

async function issue(level: "cuiban" | "duban" = "duban"): Promise<number> {
  await as(f.users.supervisor);
  const to = await expectRedirect(
    issueNotice(
      undefined,
      form({
        subject: "task:27",
        periodCode: "2026Q1",
        level,
        problem: "Q1 未报，已逾期 6 天",
        requirement: "请立即报送并说明原因",
        deadline: addDays(today, 5),
      }),
    ),
  );
  return Number(to.split("/").pop());
}

describe("issuing", () => {
  it("numbers a 督办 of the year, addresses the lead units and tells them", async () => {
    const id = await issue();
    const notice = getNotice({ id })!;
    expect(notice).toMatchObject({ level: "duban", serialNo: 1, title: `督办〔${issueYear(Date.now())}〕1号`, status: "sent" });
    expect(notice.units.map((u) => u.id)).toEqual([f.units.lead]);
    expect(inbox(f.users.lead)[0]).toMatch(/^督办〔\d{4}〕1号：第27项/);
    expect(inbox(f.users.coop)).toEqual([]);
    expect(auditFor("notice.issue").at(-1)).toMatchObject({ outcome: "success", entityId: String(id) });
    expect(listOpenNoticesForUnit({ unitId: f.units.lead }).map((n) => n.id)).toContain(id);
  });

  it("gives the next 督办 the next number and a 催办 its own number of the year", async () => {
    const second = getNotice({ id: await issue() })!;
    const cuiban = getNotice({ id: await issue("cuiban") })!;
    expect(second.serialNo).toBe(2);
    expect(cuiban).toMatchObject({ serialNo: 1, title: `催办〔${issueYear(Date.now())}〕1号` });
  });

  it("refuses a unit user: nothing issued, a denied audit row", async () => {
    const before = db.$client.prepare("select count(*) as n from notices").get() as { n: number };
    await as(f.users.lead);
    const state = await issueNotice(undefined, form({ subject: "task:27", level: "duban", problem: "x", requirement: "y", deadline: addDays(today, 3) }));
    expect(state.message).toBe("无权限执行此操作");
    expect(db.$client.prepare("select count(*) as n from notices").get()).toEqual(before);
    expect(auditFor("notice.issue").at(-1)?.outcome).toBe("denied");
  });

  it("refuses a deadline in the past and a missing requirement, keeping what was typed", async () => {
    await as(f.users.supervisor);
    const past = await issueNotice(
      undefined,
      form({ subject: "task:27", level: "duban", problem: "逾期", requirement: "请报送", deadline: addDays(today, -1) }),
    );
    expect(past.errors?.deadline).toEqual(["回复期限不能早于今天"]);
    expect(past.values?.problem).toBe("逾期");
    const empty = await issueNotice(undefined, form({ subject: "task:27", level: "duban", problem: "逾期", requirement: " ", deadline: addDays(today, 2) }));
    expect(empty.errors?.requirement).toEqual(["请填写整改要求"]);
  });
});

describe("livelihood projects", () => {
  it("takes a 催办 on a project to its lead units and names it 民生实事N", async () => {
    const docId = db.$client.prepare("select id from source_documents limit 1").get() as { id: number };
    const projectId = db
      .insert(livelihoodProjects)
      .values({ yearId: f.yearId, no: 2, name: "农村危房改造", sourceDocumentId: docId.id, sourceRef: "测试" })
      .returning()
      .get().id;
    db.insert(projectUnits).values({ projectId, unitId: f.units.other, role: "lead", position: 1 }).run();
    db.insert(projectLeaders).values({ projectId, leaderId, position: 1 }).run();
    await as(f.users.supervisor);
    const to = await expectRedirect(
      issueNotice(undefined, form({ subject: "project:2", level: "cuiban", problem: "Q1 未报", requirement: "请报送", deadline: addDays(today, 5) })),
    );
    const notice = getNotice({ id: Number(to.split("/").pop()) })!;
    expect(notice).toMatchObject({ projectNo: 2, taskNo: null, units: [{ id: f.units.other, name: "教育局" }] });
    expect(inbox(f.users.other)[0]).toMatch(/^催办〔\d{4}〕\d+号：民生实事2，请于/);
  });
});

describe("reply → send back → reply → 销号", () => {
  it("runs the whole loop with events, notifications and audit rows", async () => {
    const id = await issue();
    let n = getNotice({ id })!;

    await as(f.users.other);
    expect((await replyNotice(undefined, form({ noticeId: String(id), version: String(n.version), reply: "不是我们的任务" }))).message).toBe(
      "无权限执行此操作",
    );
    expect(getNotice({ id })?.status).toBe("sent");

    await as(f.users.lead);
    const replied = await replyNotice(undefined, form({ noticeId: String(id), version: String(n.version), reply: "已于今日补报 Q1 报告" }));
    expect(replied).toMatchObject({ ok: true });
    n = getNotice({ id })!;
    expect(n.status).toBe("replied");
    expect(inbox(f.users.supervisor)[0]).toMatch(/住建局 已回复 督办/);

    await as(f.users.lead);
    const twice = await replyNotice(undefined, form({ noticeId: String(id), version: String(n.version), reply: "再回复" }));
    expect(twice.message).toBe("已回复，正在等待督查室审核");

    await as(f.users.supervisor);
    const newDeadline = addDays(today, 10);
    await sendBackNotice(undefined, form({ noticeId: String(id), version: String(n.version), comment: "请附佐证材料", deadline: newDeadline }));
    n = getNotice({ id })!;
    expect(n).toMatchObject({ status: "sent", deadline: newDeadline });
    expect(inbox(f.users.lead)[0]).toMatch(/回复被退回.*请附佐证材料/);

    await as(f.users.lead);
    const pdf = new File([new TextEncoder().encode("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n")], "整改说明.pdf", { type: "application/pdf" });
    await replyNotice(undefined, form({ noticeId: String(id), version: String(n.version), reply: "已补充佐证", files: pdf }));
    n = getNotice({ id })!;

    await as(f.users.supervisor);
    await closeNotice(undefined, form({ noticeId: String(id), version: String(n.version), comment: "问题已解决" }));
    expect(getNotice({ id })).toMatchObject({ status: "closed" });

    const events = listNoticeEvents({ noticeIds: [id] });
    expect(events.map((e) => e.kind)).toEqual(["issued", "replied", "returned", "replied", "closed"]);
    expect(events[3]?.files.map((x) => x.filename)).toEqual(["整改说明.pdf"]);
    for (const action of ["notice.reply", "notice.sendBack", "notice.close"]) expect(auditFor(action).some((r) => r.outcome === "success")).toBe(true);
    expect(verifyAuditChain(db).ok).toBe(true);
    expect(listOpenNoticesForUnit({ unitId: f.units.lead }).map((x) => x.id)).not.toContain(id);
  });

  it("refuses a form loaded before someone else changed the notice", async () => {
    const id = await issue();
    const stale = getNotice({ id })!.version;
    await as(f.users.lead);
    await replyNotice(undefined, form({ noticeId: String(id), version: String(stale), reply: "第一次" }));
    await as(f.users.supervisor);
    const state = await closeNotice(undefined, form({ noticeId: String(id), version: String(stale) }));
    expect(state.message).toMatch(/已被他人修改/);
    expect(getNotice({ id })?.status).toBe("replied");
  });
});

describe("escalation ladder", () => {
  it("raises an overdue 催办 to a numbered 督办 and shows the 催办 as superseded", async () => {
    const created = db.transaction(
      (tx) =>
        insertNotice(tx, {
          taskId: f.taskId,
          periodId: null,
          level: "cuiban",
          problem: "未报",
          requirement: "请报送",
          deadline: addDays(today, -2),
          unitIds: [f.units.lead],
          byId: f.users.supervisor,
          now: Date.now() - 5 * 86_400_000,
        }),
      { behavior: "immediate" },
    );
    await as(f.users.supervisor);
    const to = await expectRedirect(
      raiseNoticeToDuban(
        undefined,
        form({ noticeId: String(created.id), version: "1", problem: "催办逾期未回复", requirement: "限期报送", deadline: addDays(today, 3) }),
      ),
    );
    const duban = getNotice({ id: Number(to.split("/").pop()) })!;
    expect(duban).toMatchObject({ level: "duban", escalatedFromId: created.id, status: "sent" });
    expect(getNotice({ id: created.id })).toMatchObject({ status: "closed", superseded: true });
    expect(listNoticesAsOf({ asOf: today, today, yearId: f.yearId }).find((n) => n.id === created.id)?.stateAsOf).toBe("superseded");
  });

  it("refuses to raise a 催办 that is not yet overdue", async () => {
    const id = await issue("cuiban");
    await as(f.users.supervisor);
    const state = await raiseNoticeToDuban(
      undefined,
      form({ noticeId: String(id), version: "1", problem: "x", requirement: "y", deadline: addDays(today, 3) }),
    );
    expect(state.message).toMatch(/尚未逾期/);
  });

  it("escalates a 督办 to the task's leader, who is told and sees it, with the 市长 copied", async () => {
    const mayorId = db.insert(leaders).values({ name: "马慧", title: "市长", position: 0 }).returning().get().id;
    const mayorUser = db
      .insert(users)
      .values({ username: "mayor", displayName: "马慧", role: "leader", leaderId: mayorId, passwordHash: "x", mustChangePassword: false })
      .returning()
      .get().id;
    const id = await issue();
    await as(f.users.supervisor);
    expect(await escalateNoticeToLeader(undefined, form({ noticeId: String(id), version: "1", comment: "请领导调度" }))).toMatchObject({ ok: true });
    expect(listEscalatedNoticesForLeader({ leaderId }).map((n) => n.id)).toContain(id);
    expect(inbox(leaderUser)[0]).toMatch(/^督查室呈报：督办/);
    expect(inbox(mayorUser)[0]).toMatch(/^督查室呈报：督办/);
    const again = await escalateNoticeToLeader(undefined, form({ noticeId: String(id), version: "2" }));
    expect(again.message).toBe("该督办已呈报牵头领导");
  });
});

describe("notifications", () => {
  it("never notifies disabled users", async () => {
    db.update(users).set({ disabled: true }).where(eq(users.id, f.users.lead)).run();
    const before = db.select().from(notifications).where(eq(notifications.userId, f.users.lead)).all().length;
    await issue();
    expect(
      db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, f.users.lead)))
        .all().length,
    ).toBe(before);
    db.update(users).set({ disabled: false }).where(eq(users.id, f.users.lead)).run();
  });

  it("keeps the notices table consistent with the events", () => {
    const count = db.select().from(notices).all().length;
    expect(listNoticesAsOf({ asOf: today, today, yearId: f.yearId }).length).toBe(count);
  });
});
