import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { loadProgramme } from "@/db/data-file/programme";
import { auditLog, notices, periods, quarterStatus, reports, reportVersions, supervisionItems, units } from "@/db/schema";
import { gazetteProgramme } from "@/db/seed/gazette-programme";
import { seedPeriods } from "@/db/seed/seed-periods";
import { yearIdOf } from "@/db/testing/programme-year";
import { ITEM_NOT_DUE_MESSAGE } from "@/lib/supervision-items";
import { addSession, addUser, migratedAppDb } from "@/test/app-db";
import { formData, sessionCookie, setRequest, settleAction } from "@/test/next-request";

vi.hoisted(() => {
  process.env.APP_TODAY = "2026-12-01";
});
vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

const { approveItemReport, saveItemReport, submitItemReport } = await import("./actions");
const { scheduleItem } = await import("@/app/items/actions");
const { closeNotice, issueNotice, replyNotice } = await import("@/app/supervision/notices/actions");
const { getNotice } = await import("@/db/queries/notices");
const { listSubjectQuarters } = await import("@/db/queries/status-board");
const { listPeriods } = await import("@/db/queries/periods");

// 督办事项19 (第52次常务会议 七): “明确由市住建局根据会议精神……报审后印发实施”, no printed deadline.
const ITEM = 19;
let db: Db;
const userIds: Record<string, number> = {};

beforeAll(() => {
  db = migratedAppDb();
  db.transaction((tx) => loadProgramme(tx, gazetteProgramme()), { behavior: "immediate" });
  seedPeriods(db, { year: 2026 });
  const unitId = (name: string) => db.select({ id: units.id }).from(units).where(eq(units.name, name)).get()!.id;
  userIds.zjj = addUser(db, { username: "zjj", role: "unit", unitId: unitId("住建局") });
  userIds.fgj = addUser(db, { username: "fgj", role: "unit", unitId: unitId("发改局") });
  userIds.duchashi = addUser(db, { username: "duchashi", role: "supervisor" });
});

async function signInAs(username: string) {
  const userId = userIds[username]!;
  setRequest({ cookies: await sessionCookie({ sessionId: addSession(db, userId), userId }) });
}

const item = () => db.select().from(supervisionItems).where(eq(supervisionItems.no, ITEM)).get()!;
const periodId = (code: string) => db.select({ id: periods.id }).from(periods).where(eq(periods.code, code)).get()!.id;
const q4Report = () =>
  db
    .select()
    .from(reports)
    .where(and(eq(reports.itemId, item().id), eq(reports.periodId, periodId("2026Q4"))))
    .get();
const lamps = (code: string) => {
  const yearId = yearIdOf(db, 2026);
  const period = listPeriods({ yearId }).filter((p) => p.code === code);
  const row = listSubjectQuarters({ periods: period, asOf: "2026-12-01", today: "2026-12-01", filter: { yearId, only: { kind: "item", no: ITEM } } })[0]!;
  return { reporting: row.status.reporting, progress: row.status.progress };
};
const report = { progress: "已按会议精神细化完善方案，报市政府审定", problems: "无", nextSteps: "印发实施", selfStatus: "onTrack" };

describe("a 督办事项's report: time limit → report → review", () => {
  it("is not due (无需报送) and cannot be reported while it has no time limit", async () => {
    expect(lamps("2026Q4").reporting).toBe("not_required");
    await signInAs("zjj");
    const r = await settleAction(saveItemReport(undefined, formData({ itemNo: String(ITEM), quarter: "2026Q4", version: "0", ...report })));
    expect(r.message).toBe(ITEM_NOT_DUE_MESSAGE);
    expect(q4Report()).toBeUndefined();
  });

  it("once the 督查室 sets a deadline, its quarter (and no earlier one) is due and the lead unit reports; another unit cannot", async () => {
    await signInAs("duchashi");
    const set = await settleAction(
      scheduleItem(undefined, formData({ itemNo: String(ITEM), version: String(item().version), cadence: "once", deadline: "2026-12-31" })),
    );
    expect(set.message).toBe("时限已保存。");
    expect(lamps("2026Q4").reporting).toBe("not_due");
    // The time limit was set on 12月1日: nothing is due before 四季度, so Q1–Q3 are not 逾期未报.
    for (const code of ["2026Q1", "2026Q2", "2026Q3"]) expect(lamps(code).reporting, code).toBe("not_required");
    expect(item().scheduledOn).toBe("2026-12-01");

    await signInAs("fgj");
    const refused = await settleAction(saveItemReport(undefined, formData({ itemNo: String(ITEM), quarter: "2026Q4", version: "0", ...report })));
    expect(refused.message).toBe("无权限执行此操作");
    expect(q4Report()).toBeUndefined();

    await signInAs("zjj");
    const saved = await settleAction(saveItemReport(undefined, formData({ itemNo: String(ITEM), quarter: "2026Q4", version: "0", ...report })));
    expect(saved).toMatchObject({ ok: true });
    const submitted = await settleAction(
      submitItemReport(undefined, formData({ itemNo: String(ITEM), quarter: "2026Q4", version: String(q4Report()!.version), ...report })),
    );
    expect(submitted.redirect).toBe(`/items/${ITEM}/report/2026Q4?submitted=1`);
    expect(q4Report()!.status).toBe("submitted");
    expect(lamps("2026Q4").reporting).toBe("on_time");
    const stored = db
      .select()
      .from(quarterStatus)
      .where(and(eq(quarterStatus.subjectKind, "item"), eq(quarterStatus.subjectId, item().id)))
      .get();
    expect(stored?.reportState).toBe("submitted");
    const audited = db.select().from(auditLog).where(eq(auditLog.entity, "report")).all();
    // The other unit's attempt is audited as refused; the not-due attempt was refused before anything ran.
    expect(audited.map((a) => [a.action, a.outcome, a.username, a.entityId]).sort()).toEqual([
      ["report.save", "denied", "fgj", `item${ITEM}/2026Q4`],
      ["report.save", "success", "zjj", String(q4Report()!.id)],
      ["report.submit", "success", "zjj", String(q4Report()!.id)],
    ]);
  });

  it("the 督查室 approves it; a unit cannot", async () => {
    const r = q4Report()!;
    const fields = { reportId: String(r.id), itemNo: String(ITEM), quarter: "2026Q4", version: String(r.version), comment: "同意" };
    await signInAs("zjj");
    expect((await settleAction(approveItemReport(undefined, formData(fields)))).ok).not.toBe(true);
    expect(q4Report()!.status).toBe("submitted");
    await signInAs("duchashi");
    const approved = await settleAction(approveItemReport(undefined, formData(fields)));
    expect(approved.redirect).toBe(`/items/${ITEM}/report/2026Q4?reviewed=approved`);
    expect(q4Report()!.status).toBe("approved");
    expect(db.select().from(reportVersions).where(eq(reportVersions.reportId, r.id)).get()!.reviewStatus).toBe("approved");
    // A task's report of another subject cannot be approved through the item's action.
    const wrong = await settleAction(approveItemReport(undefined, formData({ ...fields, itemNo: "18" })));
    expect(wrong.ok).not.toBe(true);
  });
});

describe("a 督办 notice on a 督办事项: issue → reply → 销号", () => {
  it("goes to the item's lead unit and is closed by the 督查室", async () => {
    await signInAs("duchashi");
    const issued = await settleAction(
      issueNotice(
        undefined,
        formData({ subject: `item:${ITEM}`, level: "duban", problem: "方案尚未印发", requirement: "12月15日前报审印发", deadline: "2026-12-10" }),
      ),
    );
    const id = Number(issued.redirect?.split("/").at(-1));
    expect(issued.redirect).toBe(`/supervision/notices/${id}`);
    const notice = getNotice({ id })!;
    expect(notice.itemNo).toBe(ITEM);
    expect(notice.units.map((u) => u.name)).toEqual(["住建局"]);
    expect(db.select().from(notices).where(eq(notices.id, id)).get()!.itemId).toBe(item().id);

    await signInAs("fgj");
    await settleAction(replyNotice(undefined, formData({ noticeId: String(id), version: String(notice.version), reply: "不是我们的事项" })));
    expect(getNotice({ id })!.status).toBe("sent");

    await signInAs("zjj");
    const replied = await settleAction(
      replyNotice(undefined, formData({ noticeId: String(id), version: String(notice.version), reply: "方案已报审，定于12月12日印发" })),
    );
    expect(replied.ok).toBe(true);
    expect(getNotice({ id })!.status).toBe("replied");

    await signInAs("duchashi");
    const closed = await settleAction(
      closeNotice(undefined, formData({ noticeId: String(id), version: String(getNotice({ id })!.version), comment: "已印发，销号" })),
    );
    expect(closed.ok).toBe(true);
    expect(getNotice({ id })!.status).toBe("closed");
  });
});
