// Sign-in, lockout, forced password change, logout and server-side session revocation.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { CHANGED_PASSWORD, changePasswordOnPage, expect, INITIAL_PASSWORD, loginAs, nextTotpCode, rememberPassword, serverPort, test } from "./fixtures";

// Accounts used only here, so other specs' personas are never locked or changed.
const LOCKOUT_USER = "yzgs"; // 邮政公司
const FIRST_LOGIN_USER = "gxls"; // 供销联社
const DISABLE_USER = "mch"; // 贸促会

const GENERIC_ERROR = /用户名或密码错误，或账号已被锁定、停用/;

async function submitLogin(page: Page, username: string, password: string) {
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

async function expectNoAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test.describe("登录", () => {
  test("sends an anonymous visitor to /login and back to the page asked for after signing in", async ({ page }) => {
    await page.goto("/admin/audit?outcome=denied");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Faudit%3Foutcome%3Ddenied/);
    await expect(page.getByRole("heading", { name: "登录" })).toBeVisible();
    await expectNoAxeViolations(page);

    await loginAs(page, "admin"); // makes sure the admin password is settled
    await page.context().clearCookies();
    await page.goto("/admin/audit?outcome=denied");
    await submitLogin(page, "admin", CHANGED_PASSWORD);
    // The administrator signs in with a second factor: the form asks for it once the password is right.
    await page.getByLabel("动态口令").fill(await nextTotpCode(await serverPort(page), "admin"));
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page).toHaveURL(/\/admin\/audit\?outcome=denied$/);
    await expect(page.getByRole("heading", { name: "审计日志" })).toBeVisible();
  });

  test("gives the same message for a wrong password and for an unknown username", async ({ page }) => {
    await page.goto("/login");
    await submitLogin(page, "zjj", "Wrong#Pass1");
    const alert = page.locator("form [role=alert]");
    await expect(alert).toHaveText(GENERIC_ERROR);
    const wrongPassword = await alert.textContent();

    await submitLogin(page, "no-such-user", "Wrong#Pass1");
    await expect(alert).toHaveText(wrongPassword!);
    await expect(page).toHaveURL(/\/login/);
  });

  test("locks an account after 5 wrong passwords, refusing the right one until an admin unlocks it", async ({ page, browser }) => {
    await page.goto("/login");
    for (let i = 0; i < 5; i++) {
      await submitLogin(page, LOCKOUT_USER, `Wrong#Pass${i}`);
      await expect(page.locator("form [role=alert]")).toHaveText(GENERIC_ERROR);
    }
    await submitLogin(page, LOCKOUT_USER, INITIAL_PASSWORD);
    await expect(page.locator("form [role=alert]")).toHaveText(GENERIC_ERROR);
    await expect(page).toHaveURL(/\/login/);

    const admin = await browser.newPage();
    await loginAs(admin, "admin");
    await admin.goto("/admin/users");
    await admin.getByLabel("搜索用户名、名称或单位").fill(LOCKOUT_USER);
    const row = admin.getByRole("row").filter({ hasText: "邮政公司" });
    await expect(row.getByText("已锁定")).toBeVisible();
    await row.getByRole("link", { name: LOCKOUT_USER }).click();
    await admin.getByRole("button", { name: "解除锁定" }).click();
    await expect(admin.getByText("账号已解锁。")).toBeVisible();
    await admin.close();

    await submitLogin(page, LOCKOUT_USER, INITIAL_PASSWORD);
    await expect(page).not.toHaveURL(/\/login/);
  });
});

test.describe("首次登录修改密码", () => {
  test.skip(process.env.E2E_DEMO_MODE === "1", "DEMO_MODE=1 turns the forced change off");

  test("makes a user on the initial password set a policy-compliant one before anything else", async ({ page }) => {
    await page.goto("/login");
    await submitLogin(page, FIRST_LOGIN_USER, INITIAL_PASSWORD);
    await expect(page).toHaveURL(/\/account\/password$/);
    await expect(page.getByText("请先设置新密码")).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto("/admin/audit");
    await expect(page).toHaveURL(/\/account\/password$/);

    await page.getByLabel("当前密码").fill(INITIAL_PASSWORD);
    await page.getByLabel("新密码", { exact: true }).fill("gxls2026abc");
    await page.getByLabel("确认新密码").fill("gxls2026abc");
    await page.getByRole("button", { name: "保存新密码" }).click();
    await expect(page.getByText("密码须包含大写字母、小写字母、数字、符号中的至少 3 类。")).toBeVisible();
    await expect(page.getByText("密码不得包含用户名。")).toBeVisible();

    await changePasswordOnPage(page, INITIAL_PASSWORD, CHANGED_PASSWORD);
    await rememberPassword(page, FIRST_LOGIN_USER, CHANGED_PASSWORD);
    await page.goto("/account/password");
    await expect(page.getByText("请先设置新密码")).toHaveCount(0);

    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/login/);
    await submitLogin(page, FIRST_LOGIN_USER, INITIAL_PASSWORD);
    await expect(page.locator("form [role=alert]")).toHaveText(GENERIC_ERROR);
    await submitLogin(page, FIRST_LOGIN_USER, CHANGED_PASSWORD);
    await expect(page).not.toHaveURL(/\/(login|account\/password)/);
  });
});

test.describe("会话", () => {
  test("logout ends the session on the server: the old cookie no longer works", async ({ page, browser }) => {
    await loginAs(page, "admin");
    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { name: "用户管理" })).toBeVisible();
    const oldCookies = await page.context().cookies();

    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/login/);

    const replay = await browser.newContext();
    await replay.addCookies(oldCookies);
    const stolen = await replay.newPage();
    await stolen.goto("/admin/users");
    await expect(stolen).toHaveURL(/\/login/);
    await replay.close();
  });

  test("disabling a user ends their open session at once", async ({ page, browser }) => {
    const victim = await browser.newPage();
    await loginAs(victim, DISABLE_USER);
    await victim.goto("/account/password");
    await expect(victim.getByRole("heading", { name: "修改密码" })).toBeVisible();

    await loginAs(page, "admin");
    await page.goto("/admin/users");
    await page.getByLabel("搜索用户名、名称或单位").fill(DISABLE_USER);
    await page.getByRole("link", { name: DISABLE_USER }).click();
    // The first press only asks; the account stays enabled until the question is answered.
    await page.getByRole("button", { name: "停用账号" }).click();
    const ask = page.getByRole("group", { name: "确认停用账号" });
    await expect(ask).toContainText(`确定停用账号 ${DISABLE_USER}`);
    await ask.getByRole("button", { name: "取消" }).click();
    await expect(ask).toHaveCount(0);
    await victim.reload();
    await expect(victim.getByRole("heading", { name: "修改密码" })).toBeVisible();
    await page.getByRole("button", { name: "停用账号" }).click();
    await ask.getByRole("button", { name: "确认停用账号" }).click();
    await expect(page.getByText("账号状态已更新")).toBeVisible();

    await victim.reload();
    await expect(victim).toHaveURL(/\/login/);
    await victim.close();
  });

  test("shows the signed-in user and only the navigation their role may use", async ({ page }) => {
    await loginAs(page, "unit");
    await page.goto("/account/password");
    await expect(page.getByTestId("current-user")).toHaveText("住建局 · 单位填报");
    const nav = page.getByRole("navigation", { name: "主导航" });
    await expect(nav.getByRole("link", { name: "我的任务" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "用户管理" })).toHaveCount(0);
    await expect(nav.getByRole("link", { name: "审计日志" })).toHaveCount(0);
  });
});

test.describe("越权访问", () => {
  test("a unit user gets 403 on admin pages and the attempt is in the audit log", async ({ page, browser }) => {
    await loginAs(page, "unit");
    const res = await page.goto("/admin/users/1");
    expect(res?.status()).toBe(403);
    const audit = await page.request.get("/api/admin/audit/export");
    expect(audit.status()).toBe(403);
    expect(await audit.json()).toMatchObject({ error: "forbidden:audit" });

    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await loginAs(admin, "admin");
    await admin.goto("/admin/audit?user=zjj&outcome=denied");
    // The refused permission is shown as words, not as its code.
    await expect(admin.getByRole("row").filter({ hasText: "管理账号" }).filter({ hasText: "账号 #1" }).filter({ hasText: "拒绝" }).first()).toBeVisible();
    await expect(admin.getByRole("table").getByText("users:manage")).toHaveCount(0);
    await expectNoAxeViolations(admin);
    const download = admin.waitForEvent("download");
    await admin.getByRole("link", { name: "导出 Excel" }).click();
    expect((await download).suggestedFilename()).toMatch(/^审计日志-\d{4}-\d{2}-\d{2}\.xlsx$/);
    await adminContext.close();
  });

  test("a unit user cannot open another unit's report page (403)", async ({ page }) => {
    await loginAs(page, "unit");
    // Task 1 is led by 发改局; 住建局 neither leads nor cooperates on it.
    const res = await page.goto("/tasks/1/report/2026Q1");
    expect(res?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "无权限访问" })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("the admin user list passes axe and lists seeded accounts without any password data", async ({ page }) => {
    await loginAs(page, "admin");
    await page.goto("/admin/users");
    await expect(page.getByRole("link", { name: "zjj", exact: true })).toBeVisible();
    expect(await page.content()).not.toMatch(/argon2/);
    await expectNoAxeViolations(page);
  });
});
