// The 督查室's outputs in a real browser: 批量催办 of ten overdue items, a leader's 批示 on an
// escalated 督办 reaching the unit (and the 市长 copied on the escalation), the 台账 back-fill
// through the upload page feeding a review queue that stays in place after approving, and
// the print layouts measured as PDFs. Subjects used here are touched by no other spec:
// tasks 2, 4, 6, 8, 9, 16, 17, 61, 63, 69 (催办), 20 (督办, 国网汨罗供电公司), 64 and 65 (政府办).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import Database from "better-sqlite3";
import ExcelJS from "exceljs";
import { e2eDatabasePath, expect, loginAs, test } from "./fixtures";

const REMIND = [2, 4, 6, 8, 9, 16, 17, 61, 63, 69];
const DUBAN_TASK = 20;
const DUBAN_UNIT = "gdgs"; // 国网汨罗供电公司
const QUEUE_TASKS = [64, 65];
const QUEUE_UNIT = "zfb"; // 政府办

async function expectNoAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

function readDb<T>(query: (db: Database.Database) => T): T {
  const db = new Database(e2eDatabasePath(), { readonly: true });
  try {
    return query(db);
  } finally {
    db.close();
  }
}

/** Page count and per-page text of a PDF, read back with poppler. */
function readPdf(bytes: Buffer): { pages: number; pageText: (n: number) => string } {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "miluo-print-")), "page.pdf");
  fs.writeFileSync(file, bytes);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))![1]);
  return { pages, pageText: (n) => execFileSync("pdftotext", ["-f", String(n), "-l", String(n), "-layout", file, "-"], { encoding: "utf8" }) };
}

test.describe.configure({ mode: "serial" });

test.describe("督查室的产出", () => {
  test("批量催办 of 10 overdue items creates 10 numbered notices, one per unit, each audited", async ({ page }) => {
    await loginAs(page, "supervisor");
    await page.goto("/supervision/overdue?leader=杨盛&reason=missing");
    for (const no of REMIND) await page.getByRole("checkbox", { name: `选择第${no}项批量催办` }).check();
    await page.getByText("批量催办", { exact: true }).click();
    await expect(page.getByLabel("整改要求")).toHaveValue(/^请于 5 日内补报/);
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "发出催办" }).click();
    await expect(page.getByRole("status").filter({ hasText: "已发出 10 份催办" })).toBeVisible();

    const rows = readDb(
      (db) =>
        db
          .prepare(
            `select t.no, n.level, n.serial_no as serialNo from notices n join tasks t on t.id = n.task_id where t.no in (${REMIND.join(",")}) order by n.id`,
          )
          .all() as { no: number; level: string; serialNo: number }[],
    );
    expect(rows.map((r) => r.no).sort((a, b) => a - b)).toEqual(REMIND);
    expect(rows.every((r) => r.level === "cuiban")).toBe(true);
    const serials = rows.map((r) => r.serialNo);
    expect(new Set(serials).size).toBe(10);
    expect(serials).toEqual([...serials].sort((a, b) => a - b));
    const audited = readDb(
      (db) => db.prepare("select count(*) as n from audit_log where action = 'notice.issue' and after like '%\"bulk\":true%'").get() as { n: number },
    );
    expect(audited.n).toBe(10);

    await page.goto("/supervision/notices");
    for (const s of serials) await expect(page.getByTestId("notice-row").filter({ hasText: `催办〔2026〕${s}号` })).toHaveCount(1);
  });

  test("a leader's 批示 on an escalated 督办 reaches the unit and the 督查室; the 市长 is copied on the escalation", async ({ page, browser }) => {
    await loginAs(page, "supervisor");
    await page.goto(`/supervision/notices/new?subject=task:${DUBAN_TASK}`);
    await page.getByRole("radio", { name: /^督办/ }).check();
    await page.getByLabel("存在问题").fill("三季度工作进展逾期未报。");
    await page.getByLabel("整改要求").fill("请于期限前补报并说明原因。");
    await page.getByRole("button", { name: "发出" }).click();
    await expect(page).toHaveURL(/\/supervision\/notices\/\d+$/);
    const noticeUrl = new URL(page.url()).pathname;
    const title = (await page.getByRole("heading", { level: 1 }).textContent())!.trim();
    await page.getByRole("button", { name: "呈报牵头领导" }).click();
    await expect(page.getByText("已呈报牵头领导").first()).toBeVisible();

    const mayorContext = await browser.newContext();
    const mayor = await mayorContext.newPage();
    await loginAs(mayor, "mayor");
    await mayor.goto("/notifications");
    await expect(mayor.getByText(`督查室呈报：${title}（第${DUBAN_TASK}项）`)).toBeVisible();
    await mayorContext.close();

    const leaderContext = await browser.newContext();
    const leader = await leaderContext.newPage();
    await loginAs(leader, "leader");
    await leader.goto(noticeUrl);
    await leader.getByLabel("批示内容").fill("请供电公司一周内拿出整改方案，督查室跟踪问效。");
    await leader.getByRole("button", { name: "提交批示" }).click();
    await expect(leader.getByRole("status").filter({ hasText: "批示已送达督查室和牵头单位。" })).toBeVisible();
    await expect(leader.getByTestId("leader-instruction")).toContainText("请供电公司一周内拿出整改方案");
    await expectNoAxeViolations(leader);
    await leaderContext.close();

    const unitContext = await browser.newContext();
    const unit = await unitContext.newPage();
    await loginAs(unit, DUBAN_UNIT);
    await unit.goto("/notifications");
    await expect(unit.getByText(`杨盛批示（${title}，第${DUBAN_TASK}项）：请供电公司一周内拿出整改方案`)).toBeVisible();
    await unit.goto(`/tasks/${DUBAN_TASK}`);
    await expect(unit.getByTestId("leader-instruction")).toContainText("请供电公司一周内拿出整改方案，督查室跟踪问效。");
    await unitContext.close();

    await page.goto("/notifications");
    await expect(page.getByText(`杨盛批示（${title}，第${DUBAN_TASK}项）`)).toBeVisible();
  });

  test("a unit back-fills two reports through the 台账 upload; the review queue stays in place after approving and opens the next", async ({
    page,
    browser,
  }) => {
    const unitContext = await browser.newContext();
    const unit = await unitContext.newPage();
    await loginAs(unit, QUEUE_UNIT);
    const exported = await unit.request.get("/api/exports/ledger?quarter=2026Q4");
    expect(exported.status()).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await exported.body()) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("台账")!;
    const header = (sheet.getRow(3).values as unknown[]).map(String);
    sheet.eachRow((row, n) => {
      const key = String(row.getCell(header.indexOf("编码")).value);
      const no = QUEUE_TASKS.find((t) => key === `task:${t}`);
      if (n > 3 && no) {
        row.getCell(header.indexOf("工作进展")).value = `第${no}项四季度按计划推进，已完成年度目标的八成。`;
        row.getCell(header.indexOf("自评")).value = "序时推进";
      }
    });
    await unit.goto("/ledger");
    await unit.getByLabel("季度").selectOption("2026Q4");
    await unit.getByRole("radio", { name: "提交报告" }).check();
    await unit.getByLabel("填好的台账（.xlsx）").setInputFiles({
      name: "政府办台账.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from(await book.xlsx.writeBuffer()),
    });
    const previewed = unit.waitForResponse((r) => r.url().endsWith("/api/imports/ledger/preview"));
    await unit.getByRole("button", { name: "检查并预览" }).click();
    expect((await previewed).status()).toBe(200);
    await expect(unit.getByTestId("import-preview")).toContainText("将修改 2 份报告");
    await expectNoAxeViolations(unit);
    const committed = unit.waitForResponse((r) => r.url().endsWith("/api/imports/ledger"));
    await unit.getByRole("button", { name: "确认导入" }).click();
    expect((await committed).status()).toBe(200);
    await expect(unit.getByTestId("import-result")).toHaveText("已导入 2 份报告（已提交）。");
    await unitContext.close();

    await loginAs(page, "supervisor");
    await page.goto("/supervision/review?unit=政府办&quarter=2026Q4");
    const items = page.getByTestId("review-item");
    await expect(items).toHaveCount(2);
    const waiting = Number(
      await page
        .getByTestId("review-waiting")
        .first()
        .innerText()
        .then((t) => t.replace(/\D/g, "")),
    );
    const [first, second] = [items.nth(0), items.nth(1)];
    const secondHeading = (await second.getByRole("heading", { level: 2 }).textContent())!.trim();
    await first.getByText(/查看报告.*并审核/).click();
    await first.getByRole("button", { name: "审核通过" }).click();
    await expect(page).toHaveURL(/\/supervision\/review\?quarter=2026Q4&unit=.+&open=\d+/);
    await expect(items).toHaveCount(1);
    await expect(items.first().getByRole("heading", { level: 2 })).toHaveText(secondHeading);
    // The next report is open and ready to review, without another click.
    await expect(items.first().getByRole("button", { name: "审核通过" })).toBeVisible();
    await expect(items.first().getByText(/四季度按计划推进/)).toBeVisible();
    await expect(page.getByTestId("review-waiting").first()).toContainText(String(waiting - 1));
    await expectNoAxeViolations(page);
  });

  test("the 驾驶舱 prints on at most 4 A4 landscape pages and no page ends with a heading", async ({ page }) => {
    await loginAs(page, "mayor");
    await page.goto("/dashboard?quarter=2026Q3");
    const headings = (await page.locator("article h2").allTextContents()).map((h) => h.replace(/\s+/g, "")).filter(Boolean);
    await page.emulateMedia({ media: "print" });
    const pdf = readPdf(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    expect(pdf.pages).toBeLessThanOrEqual(4);
    for (let n = 1; n <= pdf.pages; n++) {
      const lines = pdf
        .pageText(n)
        .split("\n")
        .map((l) => l.replace(/\s+/g, ""))
        .filter(Boolean);
      expect(headings, `page ${n} ends with a heading`).not.toContain(lines.at(-1));
    }
    await page.emulateMedia({ media: "screen" });
  });

  test("the 领导简报 of a 分管领导 prints on one A4 page with both lamps and the open 督办", async ({ page }) => {
    await loginAs(page, "mayor");
    await page.goto("/dashboard/brief?quarter=2026Q3&leader=杨盛");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("杨盛同志分管重点工作简报 · 2026年第三季度");
    expect(await page.getByTestId("brief-row").count()).toBeGreaterThan(10);
    await expect(page.getByRole("heading", { name: /未销号督办（[1-9]\d* 件）/ })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.emulateMedia({ media: "print" });
    const pdf = readPdf(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    expect(pdf.pages).toBe(1);
    expect(pdf.pageText(1).replace(/\s+/g, "")).toContain("杨盛同志分管重点工作简报");
    await page.emulateMedia({ media: "screen" });
  });
});
