// Signed-in personas for every spec: `await loginAs(page, "unit")` (or a username).
// Logs in through next-auth's credentials endpoint (fast, same cookie as the form) and
// completes the forced first-login password change when the server asks for it, then, for
// the roles that need a second factor (admin, 督查室), binds an authenticator exactly as a
// person would: reads the secret off /account/second-factor and types the current code.
// Spec files share one server and database per run, so passwords changed and secrets bound
// here persist: the helper remembers them (secrets in .tmp/, as a phone would keep them) and
// reuses a signed-in session while it is still live, since a TOTP code works only once.
import fs from "node:fs";
import path from "node:path";
import { expect, test as base, type BrowserContext, type Cookie, type Page } from "@playwright/test";
import { totpCode, totpStep } from "../lib/totp";

export const INITIAL_PASSWORD = process.env.INITIAL_PASSWORD ?? "Miluo@2026";
/** The server's "today" (playwright.config.ts passes it to the server as APP_TODAY). */
export const TODAY = process.env.E2E_TODAY ?? "2026-12-01";
/** What the fixture sets when the server demands a new password. */
export const CHANGED_PASSWORD = "Miluo@2026x";

/** Seeded accounts (README, lib/usernames.ts) standing for each role. */
export const PERSONAS = {
  admin: "admin",
  supervisor: "duchashi",
  /** 住建局: lead unit of several tasks. */
  unit: "zjj",
  /** 发改局: another unit, for "other unit's task" checks. */
  otherUnit: "fgj",
  /** 杨盛, a 牵头领导. */
  leader: "yangsheng",
  mayor: "mayor",
} as const;
export type Persona = keyof typeof PERSONAS;

// Each server (the direct one, the one behind nginx, the full-disk one) has its own database,
// so what is remembered is kept per server: keyed by the port the page's requests go to.
const projectPort = () => new URL(base.info().project.use.baseURL ?? `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`).port;
const pagePorts = new WeakMap<Page, string>();

/** The port of the server this page talks to (its context's baseURL), asked once per page. */
export async function serverPort(page: Page): Promise<string> {
  const known = pagePorts.get(page);
  if (known) return known;
  const res = await page.request.get("/api/health");
  const found = new URL(res.url()).port;
  pagePorts.set(page, found);
  return found;
}

/**
 * What one server's run has taught the fixtures, in a file rather than in memory: Playwright
 * starts a new worker after a failed test, and a worker that had forgotten the changed
 * passwords would try the initial one for every persona — wrong sign-ins that add up to the
 * per-source throttle and lock every later test out. scripts/e2e-server.mjs empties these
 * files when it starts a fresh database.
 */
function remembered<T>(kind: string) {
  const file = (port: string) => path.join(".tmp", `e2e-${kind}-${port}.json`);
  const all = (port: string): Record<string, T> => {
    try {
      return JSON.parse(fs.readFileSync(file(port), "utf8")) as Record<string, T>;
    } catch {
      return {};
    }
  };
  const write = (port: string, next: Record<string, T>) => {
    fs.mkdirSync(".tmp", { recursive: true });
    // Write then rename, so a worker reading at the same moment never sees half a file.
    const tmp = `${file(port)}.${process.pid}`;
    fs.writeFileSync(tmp, JSON.stringify(next));
    fs.renameSync(tmp, file(port));
  };
  return {
    get: (port: string, username: string): T | undefined => all(port)[username],
    set: (port: string, username: string, value: T) => write(port, { ...all(port), [username]: value }),
    delete: (port: string, username: string) => {
      const rest = all(port);
      delete rest[username];
      write(port, rest);
    },
  };
}
const knownPasswords = remembered<string>("passwords");
const sessions = remembered<Cookie[]>("sessions");
// The "phones": each bound user's secret and the last step a code was sent for (a code works once).
type Authenticator = { secret: string; lastStep: number };
const phones = remembered<Authenticator>("totp");

/**
 * A code from the user's authenticator that the server has not seen yet: the current step or
 * the next (the server allows one step of drift), else wait for a fresh step.
 */
export async function nextTotpCode(port: string, username: string): Promise<string> {
  const phone = phones.get(port, username);
  if (!phone) throw new Error(`${username} has no authenticator bound in this run`);
  for (;;) {
    const now = Date.now();
    for (const offset of [0, 30_000]) {
      const step = totpStep(now + offset);
      if (step > phone.lastStep) {
        phones.set(port, username, { secret: phone.secret, lastStep: step });
        return totpCode(phone.secret, now + offset);
      }
    }
    await new Promise((r) => setTimeout(r, 30_000 - (now % 30_000) + 50));
  }
}

export type SignInOutcome = "ok" | "otp_required" | "refused";

/** Tries one password (and code) through the credentials endpoint. */
export async function signInWith(page: Page, username: string, password: string, otp = ""): Promise<SignInOutcome> {
  const csrf = await page.request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, username, password, otp, json: "true" },
    maxRedirects: 0,
  });
  const body = (await res.json().catch(() => ({}))) as { url?: string };
  // next-auth answers a refusal with 401 and the error in the URL it would redirect to.
  if (body.url?.includes("error=otp_required")) return "otp_required";
  return res.ok() && body.url && !body.url.includes("error=") ? "ok" : "refused";
}

/** True when a session cookie was issued (answering the second factor when asked). */
export async function signInWithPassword(page: Page, username: string, password: string): Promise<boolean> {
  const outcome = await signInWith(page, username, password);
  if (outcome !== "otp_required") return outcome === "ok";
  const second = await signInWith(page, username, password, await nextTotpCode(await serverPort(page), username));
  return second === "ok";
}

/** Binds an authenticator on /account/second-factor (the page must be showing it). */
export async function enrolSecondFactor(page: Page, username: string): Promise<void> {
  const secret = (await page.getByLabel("动态口令密钥").textContent())!.trim();
  const port = await serverPort(page);
  phones.set(port, username, { secret, lastStep: -1 });
  await page.getByLabel("验证器上的 6 位数字").fill(await nextTotpCode(port, username));
  await page.getByRole("button", { name: "绑定" }).click();
  await expect(page.getByText("动态口令已绑定")).toBeVisible();
}

/** Reuses the persona's live session, if it has one. */
async function resumeSession(page: Page, username: string): Promise<boolean> {
  const port = await serverPort(page);
  const cookies = sessions.get(port, username);
  if (!cookies) return false;
  await page.context().addCookies(cookies);
  const res = await page.request.get("/account/password", { maxRedirects: 0 });
  if (res.status() === 200) return true;
  sessions.delete(port, username);
  await page.context().clearCookies();
  return false;
}

/** Fills in /account/password; the page must be showing it. */
export async function changePasswordOnPage(page: Page, current: string, next: string): Promise<void> {
  await page.getByLabel("当前密码").fill(current);
  await page.getByLabel("新密码", { exact: true }).fill(next);
  await page.getByLabel("确认新密码").fill(next);
  await page.getByRole("button", { name: "保存新密码" }).click();
  await page.waitForURL((url) => url.pathname !== "/account/password");
}

/** Signs the page's browser context in as a persona or username, ready to use the app. */
export async function loginAs(page: Page, who: Persona | string): Promise<string> {
  const username = who in PERSONAS ? PERSONAS[who as Persona] : who;
  const port = await serverPort(page);
  if (await resumeSession(page, username)) return knownPasswords.get(port, username)!;
  const first = knownPasswords.get(port, username) ?? INITIAL_PASSWORD;
  const second = first === INITIAL_PASSWORD ? CHANGED_PASSWORD : INITIAL_PASSWORD;
  let password = first;
  if (!(await signInWithPassword(page, username, first))) {
    password = second;
    expect(await signInWithPassword(page, username, second), `cannot sign in as ${username}`).toBe(true);
  }
  await page.goto("/account/password");
  if (password === INITIAL_PASSWORD && (await page.getByText("请先设置新密码").count()) > 0) {
    await changePasswordOnPage(page, INITIAL_PASSWORD, CHANGED_PASSWORD);
    password = CHANGED_PASSWORD;
    await page.goto("/account/password");
  }
  if (new URL(page.url()).pathname === "/account/second-factor") await enrolSecondFactor(page, username);
  knownPasswords.set(port, username, password);
  sessions.set(port, username, await page.context().cookies());
  return password;
}

/** Forget a remembered password (a spec that changes one itself). */
export async function rememberPassword(page: Page, username: string, password: string): Promise<void> {
  knownPasswords.set(await serverPort(page), username, password);
}

/**
 * page.goto that returns once an HTML page is hydrated (components/request-id-stamp.tsx marks
 * it): a field filled before hydration can be reset by it, keeping part of the old text.
 */
function gotoHydrated(page: Page): void {
  const goto = page.goto.bind(page);
  page.goto = async (url, options) => {
    const response = await goto(url, options);
    if (response?.headers()["content-type"]?.startsWith("text/html")) await page.waitForFunction(() => document.documentElement.dataset.formsReady === "true");
    return response;
  };
}

/** Every page of a context, including those a test opens itself, navigates with gotoHydrated. */
function hydratedPages(context: BrowserContext): BrowserContext {
  for (const page of context.pages()) gotoHydrated(page);
  context.on("page", gotoHydrated);
  return context;
}

export const test = base.extend<{ loginAs: (who: Persona | string) => Promise<string> }>({
  context: async ({ context }, provide) => {
    await provide(hydratedPages(context));
  },
  browser: [
    async ({ browser }, provide) => {
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => hydratedPages(await newContext(options));
      await provide(browser);
    },
    { scope: "worker" },
  ],
  loginAs: async ({ page }, provide) => {
    await provide((who) => loginAs(page, who));
  },
});

export { expect };

/** The throwaway database of the app server this test talks to (written by scripts/e2e-server.mjs). */
export function e2eDatabasePath(): string {
  // Behind nginx the app listens one port above nginx (playwright.config.ts).
  const appPort = base.info().project.name === "nginx" ? Number(projectPort()) + 1 : Number(projectPort());
  return fs.readFileSync(path.join(".tmp", `e2e-db-path-${appPort}`), "utf8");
}
