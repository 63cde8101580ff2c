// Applies the committed migrations in drizzle/ (never `push`), then brings the stored
// quarter judgements in line with this build's status rules.
import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { env } from "@/lib/env";
import { openDatabase, type Db } from "./client";
import { ensureStatusRules } from "./status/store";

export function migrateDatabase(db: Db): void {
  // A migration that rebuilds a table other rows point at (reports ← report_versions) drops the
  // old table first; the checks are off while the migrations run (they run in one transaction,
  // where the pragma cannot change) and every reference is checked once they are done.
  db.$client.pragma("foreign_keys = OFF");
  try {
    migrate(db, { migrationsFolder: path.join(__dirname, "..", "drizzle") });
    const broken = db.$client.pragma("foreign_key_check") as unknown[];
    if (broken.length) throw new Error(`迁移后有 ${broken.length} 条记录引用了不存在的数据`);
  } finally {
    db.$client.pragma("foreign_keys = ON");
  }
}

if (require.main === module) {
  const db = openDatabase(env.databasePath);
  migrateDatabase(db);
  const rebuilt = ensureStatusRules(db);
  db.$client.close();
  console.log(`数据库已迁移：${env.databasePath}${rebuilt ? "（已按当前规则重算季度状态）" : ""}`);
}
