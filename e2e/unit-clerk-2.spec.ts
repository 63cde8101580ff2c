// The clerk's report checked before it goes, in real Chromium: submitting lists what looks
// missing, a figure above the annual target is confirmed with a reason and a late quarter gets
// its 逾期说明 (both refused by the server until given, then shown to the 督查室), filing settles
// the quarter's 逾期未报 reminder, the PDF evidence opens in a sandbox, and the lead unit names
// the towns a "相关镇政府、街道办" descriptor reaches, which then see the task as cooperating; the
// 逾期说明 is on the 督查室's overdue list and its export.
import ExcelJS from "exceljs";
import type { Page } from "@playwright/test";
import { expect, loginAs, test } from "./fixtures";

// Task 27 (住建局, 132 套; 配合单位 "相关镇政府、街道办"): the other specs leave its second quarter alone.
const REPORT_URL = "/tasks/27/report/2026Q2";
const REASON = "含上年结转项目 368 套，已与台账核对";
const LATE = "二季度数据待住建系统核实，逾期补报";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

/** The answer of the Server Action the click sends (a POST carrying next-action). */
const actionAnswer = (page: Page) => page.waitForResponse((r) => r.request().method() === "POST" && r.request().headers()["next-action"] !== undefined);

test.describe.configure({ mode: "serial" });

test.describe("报告提交前的核对", () => {
  test("the quarter's overdue reminder is there before filing", async ({ page }) => {
    await loginAs(page, "unit");
    await expect(async () => {
      await page.goto("/notifications");
      await expect(page.getByText(/第27项 .*报告已逾期未报/).first()).toBeVisible({ timeout: 2000 });
    }).toPass({ timeout: 30_000 });
  });

  test("submitting lists what looks missing, and the server asks for the figure's reason and the 逾期说明", async ({ page }) => {
    await loginAs(page, "unit");
    await page.goto(REPORT_URL);
    const figure = page.getByLabel("改造城市危旧房（套）");
    await figure.fill("500");
    await expect(page.getByTestId("plausibility-warning")).toContainText("改造城市危旧房累计 500 套，超过年度目标 132 套");
    await page.getByLabel("工作进展（必填）").fill("二季度完成城市危旧房改造，累计 500 套（含上年结转）。");
    await page.getByRole("radio", { name: "序时推进" }).check();

    await page.getByRole("button", { name: "提交报告" }).click();
    const check = page.getByRole("alertdialog", { name: "提交前请确认：以下内容看起来还没有填好" });
    await expect(check).toContainText("没有上传佐证材料");
    await expect(check).toContainText("存在问题未填写");
    await check.getByRole("button", { name: "返回修改" }).click();
    await expect(check).toHaveCount(0);

    await page.getByRole("button", { name: "提交报告" }).click();
    const answered = actionAnswer(page);
    await check.getByRole("button", { name: "仍然提交" }).click();
    expect((await answered).status()).toBe(200);
    const reason = page.getByLabel("确认无误的原因（提交时必填）");
    await expect(reason).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("这个数字看起来不太对：请核对，确认无误请写明原因后再提交")).toBeVisible();
    await expect(page.getByText("本季度报告已过报送期限，请简要写明逾期原因（逾期说明）后再提交")).toBeVisible();
    // The first field in error has the focus; the typed text is still there.
    await expect(reason).toBeFocused();
    await expect(figure).toHaveValue("500");
  });

  test("with the reason, the 逾期说明 and evidence it goes; the report shows both, the PDF opens in a sandbox and the reminder is settled", async ({
    page,
  }) => {
    await loginAs(page, "unit");
    await page.goto(REPORT_URL);
    await page.getByLabel("改造城市危旧房（套）").fill("500");
    await page.getByLabel("确认无误的原因（提交时必填）").fill(REASON);
    await page.getByLabel("逾期说明（逾期提交时必填）").fill(LATE);
    await page.getByLabel("工作进展（必填）").fill("二季度完成城市危旧房改造，累计 500 套（含上年结转）。");
    await page.getByLabel("存在问题").fill("部分项目居民协调难度大。");
    await page.getByLabel("下步打算").fill("三季度推进老旧小区基础类设施改造。");
    await page.getByRole("radio", { name: "序时推进" }).check();
    const uploaded = page.waitForResponse((r) => r.url().includes("/api/evidence/uploads") && r.request().method() === "POST");
    await page.getByLabel("上传附件").setInputFiles({ name: "二季度改造台账.pdf", mimeType: "application/pdf", buffer: PDF });
    expect((await uploaded).status()).toBe(201);
    await page.getByRole("button", { name: "提交报告" }).click();
    await expect(page.getByRole("status").filter({ hasText: "已提交（第 1 版）" })).toBeVisible();

    const content = page.getByRole("region", { name: "报告内容" });
    await expect(content.getByText(`单位说明：${REASON}`)).toBeVisible();
    await expect(content.getByText(LATE)).toBeVisible();

    const href = await content.getByRole("link", { name: "二季度改造台账.pdf" }).getAttribute("href");
    const res = await page.request.get(href!);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("application/pdf");
    expect(res.headers()["content-disposition"]).toMatch(/^inline;/);
    expect(res.headers()["content-security-policy"]).toContain("sandbox");
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");

    await page.goto("/notifications");
    await expect(page.getByText(/第27项 .*二季度 报告已逾期未报.*已报送，提醒已自动处理/)).toBeVisible();
  });

  test("the 督查室 sees the reason and the 逾期说明 in the review queue", async ({ page }) => {
    await loginAs(page, "supervisor");
    await page.goto("/supervision/review");
    // Each queued report's content is folded; the reviewer opens the one that carries the reason.
    const report = page
      .locator("details")
      .filter({ hasText: `单位说明：${REASON}` })
      .first();
    await report.locator("summary").click();
    await expect(report.getByText(`单位说明：${REASON}`).first()).toBeVisible();
    await expect(report.getByText(LATE).first()).toBeVisible();
  });

  test("the 督查室's overdue list shows the quarter's 逾期说明, and so does its Excel export", async ({ page }) => {
    await loginAs(page, "supervisor");
    // The list is paged; task 27's lead unit narrows it to the entry.
    await page.goto("/supervision/overdue?unit=住建局");
    await expect(page.getByTestId("overdue-late-note").filter({ hasText: `逾期说明（二季度）：${LATE}` })).toBeVisible();
    const res = await page.request.get("/api/supervision/overdue/export");
    expect(res.status()).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await res.body()) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const column = header.indexOf("逾期说明");
    expect(column).toBeGreaterThan(0);
    const cells: string[] = [];
    sheet.eachRow((row) => cells.push(String(row.getCell(column).value ?? "")));
    // A cell lists the 逾期说明 of every quarter filed late, one per line (other specs may file a later quarter late).
    expect(cells.flatMap((c) => c.split("\n"))).toContain(`二季度：${LATE}`);
  });

  test("the lead unit names a town for 相关镇政府、街道办, which then sees task 27 as cooperating", async ({ page, browser }) => {
    await loginAs(page, "unit");
    await page.goto("/tasks/27");
    const card = page.getByRole("region", { name: "“相关单位”具体名单" });
    await expect(card).toContainText("相关镇政府、街道办：");
    // The task page only says who is named; the checkboxes are on their own page.
    await expect(card.getByRole("checkbox")).toHaveCount(0);
    await card.getByRole("link", { name: "指定具体单位" }).click();
    await expect(page).toHaveURL(/\/tasks\/27\/named$/);
    const form = page.getByRole("region", { name: "相关镇政府、街道办" });
    await form.getByRole("checkbox", { name: "白水镇政府" }).check();
    const answered = actionAnswer(page);
    await form.getByRole("button", { name: "保存“相关镇政府、街道办”" }).click();
    expect((await answered).status()).toBe(200);
    await expect(form.getByRole("status")).toContainText("已保存");
    await page.getByRole("link", { name: "← 返回任务 27" }).click();
    await expect(page).toHaveURL(/\/tasks\/27$/);
    await expect(page.getByRole("region", { name: "“相关单位”具体名单" })).toContainText(/相关镇政府、街道办：[^\n]*白水镇政府/);
    // The gazette text keeps the descriptor as written.
    await expect(page.getByRole("region", { name: "责任分工" })).toContainText("相关镇政府、街道办");

    const context = await browser.newContext();
    const town = await context.newPage();
    await loginAs(town, "baishui");
    await town.goto("/my?quarter=2026Q4");
    await town
      .getByRole("region", { name: /^配合任务/ })
      .getByRole("link", { name: /填写配合情况\s*（序号 27）/ })
      .click();
    await expect(town).toHaveURL(/\/tasks\/27\/report\/2026Q4/);
    await expect(town.getByRole("heading", { name: "填写配合情况" })).toBeVisible();
    // A town reads who is named but may not name them: no link, and the page itself says 403.
    await town.goto("/tasks/27");
    await expect(town.getByRole("region", { name: "“相关单位”具体名单" })).toContainText("白水镇政府");
    await expect(town.getByRole("link", { name: "指定具体单位" })).toHaveCount(0);
    const refused = await town.goto("/tasks/27/named");
    expect(refused?.status()).toBe(403);
    await expect(town.getByRole("heading", { name: "无权限访问" })).toBeVisible();
    await context.close();
  });
});
