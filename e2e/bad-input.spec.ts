// Valid text that looks like markup is stored exactly as typed and shown as text, never
// run: a unit types HTML and script into its report, the 督查室 reads it back.
import { expect, test } from "@playwright/test";
import { loginAs } from "./fixtures";
import { submitReportForm } from "./helpers/submit-report";

// 住建局 is the only lead unit of task 29 (no metrics, no planned milestone): the report needs only text and 自评.
const REPORT = "/tasks/29/report/2026Q4";
const PROBLEMS = "<b>加粗</b> <script>window.__xss = 1</script> 𠀀 ✅ مرحبا";
const PROGRESS = '完成率<50%且>30%；<img src=x onerror="window.__xss = 1">；\' OR 1=1 --';

test("HTML and script typed into a report are stored as typed and rendered as text", async ({ page, browser }) => {
  await loginAs(page, "unit");
  await page.goto(REPORT);
  await page.getByLabel("工作进展（必填）").fill(PROGRESS);
  await page.getByLabel("存在问题").fill(PROBLEMS);
  await page.getByRole("radio", { name: "序时推进" }).check();
  await submitReportForm(page);
  await expect(page.getByLabel("工作进展（必填）")).toHaveCount(0);

  const supervisor = await browser.newPage();
  await loginAs(supervisor, "supervisor");
  for (const p of [page, supervisor]) {
    await p.goto(REPORT);
    await expect(p.getByText(PROBLEMS, { exact: false }).first()).toBeVisible();
    await expect(p.getByText(PROGRESS, { exact: false }).first()).toBeVisible();
    await expect(p.locator("main b", { hasText: "加粗" })).toHaveCount(0);
    await expect(p.locator("main img[src=x]")).toHaveCount(0);
    expect(await p.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  }
  await supervisor.close();
});
