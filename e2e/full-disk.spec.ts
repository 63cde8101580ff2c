// A full disk, for real: a second production server whose database and evidence folder sit
// on a small tmpfs in a private mount namespace (scripts/e2e-full-disk-server.mjs), which
// the test fills and frees. While it is full, saving says so in Chinese and keeps the typed
// text, signed-in pages still load (their bookkeeping writes fail quietly), /api/health
// answers 503 and the administrator sees a banner; once space returns, health is 200 again,
// the failures are in the audit log, and the same text saves.
import { spawn, type ChildProcess } from "node:child_process";
import readline from "node:readline";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect, loginAs, test } from "./fixtures";

/** Three past the main e2e server's port (3103 by default): the next two serve nginx and the app behind it. */
const PORT = Number(process.env.E2E_PORT ?? 3100) + 3;
const baseURL = `http://127.0.0.1:${PORT}`;
const TASK = 27;
const REPORT_PATH = `/tasks/${TASK}/report/2026Q4`;
const TYPED = "第四季度已完成危旧房改造 40 套，磁盘写满时填写的这段文字不能丢。";
const STORAGE_MESSAGE = "服务器存储空间不足，内容未保存，请联系管理员";

let server: ChildProcess | null = null;
let answers: AsyncIterator<string>;
/** Closed before the server stops: an open page's connections would hold up its graceful shutdown. */
const contexts: BrowserContext[] = [];

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  contexts.push(context);
  return context.newPage();
}

/** Sends one command to the server wrapper and returns its one-line answer. */
async function command(line: string): Promise<string> {
  server!.stdin!.write(`${line}\n`);
  const next = await answers.next();
  if (next.done) throw new Error("full-disk server exited");
  return next.value;
}

type AuditRow = { id: number; username: string | null; action: string; outcome: string; after: string | null };

test.describe.configure({ mode: "serial", timeout: 180_000 });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  // Root may create the mount namespace directly; anyone else through a user namespace.
  const userNs = process.getuid?.() === 0 ? [] : ["--user", "--map-root-user"];
  server = spawn("unshare", [...userNs, "--mount", "--propagation", "private", process.execPath, "scripts/e2e-full-disk-server.mjs"], {
    env: { ...process.env, FULL_DISK_PORT: String(PORT) },
    stdio: ["pipe", "pipe", "inherit"],
  });
  answers = readline.createInterface({ input: server.stdout! })[Symbol.asyncIterator]();
  const first = await answers.next();
  expect(first.value, "the full-disk server must start (it needs `unshare --mount`)").toBe("ready");
});

test.afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((r) => server!.once("exit", r));
  server.stdin!.end();
  await exited;
});

async function signedIn(browser: Browser, who: "unit" | "admin"): Promise<Page> {
  const page = await newPage(browser);
  await loginAs(page, who);
  return page;
}

/** Clicks 保存草稿 and waits for the answer to that request. */
async function saveDraft(page: Page) {
  const answered = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === REPORT_PATH);
  await page.getByRole("button", { name: "保存草稿" }).click();
  return answered;
}

test("a full disk gives Chinese errors and keeps typed text, pages still load, health says 503, and it all recovers", async ({ browser }) => {
  const unit = await signedIn(browser, "unit");
  const admin = await signedIn(browser, "admin");
  const auditBefore = (JSON.parse(await command("audit 0")) as AuditRow[]).at(-1)!.id;

  await unit.goto(REPORT_PATH);
  await unit.getByLabel("工作进展（必填）").fill(TYPED);
  expect(await command("fill")).toMatch(/^filled \d+$/);

  await test.step("saving says the disk is full, in Chinese, and keeps the typed text", async () => {
    expect((await saveDraft(unit)).status()).toBe(200);
    await expect(unit.getByRole("alert").filter({ hasText: STORAGE_MESSAGE })).toBeVisible();
    await expect(unit.getByLabel("工作进展（必填）")).toHaveValue(TYPED);
  });

  await test.step("signed-in pages still load (their session refresh cannot be written)", async () => {
    for (const path of ["/my", "/tasks", `/tasks/${TASK}`, "/notifications", REPORT_PATH]) {
      const res = await unit.goto(path);
      expect(res!.status(), path).toBe(200);
      await expect(unit.getByRole("heading", { level: 1 })).toBeVisible();
    }
  });

  await test.step("health answers 503 and the administrator sees why", async () => {
    const health = await unit.request.get("/api/health");
    expect(health.status()).toBe(503);
    expect(await health.json()).toMatchObject({ status: "error", message: "服务器存储空间不足，无法保存数据" });
    expect((await admin.goto("/admin/users"))!.status()).toBe(200);
    await expect(admin.getByTestId("storage-alert")).toContainText("服务器存储空间不足");
  });

  await test.step("signing in says it cannot be recorded", async () => {
    const page = await newPage(browser);
    await page.goto("/login");
    await page.getByLabel("用户名").fill("fgj");
    await page.getByLabel("密码").fill("Miluo@2026");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "服务器存储空间不足或存储故障，暂时无法登录" })).toBeVisible();
  });

  expect(await command("free")).toBe("freed");

  await test.step("once space returns: health 200, the failures audited, and the text saves", async () => {
    expect((await unit.request.get("/api/health")).status()).toBe(200);
    const rows = JSON.parse(await command(`audit ${auditBefore}`)) as AuditRow[];
    const failed = rows.filter((r) => r.outcome === "failure").map((r) => [r.action, r.username, JSON.parse(r.after ?? "{}").reason]);
    expect(failed).toEqual(
      expect.arrayContaining([
        ["report.save", "zjj", "storage"],
        ["auth.login", "fgj", "storage"],
      ]),
    );
    const summary = JSON.parse(rows.find((r) => r.action === "storage.fault")!.after!) as { failures: number; bookkeeping: number; fault: string };
    expect(summary).toMatchObject({ fault: "full" });
    expect(summary.failures).toBeGreaterThanOrEqual(2);
    expect(summary.bookkeeping).toBeGreaterThanOrEqual(1);

    await admin.reload();
    await expect(admin.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(admin.getByTestId("storage-alert")).toHaveCount(0);

    await unit.goto(REPORT_PATH);
    await unit.getByLabel("工作进展（必填）").fill(TYPED);
    await saveDraft(unit);
    await expect(unit.getByRole("status").filter({ hasText: "草稿已保存" })).toBeVisible();
  });
});
