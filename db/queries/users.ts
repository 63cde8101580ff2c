import "server-only";
import { asc, eq, ne, sql } from "drizzle-orm";
import type { Role } from "@/lib/permissions";
import { ATTACK_WINDOW_MS, isLocked } from "@/lib/session-policy";
import { getDb, type Tx } from "../client";
import { leaders, loginAttempts, loginLocks, sessions, units, users } from "../schema";
import { revokeUserSessions } from "./sessions";

/** What the admin screens show of an account: never the hash. */
export type AdminUserRow = {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitId: number | null;
  unitName: string | null;
  leaderId: number | null;
  leaderName: string | null;
  disabled: boolean;
  mustChangePassword: boolean;
  /** The latest lock over all sources (login_locks), if any. */
  lockedUntil: number | null;
  /** Locked right now for at least one source. */
  locked: boolean;
  /** Failed sign-ins in the last day, and from how many sources: who is being attacked. */
  recentFailures: number;
  recentSources: number;
  /** Has a confirmed TOTP second factor. */
  secondFactor: boolean;
  lastLoginAt: number | null;
  version: number;
};

const adminColumns = (now: number) => ({
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  unitId: users.unitId,
  unitName: units.name,
  leaderId: users.leaderId,
  leaderName: leaders.name,
  disabled: users.disabled,
  mustChangePassword: users.mustChangePassword,
  lockedUntil: sql<number | null>`(select max(${loginLocks.lockedUntil}) from ${loginLocks} where ${loginLocks.userId} = ${users.id})`,
  recentFailures: sql<number>`(select count(*) from ${loginAttempts} where ${loginAttempts.userId} = ${users.id} and ${loginAttempts.at} > ${now - ATTACK_WINDOW_MS})`,
  recentSources: sql<number>`(select count(distinct ${loginAttempts.ip}) from ${loginAttempts} where ${loginAttempts.userId} = ${users.id} and ${loginAttempts.at} > ${now - ATTACK_WINDOW_MS})`,
  secondFactor: sql<boolean>`${users.totpEnabledAt} is not null`.mapWith(Boolean),
  lastLoginAt: sql<number | null>`(select max(${sessions.createdAt}) from ${sessions} where ${sessions.userId} = ${users.id})`,
  version: users.version,
});

const withLock = <T extends { lockedUntil: number | null }>(row: T, now: number) => ({ ...row, locked: isLocked(row.lockedUntil, now) });

export function listUsers({ now = Date.now() }: { now?: number } = {}): AdminUserRow[] {
  return getDb()
    .select(adminColumns(now))
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .leftJoin(leaders, eq(leaders.id, users.leaderId))
    .orderBy(asc(users.role), asc(units.position), asc(leaders.position), asc(users.username))
    .all()
    .map((row) => withLock(row, now));
}

export function getUserById({ id, now = Date.now() }: { id: number; now?: number }): AdminUserRow | undefined {
  const row = getDb()
    .select(adminColumns(now))
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .leftJoin(leaders, eq(leaders.id, users.leaderId))
    .where(eq(users.id, id))
    .get();
  return row && withLock(row, now);
}

export function getUserByUsername({ username }: { username: string }): { id: number } | undefined {
  return getDb().select({ id: users.id }).from(users).where(eq(users.username, username)).get();
}

/** For checking the current password; server-side only. */
export function getUserPasswordHash({ id }: { id: number }): { username: string; passwordHash: string } | undefined {
  return getDb().select({ username: users.username, passwordHash: users.passwordHash }).from(users).where(eq(users.id, id)).get();
}

export function listUnitOptions(): { id: number; name: string }[] {
  return getDb().select({ id: units.id, name: units.name }).from(units).where(ne(units.kind, "群体描述")).orderBy(asc(units.position)).all();
}

export function listLeaderOptions(): { id: number; name: string }[] {
  return getDb().select({ id: leaders.id, name: leaders.name }).from(leaders).orderBy(asc(leaders.position)).all();
}

export type UserFields = { username: string; displayName: string; role: Role; unitId: number | null; leaderId: number | null };

export function insertUser(tx: Tx, u: UserFields & { passwordHash: string }): number {
  return tx
    .insert(users)
    .values({ ...u, mustChangePassword: true })
    .returning({ id: users.id })
    .get().id;
}

/** Applies a change with an optimistic version check; returns false when the row moved on. */
function updateVersioned(tx: Tx, id: number, version: number, set: Partial<typeof users.$inferInsert>): boolean {
  const res = tx
    .update(users)
    .set({ ...set, version: version + 1 })
    .where(sql`${users.id} = ${id} and ${users.version} = ${version}`)
    .run();
  return res.changes === 1;
}

export function updateUserBinding(tx: Tx, { id, version, ...fields }: Omit<UserFields, "username"> & { id: number; version: number }): boolean {
  return updateVersioned(tx, id, version, fields);
}

export function setUserDisabled(tx: Tx, { id, version, disabled, now }: { id: number; version: number; disabled: boolean; now: number }): boolean {
  const ok = updateVersioned(tx, id, version, { disabled });
  if (ok && disabled) revokeUserSessions(tx, { userId: id, now });
  return ok;
}

/** Lifts the lock for every source. */
export function unlockUser(tx: Tx, { id, version }: { id: number; version: number }): boolean {
  const ok = updateVersioned(tx, id, version, {});
  if (ok) tx.delete(loginLocks).where(eq(loginLocks.userId, id)).run();
  return ok;
}

/** Lost phone: the user enrols a new authenticator at next sign-in; live sessions end. */
export function resetUserSecondFactor(tx: Tx, { id, version, now }: { id: number; version: number; now: number }): boolean {
  const ok = updateVersioned(tx, id, version, { totpSecret: null, totpEnabledAt: null, totpLastStep: null, recoveryCodes: null });
  if (ok) revokeUserSessions(tx, { userId: id, now });
  return ok;
}

/** An admin reset: a new temporary password to change at next login; live sessions end. */
export function resetUserPassword(tx: Tx, { id, version, passwordHash, now }: { id: number; version: number; passwordHash: string; now: number }): boolean {
  const ok = updateVersioned(tx, id, version, { passwordHash, mustChangePassword: true, passwordChangedAt: now });
  if (ok) {
    tx.delete(loginLocks).where(eq(loginLocks.userId, id)).run();
    revokeUserSessions(tx, { userId: id, now });
  }
  return ok;
}

/** The user's own change: other sessions end, the current one stays. */
export function changeOwnPassword(tx: Tx, { id, passwordHash, now, sessionId }: { id: number; passwordHash: string; now: number; sessionId: string }): void {
  tx.update(users)
    .set({ passwordHash, mustChangePassword: false, passwordChangedAt: now, version: sql`${users.version} + 1` })
    .where(eq(users.id, id))
    .run();
  revokeUserSessions(tx, { userId: id, now, except: sessionId });
}

export function getUserSecondFactor({ id }: { id: number }): { enabled: boolean; recoveryCodesLeft: number } | undefined {
  const row = getDb().select({ enabledAt: users.totpEnabledAt, codes: users.recoveryCodes }).from(users).where(eq(users.id, id)).get();
  return row && { enabled: row.enabledAt !== null, recoveryCodesLeft: row.codes?.length ?? 0 };
}

export function enableSecondFactor(
  tx: Tx,
  { id, secret, step, recoveryCodeHashes, now }: { id: number; secret: string; step: number; recoveryCodeHashes: string[]; now: number },
): void {
  tx.update(users)
    .set({ totpSecret: secret, totpEnabledAt: now, totpLastStep: step, recoveryCodes: recoveryCodeHashes, version: sql`${users.version} + 1` })
    .where(eq(users.id, id))
    .run();
}
