// The documents the 督查室 issues, opened by real clients: LibreOffice (headless) converts
// the 台账 (.xlsx), the 季度通报 and a 督办通知单 (.docx) to PDF in one run, and poppler
// reads the PDFs back: the page counts fit the paper (A4, width fitted) and the Chinese text
// is really in them. The 督办台账 is opened with exceljs for its print setup.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.APP_TODAY = "2026-12-01";
});
vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

import { GET as bulletinRoute } from "@/app/api/exports/bulletin/route";
import { GET as ledgerRoute } from "@/app/api/exports/ledger/route";
import { GET as noticeDocument } from "@/app/api/notices/[id]/document/route";
import { GET as noticesExport } from "@/app/api/supervision/notices/export/route";
import type { Db } from "@/db/client";
import { insertNotice } from "@/db/queries/notices";
import { periods, tasks, users } from "@/db/schema";
import { seedAll } from "@/db/seed/run";
import { PRINT_HEADER_ROW } from "@/lib/excel-print";
import { addSession, migratedAppDb, readySeededAccounts } from "@/test/app-db";
import { sessionCookie, setRequest } from "@/test/next-request";

let db: Db;
let dir: string;
let noticeId: number;
const pdf: Record<"ledger" | "bulletin" | "notice", { pages: number; text: string }> = {} as never;

const ctx = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
const bytes = async (res: Response) => {
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
};

beforeAll(async () => {
  db = migratedAppDb();
  await seedAll(db);
  readySeededAccounts(db);
  const supervisor = db.select({ id: users.id }).from(users).where(eq(users.username, "duchashi")).get()!.id;
  setRequest({ cookies: await sessionCookie({ sessionId: addSession(db, supervisor), userId: supervisor }) });
  const task = db.select({ id: tasks.id }).from(tasks).where(eq(tasks.no, 51)).get()!.id;
  const unit = db.$client.prepare("select unit_id from task_units where task_id = ? and role = 'lead'").pluck().get(task) as number;
  noticeId = db.transaction(
    (tx) =>
      insertNotice(tx, {
        taskId: task,
        periodId: db.select({ id: periods.id }).from(periods).where(eq(periods.code, "2026Q3")).get()!.id,
        level: "duban",
        problem: "三季度工作进展逾期未报，已逾期 56 天。",
        requirement: "请于期限内补报三季度进展，说明逾期原因并提出整改措施。",
        deadline: "2026-12-10",
        unitIds: [unit],
        byId: supervisor,
        now: Date.parse("2026-12-01T09:00:00+08:00"),
      }).id,
    { behavior: "immediate" },
  );

  dir = fs.mkdtempSync(path.join(os.tmpdir(), "miluo-docs-"));
  const files = {
    ledger: await bytes(await ledgerRoute(new Request("http://test/api/exports/ledger?quarter=2026Q3"), ctx())),
    bulletin: await bytes(await bulletinRoute(new Request("http://test/api/exports/bulletin?quarter=2026Q3"), ctx())),
    notice: await bytes(await noticeDocument(new Request(`http://test/api/notices/${noticeId}/document`), ctx({ id: String(noticeId) }))),
  };
  fs.writeFileSync(path.join(dir, "ledger.xlsx"), files.ledger);
  fs.writeFileSync(path.join(dir, "bulletin.docx"), files.bulletin);
  fs.writeFileSync(path.join(dir, "notice.docx"), files.notice);
  // One LibreOffice start for all three, with its own profile so parallel runs do not collide.
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${path.join(dir, "profile")}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "pdf",
      "--outdir",
      dir,
      ...["ledger.xlsx", "bulletin.docx", "notice.docx"].map((f) => path.join(dir, f)),
    ],
    { stdio: "pipe", timeout: 240_000 },
  );
  for (const name of ["ledger", "bulletin", "notice"] as const) {
    const file = path.join(dir, `${name}.pdf`);
    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    pdf[name] = { pages: Number(/^Pages:\s+(\d+)/m.exec(info)![1]), text: execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }) };
  }
  fs.rmSync(dir, { recursive: true, force: true });
}, 300_000);

const flat = (text: string) => text.replace(/\s+/g, "");

describe("LibreOffice opens and prints the documents", () => {
  it("the 台账: A4 landscape, all 72 rows and the 督办事项 sheet, with its Chinese title", () => {
    // 72 rows with their 原因 wrap onto several pages at the fitted width; a broken print
    // setup (Letter portrait, columns split apart) gives far more.
    expect(pdf.ledger.pages).toBeGreaterThanOrEqual(3);
    // 72 subject rows and the 督办事项 sheet's 179 items (meeting decisions and “开局八好” measures,
    // long texts): on A4 landscape that is about 50 pages; columns split apart would give several times more.
    expect(pdf.ledger.pages).toBeLessThanOrEqual(60);
    expect(flat(pdf.ledger.text)).toContain("汨罗市2026年市政府重点工作任务推进情况台账（2026年第三季度）");
    expect(flat(pdf.ledger.text)).toContain("农村村民自建桥梁");
    expect(flat(pdf.ledger.text)).toMatch(/第\d+页，共\d+页/);
  });

  it("the 季度通报: its sections and figures, in Chinese", () => {
    const text = flat(pdf.bulletin.text);
    expect(pdf.bulletin.pages).toBeGreaterThanOrEqual(2);
    expect(pdf.bulletin.pages).toBeLessThanOrEqual(8);
    for (const heading of ["一、总体情况", "二、报送情况", "三、进度情况", "四、督办情况", "五、民生实事进展", "六、下步工作"]) expect(text).toContain(heading);
    expect(text).toContain("关于2026年第三季度市政府重点工作任务推进情况的通报");
    expect(text).toMatch(/逾期未报单位（\d+个）/);
    expect(text).toContain("汨督〔2026〕号（草稿）");
    expect(text).toContain("汨罗市人民政府督查室");
  });

  it("a 督办通知单: one page with its 文号, addressee, requirement and deadline", () => {
    const text = flat(pdf.notice.text);
    expect(pdf.notice.pages).toBe(1);
    expect(text).toContain("督办通知单");
    expect(text).toContain("汨政督办〔2026〕1号");
    expect(text).toContain("民政局");
    expect(text).toContain("请于期限内补报三季度进展");
    expect(text).toContain("请于2026年12月10日前");
  });
});

describe("the 督办台账 export", () => {
  it("opens with its title, header, the notice and the same print setup as the 台账", async () => {
    const res = await noticesExport(new Request("http://test/api/supervision/notices/export"), ctx());
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.getWorksheet("督办台账")!;
    expect(String(sheet.getCell(1, 1).value)).toBe("汨罗市重点工作催办督办台账");
    expect((sheet.getRow(PRINT_HEADER_ROW).values as unknown[]).slice(1, 4)).toEqual(["序号", "文号", "类别"]);
    expect(String(sheet.getCell(PRINT_HEADER_ROW + 1, 2).value)).toBe("督办〔2026〕1号");
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToWidth: 1, fitToHeight: 0, printTitlesRow: "3:3" });
    expect(sheet.getCell(PRINT_HEADER_ROW + 1, 7).alignment.wrapText).toBe(true);
  });
});
