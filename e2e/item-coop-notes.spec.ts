// A 督办事项's 配合单位 adds its 配合情况 with evidence in real Chromium, through the same form as
// a task's: 督办事项22 (第52次常务会议 八 三, 城管局 leads; 生态环境分局, 新市街道办 and 财政局
// cooperate). The 督查室 gives it the time limit the minutes did not print; 财政局 finds it on /my
// and writes its note with a PDF; 城管局 is told and reads the note with its file; the 督查室 sees
// it on the report; another 配合单位 (新市街道办) sees only its own form and is refused the file,
// and sees the items whose 配合单位 say 各镇（街道） on /my.
// 督办事项22 is used by no other spec.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, loginAs, test } from "./fixtures";
import { submitAndWait } from "./helpers/form-submit";

const ITEM_PAGE = "/items/22";
const REPORT_URL = "/items/22/report/2026Q4";
const NOTE = "已安排填埋场整改专项资金 120 万元，附资金安排文件。";

const pdf = () => Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const actionAnswer = (page: Page) => page.waitForResponse((r) => r.request().method() === "POST" && r.request().headers()["next-action"] !== undefined);

test.describe.configure({ mode: "serial", timeout: 120_000 });

test.describe("督办事项配合单位的配合情况", () => {
  let fileHref = "";

  test("the 督查室 gives the item a time limit, so its fourth quarter is due", async ({ page }) => {
    await loginAs(page, "supervisor");
    await page.goto(ITEM_PAGE);
    await page.getByLabel("时限方式").selectOption("once");
    await page.getByLabel("完成日期（限期完成时填写）").fill("2026-12-31");
    const saved = await submitAndWait(page, page.getByRole("button", { name: "保存时限" }), { path: ITEM_PAGE, sent: ["2026-12-31"] });
    expect(saved.status()).toBe(200);
    await expect(page.getByRole("status")).toHaveText("时限已保存。");
  });

  test("财政局 finds the item on /my and writes its 配合情况 with a PDF", async ({ page }) => {
    await loginAs(page, "czj");
    await page.goto("/my");
    const entry = page
      .getByRole("region", { name: /^督办事项/ })
      .getByRole("listitem")
      .filter({ has: page.getByRole("link", { name: "督办事项22", exact: true }) });
    await expect(entry).toContainText("会议议定事项 · 配合");
    await entry.getByRole("link", { name: /^填写配合情况/ }).click();
    await page.waitForURL((url) => url.pathname === REPORT_URL);

    const form = page.locator("#coop");
    await form.getByLabel("本单位配合情况（必填）").fill(NOTE);
    await form.getByLabel("上传附件").setInputFiles([{ name: "资金安排文件.pdf", mimeType: "application/pdf", buffer: pdf() }]);
    await expect(form.getByText("已上传，保存时附上")).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

    const answer = actionAnswer(page);
    await form.getByRole("button", { name: "保存配合情况" }).click();
    expect((await answer).status()).toBe(200);
    await expect(form.getByRole("status").filter({ hasText: "配合情况已保存" })).toBeVisible();
    const notes = page.getByRole("region", { name: "配合单位的配合情况" });
    await expect(notes.getByText(NOTE)).toBeVisible();
    const link = notes.getByRole("link", { name: "资金安排文件.pdf" });
    await expect(link).toBeVisible();
    fileHref = (await link.getAttribute("href"))!;
    expect(fileHref).toMatch(/^\/api\/attachments\/\d+$/);
  });

  test("城管局 is told, opens the note from the notification and the PDF opens for it", async ({ page }) => {
    await loginAs(page, "cgj");
    await page.goto("/notifications");
    const told = page.getByRole("button", { name: /财政局填写了督办事项22 .*配合情况/ });
    await expect(told).toBeVisible();
    await told.click();
    await page.waitForURL((url) => url.pathname === REPORT_URL);
    const notes = page.getByRole("region", { name: "配合单位的配合情况" });
    await expect(notes.getByText(NOTE)).toBeVisible();
    await expect(notes.getByRole("link", { name: "资金安排文件.pdf" })).toHaveAttribute("href", fileHref);
    // The lead unit reads the note; it writes none of its own.
    await expect(page.locator("#coop")).toHaveCount(0);
    const res = await page.request.get(fileHref);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("application/pdf");
  });

  test("the 督查室 sees the note on the item's report", async ({ page }) => {
    await loginAs(page, "supervisor");
    await page.goto(REPORT_URL);
    await expect(page.getByRole("region", { name: "配合单位的配合情况" }).getByText(NOTE)).toBeVisible();
  });

  test("another 配合单位 sees its own form, not 财政局's note, and gets the Chinese 403 page for the file", async ({ page }) => {
    await loginAs(page, "xinshi");
    await page.goto(REPORT_URL);
    await expect(page.locator("#coop").getByLabel("本单位配合情况（必填）")).toHaveValue("");
    await expect(page.getByText(NOTE)).toHaveCount(0);
    const res = await page.request.get(fileHref, { headers: { accept: "text/html" } });
    expect(res.status()).toBe(403);
    expect(await res.text()).toContain("<h1>无权限访问</h1>");
  });

  test("a 镇街 sees the items whose 配合单位 say 各镇（街道） on /my, as it sees such tasks", async ({ page }) => {
    // 督办事项20 (住建局 leads, 配合单位 各镇（街道）) names no town; 新市街道办 is one by its kind.
    await loginAs(page, "xinshi");
    await page.goto("/my");
    const entry = page
      .getByRole("region", { name: /^督办事项/ })
      .getByRole("listitem")
      .filter({ has: page.getByRole("link", { name: "督办事项20", exact: true }) });
    await expect(entry).toContainText("会议议定事项 · 配合");
  });
});
