import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { sessions, users } from "@/db/schema";
import { hashPassword } from "@/lib/password-hash";
import { IP_MAX_FAILURES, LOCKOUT_MS } from "@/lib/session-policy";
import { addUnit, addUser, lastAuditRow, migratedAppDb } from "@/test/app-db";
import { attemptLogin } from "./auth";

let db: Db;
const PASSWORD = "Miluo@2026";
let n = 0;

async function account(): Promise<string> {
  n += 1;
  const username = `user${n}`;
  addUser(db, { username, role: "unit", unitId: addUnit(db, `单位${n}`), passwordHash: await hashPassword(PASSWORD) });
  return username;
}
const row = (username: string) => db.select().from(users).where(eq(users.username, username)).get()!;
const login = (username: string, password: string, now = Date.now(), ip = `10.0.${n}.1`) => attemptLogin({ username, password, ip, now });

beforeAll(() => {
  db = migratedAppDb();
});

describe("attemptLogin", () => {
  it("creates a live server-side session on the right password and audits the login", async () => {
    const username = await account();
    const result = await login(username, PASSWORD);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const session = db.select().from(sessions).where(eq(sessions.id, result.sessionId)).get();
    expect(session).toMatchObject({ userId: row(username).id, revokedAt: null });
    expect(session!.expiresAt - session!.createdAt).toBe(12 * 3600_000);
    expect(lastAuditRow(db)).toMatchObject({ action: "auth.login", outcome: "success", username });
  });

  it("answers the same for an unknown username as for a wrong password", async () => {
    const username = await account();
    expect(await login("nobody-here", PASSWORD)).toEqual({ ok: false, reason: "invalid" });
    expect(lastAuditRow(db)).toMatchObject({ action: "auth.login", outcome: "failure", username: "nobody-here" });
    expect(await login(username, "Wrong#2026")).toEqual({ ok: false, reason: "invalid" });
  });

  it("locks the account for 30 minutes at the 5th consecutive failure, refusing even the right password", async () => {
    const username = await account();
    const t0 = Date.now();
    for (let i = 0; i < 4; i++) await login(username, "Wrong#2026", t0);
    expect(row(username)).toMatchObject({ failedAttempts: 4, lockedUntil: null });
    await login(username, "Wrong#2026", t0);
    expect(row(username).lockedUntil).toBe(t0 + LOCKOUT_MS);
    expect(lastAuditRow(db)).toMatchObject({ action: "auth.lockout", username });

    expect(await login(username, PASSWORD, t0 + LOCKOUT_MS - 1)).toEqual({ ok: false, reason: "invalid" });
    expect((await login(username, PASSWORD, t0 + LOCKOUT_MS + 1)).ok).toBe(true);
    expect(row(username)).toMatchObject({ failedAttempts: 0, lockedUntil: null });
  });

  it("resets the failure count after a successful login", async () => {
    const username = await account();
    for (let i = 0; i < 3; i++) await login(username, "Wrong#2026");
    await login(username, PASSWORD);
    expect(row(username).failedAttempts).toBe(0);
  });

  it("refuses a disabled account with the generic answer", async () => {
    const username = await account();
    db.update(users).set({ disabled: true }).where(eq(users.username, username)).run();
    expect(await login(username, PASSWORD)).toEqual({ ok: false, reason: "invalid" });
    expect(lastAuditRow(db)).toMatchObject({ action: "auth.login", outcome: "denied" });
  });

  it("throttles an IP after 20 failures in 15 minutes, whatever the usernames", async () => {
    const username = await account();
    const ip = "192.0.2.77";
    const t0 = Date.now();
    for (let i = 0; i < IP_MAX_FAILURES; i++) await attemptLogin({ username: `ghost${i}`, password: "x", ip, now: t0 });
    expect(await attemptLogin({ username, password: PASSWORD, ip, now: t0 + 1000 })).toEqual({ ok: false, reason: "throttled" });
    expect(lastAuditRow(db)).toMatchObject({ action: "auth.throttled", outcome: "denied" });
    expect((await attemptLogin({ username, password: PASSWORD, ip: "192.0.2.78", now: t0 + 1000 })).ok).toBe(true);
    expect((await attemptLogin({ username, password: PASSWORD, ip, now: t0 + 16 * 60_000 })).ok).toBe(true);
  });
});
