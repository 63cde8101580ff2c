// A lead unit's clerk through a quarter in real Chromium: each role's home after signing in,
// /my as the to-do list across quarters, evidence that honours the stated limits (a 15 MB file,
// three 4 MB photos, a refused 21 MB file beside a valid one), a report that survives a session
// ended in another tab, a co-lead unit's own part, a 镇街 reached through "各镇政府、街道办",
// a Chinese 404, and the report form on a phone (one-line header, 44 px targets), with axe.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, loginAs, test } from "./fixtures";

const MB = 1024 * 1024;
// 住建局 (persona "unit") compiles task 28's report; the other specs leave its fourth quarter alone.
const UPLOAD_URL = "/tasks/28/report/2026Q4";
// Task 54 has 12 lead units: 应安委办 (yawb) compiles, 住建局 is the seventh.
const CO_LED_URL = "/tasks/54/report/2026Q4";

async function expectNoAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

const pdf = (size: number) => {
  const b = Buffer.alloc(size);
  b.write("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n");
  return b;
};
const jpeg = (size: number) => {
  const b = Buffer.alloc(size);
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]).copy(b);
  b[size - 2] = 0xff;
  b[size - 1] = 0xd9;
  return b;
};

/** The answer of the Server Action the click sends (a POST to the page carrying next-action). */
const actionAnswer = (page: Page) => page.waitForResponse((r) => r.request().method() === "POST" && r.request().headers()["next-action"] !== undefined);

test.describe.configure({ mode: "serial" });

test.describe("牵头单位用得顺手", () => {
  test("each role lands on its own home", async ({ browser }) => {
    for (const [persona, path] of [
      ["unit", "/my"],
      ["leader", "/dashboard"],
      ["supervisor", "/supervision"],
      ["admin", "/admin/users"],
    ] as const) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await loginAs(page, persona);
      await page.goto("/");
      await expect(page, persona).toHaveURL((url) => url.pathname === path);
      await context.close();
    }
  });

  test("/my lists the overdue reports of earlier quarters, with counts on the quarter tabs", async ({ page }) => {
    await loginAs(page, "unit");
    await page.goto("/my");
    await expect(page.getByRole("navigation", { name: "选择季度" }).locator("[aria-current=page]")).toHaveText(/^待办/);
    const overdue = page.getByTestId("todo-overdue");
    await expect(overdue.getByRole("heading", { level: 2 })).toHaveText(/^逾期未报（\d+ 项）$/);
    for (const q of ["一季度", "二季度", "三季度"]) await expect(overdue.getByRole("heading", { level: 3, name: new RegExp(`· ${q}$`) }).first()).toBeVisible();
    await expect(
      page
        .getByTestId("todo-current")
        .getByRole("heading", { level: 3, name: /· 四季度$/ })
        .first(),
    ).toBeVisible();
    await expect(page.getByRole("link", { name: /^一季度（\d+ 项待办）$/ })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("a 15 MB file and three 4 MB photos upload one by one and save with the report; a 21 MB file is refused in Chinese beside a valid one", async ({
    page,
  }) => {
    // Handing 48 MB of files to the browser takes a while on a busy machine.
    test.setTimeout(180_000);
    await loginAs(page, "unit");
    await page.goto(UPLOAD_URL);
    await page.getByLabel("工作进展（必填）").fill("四季度危旧房改造推进情况，附现场照片。");
    await page
      .getByLabel("上传附件")
      .setInputFiles([
        { name: "整改台账.pdf", mimeType: "application/pdf", buffer: pdf(15 * MB) },
        ...[1, 2, 3].map((i) => ({ name: `现场照片${i}.jpg`, mimeType: "image/jpeg", buffer: jpeg(4 * MB) })),
      ]);
    const chosen = page.getByRole("list", { name: "本次上传的附件" });
    await expect(chosen.getByText("已上传，保存时附上")).toHaveCount(4, { timeout: 30_000 });

    await page.getByLabel("上传附件").setInputFiles([
      { name: "超大视频截图.pdf", mimeType: "application/pdf", buffer: pdf(21 * MB) },
      { name: "验收单.pdf", mimeType: "application/pdf", buffer: pdf(MB) },
    ]);
    await expect(chosen.getByText("“超大视频截图.pdf”超过 20 MB，请压缩后再上传")).toBeVisible();
    await expect(chosen.getByText("已上传，保存时附上")).toHaveCount(5, { timeout: 30_000 });
    await expectNoAxeViolations(page);

    const answer = actionAnswer(page);
    await page.getByRole("button", { name: "保存草稿" }).click();
    expect((await answer).status()).toBe(200);
    await expect(page.getByRole("status").filter({ hasText: "草稿已保存" })).toBeVisible();
    for (const name of ["整改台账.pdf", "现场照片1.jpg", "现场照片2.jpg", "现场照片3.jpg", "验收单.pdf"])
      await expect(page.getByRole("link", { name })).toBeVisible();
    await expect(page.getByLabel("工作进展（必填）")).toHaveValue("四季度危旧房改造推进情况，附现场照片。");
  });

  test("a session ended in another tab keeps the typed text: the save says so in Chinese, and after signing in again the text is back", async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await loginAs(page, "unit");
    await page.goto(UPLOAD_URL);
    const text = "会话结束前输入的内容：四季度完成改造 40 套。";
    await page.getByLabel("工作进展（必填）").fill(text);
    await page.getByLabel("下步打算").fill("继续推进");

    const other = await context.newPage();
    await other.goto("/my");
    await other.getByRole("button", { name: "退出登录" }).click();
    await expect(other).toHaveURL(/\/login/);

    const answer = actionAnswer(page);
    await page.getByRole("button", { name: "保存草稿" }).click();
    await answer;
    await expect(page.getByRole("alert").filter({ hasText: "登录已失效，本页填写的内容已暂存在本机浏览器" })).toBeVisible();
    await expect(page.getByLabel("工作进展（必填）")).toHaveValue(text);
    await expect(page.getByRole("link", { name: "重新登录" })).toHaveAttribute("href", `/login?callbackUrl=${encodeURIComponent(UPLOAD_URL)}`);

    await loginAs(page, "unit");
    await page.goto(UPLOAD_URL);
    await expect(page.getByRole("status").filter({ hasText: "尚未保存的内容" })).toBeVisible();
    await expect(page.getByLabel("工作进展（必填）")).toHaveValue(text);
    await expect(page.getByLabel("下步打算")).toHaveValue("继续推进");
    const saved = actionAnswer(page);
    await page.getByRole("button", { name: "保存草稿" }).click();
    await saved;
    await expect(page.getByRole("status").filter({ hasText: "草稿已保存" })).toBeVisible();
    // Saved: nothing is restored any more.
    await page.reload();
    await expect(page.getByText("尚未保存的内容")).toHaveCount(0);
    await context.close();
  });

  test("a co-lead unit sends its own part and the compiling unit reads it", async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await loginAs(page, "unit");
    await page.goto(CO_LED_URL);
    const form = page.locator("#part");
    await expect(form.getByText("本事项由应安委办汇总并提交报告")).toBeVisible();
    await form.getByLabel("本单位负责部分的工作进展（报送时必填）").fill("住建局：排查城乡危旧房 320 栋，整治 41 栋。");
    await expectNoAxeViolations(page);
    const answer = actionAnswer(page);
    await form.getByRole("button", { name: "报送牵头单位" }).click();
    await answer;
    await expect(form.getByRole("status").filter({ hasText: "本单位负责部分已报送牵头单位" })).toBeVisible();
    await context.close();

    const compilerContext = await browser.newContext();
    const compiler = await compilerContext.newPage();
    await loginAs(compiler, "yawb");
    await compiler.goto(CO_LED_URL);
    const parts = compiler.getByRole("region", { name: "共同牵头单位的负责部分" });
    await expect(parts.getByText("住建局：排查城乡危旧房 320 栋，整治 41 栋。")).toBeVisible();
    await expect(parts.getByText(/^尚未报送：.*应急管理局/)).toBeVisible();
    await expect(compiler.getByRole("heading", { name: "填写报告" })).toBeVisible();
    await compilerContext.close();
  });

  test("a 镇街 sees task 37, whose 配合单位 say 各镇政府、街道办, and can write its 配合情况", async ({ page }) => {
    await loginAs(page, "xinshi");
    await page.goto("/my?quarter=2026Q4");
    const coop = page.getByRole("region", { name: /^配合任务/ });
    await coop.getByRole("link", { name: /填写配合情况\s*（序号 37）/ }).click();
    await expect(page).toHaveURL(/\/tasks\/37\/report\/2026Q4/);
    await expect(page.getByRole("heading", { name: "填写配合情况" })).toBeVisible();
  });

  test("an unknown task answers a Chinese 404", async ({ page }) => {
    await loginAs(page, "unit");
    const res = await page.goto("/tasks/999");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/[\u4e00-\u9fff]/);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  });

  test("on a phone the header is one line and quarter switches and options are 44 px tall", async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await loginAs(page, "unit");
    await page.goto("/tasks/27/report/2026Q1");
    const header = page.locator("header").first();
    await expect(page.getByRole("navigation", { name: "主导航" })).toBeHidden();
    const headerBox = (await header.boundingBox())!;
    expect(headerBox.height).toBeLessThanOrEqual(72);
    await page.getByRole("button", { name: "菜单" }).click();
    await expect(page.getByRole("navigation", { name: "主导航" })).toBeVisible();
    await page.getByRole("button", { name: "收起菜单" }).click();

    for (const link of await page.getByRole("navigation", { name: "季度" }).getByRole("link").all())
      expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await page.goto(UPLOAD_URL);
    const option = page.locator("label").filter({ hasText: /^序时推进$/ });
    expect((await option.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);

    await page.goto("/my");
    await expectNoAxeViolations(page);
    await context.close();
  });
});
