// 督办事项 in real Chromium: the 督查室 sets the time limit of a meeting decision whose minutes
// printed none, records a 领导交办 from a leader's 批示, and the lead unit (住建局) finds both on
// /my under their sources; the /items list is filtered by source in the URL.
import type { Page } from "@playwright/test";
import { expect, loginAs, test } from "./fixtures";

/** The answer of the Server Action the click sends (a POST carrying next-action). */
const actionAnswer = (page: Page) => page.waitForResponse((r) => r.request().method() === "POST" && r.request().headers()["next-action"] !== undefined);

// 督办事项19: 第52次常务会议 七, "明确由市住建局根据会议精神……报审后印发实施。" (住建局 leads).
const MEETING_ITEM = "/items/19";

test.describe.configure({ mode: "serial" });

test.describe("督办事项：会议议定事项与领导交办", () => {
  test("the /items list is filtered by source through the URL", async ({ page }) => {
    await loginAs(page, "supervisor");
    await page.goto("/items?source=kaiju");
    await expect(page.getByText("“开局八好”方案举措：共 149 项")).toBeVisible();
    await page.goto("/items?source=meeting");
    await expect(page.getByText("会议议定事项：共 30 项")).toBeVisible();
    await expect(page.getByRole("link", { name: "督办事项19" })).toBeVisible();
  });

  test("the 督查室 sets the time limit of a decision whose minutes printed none", async ({ page }) => {
    await loginAs(page, "supervisor");
    await page.goto(MEETING_ITEM);
    const duty = page.getByRole("region", { name: "责任分工" });
    await expect(page.getByRole("heading", { level: 1 })).toContainText("明确由市住建局根据会议精神");
    await expect(duty.getByText("未明确时限，由督查室确定")).toBeVisible();
    await page.getByLabel("时限方式").selectOption("once");
    await page.getByLabel("完成日期（限期完成时填写）").fill("2027-01-31");
    const answer = actionAnswer(page);
    await page.getByRole("button", { name: "保存时限" }).click();
    expect((await answer).status()).toBe(200);
    await expect(page.getByRole("status")).toHaveText("时限已保存。");
    await expect(duty.getByText("限期 2027年1月31日前完成")).toBeVisible();
  });

  test("the 督查室 records a 领导交办 from a leader's 批示", async ({ page }) => {
    await loginAs(page, "supervisor");
    await page.goto("/items/new");
    await page.getByLabel("批示领导").selectOption({ label: "杨盛" });
    await page.getByLabel("批示日期").fill("2026-11-20");
    await page.getByLabel("批示内容（照批示原文录入）").fill("请住建局会同城管局，按月报告城区危旧房整治进展。");
    await page.getByLabel("牵头单位（汇总填报）").selectOption({ label: "住建局" });
    await page.getByLabel("配合单位（可多选，按住 Ctrl 键选择多个）").selectOption([{ label: "城管局" }]);
    await page.getByLabel("时限方式").selectOption("monthly");
    const answer = actionAnswer(page);
    await page.getByRole("button", { name: "录入督办事项" }).click();
    expect((await answer).status()).toBe(200);
    await page.waitForURL(/\/items\/\d+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("请住建局会同城管局，按月报告城区危旧房整治进展。");
    const source = page.getByRole("region", { name: "来源" });
    await expect(source.getByText("杨盛")).toBeVisible();
    await expect(page.getByRole("region", { name: "责任分工" }).getByText("按月推进")).toBeVisible();
  });

  test("a refused 领导交办 keeps what was typed and says why in Chinese", async ({ page }) => {
    await loginAs(page, "supervisor");
    await page.goto("/items/new");
    await page.getByLabel("批示领导").selectOption({ label: "杨盛" });
    await page.getByLabel("批示日期").fill("2026-11-21");
    await page.getByLabel("批示内容（照批示原文录入）").fill("请尽快研究解决。");
    await page.getByLabel("牵头单位（汇总填报）").selectOption({ label: "住建局" });
    await page.getByLabel("时限方式").selectOption("once");
    const answer = actionAnswer(page);
    await page.getByRole("button", { name: "录入督办事项" }).click();
    await answer;
    await expect(page.getByRole("alert").filter({ hasText: "完成时限" })).toBeVisible();
    await expect(page.getByLabel("批示内容（照批示原文录入）")).toHaveValue("请尽快研究解决。");
  });

  test("住建局 finds its 督办事项 on /my under each source", async ({ page }) => {
    await loginAs(page, "unit");
    await page.goto("/my?source=meeting");
    const items = page.getByRole("region", { name: /督办事项/ });
    await expect(items.getByRole("link", { name: "督办事项19" })).toBeVisible();
    await expect(items.getByText("限期 2027年1月31日前完成")).toBeVisible();
    await page.goto("/my?source=instruction");
    await expect(items.getByText("请住建局会同城管局，按月报告城区危旧房整治进展。")).toBeVisible();
    await expect(items.getByRole("link", { name: "督办事项19" })).toHaveCount(0);
  });
});
