// 领导交接, end to end: the administrator hands 李岳星's subjects to 付文勇; 付文勇's dashboard
// then lists them, the task page names who took over from whom, and 李岳星's record and account
// stay. A unit account is refused the page in Chinese. Every step waits for its own request.
import type { Page } from "@playwright/test";
import { expect, loginAs, test, TODAY } from "./fixtures";
import { submitAndWait } from "./helpers/form-submit";

const FROM = "李岳星";
const TO = "付文勇";
/** Led by 李岳星 alone in the gazette. */
const TASK = 60;

async function handOver(page: Page, from: string, to: string, keep: (label: string) => boolean) {
  await page.goto("/admin/leaders");
  await page.getByRole("link", { name: new RegExp(`^交接\\s*${from}$`) }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(`^领导交接：${from}`) })).toBeVisible();
  const form = page.getByRole("form", { name: "办理交接" });
  await form.getByLabel("接任领导", { exact: true }).selectOption({ label: to });
  await form.getByLabel(/^交接的职务/).fill("");
  for (const box of await form
    .getByRole("group", { name: /移交的牵头事项/ })
    .getByRole("checkbox")
    .all()) {
    const label = (await box.locator("xpath=..").innerText()).trim();
    await box.setChecked(keep(label));
  }
  await form.getByLabel("变更原因").fill("市政府领导分工调整");
  await form.getByLabel(/^依据/).fill("汨政发〔2026〕9号");
  await submitAndWait(page, form.getByRole("button", { name: "确认交接" }), { path: page.url().replace(/^https?:\/\/[^/]+/, ""), sent: ["汨政发〔2026〕9号"] });
  await expect(form.getByRole("status")).toContainText(`已交接给${to}`);
}

test.describe.serial("leader handover", () => {
  test.describe.configure({ timeout: 180_000 });

  test("the new leader's dashboard lists the handed-over tasks; the old leader's record and account stay", async ({ page, browser }) => {
    await loginAs(page, "admin");
    await page.goto("/admin/leaders");
    const fromRow = page.getByRole("row", { name: new RegExp(`^${FROM}`) });
    await expect(fromRow.getByRole("link", { name: `第${TASK}项` })).toBeVisible();

    await handOver(page, FROM, TO, () => true);

    await page.goto("/admin/leaders");
    await expect(fromRow).toBeVisible();
    await expect(fromRow.getByRole("link", { name: "liyuexing" })).toBeVisible();
    await expect(fromRow.getByRole("link", { name: `第${TASK}项` })).toHaveCount(0);
    await expect(page.getByRole("row", { name: new RegExp(`^${TO}`) }).getByRole("link", { name: `第${TASK}项` })).toBeVisible();
    await expect(page.getByRole("region", { name: "交接记录" })).toContainText(`${FROM} → ${TO}`);

    await page.goto(`/tasks/${TASK}`);
    await expect(page.getByTestId("subject-leaders")).toHaveText(`${TO}（${TODAY} 起接替 原牵头领导 ${FROM}）`);
    await expect(page.getByRole("region", { name: "变更记录" })).toContainText(FROM);

    const leader = await (await browser.newContext()).newPage();
    await loginAs(leader, "fuwenyong");
    await leader.goto("/dashboard");
    await expect(leader.getByRole("heading", { level: 1, name: /领导驾驶舱/ })).toBeVisible();
    await expect(leader.getByText(new RegExp(`${TO}牵头的 \\d+ 项`))).toBeVisible();
    await leader.goto("/dashboard/tasks");
    await expect(leader.locator(`[data-testid="status-row"][data-subject="task:${TASK}"]`)).toBeVisible();
    await leader.context().close();

    // Back as the gazette has it for the other specs: 付文勇 keeps his own 第46项.
    await handOver(page, TO, FROM, (label) => !label.startsWith("第46项"));
    await page.goto(`/tasks/${TASK}`);
    await expect(page.getByTestId("subject-leaders")).toContainText(FROM);
  });

  test("a unit account gets 403 on the handover pages, in Chinese", async ({ page }) => {
    await loginAs(page, "unit");
    for (const url of ["/admin/leaders", "/admin/leaders/1"]) {
      const answer = await page.goto(url);
      expect(answer?.status()).toBe(403);
      await expect(page.getByRole("heading", { level: 1 })).toContainText(/无权/);
    }
  });
});
