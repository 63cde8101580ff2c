import "server-only";
import { and, eq, gt, lt, sql } from "drizzle-orm";
import { verifyAgainstDummy, verifyPassword } from "@/lib/password-hash";
import { afterFailedLogin, IP_MAX_FAILURES, IP_WINDOW_MS, isLocked } from "@/lib/session-policy";
import { writeAudit, writeAuditNow } from "../audit";
import { getDb, type Tx } from "../client";
import { loginAttempts, users } from "../schema";
import { createSession } from "./sessions";

export type LoginResult = { ok: true; userId: number; sessionId: string } | { ok: false; reason: "invalid" | "throttled" };

function recordIpFailure(tx: Tx, ip: string, now: number) {
  tx.delete(loginAttempts).where(lt(loginAttempts.at, now - IP_WINDOW_MS)).run();
  tx.insert(loginAttempts).values({ ip, at: now }).run();
}

/**
 * Checks a username and password. Every outcome is audited; the caller only learns
 * "signed in", "invalid" or "throttled" — never whether the username exists or is locked.
 */
export async function attemptLogin({
  username,
  password,
  ip,
  now = Date.now(),
}: {
  username: string;
  password: string;
  ip: string | null;
  now?: number;
}): Promise<LoginResult> {
  const db = getDb();
  const ipKey = ip ?? "unknown";
  const audit = { actor: { username }, ip, entity: "session" } as const;

  const recent = db
    .select({ n: sql<number>`count(*)` })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, ipKey), gt(loginAttempts.at, now - IP_WINDOW_MS)))
    .get();
  if ((recent?.n ?? 0) >= IP_MAX_FAILURES) {
    writeAuditNow(db, { ...audit, action: "auth.throttled", outcome: "denied" });
    return { ok: false, reason: "throttled" };
  }

  const user = db
    .select({ id: users.id, passwordHash: users.passwordHash, disabled: users.disabled, lockedUntil: users.lockedUntil })
    .from(users)
    .where(eq(users.username, username))
    .get();
  // Verify even when there is no such user, so response time does not reveal existence.
  const passwordOk = user ? await verifyPassword(user.passwordHash, password) : (await verifyAgainstDummy(password), false);

  return db.transaction(
    (tx): LoginResult => {
      if (!user) {
        recordIpFailure(tx, ipKey, now);
        writeAudit(tx, { ...audit, action: "auth.login", outcome: "failure", after: { reason: "unknown_user" } });
        return { ok: false, reason: "invalid" };
      }
      // Re-read inside the transaction: another request may have locked or unlocked meanwhile.
      const fresh = tx.select().from(users).where(eq(users.id, user.id)).get()!;
      const actor = { id: fresh.id, username: fresh.username, role: fresh.role, unitId: fresh.unitId };
      const blocked = fresh.disabled ? "disabled" : isLocked(fresh.lockedUntil, now) ? "locked" : null;
      if (blocked) {
        recordIpFailure(tx, ipKey, now);
        writeAudit(tx, { ...audit, actor, action: "auth.login", entity: "user", entityId: fresh.id, outcome: "denied", after: { reason: blocked } });
        return { ok: false, reason: "invalid" };
      }
      if (!passwordOk) {
        // A lock that has run out starts a fresh count.
        const base = fresh.lockedUntil !== null ? 0 : fresh.failedAttempts;
        const next = afterFailedLogin(base, now);
        tx.update(users).set(next).where(eq(users.id, fresh.id)).run();
        recordIpFailure(tx, ipKey, now);
        writeAudit(tx, { ...audit, actor, action: "auth.login", entity: "user", entityId: fresh.id, outcome: "failure", after: { reason: "bad_password", failedAttempts: next.failedAttempts } });
        if (next.lockedUntil !== null) {
          writeAudit(tx, { ...audit, actor, action: "auth.lockout", entity: "user", entityId: fresh.id, outcome: "success", after: { lockedUntil: next.lockedUntil } });
        }
        return { ok: false, reason: "invalid" };
      }
      tx.update(users).set({ failedAttempts: 0, lockedUntil: null }).where(eq(users.id, fresh.id)).run();
      const sessionId = createSession(tx, { userId: fresh.id, ip, now });
      writeAudit(tx, { ...audit, actor, action: "auth.login", entityId: sessionId.slice(0, 8), outcome: "success" });
      return { ok: true, userId: fresh.id, sessionId };
    },
    { behavior: "immediate" },
  );
}
