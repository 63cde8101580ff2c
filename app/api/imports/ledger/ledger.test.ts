// The 台账 export opened with a real spreadsheet library, and the back-fill round trip:
// export → fill in two tasks → import saves exactly those two reports through the form's
// own writes, audited; a bad cell saves nothing and is named; another unit's rows are refused.
import ExcelJS from "exceljs";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.APP_TODAY = "2026-12-01";
});
vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

import { GET as exportLedger } from "@/app/api/exports/ledger/route";
import type { Db } from "@/db/client";
import { auditLog, notifications, reports, reportMetricValues, reportVersions, units, users } from "@/db/schema";
import { seedAll } from "@/db/seed/run";
import { PRINT_FIRST_DATA_ROW, PRINT_HEADER_ROW } from "@/lib/excel-print";
import { DETAIL_COLUMNS, DETAIL_SHEET, LEDGER_SHEET, MAIN_COLUMNS } from "@/lib/ledger";
import { addSession, migratedAppDb, readySeededAccounts } from "@/test/app-db";
import { sessionCookie, setRequest } from "@/test/next-request";
import { POST as previewImport } from "./preview/route";
import { POST as commitImport } from "./route";

const ctx = { params: Promise.resolve({}) };
let db: Db;

async function as(username: string) {
  const { id } = db.select({ id: users.id }).from(users).where(eq(users.username, username)).get()!;
  setRequest({ cookies: await sessionCookie({ sessionId: addSession(db, id), userId: id }) });
}

async function exported(quarter: string): Promise<ExcelJS.Workbook> {
  const res = await exportLedger(new Request(`http://test/api/exports/ledger?quarter=${quarter}`), ctx);
  expect(res.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await res.arrayBuffer());
  return book;
}

const mainCol = (header: string) => MAIN_COLUMNS.findIndex((c) => c.header === header) + 1;
const detailCol = (header: string) => DETAIL_COLUMNS.findIndex((c) => c.header === header) + 1;

function rowOf(sheet: ExcelJS.Worksheet, key: string, keyColumn: number, from = PRINT_FIRST_DATA_ROW): ExcelJS.Row[] {
  const out: ExcelJS.Row[] = [];
  for (let r = from; r <= sheet.rowCount; r++) if (String(sheet.getRow(r).getCell(keyColumn).value) === key) out.push(sheet.getRow(r));
  return out;
}

async function upload(book: ExcelJS.Workbook, { quarter = "2026Q4", intent = "save", route = commitImport } = {}) {
  const bytes = Buffer.from(await book.xlsx.writeBuffer());
  const form = new FormData();
  form.append("quarter", quarter);
  form.append("intent", intent);
  form.append("file", new File([bytes], "台账.xlsx", { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
  const res = await route(new Request("http://test/api/imports/ledger", { method: "POST", body: form }), ctx);
  return {
    status: res.status,
    body: (await res.json()) as {
      message?: string;
      errors?: Record<string, string[]> | string[];
      saves?: { subject: { no: number }; changes: { label: string }[] }[];
    },
  };
}

const reportCount = () => db.select({ id: reports.id }).from(reports).all().length;

/** Fills in a task's 工作进展 and every metric of it on the two sheets. */
function fillTask(book: ExcelJS.Workbook, no: number, progress: string) {
  const main = book.getWorksheet(LEDGER_SHEET)!;
  const [row] = rowOf(main, `task:${no}`, mainCol("编码"));
  row!.getCell(mainCol("工作进展")).value = progress;
  row!.getCell(mainCol("自评")).value = "序时推进";
  const detail = book.getWorksheet(DETAIL_SHEET)!;
  for (const r of rowOf(detail, `task:${no}`, detailCol("编码"))) {
    if (String(r.getCell(detailCol("字段")).value).startsWith("metric.")) r.getCell(detailCol("完成情况（累计值，或节点填“是/否”）")).value = 1;
  }
}

let zjjTasks: number[];

beforeAll(async () => {
  db = migratedAppDb();
  await seedAll(db);
  readySeededAccounts(db);
  const zjj = db.select({ id: units.id }).from(units).where(eq(units.name, "住建局")).get()!.id;
  zjjTasks = db.$client
    .prepare(
      "select t.no from tasks t join task_units u on u.task_id = t.id and u.role = 'lead' and u.position = 1 where u.unit_id = ? and exists (select 1 from metrics m where m.task_id = t.id) order by t.no",
    )
    .all(zjj)
    .map((r) => (r as { no: number }).no);
});

describe("the 台账 export", () => {
  it("has the title, the gazette columns, every task and project, merged sections and the print setup", async () => {
    await as("duchashi");
    const book = await exported("2026Q3");
    const sheet = book.getWorksheet(LEDGER_SHEET)!;
    expect(String(sheet.getCell(1, 1).value)).toBe("汨罗市 2026 年市政府重点工作任务推进情况台账（2026 年第三季度）");
    expect(String(sheet.getCell(2, 1).value)).toMatch(/^数据截至 2026年12月1日/);
    const header = (sheet.getRow(PRINT_HEADER_ROW).values as unknown[]).slice(1, 8).map(String);
    expect(header).toEqual(["序号", "板块", "分项", "目标任务", "牵头领导", "牵头单位", "配合单位"]);
    expect(rowOf(sheet, "task:1", mainCol("编码"))).toHaveLength(1);
    const keys: string[] = [];
    sheet.eachRow((r, n) => {
      if (n >= PRINT_FIRST_DATA_ROW) keys.push(String(r.getCell(mainCol("编码")).value));
    });
    expect(keys.filter((k) => k.startsWith("task:"))).toHaveLength(69);
    expect(keys.filter((k) => k.startsWith("project:"))).toEqual(["project:1", "project:2", "project:3"]);
    // 主要经济目标 covers tasks 1–6: one merged 板块 cell over six rows.
    expect(sheet.model.merges).toContain(`B${PRINT_FIRST_DATA_ROW}:B${PRINT_FIRST_DATA_ROW + 5}`);
    expect(sheet.getCell(PRINT_FIRST_DATA_ROW + 3, 2).isMerged).toBe(true);
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "3:3" });
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: PRINT_HEADER_ROW });
    expect(sheet.autoFilter).toBeTruthy();
    const cell = sheet.getCell(PRINT_FIRST_DATA_ROW, mainCol("目标任务"));
    expect(cell.font.name).toBe("仿宋");
    expect(cell.alignment.wrapText).toBe(true);
    expect(sheet.getCell(1, 1).font.name).toBe("宋体");
    expect(sheet.getColumn(mainCol("编码")).hidden).toBe(true);
    // Task 1 in Q3: nothing submitted on 2026-12-01 in this database.
    const [t1] = rowOf(sheet, "task:1", mainCol("编码"));
    expect(String(t1!.getCell(mainCol("报送")).value)).toMatch(/^逾期未报 \d+ 天$/);
    expect(String(t1!.getCell(mainCol("进度")).value)).toBe("未评估");
    expect(book.getWorksheet(DETAIL_SHEET)!.pageSetup.orientation).toBe("portrait");
  });

  it("keeps a formula-looking text as text", async () => {
    const [no] = zjjTasks;
    await as("zjj");
    const book = await exported("2026Q4");
    fillTask(book, no!, "=SUM(1,2) 已完成年度任务的 80%");
    expect((await upload(book)).status).toBe(200);
    const again = await exported("2026Q4");
    const [row] = rowOf(again.getWorksheet(LEDGER_SHEET)!, `task:${no}`, mainCol("编码"));
    const cell = row!.getCell(mainCol("工作进展"));
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe("=SUM(1,2) 已完成年度任务的 80%");
    expect(cell.numFmt).toBe("@");
  });

  it("gives a unit only the subjects it leads", async () => {
    await as("zjj");
    const book = await exported("2026Q4");
    const sheet = book.getWorksheet(LEDGER_SHEET)!;
    const led: string[] = [];
    sheet.eachRow((r, n) => {
      if (n >= PRINT_FIRST_DATA_ROW) led.push(String(r.getCell(mainCol("牵头单位")).value));
    });
    expect(led.length).toBeGreaterThan(0);
    expect(led.every((u) => u.includes("住建局"))).toBe(true);
  });
});

describe("the 台账 import", () => {
  it("round trip: filling in two tasks saves exactly those two reports as drafts, each audited", async () => {
    const [, a, b] = zjjTasks;
    await as("zjj");
    const book = await exported("2026Q4");
    fillTask(book, a!, "完成老旧小区改造 3 个。");
    fillTask(book, b!, "完成管网改造 2 公里。");
    const before = reportCount();
    const auditBefore = db.select({ id: auditLog.id }).from(auditLog).all().length;

    const preview = await upload(book, { route: previewImport });
    expect(preview.status).toBe(200);
    expect(preview.body.saves!.map((s) => s.subject.no)).toEqual([a, b]);
    expect(preview.body.saves![0]!.changes.map((c) => c.label)).toContain("工作进展");
    expect(reportCount()).toBe(before);

    const done = await upload(book);
    expect(done.status).toBe(200);
    expect(done.body.message).toBe("已导入 2 份报告（已保存为草稿）。");
    expect(reportCount()).toBe(before + 2);
    const saved = db.$client
      .prepare(
        "select t.no, r.status, r.progress, r.id from reports r join tasks t on t.id = r.task_id join periods p on p.id = r.period_id where p.code = '2026Q4' and t.no in (?, ?) order by t.no",
      )
      .all(a, b) as { no: number; status: string; progress: string; id: number }[];
    expect(saved.map((r) => [r.no, r.status, r.progress])).toEqual([
      [a, "draft", "完成老旧小区改造 3 个。"],
      [b, "draft", "完成管网改造 2 公里。"],
    ]);
    expect(
      db
        .select()
        .from(reportMetricValues)
        .where(eq(reportMetricValues.reportId, saved[0]!.id))
        .all()
        .every((v) => v.value === 1),
    ).toBe(true);
    const audits = db.select().from(auditLog).all().slice(auditBefore);
    expect(
      audits
        .filter((r) => r.action === "report.save")
        .map((r) => Number(r.entityId))
        .sort(),
    ).toEqual(saved.map((r) => r.id).sort());
    expect(audits.filter((r) => r.action === "ledger.import")).toHaveLength(1);
  });

  it("submitting through the import freezes a version like the form's 提交", async () => {
    const [, a] = zjjTasks;
    await as("zjj");
    const book = await exported("2026Q4");
    fillTask(book, a!, "完成老旧小区改造 4 个，已验收。");
    const done = await upload(book, { intent: "submit" });
    expect(done.status).toBe(200);
    const row = db.$client
      .prepare(
        "select r.id, r.status from reports r join tasks t on t.id = r.task_id join periods p on p.id = r.period_id where p.code = '2026Q4' and t.no = ?",
      )
      .get(a) as { id: number; status: string };
    expect(row.status).toBe("submitted");
    expect(db.select().from(reportVersions).where(eq(reportVersions.reportId, row.id)).all()).toHaveLength(1);
    // The 督查室 is told, as of a submission through the form.
    const supervisor = db.select({ id: users.id }).from(users).where(eq(users.username, "duchashi")).get()!.id;
    const told = db
      .select({ title: notifications.title })
      .from(notifications)
      .where(and(eq(notifications.userId, supervisor), eq(notifications.dedupeKey, `report-submitted:${row.id}:v1`)))
      .all();
    expect(told).toHaveLength(1);
    expect(told[0]!.title).toMatch(new RegExp(`^第${a}项 .*四季度 报告已提交（第 1 版），待审核$`));
  });

  it("a workbook with one bad cell saves nothing and names the sheet, row and column", async () => {
    const [, , b, c] = zjjTasks;
    await as("zjj");
    const book = await exported("2026Q4");
    fillTask(book, c ?? b!, "本季度推进顺利。");
    const detail = book.getWorksheet(DETAIL_SHEET)!;
    const metricRow = rowOf(detail, `task:${c ?? b}`, detailCol("编码")).find((r) => String(r.getCell(detailCol("字段")).value).startsWith("metric."))!;
    metricRow.getCell(detailCol("完成情况（累计值，或节点填“是/否”）")).value = "约三成";
    const before = reportCount();
    const checksum = db.$client.prepare("select count(*) as n, max(version) as v from reports").get();
    const res = await upload(book);
    expect(res.status).toBe(400);
    const errors = Object.values(res.body.errors as Record<string, string[]>).flat();
    expect(errors.some((e) => e.startsWith(`${DETAIL_SHEET} 第${metricRow.number}行「完成情况（累计值，或节点填“是/否”）」：`))).toBe(true);
    expect(reportCount()).toBe(before);
    expect(db.$client.prepare("select count(*) as n, max(version) as v from reports").get()).toEqual(checksum);
  });

  it("another unit's rows are refused, and nothing is saved", async () => {
    await as("duchashi");
    const book = await exported("2026Q4");
    const other = db.$client
      .prepare(
        "select t.no from tasks t join task_units u on u.task_id = t.id and u.role = 'lead' join units n on n.id = u.unit_id where n.name = '发改局' and exists (select 1 from metrics m where m.task_id = t.id) order by t.no limit 1",
      )
      .get() as { no: number };
    fillTask(book, other.no, "替发改局填写。");
    await as("zjj");
    const before = reportCount();
    const res = await upload(book);
    expect(res.status).toBe(400);
    expect(
      Object.values(res.body.errors as Record<string, string[]>)
        .flat()
        .join("\n"),
    ).toMatch(new RegExp(`第${other.no}项不是本单位牵头的事项`));
    expect(reportCount()).toBe(before);
    const saved = db
      .select({ id: reports.id })
      .from(reports)
      .where(and(eq(reports.taskId, db.$client.prepare("select id from tasks where no = ?").pluck().get(other.no) as number)))
      .all();
    expect(saved).toEqual([]);
  });

  it("a leader may not import at all (403, audited as denied)", async () => {
    await as("yangsheng");
    const book = await exported("2026Q4");
    const res = await upload(book);
    expect(res.status).toBe(403);
    expect(db.select().from(auditLog).all().at(-1)).toMatchObject({ action: "ledger.import", outcome: "denied" });
  });
});
