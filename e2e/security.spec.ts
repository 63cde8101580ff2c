// Security hardening, seen from outside: where a login sends you, who the server thinks you
// are, which headers every page carries, and bad requests answered 400 rather than 500.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { e2eDatabasePath, expect, loginAs, test } from "./fixtures";
import { rawRequest, rawSignIn } from "./helpers/raw-http";

const baseURL = () => test.info().project.use.baseURL!;

/** An action id of this build (any real one: the checks come before the action runs). */
function actionId(name: string): string {
  const manifest = path.join(process.env.NEXT_DIST_DIR ?? ".next-test", "server", "server-reference-manifest.json");
  const node = (JSON.parse(fs.readFileSync(manifest, "utf8")) as { node: Record<string, { exportedName?: string }> }).node;
  return Object.entries(node).find(([, v]) => v.exportedName === name)![0];
}

test.describe("登录后跳转", () => {
  test("a callbackUrl with a tab cannot send a signed-in user to another site", async ({ page }) => {
    const password = await loginAs(page, "otherUnit");
    await page.context().clearCookies();
    await page.goto("/login?callbackUrl=/%09/evil.example/phish");
    await page.getByLabel("用户名").fill("fgj");
    await page.getByLabel("密码").fill(password);
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL((url) => url.pathname !== "/login");
    expect(new URL(page.url()).host).toBe(new URL(baseURL()).host);
    await expect(page.getByTestId("current-user")).toContainText("发改局");
  });

  test("a callbackUrl with a newline or Chinese text is a 400, not a server error", async ({ request }) => {
    for (const bad of ["%0A", "%E4%B8%AD%E6%96%87", "%0D%0ASet-Cookie:x=1"]) {
      for (const url of [`/api/auth/csrf?callbackUrl=${bad}`, `/api/auth/signin?callbackUrl=${bad}`]) {
        const res = await request.get(url, { maxRedirects: 0 });
        expect(res.status(), url).toBe(400);
        expect((await res.json()).message).toMatch(/跳转地址无效/);
      }
      expect((await request.get(`/login?callbackUrl=${bad}`)).status()).toBe(200);
    }
  });
});

test.describe("来源地址", () => {
  test("X-Forwarded-For from a client is ignored: the throttle and the audit log use the real address", async ({ page }) => {
    const me = "127.0.0.9";
    for (let i = 0; i < 20; i++) {
      const result = await rawSignIn(baseURL(), {
        username: `spoof-${i}`,
        password: "Wrong#Pass1",
        localAddress: me,
        headers: { "x-forwarded-for": `198.51.100.${i}`, "x-real-ip": `203.0.113.${i}` },
      });
      expect(result).toBe("invalid");
    }
    // The 21st attempt from the same machine is throttled whatever address it claims.
    expect(await rawSignIn(baseURL(), { username: "spoof-x", password: "Wrong#Pass1", localAddress: me, headers: { "x-forwarded-for": "192.0.2.200" } })).toBe(
      "throttled",
    );
    // The browser, at another address, is not affected.
    await page.goto("/login");
    await expect(page.getByRole("heading", { name: "登录" })).toBeVisible();

    const db = new Database(e2eDatabasePath(), { readonly: true, fileMustExist: true });
    const ips = db.prepare("select distinct ip from audit_log where username like 'spoof-%'").all() as { ip: string }[];
    db.close();
    expect(ips).toEqual([{ ip: me }]);
  });
});

test.describe("安全响应头", () => {
  test("every page sends a nonce CSP that its own scripts carry, and no X-XSS-Protection", async ({ request }) => {
    const res = await request.get("/login");
    const headers = res.headers();
    const csp = headers["content-security-policy"]!;
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    const html = await res.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    expect(headers["referrer-policy"]).toBe("same-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-xss-protection"]).toBeUndefined();
  });

  test("/about stays a prerendered page: no nonce in it, its inline scripts allowed by hash", async ({ page }) => {
    await loginAs(page, "unit");
    const res = await page.request.get("/about");
    expect(res.headers()["x-nextjs-prerender"]).toMatch(/^1\b/);
    const html = await res.text();
    expect(html).not.toMatch(/<script[^>]*nonce=/);
    expect(res.headers()["content-security-policy"]).toMatch(/'sha256-[A-Za-z0-9+/=]+'/);
  });

  test("pages run under the policy without a single violation", async ({ page }) => {
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await loginAs(page, "leader");
    for (const url of ["/about", "/tasks", "/dashboard", "/tasks/54", "/projects/1", "/no-such-page"]) {
      await page.goto(url);
      await page.waitForLoadState("networkidle");
      expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp), url).toEqual([]);
    }
    // Hydrated (client code ran): the header's notification bell opens.
    await page.goto("/tasks");
    await page.getByTestId("notification-bell").click();
    await expect(page.getByRole("region", { name: "通知列表" })).toBeVisible();
  });
});

test.describe("错误的请求答 400", () => {
  const post = (body: string | Buffer, headers: Record<string, string>) =>
    rawRequest(`${baseURL()}/account/password`, {
      method: "POST",
      body,
      headers: { "next-action": actionId("changePassword"), origin: new URL(baseURL()).origin, ...headers },
    });

  test("cross-origin, malformed, too deeply nested and NUL-named action requests are refused with 400", async () => {
    const text = { "content-type": "text/plain;charset=UTF-8" };
    const cases: [string, Promise<{ status: number; body: string }>][] = [
      ["cross-origin", post("[]", { ...text, origin: "http://evil.example" })],
      ["malformed arguments", post("[{", text)],
      ["deep nesting", post("[".repeat(20_000) + "]".repeat(20_000), text)],
      ["cut-off multipart", post('--XX\r\nContent-Disposition: form-data; name="1"\r\n\r\nabc', { "content-type": "multipart/form-data; boundary=XX" })],
      [
        "NUL in a file name",
        post(
          Buffer.from(
            '--XX\r\nContent-Disposition: form-data; name="1_f"; filename="a\u0000b.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--XX--\r\n',
          ),
          {
            "content-type": "multipart/form-data; boundary=XX",
          },
        ),
      ],
    ];
    for (const [name, pending] of cases) {
      const res = await pending;
      expect(res.status, name).toBe(400);
      expect(JSON.parse(res.body).message, name).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

test.describe("二次验证", () => {
  test("the 督查室 cannot sign in with the password alone", async ({ page }) => {
    const password = await loginAs(page, "supervisor");
    expect(await rawSignIn(baseURL(), { username: "duchashi", password, localAddress: "127.0.0.10" })).toBe("otp_required");
    expect(await rawSignIn(baseURL(), { username: "duchashi", password: "Wrong#Pass1", localAddress: "127.0.0.10" })).toBe("invalid");
  });
});
