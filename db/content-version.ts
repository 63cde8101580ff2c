import type { Db } from "./client";

// What a remembered read is checked against before it is reused: it changes whenever the
// database's rows may have changed, by this connection or any other.

/**
 * A token that differs after any committed change: `PRAGMA data_version` moves when another
 * connection commits, `total_changes()` when this one changes a row (rolled-back changes
 * count too, which only costs a recomputation). Null inside a transaction, whose
 * uncommitted rows must never be remembered.
 */
export function contentVersion(db: Db): string | null {
  const client = db.$client;
  if (client.inTransaction) return null;
  // prepare() hands back the statement compiled before (db/statement-cache.ts), reset to objects.
  const value = (sql: string) => client.prepare(sql).pluck().get() as number;
  return `${value("PRAGMA data_version")}:${value("SELECT total_changes()")}`;
}
