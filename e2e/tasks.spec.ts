// 任务总览, task detail and 民生实事 in a real browser, each page checked with axe.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { tasks as seedTasks } from "../db/seed/gazette-tasks";
import { loginAs } from "./fixtures";

const TABLE_NAME = "2026 年市政府重点工作任务";

// Every page here is read by any signed-in user; a unit account (住建局) stands for the least privileged.
test.beforeEach(async ({ page }) => {
  await loginAs(page, "unit");
});

async function expectNoAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

const taskRows = (page: Page) => page.getByRole("table", { name: TABLE_NAME }).locator("tbody tr[data-row]");

async function shownNos(page: Page): Promise<number[]> {
  const cells = await taskRows(page).locator("th[scope=row]").allTextContents();
  return cells.map(Number);
}

const sorted = (nos: number[]) => [...nos].sort((a, b) => a - b);

test.describe("任务总览", () => {
  test("lists all 69 tasks grouped by section, with the count", async ({ page }) => {
    await page.goto("/tasks");
    await expect(page.getByRole("heading", { level: 1, name: TABLE_NAME })).toBeVisible();
    await expect(taskRows(page)).toHaveCount(69);
    expect(await shownNos(page)).toEqual(seedTasks.map((t) => t.no));
    await expect(page.getByRole("status").filter({ hasText: "共" })).toHaveText("共 69 项");
    const sections = [...new Set(seedTasks.map((t) => t.section))];
    await expect(page.locator("th[scope=rowgroup]")).toHaveText(sections.map((name) => new RegExp(`^板块${name}\\d+ 项$`)));
    await expectNoAxeViolations(page);
  });

  test("filtering by 住建局 shows exactly its tasks, and the view survives a reload", async ({ page }) => {
    const expected = seedTasks.filter((t) => t.leadUnits.includes("住建局") || t.coopUnits.includes("住建局")).map((t) => t.no);
    const expectedLead = seedTasks.filter((t) => t.leadUnits.includes("住建局")).map((t) => t.no);

    await page.goto("/tasks");
    await page.getByLabel("责任单位").selectOption("住建局");
    await expect(page).toHaveURL((url) => url.searchParams.get("unit") === "住建局");
    await expect(taskRows(page)).toHaveCount(expected.length);
    expect(sorted(await shownNos(page))).toEqual(expected);
    await expect(page.getByRole("status").filter({ hasText: "共" })).toContainText(`共 ${expected.length} 项`);

    await page.getByLabel("单位角色").selectOption("lead");
    await expect(page).toHaveURL((url) => url.searchParams.get("role") === "lead");
    await expect(taskRows(page)).toHaveCount(expectedLead.length);
    expect(sorted(await shownNos(page))).toEqual(expectedLead);

    await page.reload();
    await expect(page.getByLabel("责任单位")).toHaveValue("住建局");
    await expect(page.getByLabel("单位角色")).toHaveValue("lead");
    await expect(taskRows(page)).toHaveCount(expectedLead.length);
    expect(sorted(await shownNos(page))).toEqual(expectedLead);
    await expectNoAxeViolations(page);
  });

  test("searching 充电桩 finds task 32, and 5G基站 matches the gazette's 5G 基站", async ({ page }) => {
    await page.goto("/tasks");
    const search = page.getByLabel("搜索任务、单位、领导、指标");
    await search.fill("充电桩");
    await expect(page).toHaveURL((url) => url.searchParams.get("q") === "充电桩");
    await expect(taskRows(page)).toHaveCount(1);
    expect(await shownNos(page)).toEqual([32]);

    await search.fill("5G基站");
    await expect(page).toHaveURL((url) => url.searchParams.get("q") === "5G基站");
    expect(await shownNos(page)).toContain(32);

    await page.reload();
    await expect(page.getByLabel("搜索任务、单位、领导、指标")).toHaveValue("5G基站");
    expect(await shownNos(page)).toContain(32);
  });

  test("只看待核实 keeps only flagged tasks, each with a badge that opens its note", async ({ page }) => {
    const flagged = seedTasks.filter((t) => t.needsVerification).map((t) => t.no);
    await page.goto("/tasks?verify=1");
    await expect(page.getByLabel("只看待核实")).toBeChecked();
    await expect(taskRows(page)).toHaveCount(flagged.length);
    const badges = taskRows(page).getByText(/^待核实/);
    await expect(badges).toHaveCount(flagged.length);
    const first = seedTasks.find((t) => t.needsVerification)!;
    const note = taskRows(page).getByText(first.note!);
    await expect(note).toBeHidden();
    await badges.first().click();
    await expect(note).toBeVisible();
  });

  test("sorting by 序号 goes descending then back, and 牵头领导 sorts ascending first", async ({ page }) => {
    await page.goto("/tasks");
    const table = page.getByRole("table", { name: TABLE_NAME });
    await table.getByRole("button", { name: "序号" }).click();
    await expect(page).toHaveURL((url) => url.searchParams.get("sort") === "no.desc");
    await expect(table.getByRole("columnheader", { name: "序号" })).toHaveAttribute("aria-sort", "descending");
    const firstSection = seedTasks.filter((t) => t.section === seedTasks[0]!.section).map((t) => t.no);
    expect((await shownNos(page)).slice(0, firstSection.length)).toEqual([...firstSection].reverse());

    await table.getByRole("button", { name: "牵头领导" }).click();
    await expect(page).toHaveURL((url) => url.searchParams.get("sort") === "leader.asc");
    await expect(table.getByRole("columnheader", { name: "牵头领导" })).toHaveAttribute("aria-sort", "ascending");
  });

  test("an unknown sort key in the URL falls back to 序号 order", async ({ page }) => {
    await page.goto("/tasks?sort=password.desc");
    await expect(taskRows(page)).toHaveCount(69);
    expect(await shownNos(page)).toEqual(seedTasks.map((t) => t.no));
  });

  test("on a phone the tasks are cards and every one is listed", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/tasks?q=充电桩");
    await expect(page.getByRole("table", { name: TABLE_NAME })).toBeHidden();
    await expect(page.getByRole("article").filter({ hasText: "序号 32" })).toBeVisible();
    await page.goto("/tasks");
    await expect(page.getByRole("article")).toHaveCount(69);
    await expectNoAxeViolations(page);
  });
});

test.describe("任务详情", () => {
  test("shows the full task with metrics, units and source, and links on", async ({ page }) => {
    await page.goto("/tasks?q=充电桩");
    await page.getByRole("link", { name: /充电桩 168 个/ }).click();
    await expect(page).toHaveURL(/\/tasks\/32$/);
    const seed = seedTasks.find((t) => t.no === 32)!;
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(seed.target);
    await expect(page.getByRole("table", { name: "量化指标" }).getByRole("rowheader", { name: "充电桩" })).toBeVisible();
    await expect(page.getByText("2026年1月29日")).toBeVisible();
    await expect(page.getByText("汨政办函〔2026〕1号", { exact: true })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: "下一项（序号 33）→" }).click();
    await expect(page).toHaveURL(/\/tasks\/33$/);
    await page.getByRole("link", { name: "← 上一项（序号 32）" }).click();
    await expect(page).toHaveURL(/\/tasks\/32$/);

    await page.getByRole("link", { name: "城管局", exact: true }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/tasks" && url.searchParams.get("unit") === "城管局");
    await expect(page.getByLabel("责任单位")).toHaveValue("城管局");
  });

  test("a flagged task explains what needs verifying; collective units are not links", async ({ page }) => {
    const flagged = seedTasks.find((t) => t.needsVerification && t.note)!;
    await page.goto(`/tasks/${flagged.no}`);
    await expect(page.getByRole("region", { name: /待核实/ })).toContainText(flagged.note!);
    await expectNoAxeViolations(page);

    await page.goto("/tasks/4");
    await expect(page.getByText("各镇政府、街道办")).toBeVisible();
    await expect(page.getByRole("link", { name: "各镇政府、街道办" })).toHaveCount(0);
  });

  test("answers 404 for a task that does not exist or a 序号 that is not a number", async ({ page }) => {
    for (const path of ["/tasks/70", "/tasks/abc", "/tasks/1e1"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
    }
  });
});

test.describe("民生实事", () => {
  test("shows the bridge milestones 4/17/70/90 with their breakdown, in date order", async ({ page }) => {
    await page.goto("/projects");
    const timeline = page.getByRole("list", { name: "自建桥梁隐患整治" });
    const items = timeline.locator(":scope > li");
    await expect(items).toHaveCount(4);
    await expect(items.locator("time")).toHaveText(["2026年3月31日", "2026年6月30日", "2026年9月30日", "2026年12月31日"]);
    await expect(items.nth(0)).toContainText("累计 4 座（轻微缺损 2 座、中等缺损 2 座）");
    await expect(items.nth(1)).toContainText("累计 17 座（轻微缺损 10 座、中等缺损 6 座、严重缺损 1 座）");
    await expect(items.nth(1)).toContainText("累计完成 15.7%");
    await expect(items.nth(2)).toContainText("累计 70 座");
    await expect(items.nth(2)).toContainText("累计完成 64.8%");
    await expect(items.nth(3)).toContainText("累计 90 座");
    await expect(items.nth(3)).toContainText("累计完成 83.3%");
    await expect(page.getByRole("list", { name: "农村危房" }).getByText(/累计完成 (30|60|100)%/)).toHaveCount(3);
    await expectNoAxeViolations(page);
  });

  test("the housing project shows its relocation plan as quoted", async ({ page }) => {
    await page.goto("/projects");
    await page.getByRole("link", { name: "城镇危旧房整治项目" }).click();
    await expect(page).toHaveURL(/\/projects\/2$/);
    await expect(page.getByRole("heading", { name: "解危搬迁实施方案（城市危旧房）" })).toBeVisible();
    await expect(page.getByText("调换面积：按合法建筑面积 1:1.15 进行产权调换。")).toBeVisible();
    await expect(page.getByRole("rowheader", { name: "龙舟动力小区" })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("answers 404 for a project that does not exist", async ({ page }) => {
    expect((await page.goto("/projects/9"))?.status()).toBe(404);
  });
});
