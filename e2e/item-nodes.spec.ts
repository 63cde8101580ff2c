// 月度推进节点 and monthly reporting of 督办事项 in a real browser, the server's "today" being
// 2026-12-01. 督办事项22 (城管局 leads, 生态环境分局 among the 配合单位): the 城管局 sets Q4 nodes
// from the item page, October and November turn the 进度 lamp red, and the 督查室 sees the
// missed node on the 逾期与滞后清单. 督办事项14 (财政局): the 督查室 sets 按月推进; only December
// is due (the time limit was set in December), and the 财政局's report is December's, on time.
// Neither item is used by any other spec.
import { expect, loginAs, test } from "./fixtures";
import { submitAndWait } from "./helpers/form-submit";
import { submitReportAndWait } from "./helpers/submit-report";

const NODES_URL = "/items/22/nodes/2026Q4";
const MONTHLY_REPORT = "/items/14/report/2026Q4";

test.describe.configure({ mode: "serial", timeout: 120_000 });

test.describe("督办事项的月度推进节点与按月报送", () => {
  test("the lead unit sets Q4 nodes for itself and a 配合单位; the missed ones turn 进度 red", async ({ page }) => {
    await loginAs(page, "cgj");
    await page.goto("/items/22");
    await page.getByRole("navigation", { name: "月度推进节点" }).getByRole("link", { name: "四季度" }).click();
    await page.waitForURL(`**${NODES_URL}`);
    await expect(page.getByRole("heading", { level: 1, name: "督办事项22 · 2026年第四季度月度推进节点" })).toBeVisible();
    const form = page.getByRole("form", { name: "设定月度推进节点" });
    await form.getByLabel("10月底前完成（不设节点请留空）").fill("制定整改工作方案");
    await form.getByLabel("11月底前完成（不设节点请留空）").fill("完成执法检查");
    await form.locator('select[name="node.11.unit"]').selectOption({ label: "生态环境分局" });
    await form.getByLabel("12月底前完成（不设节点请留空）").fill("完成整改销号");
    const saved = await submitAndWait(page, form.getByRole("button", { name: "保存推进节点" }), { path: NODES_URL, sent: ["完成执法检查"] });
    expect(saved.status()).toBeLessThan(400);
    await expect(form.getByRole("status")).toHaveText("月度推进节点已保存。");

    const panel = page.getByTestId("monthly-nodes");
    await expect(panel.getByTestId("node-10")).toContainText("逾期未完成");
    await expect(panel.getByTestId("node-11")).toContainText("责任单位：生态环境分局");
    await expect(panel.getByTestId("node-12")).toContainText("未到期");
    await expect(page.getByTestId("node-quarter-status").locator('[data-lamp="progress"]')).toHaveAttribute("data-value", "red");

    // The item's report page shows the same nodes and the same lamp.
    await page.goto("/items/22/report/2026Q4");
    await expect(page.getByRole("link", { name: "月度推进节点" })).toHaveAttribute("href", NODES_URL);
    await expect(page.getByTestId("monthly-nodes").getByTestId("node-11")).toContainText("逾期未完成");
    await expect(page.getByTestId("report-status").locator('[data-lamp="progress"]')).toHaveAttribute("data-value", "red");
  });

  test("the 督查室 sees the item's missed nodes on the 逾期与滞后清单", async ({ page }) => {
    await loginAs(page, "supervisor");
    await page.goto("/supervision/overdue?reason=milestone");
    const entry = page.locator('[data-testid="overdue-entry"][data-subject="item:22"]');
    await expect(entry).toContainText("四季度：10月节点未完成：制定整改工作方案（城管局）");
    await expect(entry).toContainText("四季度：11月节点未完成：完成执法检查（生态环境分局）");
  });

  test("a monthly item: the 督查室 sets 按月推进, the lead unit files December's report", async ({ page, browser }) => {
    await loginAs(page, "supervisor");
    await page.goto("/items/14");
    await page.getByLabel("时限方式").selectOption("monthly");
    const set = await submitAndWait(page, page.getByRole("button", { name: "保存时限" }), { path: "/items/14", sent: ["monthly"] });
    expect(set.status()).toBe(200);
    await expect(page.getByRole("status")).toHaveText("时限已保存。");
    await expect(page.getByRole("region", { name: "责任分工" }).getByText("按月推进")).toBeVisible();

    const unitContext = await browser.newContext();
    const unit = await unitContext.newPage();
    await loginAs(unit, "czj");
    await unit.goto(MONTHLY_REPORT);
    const months = unit.getByRole("region", { name: "按月报送" });
    // Set in December: October and November are not asked for.
    await expect(months.getByRole("listitem")).toHaveCount(1);
    await expect(months.getByRole("listitem")).toContainText("12月");
    await expect(months.getByRole("listitem")).toContainText("应于 2027年1月5日前报送");
    await expect(months.locator('[data-lamp="reporting"]')).toHaveAttribute("data-value", "not_due");
    const progress = "已落实项目前期启动资金调度，12月完成立项争资对接。";
    await unit.getByLabel("工作进展（必填）").fill(progress);
    await unit.getByLabel("存在问题").fill("无");
    await unit.getByLabel("下步打算").fill("按月推进。");
    await unit.getByRole("radio", { name: "序时推进" }).check();
    const sent = await submitReportAndWait(unit, { path: MONTHLY_REPORT, sent: [progress] });
    expect(sent.status()).toBeLessThan(400);
    await expect(unit.getByRole("status").filter({ hasText: "已提交（第 1 版），等待督查室审核。" })).toBeVisible();
    await expect(months.locator('[data-lamp="reporting"]')).toHaveAttribute("data-value", "on_time");
    await expect(months.getByRole("listitem")).toContainText("2026年12月1日提交");
    await unitContext.close();
  });
});
