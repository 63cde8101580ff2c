import ExcelJS from "exceljs";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { loadProgramme } from "@/db/data-file/programme";
import { auditLog, livelihoodProjects, periods, projectParts, registerItems, reportPartValues, reports, units } from "@/db/schema";
import { gazetteProgramme } from "@/db/seed/gazette-programme";
import { seedPeriods } from "@/db/seed/seed-periods";
import { yearIdOf } from "@/db/testing/programme-year";
import { REGISTER_SHEET } from "@/lib/register-import";
import { addSession, addUser, migratedAppDb } from "@/test/app-db";
import { RedirectSignal, sessionCookie, setRequest } from "@/test/next-request";

vi.hoisted(() => {
  process.env.APP_TODAY = "2026-04-03";
});
vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

const { saveRegisterItem, deleteRegisterItem, previewRegisterImport, importRegister } = await import("./actions");
const { submitProjectReport } = await import("../report/[quarter]/actions");
const { listRegisterHistory } = await import("@/db/queries/register");

let db: Db;
const userIds: Record<string, number> = {};

beforeAll(() => {
  db = migratedAppDb();
  db.transaction((tx) => loadProgramme(tx, gazetteProgramme()), { behavior: "immediate" });
  seedPeriods(db, { year: 2026 });
  const unitId = (name: string) => db.select({ id: units.id }).from(units).where(eq(units.name, name)).get()!.id;
  for (const [username, unit] of [
    ["nyncj", "农业农村局"],
    ["jtj", "交通运输局"],
    ["fgj", "发改局"],
    ["zjj", "住建局"],
  ] as const) {
    userIds[username] = addUser(db, { username, role: "unit", unitId: unitId(unit) });
  }
});

async function signInAs(username: string) {
  const userId = userIds[username]!;
  setRequest({ cookies: await sessionCookie({ sessionId: addSession(db, userId), userId }) });
}

function form(fields: Record<string, string | File>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}

const bridgePartId = () => {
  const project = db.select({ id: livelihoodProjects.id }).from(livelihoodProjects).where(eq(livelihoodProjects.no, 1)).get()!.id;
  return db
    .select({ id: projectParts.id })
    .from(projectParts)
    .where(and(eq(projectParts.projectId, project), eq(projectParts.position, 1)))
    .get()!.id;
};
const bridgeRows = () => db.select().from(registerItems).where(eq(registerItems.partId, bridgePartId())).orderBy(registerItems.id).all();
const scope = { year: "2026", projectNo: "1", part: "1" };
const bridge = (name: string, extra: Record<string, string> = {}) => ({
  ...scope,
  version: "0",
  place: "白水镇",
  subPlace: "金龙村",
  name,
  severity: "轻微缺损",
  measure: "更换桥面板，加装护栏",
  status: "inProgress",
  statusOn: "",
  note: "",
  ...extra,
});

async function workbook(rows: string[][]): Promise<File> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(REGISTER_SHEET);
  sheet.addRow(["镇（街道）", "村（社区）", "桥梁名称或位置", "缺损类别", "整治措施（一桥一策）", "状态", "完工日期", "备注"]);
  for (const r of rows) sheet.addRow(r);
  const bytes = await wb.xlsx.writeBuffer();
  return new File([new Uint8Array(bytes as ArrayBuffer)], "桥梁台账.xlsx", { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
}

describe("register rows saved in the app", () => {
  it("refuses a unit that is neither the lead nor a 相关责任单位: nothing saved, a denied audit row", async () => {
    await signInAs("fgj");
    const state = await saveRegisterItem(undefined, form(bridge("一号桥")));
    expect(state.message).toBe("无权限执行此操作");
    expect(bridgeRows()).toEqual([]);
    expect(db.select().from(auditLog).orderBy(auditLog.id).all().at(-1)).toMatchObject({ action: "register.save", outcome: "denied", username: "fgj" });
  });

  it("refuses an invalid row with Chinese field errors, echoing what was typed", async () => {
    await signInAs("nyncj");
    const state = await saveRegisterItem(undefined, form(bridge("一号桥", { severity: "", status: "done" })));
    expect(state.errors).toMatchObject({ severity: ["请选择缺损类别"], statusOn: ["完工的请填写完工日期"] });
    expect(state.values?.name).toBe("一号桥");
    expect(bridgeRows()).toEqual([]);
  });

  it("adds a row (lead unit), lets a 相关责任单位 edit it, and refuses a stale version and a duplicate", async () => {
    await signInAs("nyncj");
    expect(await saveRegisterItem(undefined, form(bridge("一号桥")))).toMatchObject({ ok: true });
    const [row] = bridgeRows();
    expect(row).toMatchObject({ yearId: yearIdOf(db), kind: "bridge", naturalKey: "白水镇/金龙村/一号桥", status: "inProgress", version: 1 });

    await signInAs("jtj");
    const edit = bridge("一号桥", { id: String(row!.id), version: "1", status: "done", statusOn: "2026-03-20" });
    expect(await saveRegisterItem(undefined, form(edit))).toMatchObject({ ok: true });
    expect(bridgeRows()[0]).toMatchObject({ status: "done", statusOn: "2026-03-20", version: 2 });

    const stale = await saveRegisterItem(undefined, form({ ...edit, note: "旧页面上的修改" }));
    expect(stale.message).toContain("该行已被他人修改");
    expect(bridgeRows()[0]!.note).toBe("");

    const twin = await saveRegisterItem(undefined, form(bridge("一号 桥")));
    expect(twin.errors?.name).toEqual(["台账中已有同一地点、同一名称的行，请修改那一行，不要重复登记。"]);
    expect(bridgeRows()).toHaveLength(1);
  });

  it("keeps each row's history: who, when, before and after", () => {
    const id = bridgeRows()[0]!.id;
    const history = listRegisterHistory({ itemIds: [id] }).get(id)!;
    expect(history.map((h) => [h.action, h.username])).toEqual([
      ["register.save", "nyncj"],
      ["register.save", "jtj"],
    ]);
    expect(JSON.parse(history[1]!.before!)).toMatchObject({ status: "inProgress", statusOn: null });
    expect(JSON.parse(history[1]!.after!)).toMatchObject({ status: "done", statusOn: "2026-03-20" });
  });
});

describe("register import", () => {
  it("previews a file with a bad row: the row's error, nothing written", async () => {
    await signInAs("nyncj");
    const before = bridgeRows();
    const file = await workbook([
      ["白水镇", "金龙村", "二号桥", "中等缺损", "拆除重建", "完工", "2026-03-25", ""],
      ["白水镇", "金龙村", "三号桥", "特别严重", "加固", "在建", "", ""],
    ]);
    const preview = await previewRegisterImport(undefined, form({ ...scope, file }));
    expect(preview.ok).toBeUndefined();
    expect(preview.errors?.file).toEqual(["第 3 行：「缺损类别」缺损类别应为 轻微缺损、中等缺损、严重缺损 之一"]);
    const all = await importRegister(undefined, form({ ...scope, file, take: "all" }));
    expect(all.message).toContain("本次未导入任何行");
    expect(bridgeRows()).toEqual(before);
  });

  it("imports the valid rows only when asked to, and a re-import by natural key does not duplicate", async () => {
    await signInAs("nyncj");
    const file = await workbook([
      ["白水镇", "金龙村", "二号桥", "中等缺损", "拆除重建", "完工", "2026-03-25", ""],
      ["白水镇", "金龙村", "三号桥", "特别严重", "加固", "在建", "", ""],
    ]);
    expect(await importRegister(undefined, form({ ...scope, file, take: "valid" }))).toMatchObject({
      ok: true,
      message: "已导入：新增 1 行、更新 0 行、无变化 0 行；有误的 1 行未导入。",
    });
    const again = await workbook([
      ["白水镇", "金龙村", "二号桥", "中等缺损", "拆除重建", "完工", "2026-03-25", ""],
      ["白水镇", "金龙村", "一号桥", "轻微缺损", "更换桥面板，加装护栏", "完工", "2026-03-21", "验收合格"],
      ["白水镇", "金龙村", "三号桥", "严重缺损", "加固", "在建", "", ""],
    ]);
    expect(await previewRegisterImport(undefined, form({ ...scope, file: again }))).toMatchObject({
      ok: true,
      message: expect.stringContaining("新增 1 行、更新 1 行、无变化 1 行"),
    });
    expect(await importRegister(undefined, form({ ...scope, file: again }))).toMatchObject({ ok: true });
    const rows = bridgeRows();
    expect(rows.map((r) => [r.name, r.status, r.statusOn])).toEqual([
      ["一号桥", "done", "2026-03-21"],
      ["二号桥", "done", "2026-03-25"],
      ["三号桥", "inProgress", null],
    ]);
    const history = listRegisterHistory({ itemIds: [rows[0]!.id] }).get(rows[0]!.id)!;
    expect(history.at(-1)).toMatchObject({ action: "register.import.row", username: "nyncj" });
  });
});

describe("the Q1 report takes the bridges' counts from the register", () => {
  it("stores the register's counts as of 3月31日, whatever was typed in the form", async () => {
    await signInAs("nyncj");
    const partId = bridgePartId();
    const submit = submitProjectReport(
      undefined,
      form({
        projectNo: "1",
        quarter: "2026Q1",
        version: "0",
        [`part.${partId}.v0`]: "60",
        progress: "完成 3 座桥梁整治。",
        problems: "",
        nextSteps: "加快施工",
        selfStatus: "behind",
      }),
    );
    await expect(submit).rejects.toBeInstanceOf(RedirectSignal);
    const q1 = db.select({ id: periods.id }).from(periods).where(eq(periods.code, "2026Q1")).get()!.id;
    const report = db
      .select()
      .from(reports)
      .where(eq(reports.periodId, q1))
      .all()
      .find((r) => r.projectId !== null)!;
    const values = db.select().from(reportPartValues).where(eq(reportPartValues.reportId, report.id)).all();
    expect(Object.fromEntries(values.map((v) => [v.category, v.value]))).toEqual({ 轻微缺损: 1, 中等缺损: 1, 严重缺损: 0 });
  });
});

describe("deleting a register row entered by mistake", () => {
  const rowNamed = (name: string) => bridgeRows().find((r) => r.name === name);
  const remove = (row: { id: number; version: number }, reason: string) =>
    deleteRegisterItem(undefined, form({ ...scope, id: String(row.id), version: String(row.version), reason }));

  it("asks for a reason and refuses a unit with no part in the project, deleting nothing", async () => {
    await signInAs("nyncj");
    expect(await saveRegisterItem(undefined, form(bridge("误登桥")))).toMatchObject({ ok: true });
    const row = rowNamed("误登桥")!;
    expect((await remove(row, " ")).errors?.reason).toEqual(["请填写删除原因（如：重复登记、登记错误）"]);
    await signInAs("fgj");
    expect((await remove(row, "重复登记")).message).toBe("无权限执行此操作");
    expect(rowNamed("误登桥")).toBeDefined();
  });

  it("refuses a stale version, then deletes with the reason in the audit log and the row's content kept there", async () => {
    await signInAs("jtj");
    const row = rowNamed("误登桥")!;
    const stale = await remove({ id: row.id, version: row.version + 1 }, "重复登记");
    expect(stale.message).toContain("该行已被他人修改");
    expect(await remove(row, "与一号桥重复登记")).toMatchObject({ ok: true, message: "已删除该行。" });
    expect(rowNamed("误登桥")).toBeUndefined();
    const audit = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "register.delete"), eq(auditLog.entityId, String(row.id))))
      .all()
      .find((a) => a.outcome === "success")!;
    expect(JSON.parse(audit.before!)).toMatchObject({ name: "误登桥", place: "白水镇" });
    expect(JSON.parse(audit.after!)).toEqual({ deleted: true, reason: "与一号桥重复登记" });
  });

  it("keeps a row that the next year's register was carried over from", async () => {
    await signInAs("nyncj");
    const kept = bridgeRows()[0]!;
    db.insert(registerItems)
      .values({ ...kept, id: undefined, naturalKey: `${kept.naturalKey}/结转`, name: `${kept.name}（结转）`, carriedFromId: kept.id })
      .run();
    const refused = await remove(kept, "登记错误");
    expect(refused.message).toBe("该行已结转到下一年度，不能删除；如登记有误，请修改该行。");
    expect(bridgeRows().some((r) => r.id === kept.id)).toBe(true);
  });
});
