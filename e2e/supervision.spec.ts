// The 督查室's desk (issue 5) in a real browser: the review loop (submit → return →
// resubmit → bulk approve), a 督办 on a late task through reply and 销号 with the leader
// seeing it escalated, and the Excel export of the overdue list parsed back. Every page
// is checked with axe. Tasks used here are not touched by other specs: 46 (人社局), 51 (民政局).
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import Database from "better-sqlite3";
import ExcelJS from "exceljs";
import { e2eDatabasePath, expect, loginAs, test, TODAY } from "./fixtures";
import { submitReportForm } from "./helpers/submit-report";

const REPORT_TASK = 46;
const REPORT_URL = `/tasks/${REPORT_TASK}/report/2026Q1`;
const LATE_TASK = 51;
const UNIT_REPORT = "rsj"; // 人社局
const UNIT_LATE = "mzj"; // 民政局
const LEADER_LATE = "wuyanping"; // 吴艳平, 牵头领导 of task 51
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

async function expectNoAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** A day relative to the server's fixed "today". */
function shanghaiDay(offsetDays = 0): string {
  return new Date(Date.parse(`${TODAY}T00:00:00Z`) + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

// Whole journeys of two or three people, each page scanned with axe: more than the default minute on a busy machine.
test.describe.configure({ mode: "serial", timeout: 180_000 });

test.describe("督查督办", () => {
  test("unit submits → 督查室 returns with a comment → unit fixes and resubmits → 督查室 approves", async ({ page, browser }) => {
    const unitContext = await browser.newContext();
    const unit = await unitContext.newPage();
    await loginAs(unit, UNIT_REPORT);
    await unit.goto(REPORT_URL);
    await unit.getByLabel("新增城镇就业（人）").fill("1600");
    await unit.getByLabel("工作进展（必填）").fill("一季度新增城镇就业 1600 人。");
    await unit.getByRole("radio", { name: "序时推进" }).check();
    await submitReportForm(unit);
    await expect(unit.getByRole("status").filter({ hasText: "已提交（第 1 版）" })).toBeVisible();

    await loginAs(page, "supervisor");
    await page.goto("/supervision/review");
    await expect(page.getByRole("heading", { level: 1, name: "审核" })).toBeVisible();
    const item = page.getByTestId("review-item").filter({ has: page.getByRole("heading", { name: `第${REPORT_TASK}项 · 一季度报告` }) });
    await expect(item).toHaveCount(1);
    await item.getByText(/查看报告.*并审核/).click();
    await expect(item.getByText("一季度新增城镇就业 1600 人。")).toBeVisible();
    await expectNoAxeViolations(page);
    await item.getByLabel("审核意见").fill("请补充就业台账");
    await item.getByRole("button", { name: "退回修改" }).click();
    await expect(item).toHaveCount(0);

    await page.goto("/supervision?quarter=2026Q1");
    await expect(page.getByTestId(`matrix-task:${REPORT_TASK}`).getByText("已退回")).toBeVisible();

    await unit.goto("/notifications");
    // The notice names the task in full: its 序号 and the start of its target text.
    await expect(unit.getByText(new RegExp(`第${REPORT_TASK}项 \\S.* 一季度 报告被退回：请补充就业台账`))).toBeVisible();
    await unit.goto(REPORT_URL);
    await expect(unit.getByRole("heading", { name: "督查室已退回，请修改后重新提交" })).toBeVisible();
    await unit.getByLabel("工作进展（必填）").fill("一季度新增城镇就业 1600 人，台账已附。");
    await unit.getByLabel("上传附件").setInputFiles({ name: "就业台账.pdf", mimeType: "application/pdf", buffer: PDF });
    await submitReportForm(unit);
    await expect(unit.getByRole("status").filter({ hasText: "已提交（第 2 版）" })).toBeVisible();
    await unitContext.close();

    await page.goto("/supervision/review");
    await expect(item).toHaveCount(1);
    await item.getByText(/查看报告与上一版并审核/).click();
    await expect(item.getByText(/与第 1 版相比（已退回：请补充就业台账）/)).toBeVisible();
    await item.getByRole("checkbox", { name: `第${REPORT_TASK}项 · 一季度报告` }).check();
    await page.getByRole("button", { name: "批量通过所选报告" }).click();
    await expect(item).toHaveCount(0);

    // The key tasks only: 督办事项 given a time limit by other specs are due too and would move the count.
    await page.goto("/supervision?quarter=2026Q1&source=task");
    await expect(page.getByTestId(`matrix-task:${REPORT_TASK}`).getByText("已通过")).toBeVisible();
    // 69 tasks; task 47 has no lead unit, so nobody is due to report it.
    await expect(page.getByTestId("count-due")).toHaveText("68");
    await expectNoAxeViolations(page);
  });

  test("督查室 issues a 督办 on a late task, escalates it, the leader sees it, the unit replies, 督查室 销号", async ({ page, browser }) => {
    await loginAs(page, "supervisor");
    await page.goto("/supervision/overdue?unit=民政局&reason=missing");
    const entry = page.locator(`[data-testid="overdue-entry"][data-subject="task:${LATE_TASK}"]`);
    await expect(entry.getByText(/^一季度逾期未报，已逾期 \d+ 天$/)).toBeVisible();
    await expectNoAxeViolations(page);

    await entry.getByRole("link", { name: /发出催办\/督办/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "发出催办/督办" })).toBeVisible();
    await expect(page.getByLabel("存在问题")).toHaveValue(/一季度逾期未报，已逾期 \d+ 天/);
    await page.getByRole("radio", { name: /^督办/ }).check();
    await page.getByLabel("整改要求").fill("请于期限前补报一季度报告，并说明逾期原因。");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "发出" }).click();
    await expect(page).toHaveURL(/\/supervision\/notices\/\d+$/);
    const title = (await page.getByRole("heading", { level: 1 }).textContent())!.trim();
    expect(title).toMatch(/^督办〔\d{4}〕\d+号$/);
    await expect(page.getByText("已发出", { exact: true })).toBeVisible();

    await page.getByRole("button", { name: "呈报牵头领导" }).click();
    await expect(page.getByText("已呈报牵头领导").first()).toBeVisible();
    await expectNoAxeViolations(page);

    const leaderContext = await browser.newContext();
    const leader = await leaderContext.newPage();
    await loginAs(leader, LEADER_LATE);
    await leader.goto("/dashboard");
    const escalated = leader.locator("section", { has: leader.getByRole("heading", { name: "呈报我的督办" }) });
    await expect(escalated.getByText(title)).toBeVisible();
    await leader.goto("/notifications");
    await expect(leader.getByText(`督查室呈报：${title}（第${LATE_TASK}项）回复期限`)).toBeVisible();
    await leaderContext.close();

    const unitContext = await browser.newContext();
    const unit = await unitContext.newPage();
    await loginAs(unit, UNIT_LATE);
    await unit.goto("/my");
    const notice = unit.getByTestId("open-notice").filter({ hasText: title });
    await expect(notice.getByText("请于期限前补报一季度报告，并说明逾期原因。")).toBeVisible();
    await expectNoAxeViolations(unit);
    await notice.getByLabel("回复内容").fill("已补报一季度报告，逾期原因系人员调整，已整改。");
    await notice.getByLabel("附件（可选）").setInputFiles({ name: "整改说明.pdf", mimeType: "application/pdf", buffer: PDF });
    await notice.getByRole("button", { name: "提交回复" }).click();
    await expect(notice.getByText("已回复，等待督查室审核销号。")).toBeVisible();
    await unitContext.close();

    await page.reload();
    await expect(page.getByText("已回复", { exact: true })).toBeVisible();
    await expect(page.getByText("已补报一季度报告，逾期原因系人员调整，已整改。")).toBeVisible();
    const file = await page.request.get((await page.getByRole("link", { name: "整改说明.pdf" }).getAttribute("href"))!);
    expect(Buffer.from(await file.body())).toEqual(PDF);
    await page.getByLabel("销号意见（可选）").fill("已补报，同意销号。");
    await page.getByRole("button", { name: "销号", exact: true }).click();
    await expect(page.getByText("已销号", { exact: true })).toBeVisible();
    await expect(page.getByTestId("notice-event-closed")).toContainText("已补报，同意销号。");

    await page.goto(`/tasks/${LATE_TASK}`);
    const history = page.getByTestId("task-notice").filter({ hasText: title });
    await expect(history.getByText("已销号", { exact: true })).toBeVisible();
    await expect(history.getByText("已补报一季度报告，逾期原因系人员调整，已整改。")).toBeVisible();

    await page.goto("/supervision/notices");
    await expect(page.getByTestId("notice-row").filter({ hasText: title }).getByText("已销号")).toBeVisible();
    await page.goto(`/supervision/notices?asOf=${shanghaiDay(-1)}`);
    await expect(page.getByTestId("notice-row").filter({ hasText: title })).toHaveCount(0);

    const db = new Database(e2eDatabasePath(), { readonly: true });
    const actions = db.prepare("select action from audit_log where entity = 'notice' and outcome = 'success'").all() as { action: string }[];
    db.close();
    // Each step of the notice's life is audited (other specs' notices, e.g. a 批量催办, may be in the log too).
    expect([...new Set(actions.map((a) => a.action))]).toEqual(expect.arrayContaining(["notice.issue", "notice.escalate", "notice.reply", "notice.close"]));
  });

  test("督查室 sets its own 进度 lamp on a listed task with a reason, then returns it to the computed one", async ({ page }) => {
    await loginAs(page, "supervisor");
    await page.goto("/supervision/overdue?unit=民政局");
    const entry = page.locator(`[data-testid="overdue-entry"][data-subject="task:${LATE_TASK}"]`);
    const reason = entry.getByLabel("调整理由（必填）");
    // The form is drawn when opened, not for every row of the list.
    await expect(reason).toHaveCount(0);
    await entry.getByText("调整进度灯").click();
    const legend = (await entry.locator("legend").textContent())!;
    const computed = legend.match(/系统计算：([^）]+)）/)![1]!;
    const chosen = ["红", "黄", "绿"].find((c) => c !== computed)!;
    await entry.getByLabel(chosen, { exact: true }).check();
    await reason.fill("已现场核实，进度与报告不符。");
    await entry.getByRole("button", { name: "保存认定" }).click();
    await expect(entry.getByRole("status").filter({ hasText: "已调整进度灯。" })).toBeVisible();
    await expect(entry.getByTestId("rag-override")).toHaveText(`系统计算：${computed}`);
    await expect(entry.locator('[data-lamp="progress"]')).toHaveText(new RegExp(`进度：${chosen}`));
    await expect(entry.getByText("调整理由：已现场核实，进度与报告不符。")).toBeVisible();

    // Once cleared the page no longer offers the clear button, nor its message: the lamp says it.
    const cleared = page.waitForResponse((r) => r.request().method() === "POST" && r.request().headers()["next-action"] !== undefined);
    await entry.getByRole("button", { name: "恢复系统计算的进度灯" }).click();
    expect((await cleared).ok()).toBe(true);
    await expect(entry.getByRole("button", { name: "恢复系统计算的进度灯" })).toHaveCount(0);
    await expect(entry.getByTestId("rag-override")).toHaveCount(0);
    await expect(entry.locator('[data-lamp="progress"]')).toHaveText(new RegExp(`进度：${computed}`));
  });

  test("填报情况 pages the by-task table and shows the units most behind first, all of them on request", async ({ page }) => {
    await loginAs(page, "supervisor");
    await page.goto("/supervision?quarter=2026Q3");
    const byTask = page.getByRole("table", { name: "各任务本季度报告填报情况" });
    await expect(byTask.locator('tbody tr[data-testid^="matrix-"]')).toHaveCount(50);
    await expect(page.getByTestId("page-range")).toHaveText(/^第 1–50 项，共 \d+ 项$/);

    const byUnit = page.getByRole("table", { name: "各牵头单位本季度填报情况" });
    await expect(byUnit.locator("tbody tr")).toHaveCount(15);
    const behind = async () => (await byUnit.locator("tbody tr td:nth-child(5)").allTextContents()).map(Number);
    const head = await behind();
    const more = page.getByRole("link", { name: /^显示全部 \d+ 个牵头单位/ });
    const all = Number((await more.textContent())!.match(/\d+/)![0]);
    await more.click();
    await expect(page).toHaveURL(/units=all/);
    await expect(byUnit.locator("tbody tr")).toHaveCount(all);
    const every = await behind();
    expect(every.slice(0, 15)).toEqual(head);
    expect(every.slice(15).every((n) => n <= head[14]!)).toBe(true);
    await page.getByRole("link", { name: "下一页" }).click();
    await expect(page.getByTestId("page-range")).toHaveText(/^第 51–/);
    await expect(byUnit.locator("tbody tr")).toHaveCount(all);
  });

  test("the overdue list fits a phone screen", async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await loginAs(page, "supervisor");
    await page.goto("/supervision/overdue");
    await expect(page.getByTestId("overdue-entry").first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });

  test("the Excel export opens with Chinese headers, a frozen header row and the rows shown on screen", async ({ page }) => {
    await loginAs(page, "supervisor");
    await page.goto("/supervision/overdue?leader=吴艳平&reason=missing");
    const shown = await page.getByTestId("overdue-entry").getByRole("heading", { level: 2 }).allTextContents();
    expect(shown.length).toBeGreaterThan(0);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "导出 Excel" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^逾期与滞后清单-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const sheet = workbook.getWorksheet("逾期与滞后清单")!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const col = (name: string) => header.indexOf(name);
    expect([col("报送"), col("进度"), col("序号"), col("原因")].every((c) => c > 0)).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getColumn(col("任务")).width).toBeGreaterThan(sheet.getColumn(1).width!);
    const labels: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) labels.push(String(row.getCell(col("序号")).value));
    });
    expect(labels).toEqual(shown);
    await expectNoAxeViolations(page);
  });
});
