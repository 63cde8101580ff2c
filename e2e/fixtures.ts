// Signed-in personas for every spec: `await loginAs(page, "unit")` (or a username).
// Logs in through next-auth's credentials endpoint (fast, same cookie as the form) and
// completes the forced first-login password change when the server asks for it.
// Spec files share one server and database per run, so passwords changed here persist:
// the helper remembers them and falls back to the other known password once.
import fs from "node:fs";
import path from "node:path";
import { expect, test as base, type Page } from "@playwright/test";

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

const knownPasswords = new Map<string, string>();

/** Tries one password through the credentials endpoint; true when a session cookie was issued. */
export async function signInWithPassword(page: Page, username: string, password: string): Promise<boolean> {
  const csrf = await page.request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, username, password, json: "true" },
    maxRedirects: 0,
  });
  const body = (await res.json().catch(() => ({}))) as { url?: string };
  return res.ok() && !!body.url && !body.url.includes("error=");
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
  const first = knownPasswords.get(username) ?? INITIAL_PASSWORD;
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
  }
  knownPasswords.set(username, password);
  return password;
}

/** Forget a remembered password (a spec that changes one itself). */
export function rememberPassword(username: string, password: string): void {
  knownPasswords.set(username, password);
}

export const test = base.extend<{ loginAs: (who: Persona | string) => Promise<string> }>({
  loginAs: async ({ page }, provide) => {
    await provide((who) => loginAs(page, who));
  },
});

export { expect };

/** The throwaway database the e2e server is using (written by scripts/e2e-server.mjs). */
export function e2eDatabasePath(): string {
  const port = process.env.E2E_PORT ?? "3100";
  return fs.readFileSync(path.join(".tmp", `e2e-db-path-${port}`), "utf8");
}
