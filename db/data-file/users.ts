// Accounts in the portable data file: who exists, their role and binding, and whether
// they are disabled. Never hashes, sessions or lockout counters; imported accounts get
// the initial password (each with its own salted hash) and must change it at first login.
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "../client";
import { ROLES } from "@/lib/vocabulary";
import { leaders, units, users } from "../schema";
import { DataFileError } from "./programme";

export const fileUserSchema = z.object({
  username: z.string().min(1),
  displayName: z.string().min(1),
  role: z.enum(ROLES),
  unit: z.string().min(1).optional(),
  leader: z.string().min(1).optional(),
  disabled: z.boolean(),
});
export type FileUser = z.infer<typeof fileUserSchema>;

export function listUsersForExport(db: Db): FileUser[] {
  return db
    .select({ username: users.username, displayName: users.displayName, role: users.role, unit: units.name, leader: leaders.name, disabled: users.disabled })
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .leftJoin(leaders, eq(leaders.id, users.leaderId))
    .orderBy(asc(users.username))
    .all()
    .map(({ unit, leader, ...u }) => ({ ...u, ...(unit ? { unit } : {}), ...(leader ? { leader } : {}) }));
}

/**
 * Adds the file's accounts, binding them by unit/leader name (which must already be loaded).
 * Accounts that already exist are left as they are. `passwordHashes[i]` is row i's argon2id
 * hash of INITIAL_PASSWORD, made before the transaction; each must be replaced at first login.
 */
export function importUsers(tx: Tx, rows: FileUser[], passwordHashes: string[]): number {
  const unitIds = new Map(
    tx
      .select({ id: units.id, name: units.name })
      .from(units)
      .all()
      .map((u) => [u.name, u.id]),
  );
  const leaderIds = new Map(
    tx
      .select({ id: leaders.id, name: leaders.name })
      .from(leaders)
      .all()
      .map((l) => [l.name, l.id]),
  );
  let added = 0;
  for (const [i, row] of rows.entries()) {
    const passwordHash = passwordHashes[i];
    if (passwordHash === undefined) throw new DataFileError(`账号 ${row.username} 缺少初始密码`);
    const unitId = row.unit === undefined ? null : unitIds.get(row.unit);
    const leaderId = row.leader === undefined ? null : leaderIds.get(row.leader);
    if (unitId === undefined) throw new DataFileError(`账号 ${row.username} 所属单位“${row.unit}”不在单位列表中`);
    if (leaderId === undefined) throw new DataFileError(`账号 ${row.username} 绑定的领导“${row.leader}”不在领导列表中`);
    if ((row.role === "unit") !== (unitId !== null) || (row.role === "leader") !== (leaderId !== null)) {
      throw new DataFileError(`账号 ${row.username} 的角色与单位/领导绑定不一致`);
    }
    const res = tx
      .insert(users)
      .values({
        username: row.username,
        displayName: row.displayName,
        role: row.role,
        unitId,
        leaderId,
        disabled: row.disabled,
        passwordHash,
        mustChangePassword: true,
      })
      .onConflictDoNothing({ target: users.username })
      .run();
    added += res.changes;
  }
  return added;
}
