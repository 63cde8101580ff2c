import "server-only";
import { asc, eq, ne, sql } from "drizzle-orm";
import type { Role } from "@/lib/permissions";
import { isLocked } from "@/lib/session-policy";
import { getDb, type Tx } from "../client";
import { leaders, sessions, units, users } from "../schema";
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
  failedAttempts: number;
  lockedUntil: number | null;
  /** Locked right now (lockedUntil in the future). */
  locked: boolean;
  lastLoginAt: number | null;
  version: number;
};

const adminColumns = {
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
  failedAttempts: users.failedAttempts,
  lockedUntil: users.lockedUntil,
  lastLoginAt: sql<number | null>`(select max(${sessions.createdAt}) from ${sessions} where ${sessions.userId} = ${users.id})`,
  version: users.version,
};

const withLock = <T extends { lockedUntil: number | null }>(row: T, now: number) => ({ ...row, locked: isLocked(row.lockedUntil, now) });

export function listUsers({ now = Date.now() }: { now?: number } = {}): AdminUserRow[] {
  return getDb()
    .select(adminColumns)
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .leftJoin(leaders, eq(leaders.id, users.leaderId))
    .orderBy(asc(users.role), asc(units.position), asc(leaders.position), asc(users.username))
    .all()
    .map((row) => withLock(row, now));
}

export function getUserById({ id, now = Date.now() }: { id: number; now?: number }): AdminUserRow | undefined {
  const row = getDb()
    .select(adminColumns)
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
  return tx.insert(users).values({ ...u, mustChangePassword: true }).returning({ id: users.id }).get().id;
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

export function unlockUser(tx: Tx, { id, version }: { id: number; version: number }): boolean {
  return updateVersioned(tx, id, version, { failedAttempts: 0, lockedUntil: null });
}

/** An admin reset: a new temporary password to change at next login; live sessions end. */
export function resetUserPassword(tx: Tx, { id, version, passwordHash, now }: { id: number; version: number; passwordHash: string; now: number }): boolean {
  const ok = updateVersioned(tx, id, version, { passwordHash, mustChangePassword: true, failedAttempts: 0, lockedUntil: null, passwordChangedAt: now });
  if (ok) revokeUserSessions(tx, { userId: id, now });
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
