// 配合情况 with evidence: a task's or 督办事项's 配合单位 and a livelihood project's 相关责任单位
// write a note, attach files staged like a report's, the lead units are told (subject named in
// full, repeated notes of a quarter grouped), and a note's files open for its readers only.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, attachments, coopNotes, notifications, supervisionItems, units, users } from "@/db/schema";
import { pdfBytes } from "@/lib/testing/evidence-fixtures";
import { actAs, openSeededAppDb, periodIdOf, unitIdOf, userIdOf } from "@/test/bad-inputs/fixture";
import { snapshotDatabase } from "@/test/app-db";

vi.hoisted(() => {
  process.env.APP_TODAY = "2026-12-01";
});
vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

const { saveProjectCoopNote } = await import("@/app/projects/[no]/report/[quarter]/actions");
const { saveCoopNoteAction } = await import("@/app/tasks/[no]/report/[quarter]/actions");
const { saveItemCoopNote, saveItemReport } = await import("@/app/items/[no]/report/[quarter]/actions");
const { ITEM_NOT_DUE_MESSAGE } = await import("@/lib/supervision-items");
const { listItems } = await import("@/db/queries/items");
const { POST: upload } = await import("@/app/api/evidence/uploads/route");
const { GET: download } = await import("@/app/api/attachments/[id]/route");
const { listNotifications } = await import("@/db/queries/notifications");
const { STALE_UPLOAD_MESSAGE } = await import("@/app/_lib/errors");

let db: Db;
const Q = "2026Q4";

const form = (fields: Record<string, string>, attach: number[] = []) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  for (const id of attach) data.append("attach", String(id));
  return data;
};

async function stagePdf(username: string, name: string): Promise<number> {
  await actAs(db, username);
  const res = await upload(
    new Request(`http://localhost/api/evidence/uploads?name=${encodeURIComponent(name)}`, { method: "POST", body: new Blob([pdfBytes() as BlobPart]) }),
    {
      params: Promise.resolve({}),
    },
  );
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

/** The download route's status as `username` gets it. */
async function open(username: string, id: number): Promise<number> {
  await actAs(db, username);
  return (await download(new Request(`http://localhost/api/attachments/${id}`), { params: Promise.resolve({ id: String(id) }) })).status;
}

const notesOf = (unit: string) =>
  db
    .select()
    .from(coopNotes)
    .where(and(eq(coopNotes.unitId, unitIdOf(db, unit)), eq(coopNotes.periodId, periodIdOf(db, Q))))
    .all();
const unitUserIds = (unit: string) =>
  db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.unitId, unitIdOf(db, unit)))
    .all()
    .map((u) => u.id);
const told = (kind: string) => db.select().from(notifications).where(eq(notifications.kind, kind)).all();

beforeAll(async () => {
  db = await openSeededAppDb();
});

describe("a livelihood project's 相关责任单位 writes 配合情况 with evidence", () => {
  let fileId: number;

  it("交通运输局 adds its note to 民生实事 1 with a PDF; 农业农村局 is told, naming the project in full", async () => {
    fileId = await stagePdf("jtysj", "桥梁排查配合记录.pdf");
    const state = await saveProjectCoopNote(undefined, form({ projectNo: "1", quarter: Q, version: "0", text: "已配合完成 12 座桥梁的安全排查。" }, [fileId]));
    expect(state).toMatchObject({ ok: true });
    const [note] = notesOf("交通运输局");
    expect(note).toMatchObject({ text: "已配合完成 12 座桥梁的安全排查。", version: 1, taskId: null });
    expect(db.select({ coopNoteId: attachments.coopNoteId }).from(attachments).where(eq(attachments.id, fileId)).get()).toEqual({ coopNoteId: note!.id });

    const messages = told("coop_note_added");
    const leads = unitUserIds("农业农村局");
    expect(messages.length).toBe(leads.length);
    expect(messages.every((m) => leads.includes(m.userId))).toBe(true);
    expect(messages[0]!.title).toContain("交通运输局填写了民生实事1 农村村民自建桥梁");
    expect(messages[0]!.link).toBe(`/projects/1/report/${Q}#coop-heading`);
  });

  it("opens the note's file for the lead unit, the 督查室, a leader and the note's unit; another 相关责任单位 and an outside unit get 403", async () => {
    expect(await open("nyncj", fileId)).toBe(200);
    expect(await open("duchashi", fileId)).toBe(200);
    expect(await open("yangsheng", fileId)).toBe(200);
    expect(await open("jtysj", fileId)).toBe(200);
    expect(await open("zrzyj", fileId)).toBe(403);
    expect(await open("fgj", fileId)).toBe(403);
  });

  it("a revision tells nobody again; a second unit's note is grouped with the first in the lead unit's list", async () => {
    await actAs(db, "jtysj");
    const before = told("coop_note_added").length;
    expect(await saveProjectCoopNote(undefined, form({ projectNo: "1", quarter: Q, version: "1", text: "已配合完成 14 座桥梁的安全排查。" }))).toMatchObject({
      ok: true,
    });
    expect(told("coop_note_added").length).toBe(before);

    await actAs(db, "zrzyj");
    expect(await saveProjectCoopNote(undefined, form({ projectNo: "1", quarter: Q, version: "0", text: "已核实桥梁用地。" }))).toMatchObject({ ok: true });
    const list = listNotifications({ userId: userIdOf(db, "nyncj") }).items.filter((n) => n.kind === "coop_note_added");
    expect(list.map((n) => n.title)).toEqual([expect.stringMatching(/^自然资源局填写了民生实事1 .*（本季度另有 1 个配合单位填写了配合情况）$/)]);
  });

  it("refuses a unit with no part in the project, and a file that is not the caller's staged upload, changing nothing", async () => {
    await actAs(db, "fgj");
    let before = snapshotDatabase(db);
    expect((await saveProjectCoopNote(undefined, form({ projectNo: "1", quarter: Q, version: "0", text: "越权填写" }))).message).toBe("无权限执行此操作");
    expect(snapshotDatabase(db)).toEqual(before);

    const someoneElses = await stagePdf("zjj", "别人的附件.pdf");
    await actAs(db, "jtysj");
    before = snapshotDatabase(db);
    const state = await saveProjectCoopNote(undefined, form({ projectNo: "1", quarter: Q, version: "2", text: "附上别人的文件" }, [someoneElses]));
    expect(state.errors?.evidence).toEqual([STALE_UPLOAD_MESSAGE]);
    expect(state.values?.text).toBe("附上别人的文件");
    expect(snapshotDatabase(db)).toEqual(before);
  });

  it("removes a file from the note on request; the stored row stays", async () => {
    await actAs(db, "jtysj");
    expect(
      await saveProjectCoopNote(
        undefined,
        form({ projectNo: "1", quarter: Q, version: "2", text: "已配合完成 14 座桥梁的安全排查。", removeAttachment: String(fileId) }),
      ),
    ).toMatchObject({
      ok: true,
    });
    expect(db.select({ removedAt: attachments.removedAt }).from(attachments).where(eq(attachments.id, fileId)).get()!.removedAt).not.toBeNull();
  });
});

describe("a task's 配合单位 attaches evidence the same way", () => {
  it("the note's file goes with the note; the task's lead unit is told", async () => {
    const coopTask = db.$client
      .prepare(
        "select t.no as no from task_units tu join tasks t on t.id = tu.task_id join units u on u.id = tu.unit_id where u.name = '交通运输局' and tu.role = 'coop' order by t.no limit 1",
      )
      .get() as { no: number };
    const fileId = await stagePdf("jtysj", "配合材料.pdf");
    const state = await saveCoopNoteAction(undefined, form({ taskNo: String(coopTask.no), quarter: Q, version: "0", text: "已配合完成道路审批。" }, [fileId]));
    expect(state).toMatchObject({ ok: true });
    const note = notesOf("交通运输局").find((n) => n.taskId !== null)!;
    expect(db.select({ coopNoteId: attachments.coopNoteId }).from(attachments).where(eq(attachments.id, fileId)).get()).toEqual({ coopNoteId: note.id });
    expect(told("coop_note_added").some((m) => m.title.startsWith(`交通运输局填写了第${coopTask.no}项`))).toBe(true);
  });
});

describe("a 督办事项's 配合单位 writes 配合情况 with evidence (the same pipeline)", () => {
  // 督办事项22 (第52次常务会议 八 三): 城管局 leads; 生态环境分局, 新市街道办 and 财政局 cooperate.
  const ITEM = "22";
  /** The account of a unit (one per real unit, as seeded). */
  const accountOf = (unit: string) =>
    db
      .select({ username: users.username })
      .from(users)
      .where(eq(users.unitId, unitIdOf(db, unit)))
      .get()!.username;
  const itemNotes = (no: string) =>
    db
      .select()
      .from(coopNotes)
      .innerJoin(supervisionItems, eq(supervisionItems.id, coopNotes.itemId))
      .where(and(eq(supervisionItems.no, Number(no)), eq(coopNotes.periodId, periodIdOf(db, Q))))
      .all()
      .map((r) => r.coop_notes);
  let fileId: number;

  beforeAll(() => {
    // Given a time limit, so its quarters are due (the minutes print none).
    for (const no of [20, 22]) db.update(supervisionItems).set({ cadence: "once", deadline: "2026-12-31" }).where(eq(supervisionItems.no, no)).run();
  });

  it("财政局 saves its note with a PDF; 城管局 is told, the audit row names the item's quarter", async () => {
    fileId = await stagePdf(accountOf("财政局"), "资金保障说明.pdf");
    const state = await saveItemCoopNote(undefined, form({ itemNo: ITEM, quarter: Q, version: "0", text: "已安排填埋场整改专项资金 120 万元。" }, [fileId]));
    expect(state).toMatchObject({ ok: true });
    const [note] = itemNotes(ITEM);
    expect(note).toMatchObject({ unitId: unitIdOf(db, "财政局"), text: "已安排填埋场整改专项资金 120 万元。", version: 1, taskId: null, projectId: null });
    expect(db.select({ coopNoteId: attachments.coopNoteId }).from(attachments).where(eq(attachments.id, fileId)).get()).toEqual({ coopNoteId: note!.id });

    const messages = told("coop_note_added").filter((m) => m.link === `/items/22/report/${Q}#coop-heading`);
    const leads = unitUserIds("城管局");
    expect(messages.length).toBe(leads.length);
    expect(messages.every((m) => leads.includes(m.userId))).toBe(true);
    expect(messages[0]!.title).toMatch(/^财政局填写了督办事项22 /);

    const audit = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "coopNote.save"), eq(auditLog.entityId, String(note!.id))))
      .all();
    expect(audit.map((a) => a.outcome)).toEqual(["success"]);
  });

  it("opens the note's file for 城管局, the 督查室 and 财政局; another 配合单位 (新市街道办) and an outside unit get 403", async () => {
    expect(await open(accountOf("城管局"), fileId)).toBe(200);
    expect(await open("duchashi", fileId)).toBe(200);
    expect(await open(accountOf("财政局"), fileId)).toBe(200);
    expect(await open(accountOf("新市街道办"), fileId)).toBe(403);
    expect(await open("fgj", fileId)).toBe(403);
  });

  it("the item's own report evidence opens through the same route: for its lead unit and the 督查室, not for an outside unit", async () => {
    const reportFile = await stagePdf(accountOf("城管局"), "整改方案.pdf");
    const state = await saveItemReport(
      undefined,
      form({ itemNo: ITEM, quarter: Q, version: "0", progress: "已完成防渗体系检测。", problems: "", nextSteps: "", selfStatus: "onTrack" }, [reportFile]),
    );
    expect(state).toMatchObject({ ok: true });
    expect(await open(accountOf("城管局"), reportFile)).toBe(200);
    expect(await open("duchashi", reportFile)).toBe(200);
    expect(await open("fgj", reportFile)).toBe(403);
  });

  it("a revision checks the version and tells nobody again; a stale version is refused, the typed text kept", async () => {
    await actAs(db, accountOf("财政局"));
    const before = told("coop_note_added").length;
    expect(await saveItemCoopNote(undefined, form({ itemNo: ITEM, quarter: Q, version: "1", text: "已拨付专项资金 120 万元。" }))).toMatchObject({ ok: true });
    expect(told("coop_note_added").length).toBe(before);
    const snapshot = snapshotDatabase(db);
    const stale = await saveItemCoopNote(undefined, form({ itemNo: ITEM, quarter: Q, version: "1", text: "旧页面上的修改" }));
    expect(stale.message).toContain("配合情况已被本单位其他人员修改");
    expect(stale.values?.text).toBe("旧页面上的修改");
    expect(snapshotDatabase(db)).toEqual(snapshot);
  });

  it("refuses a unit that is not the item's 配合单位 (its lead unit included), changing nothing", async () => {
    for (const username of ["fgj", accountOf("城管局")]) {
      await actAs(db, username);
      const before = snapshotDatabase(db);
      expect((await saveItemCoopNote(undefined, form({ itemNo: ITEM, quarter: Q, version: "0", text: "越权填写" }))).message).toBe("无权限执行此操作");
      expect(snapshotDatabase(db)).toEqual(before);
    }
  });

  it("refuses a note in a quarter the item takes no report in (no time limit yet)", async () => {
    // 督办事项14 (财政局 leads, 发改局 and 水利局 cooperate) has no time limit.
    await actAs(db, "fgj");
    const before = snapshotDatabase(db);
    expect((await saveItemCoopNote(undefined, form({ itemNo: "14", quarter: Q, version: "0", text: "已配合完成立项手续。" }))).message).toBe(
      ITEM_NOT_DUE_MESSAGE,
    );
    expect(snapshotDatabase(db)).toEqual(before);
  });

  it("“各镇（街道）” as the 配合单位 reaches every 镇街 unit, as for a task: 新市街道办 sees 督办事项20 and writes its note", async () => {
    const xinshi = unitIdOf(db, "新市街道办");
    const towns = db.select({ id: units.id }).from(units).where(eq(units.kind, "镇街")).all();
    expect(towns.length).toBeGreaterThan(1);
    const yearId = db.select({ yearId: supervisionItems.yearId }).from(supervisionItems).where(eq(supervisionItems.no, 20)).get()!.yearId;
    expect(listItems({ yearId, unitId: xinshi }).map((i) => i.no)).toContain(20);
    await actAs(db, accountOf("新市街道办"));
    expect(await saveItemCoopNote(undefined, form({ itemNo: "20", quarter: Q, version: "0", text: "已完成辖区危房排查。" }))).toMatchObject({ ok: true });
    expect(itemNotes("20").map((n) => n.unitId)).toEqual([xinshi]);
    expect(told("coop_note_added").some((m) => m.link === `/items/20/report/${Q}#coop-heading` && unitUserIds("住建局").includes(m.userId))).toBe(true);
  });
});
