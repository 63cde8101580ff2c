// Quarterly reporting (issue 4) in a real browser: a lead unit sets its targets, fills
// the Q1 report with a PDF, submits it and sees it read-only; another unit gets 403;
// the 督查室 returns it; the unit home works on a phone. Every page is checked with axe.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, loginAs, test } from "./fixtures";
import { submitAndWait } from "./helpers/form-submit";
import { submitReportForm } from "./helpers/submit-report";

// 住建局 (persona "unit") leads task 27: 改造城市危旧房 132 套. 发改局 ("otherUnit") has no part in it.
const TASK = 27;
const REPORT_URL = `/tasks/${TASK}/report/2026Q1`;
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

/** A card link: its visible text plus the subject that screen readers hear (Chromium joins them with a space). */
const cardLink = (text: string) => new RegExp(`^${text}\\s*（第${TASK}项）$`);

async function expectNoAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test.describe.configure({ mode: "serial" });

/** The Q1 evidence link, found by the first test and reused by the 403 check. */
let evidenceHref = "";

test.describe("季度填报", () => {
  test("a lead unit sets targets, fills Q1 with a PDF, submits, and the report is read-only afterwards", async ({ page }) => {
    await loginAs(page, "unit");

    await page.goto("/my?quarter=2026Q4");
    await expect(page.getByRole("heading", { level: 1, name: "我的任务" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 3, name: `第${TASK}项` })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: cardLink("季度目标") }).click();
    await expect(page.getByRole("heading", { level: 1, name: `序号 ${TASK} · 季度攻坚目标` })).toBeVisible();
    // On 2026-12-01 the first three quarters have ended and are locked; the fourth is open.
    await expect(page.getByTestId("lock-q1")).toHaveText(/第一季度：已锁定（季度已结束）/);
    await expect(page.getByTestId("lock-q4")).toHaveText(/第四季度：可修改/);
    // The form starts from 序时进度: 25% of 132 套, read-only for the locked quarter.
    await expect(page.getByLabel("第一季度（套）")).toHaveValue("33");
    await expect(page.getByLabel("第一季度（套）")).toHaveAttribute("readonly", "");
    await page.getByLabel("第四季度节点目标").fill("全部完成并通过验收");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "保存未锁定季度的目标" }).click();
    await expect(page.getByRole("status").filter({ hasText: "季度目标已保存" })).toBeVisible();
    await expect(page.getByLabel("第四季度节点目标")).toHaveValue("全部完成并通过验收");

    await page.goto(REPORT_URL);
    await expect(page.getByRole("heading", { level: 1, name: `序号 ${TASK} · 2026年第一季度工作进展报告` })).toBeVisible();
    await expect(page.getByLabel("改造城市危旧房（套）")).toBeVisible();
    await expect(page.getByText("本季度计划累计 33 套")).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByLabel("改造城市危旧房（套）").fill("1,000");
    await page.getByRole("button", { name: "保存草稿" }).click();
    await expect(page.getByText("请输入数字，不要带千分位逗号")).toBeVisible();

    await page.getByLabel("改造城市危旧房（套）").fill("35");

    await page.getByLabel("工作进展（必填）").fill("完成城市危旧房改造 35 套，第一批摸底已完成。");
    await page.getByLabel("下步打算").fill("启动第二批改造。");
    await page.getByRole("radio", { name: "序时推进" }).check();
    await page.getByLabel("上传附件").setInputFiles({ name: "一季度改造台账.pdf", mimeType: "application/pdf", buffer: PDF });
    await submitReportForm(page);

    await expect(page.getByRole("status").filter({ hasText: "已提交（第 1 版）" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "报告内容" })).toBeVisible();
    await expect(page.getByTestId("report-status").getByText("已提交")).toBeVisible();
    await expect(page.getByLabel("工作进展（必填）")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "提交报告" })).toHaveCount(0);
    await expect(page.getByText("完成城市危旧房改造 35 套，第一批摸底已完成。").first()).toBeVisible();
    // Filed on 12-01 for a quarter due 04-05: 迟报, while 35 of 33 套 keeps 进度 green.
    await expect(page.getByTestId("report-status").locator('[data-lamp="reporting"]')).toHaveText("报送：迟报 240 天");
    await expect(page.getByTestId("report-status").locator('[data-lamp="progress"]')).toHaveText("进度：绿");

    const link = page.getByRole("link", { name: "一季度改造台账.pdf" }).first();
    evidenceHref = (await link.getAttribute("href"))!;
    const res = await page.request.get(evidenceHref);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("application/pdf");
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");
    expect(Buffer.from(await res.body())).toEqual(PDF);
    await expectNoAxeViolations(page);

    await page.goto("/my?quarter=2026Q1");
    await expect(page.getByRole("link", { name: cardLink("查看报告") })).toBeVisible();
  });

  test("another unit opening the report link gets 403 and cannot download its evidence", async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await loginAs(page, "otherUnit");
    const response = await page.goto(REPORT_URL);
    expect(response?.status()).toBe(403);
    expect(evidenceHref).toMatch(/^\/api\/attachments\/\d+$/);
    const download = await page.request.get(evidenceHref);
    expect(download.status()).toBe(403);
    await context.close();
  });

  test("the 督查室 returns the report with a comment; the unit sees it first and can edit again", async ({ page, browser }) => {
    await loginAs(page, "supervisor");
    await page.goto(REPORT_URL);
    await expectNoAxeViolations(page);
    await page.getByLabel("审核意见").fill("请补充改造前后对比照片");
    await page.getByRole("button", { name: "退回修改" }).click();
    await expect(page.getByRole("status").filter({ hasText: "已退回" })).toBeVisible();

    const context = await browser.newContext();
    const unitPage = await context.newPage();
    await loginAs(unitPage, "unit");
    await unitPage.goto("/my?quarter=2026Q1");
    await expect(unitPage.getByText("退回意见：请补充改造前后对比照片")).toBeVisible();
    await unitPage.getByRole("link", { name: cardLink("修改后重新提交") }).click();
    await expect(unitPage.getByRole("heading", { name: "督查室已退回，请修改后重新提交" })).toBeVisible();
    await expect(unitPage.getByLabel("工作进展（必填）")).toHaveValue("完成城市危旧房改造 35 套，第一批摸底已完成。");
    await context.close();
  });

  test("a save based on a stale version is refused and keeps what was typed", async ({ page, browser }) => {
    const url = `/tasks/${TASK}/report/2026Q2`;
    await loginAs(page, "unit");
    await page.goto(url);
    await page.getByLabel("工作进展（必填）").fill("第一个窗口的草稿");
    await page.getByRole("button", { name: "保存草稿" }).click();
    await expect(page.getByRole("status").filter({ hasText: "草稿已保存" })).toBeVisible();

    // A second window still holding the first version, while the first window saves again.
    const context = await browser.newContext();
    const second = await context.newPage();
    await loginAs(second, "unit");
    await second.goto(url);
    await page.getByLabel("工作进展（必填）").fill("第一个窗口改过的内容");
    // The first save's status line is still on screen: wait for this save's own answer.
    await submitAndWait(page, page.getByRole("button", { name: "保存草稿" }), { path: url, sent: ["第一个窗口改过的内容"] });
    await expect(page.getByRole("status").filter({ hasText: "草稿已保存" })).toBeVisible();

    await second.getByLabel("工作进展（必填）").fill("第二个窗口辛苦写的长段文字");
    await second.getByRole("button", { name: "保存草稿" }).click();
    await expect(second.getByRole("alert").filter({ hasText: "该报告已被他人修改" })).toBeVisible();
    await expect(second.getByLabel("工作进展（必填）")).toHaveValue("第二个窗口辛苦写的长段文字");
    await expect(second.getByText("最新保存的内容（供对照）")).toBeVisible();
    await expect(second.getByText("第一个窗口改过的内容")).toBeVisible();

    // Having seen the other version, saving again is a deliberate choice and succeeds.
    await submitAndWait(second, second.getByRole("button", { name: "保存草稿" }), { path: url, sent: ["第二个窗口辛苦写的长段文字"] });
    await expect(second.getByRole("status").filter({ hasText: "草稿已保存" })).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("工作进展（必填）")).toHaveValue("第二个窗口辛苦写的长段文字");
    await context.close();
  });

  test("the admin moves a due date, which is validated, and moves it back", async ({ page }) => {
    await loginAs(page, "admin");
    await page.goto("/admin/periods");
    await expect(page.getByRole("heading", { level: 1, name: "填报季度与截止日期" })).toBeVisible();
    await expectNoAxeViolations(page);
    const due = page.getByLabel("2026年第四季度报告截止日期");
    const save = page.getByRole("button", { name: /^保存\s*2026年第四季度截止日期$/ });
    await expect(due).toHaveValue("2027-01-05");
    // Each save waits for its own request's answer (identified by the date it sent), never
    // for a status line an earlier save may have left on screen.
    const saveDue = (value: string) => submitAndWait(page, save, { path: "/admin/periods", sent: [value] });
    await due.fill("2026-09-01");
    await saveDue("2026-09-01");
    await expect(page.getByRole("alert").filter({ hasText: /截止日期不能早于本季度开始日/ })).toBeVisible();
    await due.fill("2027-01-06");
    await saveDue("2027-01-06");
    await expect(page.getByRole("status").filter({ hasText: "截止日期已更新" })).toBeVisible();
    await page.reload();
    await expect(due).toHaveValue("2027-01-06");
    await due.fill("2027-01-05");
    await saveDue("2027-01-05");
    await page.reload();
    await expect(page.getByLabel("2026年第四季度报告截止日期")).toHaveValue("2027-01-05");
  });

  test("the unit home fits a phone screen", async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await loginAs(page, "unit");
    await page.goto("/my?quarter=2026Q4");
    await expect(page.getByRole("heading", { level: 3, name: `第${TASK}项` })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
    await context.close();
  });
});
