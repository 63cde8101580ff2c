// 月度推进节点 in a real browser, the server's "today" being 2026-12-01: the 城管局 sets Q4
// nodes for task 30 (October for itself, November for the 新市街道办, December for itself);
// October and November, not done by their month's end, show as 逾期未完成 and turn the 进度
// lamp red; the 新市街道办 marks its node done (late: the lamp goes to 黄); the 督查室 sees the
// missed node on the 逾期与滞后清单. Task 30 is used by no other spec.
import type { Page } from "@playwright/test";
import { expect, loginAs, test } from "./fixtures";

const NODES_URL = "/tasks/30/nodes/2026Q4";

test.describe.configure({ mode: "serial" });

/** Submits a form and waits for that Server Action's own answer. */
async function submitAndWait(page: Page, button: ReturnType<Page["getByRole"]>) {
  const answered = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === new URL(page.url()).pathname);
  await button.click();
  await answered;
}

test.describe("月度推进节点", () => {
  test("the lead unit sets Q4 nodes; October and November not done by month end turn 进度 red", async ({ page }) => {
    await loginAs(page, "cgj");
    await page.goto(NODES_URL);
    await expect(page.getByRole("heading", { level: 1, name: "第30项 · 2026年第四季度月度推进节点" })).toBeVisible();
    const form = page.getByRole("form", { name: "设定月度推进节点" });
    await form.getByLabel("10月底前完成（不设节点请留空）").fill("完成城区道路提质改造方案审定");
    await form.getByLabel("11月底前完成（不设节点请留空）").fill("完成背街小巷施工招标");
    await form.getByLabel("指标值（选填）").nth(1).fill("3 条");
    await form.locator('select[name="node.11.unit"]').selectOption({ label: "新市街道办" });
    await form.getByLabel("12月底前完成（不设节点请留空）").fill("完成年度改造任务");
    await submitAndWait(page, form.getByRole("button", { name: "保存推进节点" }));
    await expect(form.getByRole("status")).toHaveText("月度推进节点已保存。");

    const panel = page.getByTestId("monthly-nodes");
    await expect(panel.getByTestId("node-10")).toContainText("逾期未完成");
    await expect(panel.getByTestId("node-11")).toContainText("逾期未完成");
    await expect(panel.getByTestId("node-11")).toContainText("责任单位：新市街道办");
    await expect(panel.getByTestId("node-12")).toContainText("未到期");
    // The lead unit marks only its own nodes: the 新市街道办's November node has no form here.
    await expect(panel.getByRole("form", { name: "10月节点标记完成" })).toBeVisible();
    await expect(panel.getByRole("form", { name: "11月节点标记完成" })).toHaveCount(0);

    const lamp = page.getByTestId("node-quarter-status").locator('[data-lamp="progress"]');
    await expect(lamp).toHaveAttribute("data-value", "red");
    await expect(page.getByTestId("report-reasons")).toContainText(
      "10月节点未完成：完成城区道路提质改造方案审定（城管局）；11月节点未完成：完成背街小巷施工招标（新市街道办）",
    );

    // The report page shows the same nodes and the same lamp.
    await page.goto("/tasks/30/report/2026Q4");
    await expect(page.getByTestId("monthly-nodes").getByTestId("node-11")).toContainText("逾期未完成");
    await expect(page.getByTestId("report-status").locator('[data-lamp="progress"]')).toHaveAttribute("data-value", "red");
  });

  test("the cooperating unit marks its November node done late: one node still missed, 进度 黄", async ({ page }) => {
    await loginAs(page, "xinshi");
    await page.goto(NODES_URL);
    const done = page.getByRole("form", { name: "11月节点标记完成" });
    await done.getByLabel("完成情况").fill("已完成 3 条背街小巷施工招标");
    await done.getByLabel("佐证（文号或材料名称，选填）").fill("招标公告 2026-12-01");
    await submitAndWait(page, done.getByRole("button", { name: "标记11月节点完成" }));
    await expect(page.getByTestId("node-11")).toContainText("逾期完成");
    await expect(page.getByTestId("node-11")).toContainText("2026-12-01 由新市街道办标记完成：已完成 3 条背街小巷施工招标（佐证：招标公告 2026-12-01）");
    await expect(page.getByTestId("node-quarter-status").locator('[data-lamp="progress"]')).toHaveAttribute("data-value", "amber");
  });

  test("the 督查室 sees the missed node on the 逾期与滞后清单", async ({ page }) => {
    await loginAs(page, "supervisor");
    await page.goto("/supervision/overdue?reason=milestone");
    const entry = page.locator('[data-testid="overdue-entry"][data-subject="task:30"]');
    await expect(entry).toContainText("四季度：10月节点未完成：完成城区道路提质改造方案审定（城管局）");
    await expect(entry).toContainText("四季度：11月节点逾期完成（2026-12-01，应于 2026-11-30 前）：完成背街小巷施工招标（新市街道办）");
  });
});
