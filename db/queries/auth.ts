import "server-only";
import { and, eq, gt, lt, sql } from "drizzle-orm";
import { env } from "@/lib/env";
import { escapeForLog } from "@/lib/log-text";
import { verifyAgainstDummy, verifyPassword } from "@/lib/password-hash";
import type { Role } from "@/lib/permissions";
import { afterFailedLogin, IP_MAX_FAILURES, IP_WINDOW_MS, isLocked, sourceKey } from "@/lib/session-policy";
import { checkTotp, hashRecoveryCode, looksLikeRecoveryCode } from "@/lib/totp";
import { writeAudit, writeAuditNow, type AuditActor } from "../audit";
import { getDb, type Tx } from "../client";
import { loginAttempts, loginLocks, users } from "../schema";
import { createSession, revokeSession } from "./sessions";

export type LoginResult = { ok: true; userId: number; sessionId: string } | { ok: false; reason: "invalid" | "throttled" | "otp_required" };

/** True when accounts of this role must sign in with a second factor (TOTP_REQUIRED_ROLES). */
export function requiresSecondFactor(role: Role): boolean {
  return env.totpRoles.includes(role);
}

function recordFailure(tx: Tx, { source, userId, now }: { source: string; userId: number | null; now: number }) {
  tx.delete(loginAttempts)
    .where(lt(loginAttempts.at, now - 7 * 86_400_000))
    .run();
  tx.insert(loginAttempts).values({ ip: source, userId, at: now }).run();
}

function sourceThrottled(source: string, now: number): boolean {
  const recent = getDb()
    .select({ n: sql<number>`count(*)` })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, source), gt(loginAttempts.at, now - IP_WINDOW_MS)))
    .get();
  return (recent?.n ?? 0) >= IP_MAX_FAILURES;
}

function lockOf(tx: Tx, userId: number, source: string) {
  return tx
    .select()
    .from(loginLocks)
    .where(and(eq(loginLocks.userId, userId), eq(loginLocks.source, source)))
    .get();
}

/**
 * One more wrong credential for the account from this source (a wrong password at sign-in, a
 * wrong second factor, a wrong current password in the password change): counts towards the
 * source's throttle and the account's lock for that source. Returns the lock, if it is now locked.
 */
export function recordCredentialFailure(
  tx: Tx,
  { userId, ip, actor, action, reason, now }: { userId: number; ip: string | null; actor: AuditActor; action: string; reason: string; now: number },
): { lockedUntil: number | null } {
  const source = sourceKey(ip);
  const next = afterFailedLogin(lockOf(tx, userId, source), now);
  tx.insert(loginLocks)
    .values({ userId, source, ...next, updatedAt: now })
    .onConflictDoUpdate({ target: [loginLocks.userId, loginLocks.source], set: { ...next, updatedAt: now } })
    .run();
  recordFailure(tx, { source, userId, now });
  writeAudit(tx, { actor, ip, action, entity: "user", entityId: userId, outcome: "failure", after: { reason, failedAttempts: next.failedAttempts } });
  if (next.lockedUntil !== null) {
    writeAudit(tx, {
      actor,
      ip,
      action: "auth.lockout",
      entity: "user",
      entityId: userId,
      outcome: "success",
      after: { lockedUntil: next.lockedUntil, source },
    });
  }
  return next;
}

/** Whether the second factor given is right; a recovery code is used up by this. */
function secondFactorOk(tx: Tx, user: typeof users.$inferSelect, otp: string, now: number): boolean {
  if (looksLikeRecoveryCode(otp)) {
    const hash = hashRecoveryCode(otp);
    const codes = user.recoveryCodes ?? [];
    if (!codes.includes(hash)) return false;
    tx.update(users)
      .set({ recoveryCodes: codes.filter((c) => c !== hash) })
      .where(eq(users.id, user.id))
      .run();
    return true;
  }
  const result = checkTotp({ secret: user.totpSecret!, code: otp, now, lastStep: user.totpLastStep });
  if (!result.ok) return false;
  tx.update(users).set({ totpLastStep: result.step }).where(eq(users.id, user.id)).run();
  return true;
}

/**
 * Checks a username and password (and, for accounts that have a second factor, its code).
 * Every outcome is audited; the caller only learns "signed in", "invalid", "throttled" or
 * "code needed" (only once the password was right) — never whether the username exists or is locked.
 */
export async function attemptLogin({
  username,
  password,
  otp = "",
  ip,
  now = Date.now(),
}: {
  username: string;
  password: string;
  otp?: string;
  ip: string | null;
  now?: number;
}): Promise<LoginResult> {
  const db = getDb();
  const source = sourceKey(ip);
  // What a stranger typed is stored escaped (control characters, bidi overrides).
  const audit = { actor: { username: escapeForLog(username) }, ip, entity: "session" } as const;

  if (sourceThrottled(source, now)) {
    writeAuditNow(db, { ...audit, action: "auth.throttled", outcome: "denied", after: { source } });
    return { ok: false, reason: "throttled" };
  }

  const user = db.select({ id: users.id, passwordHash: users.passwordHash }).from(users).where(eq(users.username, username)).get();
  // Verify even when there is no such user, so response time does not reveal existence.
  const passwordOk = user ? await verifyPassword(user.passwordHash, password) : (await verifyAgainstDummy(password), false);

  return db.transaction(
    (tx): LoginResult => {
      if (!user) {
        recordFailure(tx, { source, userId: null, now });
        writeAudit(tx, { ...audit, action: "auth.login", outcome: "failure", after: { reason: "unknown_user" } });
        return { ok: false, reason: "invalid" };
      }
      // Re-read inside the transaction: another request may have locked or unlocked meanwhile.
      const fresh = tx.select().from(users).where(eq(users.id, user.id)).get()!;
      const actor = { id: fresh.id, username: fresh.username, role: fresh.role, unitId: fresh.unitId };
      const lock = lockOf(tx, fresh.id, source);
      const blocked = fresh.disabled ? "disabled" : isLocked(lock?.lockedUntil ?? null, now) ? "locked" : null;
      if (blocked) {
        recordFailure(tx, { source, userId: fresh.id, now });
        writeAudit(tx, { ...audit, actor, action: "auth.login", entity: "user", entityId: fresh.id, outcome: "denied", after: { reason: blocked } });
        return { ok: false, reason: "invalid" };
      }
      if (!passwordOk) {
        recordCredentialFailure(tx, { userId: fresh.id, ip, actor, action: "auth.login", reason: "bad_password", now });
        return { ok: false, reason: "invalid" };
      }
      if (fresh.totpEnabledAt !== null && requiresSecondFactor(fresh.role)) {
        // The password alone proves nothing yet: ask for the code without counting a failure.
        if (!otp) return { ok: false, reason: "otp_required" };
        if (!secondFactorOk(tx, fresh, otp, now)) {
          recordCredentialFailure(tx, { userId: fresh.id, ip, actor, action: "auth.login", reason: "bad_otp", now });
          return { ok: false, reason: "invalid" };
        }
      }
      tx.delete(loginLocks)
        .where(and(eq(loginLocks.userId, fresh.id), eq(loginLocks.source, source)))
        .run();
      const sessionId = createSession(tx, { userId: fresh.id, ip, now });
      writeAudit(tx, { ...audit, actor, action: "auth.login", entityId: sessionId.slice(0, 8), outcome: "success" });
      return { ok: true, userId: fresh.id, sessionId };
    },
    { behavior: "immediate" },
  );
}

/**
 * After a wrong current password in the password change: it counts like a wrong password at
 * sign-in, and the session that guessed is ended once that locks the account for its source.
 */
export function recordWrongCurrentPassword({
  user,
  ip,
  sessionId,
  now = Date.now(),
}: {
  user: { id: number; username: string; role: Role; unitId: number | null };
  ip: string | null;
  sessionId: string;
  now?: number;
}): { locked: boolean } {
  return getDb().transaction(
    (tx) => {
      const { lockedUntil } = recordCredentialFailure(tx, {
        userId: user.id,
        ip,
        actor: user,
        action: "account.changePassword",
        reason: "bad_current_password",
        now,
      });
      if (lockedUntil !== null) revokeSession(tx, { sessionId, now });
      return { locked: lockedUntil !== null };
    },
    { behavior: "immediate" },
  );
}
