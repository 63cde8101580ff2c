// The app's own database (getDb(), at the per-file temp path from setup-env.ts),
// migrated, with helpers to create units, users and live sessions for forged requests.
import { inArray } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { leaders, sessions, units, users } from "@/db/schema";
import { requiresSecondFactor } from "@/db/queries/auth";
import { ROLES, type Role } from "@/lib/vocabulary";

/** The authenticator secret of every test account that has a second factor. */
export const TEST_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

export function migratedAppDb(): Db {
  const db = getDb();
  migrateDatabase(db);
  return db;
}

export function addUnit(db: Db, name: string): number {
  const position = db.select({ id: units.id }).from(units).all().length + 1;
  return db.insert(units).values({ name, kind: "市直部门", position }).returning({ id: units.id }).get().id;
}

export function addLeader(db: Db, name: string, title: string | null = null): number {
  const position = db.select({ id: leaders.id }).from(leaders).all().length + 1;
  return db.insert(leaders).values({ name, title, position }).returning({ id: leaders.id }).get().id;
}

export function addUser(
  db: Db,
  u: {
    username: string;
    role: Role;
    unitId?: number | null;
    leaderId?: number | null;
    passwordHash?: string;
    mustChangePassword?: boolean;
    secondFactor?: boolean;
  },
): number {
  // Roles that must use a second factor get one (as a real admin would have), unless told otherwise.
  const secondFactor = u.secondFactor ?? requiresSecondFactor(u.role);
  return db
    .insert(users)
    .values({
      username: u.username,
      displayName: u.username,
      role: u.role,
      unitId: u.unitId ?? null,
      leaderId: u.leaderId ?? null,
      passwordHash: u.passwordHash ?? "not-a-hash",
      mustChangePassword: u.mustChangePassword ?? false,
      ...(secondFactor ? { totpSecret: TEST_TOTP_SECRET, totpEnabledAt: Date.now() } : {}),
    })
    .returning({ id: users.id })
    .get().id;
}

/**
 * The seeded accounts as their people use them: the initial password changed, and every role
 * that must use a second factor (the admin, the 督查室) has bound one.
 */
export function readySeededAccounts(db: Db): void {
  db.update(users).set({ mustChangePassword: false }).run();
  db.update(users)
    .set({ totpSecret: TEST_TOTP_SECRET, totpEnabledAt: Date.now() })
    .where(inArray(users.role, ROLES.filter(requiresSecondFactor)))
    .run();
}

/** A live server-side session for the user, as a successful login creates. */
export function addSession(db: Db, userId: number, now = Date.now()): string {
  const id = `test-${userId}-${Math.random().toString(36).slice(2)}`;
  db.insert(sessions)
    .values({ id, userId, lastSeenAt: now, expiresAt: now + 12 * 3600_000, createdAt: now })
    .run();
  return id;
}

/**
 * Every row of every table except the audit trail and the login throttle, for asserting
 * "the database is unchanged" after a refused request. Session rows are compared
 * without lastSeenAt, which reading a page may refresh.
 */
export function snapshotDatabase(db: Db): Record<string, unknown[]> {
  const tables = db.$client
    .prepare(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not in ('audit_log', 'login_attempts', '__drizzle_migrations') order by name",
    )
    .all() as { name: string }[];
  const snapshot: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    const rows = db.$client.prepare(`select * from "${name}" order by rowid`).all() as Record<string, unknown>[];
    if (name === "sessions") for (const row of rows) delete row.last_seen_at;
    snapshot[name] = rows;
  }
  return snapshot;
}

export function lastAuditRow(db: Db) {
  return db.$client.prepare("select * from audit_log order by id desc limit 1").get() as
    { id: number; username: string | null; outcome: string; action: string; entity: string; entity_id: string | null } | undefined;
}
