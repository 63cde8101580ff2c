// 人大代表 (deputy) journey: the admin creates a deputy account; the deputy lands on the
// projects, cannot open the task list, leaves a 建议 on 民生实事 2; 住建局 is notified and answers it; the
// 督查室 sees both, opens the year's 测评; the deputy records and changes a 测评; the 督查室
// exports the results and the .xlsx opens with the vote in it.
import ExcelJS from "exceljs";
import { expect, loginAs, test } from "./fixtures";
import { submitAndWait } from "./helpers/form-submit";

test.describe.configure({ mode: "serial" });

const DEPUTY = `daibiao${Date.now().toString(36)}`;
const SUGGESTION = `建议在各村公示危房改造户的验收进度（${DEPUTY}）。`;
const ANSWER = `已在各村村务公开栏按季度公示验收进度（${DEPUTY}）。`;

test("the admin creates a 人大代表 account", async ({ page }) => {
  await loginAs(page, "admin");
  await page.goto("/admin/users");
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "创建账号" }) });
  await form.getByLabel("用户名").fill(DEPUTY);
  await form.getByLabel("姓名或名称").fill("王代表");
  await form.getByLabel("角色").selectOption({ label: "人大代表" });
  const answer = await submitAndWait(page, form.getByRole("button", { name: "创建账号" }), { path: "/admin/users", sent: [DEPUTY] });
  expect(answer.ok()).toBe(true);
  await expect(page.getByRole("status").filter({ hasText: "账号已创建" })).toBeVisible();
});

test("the deputy lands on the projects, may not open the tasks, and leaves a 建议", async ({ page }) => {
  await loginAs(page, DEPUTY);
  await page.goto("/");
  await expect(page).toHaveURL(/\/projects$/);
  await expect(page.getByRole("heading", { level: 1, name: /人大代表票决民生实事/ })).toBeVisible();
  const tasks = await page.goto("/tasks");
  expect(tasks?.status()).toBe(403);

  await page.goto("/projects/2");
  await page.getByLabel("我的建议").fill(SUGGESTION);
  const answer = await submitAndWait(page, page.getByRole("button", { name: "提交建议" }), { path: "/projects/2", sent: [DEPUTY] });
  expect(answer.ok()).toBe(true);
  await expect(page.getByRole("status").filter({ hasText: "建议已提交" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: SUGGESTION })).toBeVisible();
  // Read-only otherwise: no answer form, no report form for a deputy.
  await expect(page.getByRole("button", { name: "保存答复" })).toHaveCount(0);
});

test("住建局 is told of the 建议 and answers it on its project", async ({ page }) => {
  await loginAs(page, "unit");
  await page.goto("/notifications");
  const told = page.getByRole("button", { name: /人大代表对民生实事2 .+提出建议，请答复：/ }).filter({ hasText: DEPUTY });
  await expect(told).toBeVisible();
  await Promise.all([page.waitForURL(/\/projects\/2#suggestions-heading$/), told.click()]);
  await page.goto("/projects/2");
  const item = page.getByRole("listitem").filter({ hasText: SUGGESTION });
  await item.getByLabel("答复").fill(ANSWER);
  const answer = await submitAndWait(page, item.getByRole("button", { name: "保存答复" }), { path: "/projects/2", sent: [DEPUTY] });
  expect(answer.ok()).toBe(true);
  await expect(item.getByRole("status").filter({ hasText: "答复已保存" })).toBeVisible();
});

test("the 督查室 sees the 建议 with its answer and opens the 测评", async ({ page }) => {
  await loginAs(page, "supervisor");
  await page.goto("/deputies/suggestions");
  const item = page.getByRole("listitem").filter({ hasText: SUGGESTION });
  await expect(item).toContainText(ANSWER);
  await expect(item).toContainText("住建局 答复");

  await page.goto("/deputies/satisfaction");
  await page.getByLabel("测评开始日期").fill("2026-10-01");
  const answer = await submitAndWait(page, page.getByRole("button", { name: "开启测评" }), { path: "/deputies/satisfaction", sent: ["2026-10-01"] });
  expect(answer.ok()).toBe(true);
  await expect(page.getByRole("status").filter({ hasText: "测评已开启" })).toBeVisible();
});

test("the deputy records a 测评 and changes it while the round is open", async ({ page }) => {
  await loginAs(page, DEPUTY);
  await page.goto("/deputies/satisfaction");
  const form = page.locator("form").filter({ has: page.getByRole("group", { name: /^第 1 项/ }) });
  await form.getByRole("radio", { name: "满意", exact: true }).check();
  let answer = await submitAndWait(page, form.getByRole("button", { name: /提交测评|修改测评/ }), { path: "/deputies/satisfaction", sent: ["satisfied"] });
  expect(answer.ok()).toBe(true);
  await expect(form.getByRole("status").filter({ hasText: "测评已记录" })).toBeVisible();

  await page.reload();
  const again = page.locator("form").filter({ has: page.getByRole("group", { name: /^第 1 项/ }) });
  await expect(again.getByRole("radio", { name: "满意", exact: true })).toBeChecked();
  await again.getByRole("radio", { name: "基本满意" }).check();
  answer = await submitAndWait(page, again.getByRole("button", { name: "修改测评" }), { path: "/deputies/satisfaction", sent: ["basic"] });
  expect(answer.ok()).toBe(true);
  await expect(again.getByRole("status").filter({ hasText: "测评已记录" })).toBeVisible();
});

test("the 督查室 exports the results and the workbook holds the vote", async ({ page }) => {
  await loginAs(page, "supervisor");
  await page.goto("/deputies/satisfaction");
  const row = page.getByRole("row", { name: /^第 1 项/ });
  await expect(row).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /导出 Excel/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/^民生实事满意度测评-2026\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile((await download.path())!);
  const sheet = book.getWorksheet("满意度测评")!;
  let found = false;
  sheet.eachRow((r) => {
    if (String(r.getCell(2).value ?? "").startsWith("农村村民自建桥梁")) {
      found = true;
      expect(Number(r.getCell(5).value)).toBeGreaterThanOrEqual(1); // 基本满意
      expect(Number(r.getCell(9).value)).toBeGreaterThanOrEqual(1); // 参评人数
    }
  });
  expect(found).toBe(true);
});
