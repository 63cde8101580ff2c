import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { loginLocks, sessions, users } from "@/db/schema";
import { hashPassword } from "@/lib/password-hash";
import { IP_MAX_FAILURES, LOCKOUT_MS } from "@/lib/session-policy";
import { hashRecoveryCode, newRecoveryCodes, totpCode } from "@/lib/totp";
import { addSession, addUnit, addUser, lastAuditRow, migratedAppDb, TEST_TOTP_SECRET } from "@/test/app-db";
import { attemptLogin, recordWrongCurrentPassword } from "./auth";

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
const lockFor = (username: string, source: string) =>
  db
    .select()
    .from(loginLocks)
    .where(and(eq(loginLocks.userId, row(username).id), eq(loginLocks.source, source)))
    .get();
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

  it("locks the account for 30 minutes at the 5th consecutive failure from a source, refusing even the right password there", async () => {
    const username = await account();
    const t0 = Date.now();
    for (let i = 0; i < 4; i++) await login(username, "Wrong#2026", t0);
    expect(lockFor(username, `10.0.${n}.1`)).toMatchObject({ failedAttempts: 4, lockedUntil: null });
    await login(username, "Wrong#2026", t0);
    expect(lockFor(username, `10.0.${n}.1`)!.lockedUntil).toBe(t0 + LOCKOUT_MS);
    expect(lastAuditRow(db)).toMatchObject({ action: "auth.lockout", username });

    expect(await login(username, PASSWORD, t0 + LOCKOUT_MS - 1)).toEqual({ ok: false, reason: "invalid" });
    expect((await login(username, PASSWORD, t0 + LOCKOUT_MS + 1)).ok).toBe(true);
    expect(lockFor(username, `10.0.${n}.1`)).toBeUndefined();
  });

  it("a stranger's wrong passwords lock the account only for the stranger's address", async () => {
    const username = await account();
    const t0 = Date.now();
    for (let i = 0; i < 8; i++) await login(username, "Wrong#2026", t0, "203.0.113.66");
    expect(await login(username, PASSWORD, t0 + 1, "203.0.113.66")).toEqual({ ok: false, reason: "invalid" });
    // The real user, at their own desk, signs in as usual.
    expect((await login(username, PASSWORD, t0 + 2, "10.20.30.40")).ok).toBe(true);
  });

  it("resets the failure count after a successful login", async () => {
    const username = await account();
    for (let i = 0; i < 3; i++) await login(username, "Wrong#2026");
    await login(username, PASSWORD);
    expect(lockFor(username, `10.0.${n}.1`)).toBeUndefined();
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

  it("throttles an IPv6 client by its /64, however many addresses in it the client uses", async () => {
    const username = await account();
    const t0 = Date.now();
    for (let i = 0; i < IP_MAX_FAILURES; i++) await attemptLogin({ username: `ghost${i}`, password: "x", ip: `2001:db8:1:2::${i + 1}`, now: t0 });
    expect(await attemptLogin({ username, password: PASSWORD, ip: "2001:db8:1:2:ffff::9", now: t0 + 1 })).toEqual({ ok: false, reason: "throttled" });
    expect((await attemptLogin({ username, password: PASSWORD, ip: "2001:db8:1:3::1", now: t0 + 1 })).ok).toBe(true);
  });

  it("stores a typed username escaped: control characters and right-to-left overrides become visible", async () => {
    await login("adm\u202Ein\n\u0000x", PASSWORD);
    expect(lastAuditRow(db)!.username).toBe("adm\\u{202e}in\\u{000a}\\u{0000}x");
  });

  it("counts a wrong current password in the password change towards the lock, audited, and ends that session at the 5th", async () => {
    const username = await account();
    const u = row(username);
    const sessionId = addSession(db, u.id);
    const ip = "10.77.0.1";
    const actor = { id: u.id, username, role: u.role, unitId: u.unitId };
    for (let i = 0; i < 4; i++) expect(recordWrongCurrentPassword({ user: actor, ip, sessionId })).toEqual({ locked: false });
    expect(lastAuditRow(db)).toMatchObject({ action: "account.changePassword", outcome: "failure", username });
    expect(recordWrongCurrentPassword({ user: actor, ip, sessionId })).toEqual({ locked: true });
    expect(db.select().from(sessions).where(eq(sessions.id, sessionId)).get()!.revokedAt).not.toBeNull();
    expect(await login(username, PASSWORD, Date.now(), ip)).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("second factor (TOTP)", () => {
  async function admin(): Promise<string> {
    n += 1;
    const username = `admin${n}`;
    addUser(db, { username, role: "admin", passwordHash: await hashPassword(PASSWORD) });
    return username;
  }

  it("asks for the code only after the right password, and never counts that as a failure", async () => {
    const username = await admin();
    expect(await login(username, "Wrong#2026")).toEqual({ ok: false, reason: "invalid" });
    for (let i = 0; i < 6; i++) expect(await login(username, PASSWORD)).toEqual({ ok: false, reason: "otp_required" });
    const t = Date.now();
    expect((await attemptLogin({ username, password: PASSWORD, otp: totpCode(TEST_TOTP_SECRET, t), ip: `10.0.${n}.1`, now: t })).ok).toBe(true);
  });

  it("refuses a wrong code (counted like a wrong password) and a code used once already", async () => {
    const username = await admin();
    const t = Date.now();
    const ip = `10.0.${n}.1`;
    expect(await attemptLogin({ username, password: PASSWORD, otp: "000000", ip, now: t })).toEqual({ ok: false, reason: "invalid" });
    expect(lastAuditRow(db)).toMatchObject({ action: "auth.login", outcome: "failure" });
    const code = totpCode(TEST_TOTP_SECRET, t);
    expect((await attemptLogin({ username, password: PASSWORD, otp: code, ip, now: t })).ok).toBe(true);
    expect(await attemptLogin({ username, password: PASSWORD, otp: code, ip, now: t + 1000 })).toEqual({ ok: false, reason: "invalid" });
  });

  it("accepts each recovery code once instead of the code", async () => {
    const username = await admin();
    const codes = newRecoveryCodes();
    db.update(users)
      .set({ recoveryCodes: codes.map(hashRecoveryCode) })
      .where(eq(users.username, username))
      .run();
    const withCode = (otp: string) => attemptLogin({ username, password: PASSWORD, otp, ip: `10.0.${n}.1` });
    expect((await withCode(codes[0]!.toUpperCase())).ok).toBe(true);
    expect(await withCode(codes[0]!)).toEqual({ ok: false, reason: "invalid" });
    expect(row(username).recoveryCodes).toHaveLength(codes.length - 1);
  });
});
