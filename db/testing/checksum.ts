// For tests: one hash per table over every row, so "the database is unchanged" and
// "the restore is identical" are checked on all data, not on a few chosen columns.
import crypto from "node:crypto";
import type Database from "better-sqlite3";

/** `upTo` restricts a table to the rows up to a rowid (the rows that existed at some earlier point). */
export function tableChecksums(sqlite: Database.Database, { exclude = [] as string[], upTo = {} as Record<string, number> } = {}): Record<string, string> {
  const names = sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as { name: string }[];
  const out: Record<string, string> = {};
  for (const { name } of names) {
    if (exclude.includes(name)) continue;
    const hash = crypto.createHash("sha256");
    for (const row of sqlite
      .prepare(`select * from "${name}"${name in upTo ? ` where rowid <= ${Number(upTo[name])}` : ""} order by rowid`)
      .raw()
      .iterate()) {
      hash.update(JSON.stringify(row, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))).update("\n");
    }
    out[name] = hash.digest("hex");
  }
  return out;
}
