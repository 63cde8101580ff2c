// Maintenance of the programme in a real browser: task 47 came out of the gazette with no
// 牵头领导 and no 牵头单位, so it is 无需报送 and the 催办 form refuses it up front; the
// administrator supplies both with a source, after which it leaves the 待核实 list, becomes
// due and shows the change history; a unit user gets 403 on the maintenance pages.
// The spec ends by putting task 47 back as the gazette has it, since the specs share one database.
import type { Page } from "@playwright/test";
import { expect, loginAs, test } from "./fixtures";
import { submitAndWait } from "./helpers/form-submit";

const TASK = 47;
const EDIT_URL = `/admin/tasks/${TASK}`;

test.describe.configure({ mode: "serial" });

const quarterLine = (page: Page, code: string) => page.getByTestId(`quarter-${code}`);

test.describe("基础数据维护", () => {
  test("the login page says whom to ask for help", async ({ page }) => {
    await page.goto("/login");
    await expect(page.getByRole("region", { name: "需要帮助？" })).toContainText("请联系系统管理员：市政府督查室 系统管理员");
  });

  test("a unit user gets 403 on the maintenance pages", async ({ page }) => {
    await loginAs(page, "unit");
    for (const url of [EDIT_URL, "/admin/tasks", "/admin/verification"]) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(403);
      await expect(page.getByRole("heading", { level: 1, name: "无权限访问" })).toBeVisible();
    }
  });

  test("the 督查室 cannot start a 催办 on a task that has no lead unit", async ({ page }) => {
    await loginAs(page, "supervisor");
    await page.goto(`/supervision/notices/new?subject=task:${TASK}`);
    await expect(page.getByRole("alert").filter({ hasText: "该任务尚未指定牵头单位" })).toBeVisible();
    await expect(page.getByLabel("存在问题")).toHaveCount(0);
  });

  test("the administrator supplies task 47's leader and lead unit with a source: it leaves the 待核实 list, becomes due and shows the history", async ({
    page,
  }) => {
    await loginAs(page, "admin");
    await page.goto(`/tasks/${TASK}`);
    await expect(quarterLine(page, "2026Q3")).toContainText("无需报送");

    await page.goto("/admin/verification");
    const item = page.getByRole("region", { name: `第${TASK}项` });
    await expect(item.getByText("待指定牵头单位", { exact: true })).toBeVisible();
    await item.getByRole("link", { name: /核实并修改/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: `维护任务：第${TASK}项` })).toBeVisible();

    await page.getByLabel("牵头领导").fill("李亚江");
    await page.getByLabel("牵头单位").fill("教体局");
    await page.getByLabel(/仍需核实/).uncheck();
    await page.getByLabel("变更原因").fill("公报缺牵头领导和牵头单位格，补录");
    await page.getByLabel("依据").fill("经教体局确认");
    await submitAndWait(page, page.getByRole("button", { name: "保存修改" }), { path: EDIT_URL, sent: ["教体局", "经教体局确认"] });
    await expect(page.getByRole("status").filter({ hasText: "任务信息已更新" })).toBeVisible();

    await page.goto("/admin/verification");
    await expect(page.getByRole("heading", { level: 1, name: "待核实清单" })).toBeVisible();
    await expect(page.getByRole("region", { name: `第${TASK}项` })).toHaveCount(0);

    await page.goto(`/tasks/${TASK}`);
    await expect(quarterLine(page, "2026Q3")).toContainText("逾期未报");
    const history = page.getByRole("region", { name: "变更记录" });
    await expect(history.getByText("经教体局确认")).toBeVisible();
    await expect(history.getByRole("row", { name: /牵头单位/ }).getByRole("cell")).toHaveText(["（空）", "教体局"]);
    await expect(history.getByRole("row", { name: /牵头领导/ }).getByRole("cell")).toHaveText(["（空）", "李亚江"]);
  });

  test("the audit log shows the change in words, field by field", async ({ page }) => {
    await loginAs(page, "admin");
    await page.goto("/admin/audit?action=task.maintain");
    const row = page
      .getByRole("row")
      .filter({ hasText: `第${TASK}项` })
      .first();
    await expect(row.getByRole("cell", { name: "修改任务基础数据" })).toBeVisible();
    await row.getByText(/^查看（\d+ 项）$/).click();
    await expect(row.getByRole("row", { name: /牵头单位/ }).getByRole("cell")).toHaveText(["—", "教体局"]);
    await expect(row).not.toContainText("leadUnits");
  });

  test("taking the lead unit away again puts task 47 back on the 待核实 list as 无需报送", async ({ page }) => {
    await loginAs(page, "admin");
    await page.goto(EDIT_URL);
    // The fields start with the names the previous test saved: they must really be empty before saving.
    for (const label of ["牵头领导", "牵头单位"]) {
      const field = page.getByLabel(label);
      await expect(async () => {
        await field.fill("");
        await expect(field).toHaveValue("", { timeout: 1000 });
      }).toPass();
    }
    await page.getByLabel(/仍需核实/).check();
    await page.getByLabel("核实说明").fill("牵头单位待市政府另行明确。");
    await page.getByLabel("变更原因").fill("牵头单位尚未确定");
    await page.getByLabel("依据").fill("市政府办公室通知");
    await expect(page.getByLabel("牵头领导")).toHaveValue("");
    await submitAndWait(page, page.getByRole("button", { name: "保存修改" }), { path: EDIT_URL, sent: ["市政府办公室通知"] });
    await expect(page.getByRole("status").filter({ hasText: "任务信息已更新" })).toBeVisible();

    await page.goto("/admin/verification");
    await expect(page.getByRole("region", { name: `第${TASK}项` }).getByText("待指定牵头单位", { exact: true })).toBeVisible();
    await page.goto(`/tasks/${TASK}`);
    await expect(quarterLine(page, "2026Q3")).toContainText("无需报送");
  });
});
