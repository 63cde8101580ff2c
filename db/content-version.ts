import type Database from "better-sqlite3";
import type { Db } from "./client";

// What a remembered read is checked against before it is reused: it changes whenever the
// database's rows may have changed, by this connection or any other.

const totalChanges = new WeakMap<Database.Database, Database.Statement>();

/**
 * A token that differs after any committed change: `PRAGMA data_version` moves when another
 * connection commits, `total_changes()` when this one changes a row (rolled-back changes
 * count too, which only costs a recomputation). Null inside a transaction, whose
 * uncommitted rows must never be remembered.
 */
export function contentVersion(db: Db): string | null {
  const client = db.$client;
  if (client.inTransaction) return null;
  let stmt = totalChanges.get(client);
  if (!stmt) {
    stmt = client.prepare("SELECT total_changes()").pluck();
    totalChanges.set(client, stmt);
  }
  return `${client.pragma("data_version", { simple: true })}:${stmt.get()}`;
}
