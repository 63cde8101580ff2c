// Seeds one account per real unit (not 群体描述), per 牵头领导, the mayor, 督查室 and admin.
// Idempotent: creates missing accounts only and never touches existing ones (their
// passwords, bindings or disabled state), so re-running after go-live is safe.
import { asc, desc, eq, ne } from "drizzle-orm";
import { hashPassword } from "@/lib/password-hash";
import type { Role } from "@/lib/permissions";
import { ADMIN_USERNAME, MAYOR, SUPERVISOR_USERNAME, leaderUsername, unitUsername } from "@/lib/usernames";
import { writeAudit } from "../audit";
import type { Db } from "../client";
import { leaders, units, users } from "../schema";

type PlannedUser = { username: string; displayName: string; role: Role; unitId: number | null; leaderId: number | null };

/** The mayor is not a 牵头领导 in the gazette; her leaders row is added after theirs. */
function ensureMayor(db: Db): void {
  db.transaction(
    (tx) => {
      if (tx.select({ id: leaders.id }).from(leaders).where(eq(leaders.name, MAYOR.name)).get()) return;
      const last = tx.select({ position: leaders.position }).from(leaders).orderBy(desc(leaders.position)).limit(1).get();
      tx.insert(leaders)
        .values({ name: MAYOR.name, title: MAYOR.title, position: (last?.position ?? 0) + 1 })
        .run();
    },
    { behavior: "immediate" },
  );
}

function plannedUsers(db: Db): PlannedUser[] {
  const leaderRows = db.select().from(leaders).orderBy(asc(leaders.position), asc(leaders.id)).all();
  const unitRows = db.select().from(units).where(ne(units.kind, "群体描述")).orderBy(asc(units.position), asc(units.id)).all();
  return [
    { username: ADMIN_USERNAME, displayName: "系统管理员", role: "admin", unitId: null, leaderId: null },
    { username: SUPERVISOR_USERNAME, displayName: "督查室", role: "supervisor", unitId: null, leaderId: null },
    ...leaderRows.map((l) => ({ username: leaderUsername(l), displayName: l.name, role: "leader" as const, unitId: null, leaderId: l.id })),
    ...unitRows.map((u) => ({ username: unitUsername(u), displayName: u.name, role: "unit" as const, unitId: u.id, leaderId: null })),
  ];
}

export async function seedUsers(db: Db, opts: { initialPassword: string }): Promise<{ created: string[] }> {
  ensureMayor(db);
  const existing = new Set(
    db
      .select({ username: users.username })
      .from(users)
      .all()
      .map((u) => u.username),
  );
  const missing = plannedUsers(db).filter((u) => !existing.has(u.username));
  if (missing.length === 0) return { created: [] };

  // Hash before the (synchronous) transaction; each account gets its own salt.
  const hashes = await Promise.all(missing.map(() => hashPassword(opts.initialPassword)));
  const created = db.transaction(
    (tx) => {
      const done: string[] = [];
      missing.forEach((u, i) => {
        const row = tx
          .insert(users)
          .values({ ...u, passwordHash: hashes[i]!, mustChangePassword: true })
          .onConflictDoNothing({ target: users.username })
          .returning({ username: users.username })
          .get();
        if (row) done.push(row.username);
      });
      if (done.length > 0) {
        writeAudit(tx, { actor: { username: "system" }, action: "users.seed", entity: "user", outcome: "success", after: { created: done } });
      }
      return done;
    },
    { behavior: "immediate" },
  );
  return { created };
}
