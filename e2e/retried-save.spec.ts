// The connection drops after a save has committed but before its answer arrives. The form
// must keep the typed text and say what happened; clicking 保存草稿 again sends the same
// request id, so the server answers with the original success instead of "changed by
// someone else", saves nothing twice, and refreshes the form to the saved version.
import Database from "better-sqlite3";
import { e2eDatabasePath, expect, loginAs, test } from "./fixtures";

const REPORT_PATH = "/tasks/27/report/2026Q3";
const TYPED = "第三季度改造危旧房 20 套；保存时网络中断，重新点击保存。";

function savedState() {
  const db = new Database(e2eDatabasePath(), { readonly: true });
  try {
    const report = db
      .prepare(
        "select r.id, r.version, r.progress from reports r join tasks t on t.id = r.task_id join periods p on p.id = r.period_id where t.no = 27 and p.code = '2026Q3'",
      )
      .get() as { id: number; version: number; progress: string } | undefined;
    const saves = report
      ? (
          db.prepare("select count(*) as n from audit_log where action = 'report.save' and outcome = 'success' and entity_id = ?").get(String(report.id)) as {
            n: number;
          }
        ).n
      : 0;
    return { version: report?.version ?? 0, progress: report?.progress ?? null, saves };
  } finally {
    db.close();
  }
}

test("a save whose answer was lost keeps the text, and saving again answers success without saving twice", async ({ page }) => {
  await loginAs(page, "unit");
  await page.goto(REPORT_PATH);
  const before = savedState();
  await page.getByLabel("工作进展（必填）").fill(TYPED);

  // The request reaches the server and commits; the browser only sees the connection reset.
  let dropped = false;
  await page.route(`**${REPORT_PATH}`, async (route) => {
    if (route.request().method() !== "POST" || dropped) return route.continue();
    dropped = true;
    await route.fetch();
    await route.abort("connectionreset");
  });
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "网络连接中断，没有收到服务器的答复" })).toBeVisible();
  await expect(page.getByLabel("工作进展（必填）")).toHaveValue(TYPED);
  expect(savedState()).toEqual({ version: before.version + 1, progress: TYPED, saves: before.saves + 1 });

  const retried = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === REPORT_PATH);
  await page.getByRole("button", { name: "保存草稿" }).click();
  expect((await retried).status()).toBe(200);
  await expect(page.getByRole("status").filter({ hasText: "草稿已保存" })).toBeVisible();
  await expect(page.getByText("该报告已被他人修改")).toHaveCount(0);
  expect(savedState()).toEqual({ version: before.version + 1, progress: TYPED, saves: before.saves + 1 });

  // The answer refreshed the form to the saved version: the next edit saves cleanly.
  await page.getByLabel("工作进展（必填）").fill(`${TYPED}补充：已完成验收。`);
  const next = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === REPORT_PATH);
  await page.getByRole("button", { name: "保存草稿" }).click();
  expect((await next).status()).toBe(200);
  await expect(page.getByRole("status").filter({ hasText: "草稿已保存" })).toBeVisible();
  await expect.poll(() => savedState().version).toBe(before.version + 2);
});
