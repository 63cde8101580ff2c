import "server-only";
import crypto from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { SessionUser } from "@/lib/permissions";
import { ABSOLUTE_TIMEOUT_MS, isSessionLive, needsTouch } from "@/lib/session-policy";
import type { Tx } from "../client";
import { getDb } from "../client";
import { bestEffort } from "../storage-health";
import { leaders, sessions, units, users } from "../schema";

import { MAYOR_TITLE } from "./leaders";

/** What the gates in app/_lib/current-user.ts need: initial/expired password, second factor. */
export type SessionAccountState = {
  mustChangePassword: boolean;
  /** When the password was last set (the account's creation if never). */
  passwordSetAt: number;
  secondFactorEnabled: boolean;
};

/**
 * The user behind a session id, or null when the session is revoked, idle too long,
 * past its absolute limit, or the user is disabled. Refreshes lastSeenAt (throttled).
 */
export function getSessionUser({
  sessionId,
  userId,
  now = Date.now(),
}: {
  sessionId: string;
  userId: number;
  now?: number;
}): (SessionUser & SessionAccountState) | null {
  const db = getDb();
  const row = db
    .select({
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      revokedAt: sessions.revokedAt,
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      disabled: users.disabled,
      mustChangePassword: users.mustChangePassword,
      passwordChangedAt: users.passwordChangedAt,
      createdAt: users.createdAt,
      totpEnabledAt: users.totpEnabledAt,
      unitId: users.unitId,
      unitName: units.name,
      leaderId: users.leaderId,
      leaderName: leaders.name,
      leaderTitle: leaders.title,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(units, eq(units.id, users.unitId))
    .leftJoin(leaders, eq(leaders.id, users.leaderId))
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
    .get();
  if (!row || row.disabled || !isSessionLive(row, now)) return null;
  if (needsTouch(row, now)) {
    // Bookkeeping: a full disk must not turn every signed-in page into an error.
    bestEffort("session touch", () => db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId)).run(), undefined);
  }
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    unitId: row.unitId,
    unitName: row.unitName,
    leaderId: row.leaderId,
    leaderName: row.leaderName,
    isMayor: row.role === "leader" && row.leaderTitle === MAYOR_TITLE,
    sessionId,
    mustChangePassword: row.mustChangePassword,
    passwordSetAt: row.passwordChangedAt ?? row.createdAt,
    secondFactorEnabled: row.totpEnabledAt !== null,
  };
}

export function createSession(tx: Tx, { userId, ip, now }: { userId: number; ip: string | null; now: number }): string {
  const id = crypto.randomBytes(32).toString("base64url");
  tx.insert(sessions)
    .values({ id, userId, ip, createdAt: now, lastSeenAt: now, expiresAt: now + ABSOLUTE_TIMEOUT_MS })
    .run();
  return id;
}

export function revokeSession(tx: Tx, { sessionId, now }: { sessionId: string; now: number }): void {
  tx.update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)))
    .run();
}

/** Ends every live session of a user (disabling, password reset, password change elsewhere). */
export function revokeUserSessions(tx: Tx, { userId, now, except }: { userId: number; now: number; except?: string }): void {
  const live = tx
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .all();
  for (const s of live) if (s.id !== except) revokeSession(tx, { sessionId: s.id, now });
}
