import "server-only";
import { getDb } from "../client";

/** The number of applied migrations and the hash of the latest one. */
export function getSchemaVersion(): { migrations: number; latest: string | null } {
  const row = getDb()
    .$client.prepare("select count(*) as n, (select hash from __drizzle_migrations order by created_at desc limit 1) as latest from __drizzle_migrations")
    .get() as { n: number; latest: string | null };
  return { migrations: row.n, latest: row.latest };
}
