// The deployment of docs/deploy.md, for real: a browser talks TLS to nginx on loopback, nginx
// forwards to the app from 127.0.0.2 (TRUSTED_PROXIES), and the app's public URL is https.
import Database from "better-sqlite3";
import { e2eDatabasePath, expect, loginAs, test } from "../fixtures";
import { rawSignIn } from "../helpers/raw-http";

const GENERIC_ERROR = /用户名或密码错误，或账号已被锁定、停用/;
const baseURL = () => test.info().project.use.baseURL!;

function query<T>(sql: string, ...args: unknown[]): T[] {
  const db = new Database(e2eDatabasePath(), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...args) as T[];
  } finally {
    db.close();
  }
}

test("signs in over https: the session cookie is Secure and __Secure-, and HSTS is sent", async ({ page }) => {
  await loginAs(page, "unit");
  const session = (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session).toMatchObject({ name: "__Secure-next-auth.session-token", secure: true, httpOnly: true });
  const res = await page.goto("/my");
  expect(res?.status()).toBe(200);
  expect(res?.headers()["strict-transport-security"]).toMatch(/max-age=\d{7,}/);
  await expect(page.getByTestId("current-user")).toContainText("住建局");
});

test("the headers survive nginx: CSP with a nonce, no framing, HSTS on every response", async ({ request }) => {
  const res = await request.get("/login");
  const headers = res.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+'/);
  expect(headers["content-security-policy"]).toContain("upgrade-insecure-requests");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-xss-protection"]).toBeUndefined();
  const css = (await res.text()).match(/href="(\/_next\/static\/[^"]+\.css)"/)![1]!;
  expect((await request.get(css)).headers()["strict-transport-security"]).toMatch(/max-age/);
});

test("the audit log records the address nginx forwarded, not nginx's own nor a spoofed one", async ({ page }) => {
  await page.context().setExtraHTTPHeaders({ "x-forwarded-for": "6.6.6.6", "x-real-ip": "7.7.7.7" });
  await loginAs(page, "otherUnit");
  const ips = query<{ ip: string }>("select distinct ip from audit_log where username = 'fgj' and action = 'auth.login'");
  expect(ips).toEqual([{ ip: "127.0.0.1" }]);
});

test("a spoofed X-Forwarded-For sent past nginx does not escape the throttle", async () => {
  const source = "127.0.0.11";
  for (let i = 0; i < 20; i++) {
    expect(
      await rawSignIn(baseURL(), {
        username: `nginx-spoof-${i}`,
        password: "Wrong#Pass1",
        localAddress: source,
        headers: { "x-forwarded-for": `198.51.100.${i}` },
      }),
    ).toBe("invalid");
  }
  expect(
    await rawSignIn(baseURL(), { username: "nginx-spoof-x", password: "Wrong#Pass1", localAddress: source, headers: { "x-forwarded-for": "192.0.2.1" } }),
  ).toBe("throttled");
  expect(query("select distinct ip from audit_log where username like 'nginx-spoof-%'")).toEqual([{ ip: source }]);
});

test("locks an account after 5 wrong passwords through nginx, for the client's own address", async ({ page }) => {
  await page.goto("/login");
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("用户名").fill("sjj");
    await page.getByLabel("密码").fill(`Wrong#Pass${i}`);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.locator("form [role=alert]")).toHaveText(GENERIC_ERROR);
  }
  await page.getByLabel("密码").fill("Miluo@2026");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.locator("form [role=alert]")).toHaveText(GENERIC_ERROR);
  await expect(page).toHaveURL(/\/login/);
  const locks = query<{ source: string }>(
    "select source from login_locks l join users u on u.id = l.user_id where u.username = 'sjj' and l.locked_until > ?",
    Date.now(),
  );
  expect(locks).toEqual([{ source: "127.0.0.1" }]);
});
