// 单位维护 and 年度管理, end to end: a renamed unit keeps its reports and its account; the
// next year is imported after a dry-run preview; the header's 年度 switcher chooses the year of
// the page; a closed year refuses a save in Chinese. Every step waits for its own request.
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, loginAs, test } from "./fixtures";
import { submitAndWait } from "./helpers/form-submit";

const TASK = 27; // 住建局 compiles it (e2e/reporting.spec.ts files its reports)
const OLD = "住建局";
const NEW = "住房和城乡建设局";
const YEAR_FILE = path.join(process.cwd(), "test", "fixtures", "year-2027.json");

const reportHistory = (page: Page) => page.getByRole("region", { name: "报告历史" });

async function rename(page: Page, from: string, to: string) {
  await page.goto("/admin/units");
  await page.getByRole("link", { name: new RegExp(`^修改\\s*${from}$`) }).click();
  await expect(page.getByRole("heading", { level: 1, name: `修改单位：${from}` })).toBeVisible();
  const form = page.getByRole("form", { name: "改名" });
  await form.getByLabel("新名称").fill(to);
  await form.getByLabel("变更原因").fill("机构改革，单位更名");
  await form.getByLabel(/^依据/).fill("汨编〔2026〕8号");
  await submitAndWait(page, form.getByRole("button", { name: "保存新名称" }), { path: page.url().replace(/^https?:\/\/[^/]+/, ""), sent: [to] });
  await expect(form.getByRole("status")).toHaveText("单位已改名，原名已记录。");
}

test.describe.serial("units and programme years", () => {
  // Several sign-ins (each a password hash) and a whole year's import on a shared 2-core machine.
  test.describe.configure({ timeout: 180_000 });
  test("a renamed unit keeps its reports and its account, under the new name", async ({ page, browser }) => {
    await loginAs(page, "admin");
    await page.goto(`/tasks/${TASK}`);
    const before = await reportHistory(page).innerText();

    await rename(page, OLD, NEW);
    await page.goto("/admin/units");
    await expect(page.getByRole("row", { name: new RegExp(`${NEW}.*${OLD}`) })).toBeVisible();

    await page.goto(`/tasks/${TASK}`);
    await expect(page.getByRole("link", { name: NEW }).first()).toBeVisible();
    // The gazette printed the old name: the task page shows it beside the new one.
    await expect(page.getByRole("region", { name: "责任分工" })).toContainText(`${NEW}（原名：${OLD}）`);
    // Every version is still there; where the unit is named it has the new name (the clerk's
    // account keeps its own display name, which may be the old short name).
    expect((await reportHistory(page).innerText()).replaceAll(NEW, OLD)).toBe(before);

    // The unit's own account still works and still has its tasks, under the new name.
    const clerk = await (await browser.newContext()).newPage();
    await loginAs(clerk, "unit");
    await clerk.goto("/my?quarter=2026Q4");
    await expect(clerk.getByTestId("current-user")).toContainText(NEW);
    await expect(clerk.getByRole("heading", { level: 3, name: `第${TASK}项` })).toBeVisible();
    await clerk.context().close();

    // Back to the gazette's name for the specs that name it.
    await rename(page, NEW, OLD);
  });

  test("the next year is imported after a preview, and the 年度 switcher shows 2026 on request", async ({ page }) => {
    await loginAs(page, "admin");
    await page.goto("/admin/years");
    await page.getByLabel("导入年度").fill("2027");
    await page.getByLabel(/^数据文件/).setInputFiles(YEAR_FILE);
    await expect(page.getByText("已选择：year-2027.json")).toBeVisible();
    await submitAndWait(page, page.getByRole("button", { name: "预检（不写入）" }), { path: "/admin/years", sent: ["preview"] });
    const answer = page.getByRole("status").filter({ hasText: "2027" });
    await expect(answer).toContainText("预检通过：确认后将导入 2027 年度");
    await expect(answer).toContainText("结转 民生实事1");
    await submitAndWait(page, page.getByRole("button", { name: "确认导入" }), { path: "/admin/years", sent: ["commit"] });
    await expect(page.getByRole("status").filter({ hasText: "已导入 2027 年度" })).toBeVisible();

    // Loaded ahead, 2027 does not take over before it begins; the switcher opens it and 2026 again.
    await page.goto("/tasks");
    const years = page.getByRole("navigation", { name: "年度" });
    await expect(years.getByRole("link", { name: "2026" })).toHaveAttribute("aria-current", "page");
    await years.getByRole("link", { name: "2027" }).click();
    await expect(page).toHaveURL(/[?&]year=2027/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("2027");
    await expect(years.getByRole("link", { name: "2027" })).toHaveAttribute("aria-current", "page");
    // A link from the list keeps the year, and so does the way back.
    await page.locator('table a[href^="/tasks/"]').first().click();
    await expect(page).toHaveURL(/\/tasks\/\d+\?year=2027$/);
    const back = page.getByRole("link", { name: "← 返回任务总览" });
    await expect(back).toHaveAttribute("href", "/tasks?year=2027");
    await back.click();
    await expect(page).toHaveURL(/\/tasks\?year=2027$/);
    await expect(years.getByRole("link", { name: "2027" })).toHaveAttribute("aria-current", "page");
    await years.getByRole("link", { name: "2026" }).click();
    await expect(page).toHaveURL(/[?&]year=2026/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("2026");
  });

  test("a closed year refuses a save, in Chinese, and keeps what was there", async ({ page }) => {
    await loginAs(page, "admin");
    await page.goto("/admin/years");
    page.once("dialog", (dialog) => void dialog.accept());
    const close = page.getByRole("button", { name: /^关闭\s*2027 年度$/ });
    await submitAndWait(page, close, { path: "/admin/years", sent: ["2027", "true"] });
    await expect(page.getByRole("status").filter({ hasText: "年度已关闭，数据只读。" })).toBeVisible();

    await page.goto("/admin/periods?year=2027");
    await expect(page.getByRole("navigation", { name: "年度" })).toContainText("本年度已关闭，只读");
    const due = page.getByLabel("2027年第四季度报告截止日期");
    await expect(due).toHaveValue("2028-01-05");
    await due.fill("2028-01-06");
    await submitAndWait(page, page.getByRole("button", { name: /^保存\s*2027年第四季度截止日期$/ }), { path: "/admin/periods", sent: ["2028-01-06"] });
    await expect(page.getByRole("alert").filter({ hasText: "该年度已关闭，数据只读，本次未保存" })).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("2027年第四季度报告截止日期")).toHaveValue("2028-01-05");
  });
});
