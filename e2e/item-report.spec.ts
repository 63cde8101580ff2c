// A 会议议定事项 through the whole 督办 loop in real Chromium: the 督查室 sets the time limit the
// minutes did not print, the lead unit (水利局) files and submits the quarterly report from /my,
// the 督查室 returns it from the review queue, the unit resubmits, the 督查室 issues a 督办 on
// it from the report page, the unit answers it on /my, the 督查室 销号 and approves the report.
// 督办事项2 (第51次常务会议 七（一）, 水利局) is not touched by any other spec.
import { expect, loginAs, test } from "./fixtures";
import { submitAndWait } from "./helpers/form-submit";
import { submitReportAndWait } from "./helpers/submit-report";

const ITEM_PAGE = "/items/2";
const REPORT = "/items/2/report/2026Q4";
const UNIT = "slj"; // 水利局
const PROGRESS = "已根据会议意见修改完善《汨罗市农村供水县域统管实施方案》，报市政府审定。";
const FIXED = "方案已经市政府审定，正式发文实施，文件已附。";

test.describe.configure({ mode: "serial", timeout: 120_000 });

test.describe("会议议定事项：报告 → 审核 → 督办 → 销号", () => {
  test("the 督查室 sets the time limit of a decision whose minutes printed none", async ({ page }) => {
    await loginAs(page, "supervisor");
    await page.goto(ITEM_PAGE);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("水利部门要根据会议意见进一步修改完善后");
    const duty = page.getByRole("region", { name: "责任分工" });
    await expect(duty.getByText("未明确时限，由督查室确定")).toBeVisible();
    const quarters = page.getByRole("region", { name: "季度填报情况" });
    // No time limit, nothing to report: every quarter is 无需报送 and has no report to open.
    await expect(quarters.getByTestId("quarter-2026Q4")).toContainText("无需报送");
    await expect(quarters.getByRole("link", { name: /报告/ })).toHaveCount(0);

    await page.getByLabel("时限方式").selectOption("once");
    await page.getByLabel("完成日期（限期完成时填写）").fill("2026-12-31");
    const saved = await submitAndWait(page, page.getByRole("button", { name: "保存时限" }), { path: ITEM_PAGE, sent: ["2026-12-31"] });
    expect(saved.status()).toBe(200);
    await expect(page.getByRole("status")).toHaveText("时限已保存。");
    await expect(duty.getByText("限期 2026年12月31日前完成")).toBeVisible();
    await expect(quarters.getByTestId("quarter-2026Q4")).toContainText("未填报");
    await expect(quarters.getByRole("link", { name: /^查看报告\s*（2026年第四季度）$/ })).toHaveAttribute("href", REPORT);
  });

  test("水利局 finds the item due on /my, files and submits its report", async ({ page }) => {
    await loginAs(page, UNIT);
    await page.goto("/my");
    const card = page.locator('[data-testid="my-card"][data-subject="item:2"]').filter({ has: page.locator(`a[href="${REPORT}"]`) });
    await expect(card.getByText("原则上同意该方案。")).toBeVisible();
    await expect(card.getByRole("link", { name: /^填写报告/ })).toHaveAttribute("href", REPORT);

    await page.goto(REPORT);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("督办事项 2 · 2026年第四季度工作进展报告");
    await expect(page.getByText("会议议定事项 · 时限：限期 2026年12月31日前完成")).toBeVisible();
    await expect(page.getByRole("link", { name: "月度推进节点" })).toHaveAttribute("href", "/items/2/nodes/2026Q4");
    await page.getByLabel("工作进展（必填）").fill(PROGRESS);
    await page.getByLabel("存在问题").fill("无");
    await page.getByLabel("下步打算").fill("按程序报审后印发实施。");
    await page.getByRole("radio", { name: "序时推进" }).check();
    const sent = await submitReportAndWait(page, { path: REPORT, sent: [PROGRESS] });
    expect(sent.status()).toBeLessThan(400);
    await expect(page.getByRole("status").filter({ hasText: "已提交（第 1 版），等待督查室审核。" })).toBeVisible();
    await expect(page.getByTestId("report-status").getByText("已提交")).toBeVisible();
    await expect(page.getByRole("region", { name: "报告内容" }).getByText(PROGRESS)).toBeVisible();
  });

  test("the 督查室 returns it from the review queue; 水利局 reads why and resubmits", async ({ page, browser }) => {
    await loginAs(page, "supervisor");
    await page.goto("/supervision/review");
    const queued = page.getByTestId("review-item").filter({ has: page.getByRole("heading", { name: "督办事项2 · 四季度报告" }) });
    await expect(queued).toHaveCount(1);
    await expect(queued.getByText("水利局 · 第 1 版")).toBeVisible();
    await queued.getByText(/查看报告.*并审核/).click();
    await expect(queued.getByText(PROGRESS)).toBeVisible();
    await queued.getByLabel("审核意见").fill("请附方案报审稿");
    const returned = await submitAndWait(page, queued.getByRole("button", { name: "退回修改" }), { path: "/supervision/review", sent: ["请附方案报审稿"] });
    expect(returned.status()).toBeLessThan(400);
    await expect(queued).toHaveCount(0);

    const unitContext = await browser.newContext();
    const unit = await unitContext.newPage();
    await loginAs(unit, UNIT);
    await unit.goto(REPORT);
    const why = unit.getByRole("region", { name: "督查室已退回，请修改后重新提交" });
    await expect(why.getByText("请附方案报审稿")).toBeVisible();
    await expect(unit.getByLabel("工作进展（必填）")).toHaveValue(PROGRESS);
    await unit.getByLabel("工作进展（必填）").fill(FIXED);
    const resent = await submitReportAndWait(unit, { path: REPORT, sent: [FIXED] });
    expect(resent.status()).toBeLessThan(400);
    await expect(unit.getByRole("status").filter({ hasText: "已提交（第 2 版），等待督查室审核。" })).toBeVisible();
    await unitContext.close();
  });

  test("the 督查室 issues a 督办 from the report page, 水利局 answers it on /my, the 督查室 销号", async ({ page, browser }) => {
    await loginAs(page, "supervisor");
    await page.goto(REPORT);
    const issue = page.getByRole("link", { name: "发出催办/督办" });
    await expect(issue).toHaveAttribute("href", "/supervision/notices/new?subject=item:2&period=2026Q4");
    await page.goto((await issue.getAttribute("href"))!);
    await expect(page.getByText("督办事项2", { exact: true })).toBeVisible();
    await expect(page.getByText("主送（牵头单位）：水利局")).toBeVisible();
    await page.getByRole("radio", { name: /^督办/ }).check();
    await page.getByLabel("存在问题").fill("方案报审进度滞后于会议要求。");
    await page.getByLabel("整改要求").fill("请于期限前完成报审并报送发文情况。");
    const issued = await submitAndWait(page, page.getByRole("button", { name: "发出" }), {
      path: "/supervision/notices/new",
      sent: ["请于期限前完成报审并报送发文情况。"],
    });
    expect(issued.status()).toBeLessThan(400);
    await page.waitForURL(/\/supervision\/notices\/\d+$/);
    const noticePath = new URL(page.url()).pathname;
    const title = (await page.getByRole("heading", { level: 1 }).textContent())!.trim();
    expect(title).toMatch(/^督办〔2026〕\d+号$/);
    await expect(page.getByText("已发出", { exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "督办事项2" })).toHaveAttribute("href", ITEM_PAGE);
    await expect(page.getByRole("link", { name: "2026年第四季度报告" })).toHaveAttribute("href", REPORT);

    const unitContext = await browser.newContext();
    const unit = await unitContext.newPage();
    await loginAs(unit, UNIT);
    await unit.goto("/my");
    const notice = unit.getByTestId("open-notice").filter({ hasText: title });
    await expect(notice.getByText("请于期限前完成报审并报送发文情况。")).toBeVisible();
    await expect(notice.getByRole("link", { name: /^2026年第四季度报告\s*（督办事项2）$/ })).toHaveAttribute("href", REPORT);
    await notice.getByLabel("回复内容").fill("方案已报市政府审定，发文稿已随报告附上。");
    const replied = await submitAndWait(unit, notice.getByRole("button", { name: "提交回复" }), {
      path: "/my",
      sent: ["方案已报市政府审定，发文稿已随报告附上。"],
    });
    expect(replied.status()).toBeLessThan(400);
    await expect(notice.getByText("已回复，等待督查室审核销号。")).toBeVisible();
    await unitContext.close();

    await page.goto(noticePath);
    await expect(page.getByText("已回复", { exact: true })).toBeVisible();
    await expect(page.getByText("方案已报市政府审定，发文稿已随报告附上。")).toBeVisible();
    await page.getByLabel("销号意见（可选）").fill("已完成报审，同意销号。");
    const closed = await submitAndWait(page, page.getByRole("button", { name: "销号", exact: true }), { path: noticePath, sent: ["已完成报审，同意销号。"] });
    expect(closed.status()).toBeLessThan(400);
    await expect(page.getByText("已销号", { exact: true })).toBeVisible();
    await expect(page.getByTestId("notice-event-closed")).toContainText("已完成报审，同意销号。");
  });

  test("the 督查室 approves the report; 水利局 sees it 已通过 and the item's quarter closed", async ({ page, browser }) => {
    await loginAs(page, "supervisor");
    await page.goto(REPORT);
    const review = page.getByRole("region", { name: "审核" });
    await expect(page.getByRole("region", { name: "报告内容" }).getByText(FIXED)).toBeVisible();
    const approved = await submitAndWait(page, review.getByRole("button", { name: "审核通过" }), { path: REPORT, sent: ["approve"] });
    expect(approved.status()).toBeLessThan(400);
    await expect(page.getByRole("status").filter({ hasText: "已通过。" })).toBeVisible();
    await expect(page.getByRole("region", { name: "审核" })).toHaveCount(0);
    const versions = page.getByRole("region", { name: "提交记录" });
    await expect(versions.getByRole("heading", { name: /^第 2 版 · / })).toBeVisible();

    const unitContext = await browser.newContext();
    const unit = await unitContext.newPage();
    await loginAs(unit, UNIT);
    await unit.goto(ITEM_PAGE);
    const quarter = unit.getByRole("region", { name: "季度填报情况" }).getByTestId("quarter-2026Q4");
    await expect(quarter).toContainText("已通过");
    await expect(quarter.getByRole("link", { name: /^查看报告\s*（2026年第四季度）$/ })).toHaveAttribute("href", REPORT);
    await unit.goto(REPORT);
    await expect(unit.getByTestId("report-status").getByText("已通过")).toBeVisible();
    await expect(unit.getByLabel("工作进展（必填）")).toHaveCount(0);
    await unitContext.close();
  });
});

// 督办事项173 (附件8 二（二）5, 市住建局牵头) prints a figure: “住宅老旧电梯更新 8 台”; 督办事项36
// repeats the task table's figures, which its page shows beside the key tasks'. Neither is touched by any other spec.
test.describe("“开局八好”举措的量化指标", () => {
  test("住建局 reports the measure's figure like a task's metric; a repeated figure points to its key task", async ({ page, browser }) => {
    await loginAs(page, "supervisor");
    await page.goto("/items/36");
    const figures = page.getByRole("region", { name: "量化指标" });
    await expect(figures.getByRole("row", { name: /充电桩/ })).toContainText("第32项：168 个（相同）");
    await page.goto("/items/173");
    await expect(page.getByRole("region", { name: "量化指标" }).getByRole("row", { name: /住宅老旧电梯更新/ })).toContainText("8 台");
    await page.getByLabel("时限方式").selectOption("quarterly");
    const saved = await submitAndWait(page, page.getByRole("button", { name: "保存时限" }), { path: "/items/173", sent: ["quarterly"] });
    expect(saved.status()).toBe(200);

    const unitContext = await browser.newContext();
    const unit = await unitContext.newPage();
    await loginAs(unit, "zjj");
    await unit.goto("/items/173/report/2026Q4");
    const box = unit.getByLabel("住宅老旧电梯更新（台）");
    await expect(box).toBeVisible();
    await box.fill("3");
    await unit.getByLabel("工作进展（必填）").fill("已完成 3 台老旧电梯更新，其余 5 台已签约。");
    await unit.getByRole("radio", { name: "滞后" }).check();
    const sent = await submitReportAndWait(unit, { path: "/items/173/report/2026Q4", sent: ["已完成 3 台老旧电梯更新"] });
    expect(sent.status()).toBeLessThan(400);
    await expect(unit.getByRole("status").filter({ hasText: "已提交（第 1 版），等待督查室审核。" })).toBeVisible();
    await expect(unit.getByRole("region", { name: "报告内容" }).getByText("住宅老旧电梯更新")).toBeVisible();
    await unitContext.close();
  });
});
