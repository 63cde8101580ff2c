// 领导驾驶舱 in a real browser: a 牵头领导 sees their own tasks first, widens to all,
// switches quarter, drills from the 逾期未报 count to the list and into a task; the bridge
// project's targets 4/17/70/90 are on the page; the print layout renders. Checked with axe.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { supervisionItems as seedItems } from "../db/seed/gazette-items";
import { livelihoodProjects as seedProjects } from "../db/seed/gazette-projects";
import { tasks as seedTasks } from "../db/seed/gazette-tasks";
import { expect, loginAs, test } from "./fixtures";

const LEADER = "杨盛"; // persona "leader"
// The dashboard holds every source: the key tasks, the projects and the 督办事项 (those the
// 督查室 records by hand in other specs come on top of the gazette's, hence the pattern).
const ownTasks = [...seedTasks, ...seedProjects, ...seedItems].filter((t) => t.leadLeaders.includes(LEADER));
const ALL = /重点工作任务、民生实事和督办事项共 \d+ 项/;

async function expectNoAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** The big number of a headline figure, e.g. 逾期未报. */
async function headlineValue(page: Page, label: string): Promise<number> {
  const link = page.getByRole("link", { name: new RegExp(label) }).first();
  return Number((await link.locator("span").first().textContent())?.trim());
}

test.describe("领导驾驶舱", () => {
  test("a leader sees their own tasks first, then all with one click; the page passes axe", async ({ page }) => {
    await loginAs(page, "leader");
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { level: 1, name: /^领导驾驶舱 · 2026年第.季度$/ })).toBeVisible();
    await expect(page.getByText(`${LEADER}牵头的 ${ownTasks.length} 项`)).toBeVisible();
    // Every task in the by-leader table is one of theirs (a task may have a second leader).
    const leaderTable = page.getByRole("table", { name: /按牵头领导/ });
    await expect(leaderTable.getByRole("rowheader", { name: LEADER })).toBeVisible();
    await expect(leaderTable.getByRole("row", { name: new RegExp(`^${LEADER} ${ownTasks.length} `) })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: "查看全部任务" }).click();
    await expect(page).toHaveURL(/all=1/);
    await expect(page.getByText(ALL)).toBeVisible();
    // In the red list the leader's own tasks still come first.
    const redRows = page.getByRole("table", { name: "进度红灯事项及原因" }).locator("tbody tr");
    const reds = await redRows.count();
    if (reds > 0) await expect(redRows.first()).toContainText(LEADER);
    await page.getByRole("link", { name: "只看我牵头的任务" }).click();
    await expect(page.getByText(`${LEADER}牵头的 ${ownTasks.length} 项`)).toBeVisible();
  });

  test("the leader switches quarter, drills from the 逾期未报 count to the list and into a task", async ({ page }) => {
    await loginAs(page, "leader");
    await page.goto("/dashboard");
    await page.getByLabel("季度", { exact: true }).selectOption("2026Q1");
    await page.getByRole("button", { name: "查看" }).click();
    await expect(page).toHaveURL(/quarter=2026Q1/);
    await expect(page.getByRole("heading", { level: 1, name: "领导驾驶舱 · 2026年第一季度" })).toBeVisible();

    const missing = await headlineValue(page, "逾期未报");
    expect(missing).toBeGreaterThan(0);
    await page
      .getByRole("link", { name: /逾期未报/ })
      .first()
      .click();
    await expect(page).toHaveURL(/\/dashboard\/tasks\?.*quarter=2026Q1.*reporting=missing/);
    await expect(page.getByRole("heading", { level: 1, name: `报送：逾期未报（${missing} 项）` })).toBeVisible();
    const rows = page.getByRole("table", { name: /报送：逾期未报/ }).locator("tbody tr");
    await expect(rows).toHaveCount(missing);
    await expect(rows.locator('[data-lamp="reporting"]').filter({ hasText: /^报送：逾期未报 \d+ 天$/ })).toHaveCount(missing);
    await expect(rows.first()).toContainText(/一季度逾期未报，已逾期 \d+ 天/);
    await expectNoAxeViolations(page);

    const first = rows.first().getByRole("link").first();
    const target = (await first.textContent())!.trim();
    await first.click();
    await expect(page).toHaveURL(/\/tasks\/\d+$/);
    await expect(page.getByText(target).first()).toBeVisible();
  });

  test("the 市长 sees every task and the three livelihood projects with the bridge targets 4/17/70/90", async ({ page }) => {
    await loginAs(page, "mayor");
    await page.goto("/dashboard?quarter=2026Q1");
    await expect(page.getByText(ALL)).toBeVisible();
    await expect(page.getByRole("link", { name: "查看全部任务" })).toHaveCount(0);
    const projects = page.getByRole("region", { name: "民生实事" });
    await expect(projects.getByRole("heading", { level: 3 })).toHaveCount(3);
    const bridge = projects.getByRole("article", { name: /农村村民自建桥梁/ });
    await bridge.getByText("查看数据表").first().click();
    const table = bridge.getByRole("table", { name: /^合计：目标与实际/ });
    await expect(table.getByRole("cell", { name: "4 座" })).toBeVisible();
    for (const [q, target] of [
      [1, 4],
      [2, 17],
      [3, 70],
      [4, 90],
    ] as const) {
      await expect(table.getByRole("row", { name: new RegExp(`第${q}季度 ${target} 座`) })).toBeVisible();
    }
  });

  test("the 按牵头单位 excerpt lists the units with most 逾期未报 first; the full table sorts and drills down", async ({ page }) => {
    await loginAs(page, "mayor");
    await page.goto("/dashboard?quarter=2026Q1");
    const excerpt = page.getByRole("table", { name: /逾期未报、进度红灯最多的 15 个牵头单位/ });
    const missingOf = async (rows: ReturnType<Page["locator"]>) => (await rows.locator("td:nth-child(3)").allTextContents()).map((t) => Number(t.trim()));
    const shown = await missingOf(excerpt.locator("tbody tr"));
    expect(shown).toHaveLength(15);
    expect(shown).toEqual([...shown].sort((a, b) => b - a));
    const worst = (await excerpt.locator("tbody tr").first().getByRole("rowheader").textContent())!.trim();

    const more = page.getByRole("link", { name: /^查看全部 \d+ 个牵头单位的统计/ });
    const count = Number((await more.textContent())!.match(/\d+/)![0]);
    await more.click();
    await expect(page).toHaveURL(/\/dashboard\/units\?quarter=2026Q1$/);
    await expect(page.getByRole("heading", { level: 1, name: `按牵头单位统计（${count} 个单位）` })).toBeVisible();
    const full = page.getByRole("table", { name: /按牵头单位统计（点击表头排序/ });
    await expect(full.locator("tbody tr")).toHaveCount(count);
    const all = await missingOf(full.locator("tbody tr"));
    expect(all[0]).toBe(shown[0]);
    expect(all.filter((n) => n > shown[14]!).length).toBeLessThanOrEqual(14);
    await expectNoAxeViolations(page);

    await full.getByRole("button", { name: "总数" }).click();
    await expect(full.locator("thead th").nth(1)).toHaveAttribute("aria-sort", /descending|ascending/);
    const totals = (await full.locator("tbody tr td:nth-child(2)").allTextContents()).map((t) => Number(t.trim()));
    expect([[...totals].sort((a, b) => b - a), [...totals].sort((a, b) => a - b)]).toContainEqual(totals);

    const row = full.getByRole("row").filter({ has: page.getByRole("rowheader", { name: worst, exact: true }) });
    const missing = row.locator("td:nth-child(3)").getByRole("link");
    const n = Number((await missing.textContent())!.trim());
    await missing.click();
    await expect(page).toHaveURL(/\/dashboard\/tasks\?.*reporting=missing/);
    await expect(page.getByRole("heading", { level: 1, name: new RegExp(`（${n} 项）$`) })).toBeVisible();
  });

  test("the print layout hides the controls and keeps the figures", async ({ page }) => {
    await loginAs(page, "supervisor");
    await page.goto("/dashboard?quarter=2026Q1");
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("button", { name: "打印（A4 横向）" })).toBeHidden();
    await expect(page.getByRole("navigation", { name: "主导航" })).toBeHidden();
    await expect(page.getByRole("heading", { level: 1, name: "领导驾驶舱 · 2026年第一季度" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "按板块" })).toBeVisible();
    const pdf = await page.pdf({ landscape: true, format: "A4", printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    await page.emulateMedia({ media: "screen" });
  });

  test("a unit cannot open the dashboard", async ({ page }) => {
    await loginAs(page, "unit");
    const response = await page.goto("/dashboard");
    expect(response?.status()).toBe(403);
  });
});
