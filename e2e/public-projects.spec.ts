// 政务公开 (/public/projects): no sign-in, on a phone. 住建局's 民生实事 2 figure for 四季度
// (counted from the 农村危房 register) appears only once the 督查室 approves the report: a
// draft and a submitted, unreviewed report never show it. The page is publicly cacheable,
// names nobody and passes axe.
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { expect, loginAs, test } from "./fixtures";
import { submitAndWait } from "./helpers/form-submit";
import { submitReportAndWait } from "./helpers/submit-report";

const REPORT = "/projects/2/report/2026Q4";
const REGISTER = "/projects/2/register";
/** Rural houses 住建局 completes in 四季度 (named per run: a register never holds a household twice). */
const run = Date.now().toString(36);
const HOUSES = ["甲", "乙", "丙"].map((h) => `${h}户-${run}`);
const PHONE = { width: 375, height: 812 };

test.describe.configure({ mode: "serial" });

/** The public page as a visitor with no session, on a phone: the figure line of 农村危房. */
async function publicView(browser: Browser, baseURL: string | undefined): Promise<{ page: Page; rural: string; close: () => Promise<void> }> {
  const context = await browser.newContext({ baseURL, viewport: PHONE });
  const page = await context.newPage();
  const response = await page.goto("/public/projects");
  expect(response?.status()).toBe(200);
  expect(response?.headers()["cache-control"]).toMatch(/^public, /);
  await expect(page.getByRole("heading", { level: 1, name: /人大代表票决民生实事进展/ })).toBeVisible();
  const rural = (await page.getByRole("region", { name: "农村危房" }).innerText()).replace(/\s+/g, " ");
  return { page, rural, close: () => context.close() };
}

test("a visitor without an account reads the page on a phone, and it passes axe", async ({ browser, baseURL }) => {
  const view = await publicView(browser, baseURL);
  expect(new URL(view.page.url()).pathname).toBe("/public/projects");
  for (const name of ["农村村民自建桥梁安全隐患排查整治项目（跨年度）", "城镇危旧房整治项目", "农村自来水延伸扩面项目"]) {
    await expect(view.page.getByRole("heading", { level: 2, name: new RegExp(name.replace(/[（）]/g, ".")) })).toBeVisible();
  }
  const { violations } = await new AxeBuilder({ page: view.page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  await view.close();
});

test("a draft and a submitted report never appear; the approved one does", async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  await loginAs(page, "unit");
  await page.goto(REGISTER);
  const rural = page.getByRole("region", { name: /农村危房改造台账/ });
  for (const house of HOUSES) {
    await rural.getByRole("button", { name: "新增一行" }).click();
    const form = rural.getByRole("form", { name: "新增一行" });
    await form.getByLabel("镇（街道）").fill("白水镇");
    await form.getByLabel("村（社区）").fill("金龙村");
    await form.getByLabel("户主").fill(house);
    await form.getByLabel("状态").selectOption({ label: "完工" });
    await form.getByLabel("完工日期").fill("2026-11-20");
    const rowSaved = await submitAndWait(page, form.getByRole("button", { name: "保存" }), { path: REGISTER, sent: [house] });
    expect(rowSaved.ok()).toBe(true);
    await expect(rural.getByTestId("register-row").filter({ hasText: house })).toBeVisible();
  }

  await page.goto(REPORT);
  // The report states the register's count as of the quarter's end; that is the figure to watch for.
  const derived = (
    await page
      .getByText(/^按明细台账，截至 .+ 累计完成 \d+ 户/)
      .first()
      .innerText()
  ).match(/累计完成 (\d+) 户/)![1];
  expect(Number(derived)).toBeGreaterThanOrEqual(HOUSES.length);
  const SHOWN = `最新累计完成 ${derived} 户`;
  const progress = `农村危房改造本季度完成 ${HOUSES.length} 户，城市危旧房腾空搬迁按计划推进。`;
  await page.getByLabel("工作进展（必填）").fill(progress);
  const saved = await submitAndWait(page, page.getByRole("button", { name: "保存草稿" }), { path: REPORT, sent: [progress] });
  expect(saved.ok()).toBe(true);
  await expect(page.getByRole("status").filter({ hasText: /草稿已保存|已保存/ })).toBeVisible();

  let view = await publicView(browser, baseURL);
  expect(view.rural).not.toContain(SHOWN);
  await view.close();

  await page.getByRole("radio", { name: "序时推进" }).check();
  const submitted = await submitReportAndWait(page, { path: REPORT, sent: [progress] });
  expect(submitted.ok()).toBe(true);
  await expect(page.getByRole("status").filter({ hasText: /已提交（第 \d+ 版）/ })).toBeVisible();

  view = await publicView(browser, baseURL);
  expect(view.rural).not.toContain(SHOWN);
  await view.close();

  await page.context().clearCookies();
  await loginAs(page, "supervisor");
  await page.goto(REPORT);
  const approved = await submitAndWait(page, page.getByRole("button", { name: "审核通过" }), { path: REPORT, sent: ["approve"] });
  expect(approved.ok()).toBe(true);
  await expect(page.getByText("已通过").first()).toBeVisible();

  view = await publicView(browser, baseURL);
  expect(view.rural).toContain(SHOWN);
  // Nobody is named: not the clerk who filed it nor the 督查室 who approved it.
  const body = await view.page.locator("main").innerText();
  expect(body).not.toMatch(/填报员|审核人|联系电话/);
  await view.close();
});
