// The two lamps in a real browser on the real seed, the server's "today" being 2026-12-01:
// the mayor's Q3 is mostly 逾期未报 with 进度 未评估 (not red) and Q4 is 未到期 (not green);
// a report filed late but on target shows 迟报 with a green 进度 lamp on every screen; a
// lead unit's change of a locked quarter's target is a request the 督查室 decides.
// Tasks used here are not touched by other specs: 1 (发改局) and 26's targets (住建局).
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import Database from "better-sqlite3";
import { e2eDatabasePath, expect, loginAs, test } from "./fixtures";
import { submitReportForm } from "./helpers/submit-report";

async function expectNoAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** The big number of a headline figure. */
async function headlineValue(page: Page, label: RegExp): Promise<number> {
  const link = page.getByRole("link", { name: label }).first();
  return Number((await link.locator("span").first().textContent())?.trim());
}

const lamp = (scope: ReturnType<Page["locator"]>, which: "reporting" | "progress") => scope.locator(`[data-lamp="${which}"]`).first();

test.describe.configure({ mode: "serial" });

test.describe("报送灯与进度灯", () => {
  test("the mayor sees Q3 as mostly 逾期未报 with 进度 未评估, and Q4 as 未到期", async ({ page }) => {
    await loginAs(page, "mayor");
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { level: 1, name: "领导驾驶舱 · 2026年第三季度" })).toBeVisible();
    const summary = page.getByTestId("dashboard-summary");
    await expect(summary).toHaveText(/^三季度 \d+ 项：逾期未报 \d+/);
    expect(await headlineValue(page, /^\d+\s*逾期未报/)).toBeGreaterThanOrEqual(60);
    expect(await headlineValue(page, /^\d+\s*未评估/)).toBeGreaterThanOrEqual(60);
    expect(await headlineValue(page, /^\d+\s*红灯/)).toBeLessThanOrEqual(5);
    await expect(page.getByRole("heading", { name: /^进度红灯清单（\d+ 项/ })).toBeVisible();
    await page.locator("summary", { hasText: "统计口径" }).click();
    await expect(page.getByText(/迟报不影响进度灯/)).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByLabel("季度", { exact: true }).selectOption("2026Q4");
    await page.getByRole("button", { name: "查看" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "领导驾驶舱 · 2026年第四季度" })).toBeVisible();
    await expect(summary).toHaveText(/^四季度 \d+ 项：未到期 \d+、无需报送 \d+；/);
    // Only a submitted Q4 report can be judged: specs that ran earlier may have filed a few, the other subjects stay 未评估.
    const db = new Database(e2eDatabasePath(), { readonly: true });
    const filed = (
      db
        .prepare(
          "select count(*) as n from reports r join periods p on p.id = r.period_id where p.code = '2026Q4' and r.status in ('submitted', 'approved', 'returned')",
        )
        .get() as { n: number }
    ).n;
    db.close();
    expect(filed).toBeLessThan(10);
    expect(await headlineValue(page, /^\d+\s*绿灯/)).toBeLessThanOrEqual(filed);
    expect(await headlineValue(page, /^\d+\s*转为绿灯/)).toBeLessThanOrEqual(filed);
  });

  test("a report filed late but on target shows 迟报 with a green 进度 lamp everywhere", async ({ page, browser }) => {
    await loginAs(page, "otherUnit"); // 发改局 leads task 1
    await page.goto("/tasks/1/report/2026Q3");
    await page.getByLabel("地区生产总值增长（%）").fill("5.6");
    await page.getByLabel("工作进展（必填）").fill("前三季度地区生产总值增长 5.6%。");
    await page.getByRole("radio", { name: "序时推进" }).check();
    await submitReportForm(page);
    await expect(page.getByRole("status").filter({ hasText: "已提交（第 1 版）" })).toBeVisible();
    const header = page.getByTestId("report-status");
    await expect(lamp(header, "reporting")).toHaveText("报送：迟报 57 天");
    await expect(lamp(header, "progress")).toHaveText("进度：绿");

    await page.goto("/my?quarter=2026Q3");
    const card = page.locator('[data-testid="my-card"][data-subject="task:1"]');
    await expect(lamp(card, "reporting")).toHaveText("报送：迟报 57 天");
    await expect(lamp(card, "progress")).toHaveText("进度：绿");

    await page.goto("/tasks/1");
    const q3 = page.getByTestId("quarter-2026Q3");
    await expect(lamp(q3, "reporting")).toHaveText("报送：迟报 57 天");
    await expect(lamp(q3, "progress")).toHaveText("进度：绿");

    const api = await page.request.get("/api/v1/quarters/2026Q3/status");
    expect(api.status()).toBe(200);
    const body = (await api.json()) as { subjects: { kind: string; no: number; leadUnits: string[]; reporting: string; daysLate: number; progress: string }[] };
    // A unit reads the subjects it leads, and only those.
    expect(body.subjects.length).toBeGreaterThan(1);
    expect(body.subjects.filter((s) => !s.leadUnits.includes("发改局"))).toEqual([]);
    expect(body.subjects.find((s) => s.kind === "task" && s.no === 1)).toMatchObject({ reporting: "late", daysLate: 57, progress: "green" });

    const office = await browser.newContext();
    const supervisor = await office.newPage();
    await loginAs(supervisor, "supervisor");
    await supervisor.goto("/supervision?quarter=2026Q3");
    const row = supervisor.getByTestId("matrix-task:1");
    await expect(lamp(row, "reporting")).toHaveText("报送：迟报 57 天");
    await expect(lamp(row, "progress")).toHaveText("进度：绿");
    await supervisor.goto("/supervision/overdue?unit=发改局");
    const entry = supervisor.locator('[data-testid="overdue-entry"][data-subject="task:1"]');
    await expect(lamp(entry, "progress")).toHaveText("进度：绿");
    await expect(entry.getByTestId("overdue-reason").filter({ hasText: "三季度迟报 57 天" })).toHaveCount(1);
    await office.close();

    const leaders = await browser.newContext();
    const mayor = await leaders.newPage();
    await loginAs(mayor, "mayor");
    await mayor.goto("/dashboard/tasks?quarter=2026Q3&reporting=late");
    const drill = mayor.locator('[data-testid="status-row"][data-subject="task:1"]');
    await expect(lamp(drill, "reporting")).toHaveText("报送：迟报 57 天");
    await expect(lamp(drill, "progress")).toHaveText("进度：绿");
    await leaders.close();
  });

  test("changing a locked quarter's target is a request the 督查室 approves, and the unit is told", async ({ page, browser }) => {
    await loginAs(page, "unit"); // 住建局 compiles task 26
    await page.goto("/tasks/26/targets");
    await expect(page.getByTestId("lock-q3")).toHaveText(/第三季度：已锁定（季度已结束）/);
    await page.getByText("申请调整第三季度目标").click();
    const roads = page.getByLabel("第三季度新建、改扩建城区道路（条，现为 7）");
    await roads.fill("5");
    await page.getByLabel("第三季度调整理由（必填，督查室据此审批）").fill("两条道路因管线迁改顺延至四季度完工。");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "提交调整申请" }).click();
    // The form gives way to the pending request once the page is refreshed with it.
    await expect(page.getByText("第三季度：已有调整申请等待督查室审批。")).toBeVisible();
    await expect(page.getByTestId("change-request").filter({ hasText: "待审批" })).toContainText("新建、改扩建城区道路：7 条 → 5 条");
    // Until the 督查室 decides, the plan stands.
    await expect(page.getByLabel("第三季度（条）")).toHaveValue("7");

    const office = await browser.newContext();
    const supervisor = await office.newPage();
    await loginAs(supervisor, "supervisor");
    await supervisor.goto("/supervision/targets");
    const pending = supervisor.getByTestId("pending-change-request").filter({ hasText: "第26项 · 第三季度目标调整" });
    await expect(pending).toHaveCount(1);
    await expectNoAxeViolations(supervisor);
    await pending.getByRole("link").click();
    const request = supervisor.getByTestId("change-request").filter({ hasText: "待审批" });
    await expect(request.getByText("新建、改扩建城区道路：7 条 → 5 条")).toBeVisible();
    await request.getByLabel("审批意见（第三季度）").fill("同意，四季度须确保完成全年 9 条。");
    await request.getByRole("button", { name: "同意调整" }).click();
    await expect(supervisor.getByTestId("change-request").filter({ hasText: "已同意" })).toContainText("同意，四季度须确保完成全年 9 条。");
    await office.close();

    await page.reload();
    await expect(page.getByLabel("第三季度（条）")).toHaveValue("5");
    await expect(page.getByTestId("change-request").first()).toContainText("已同意");
    await page.goto("/notifications");
    await expect(page.getByText("督查室已同意 第26项 三季度目标调整申请：同意，四季度须确保完成全年 9 条。")).toBeVisible();
  });
});
