// Applies the committed migrations in drizzle/ (never `push`), then brings the stored
// quarter judgements in line with this build's status rules.
import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { env } from "@/lib/env";
import { openDatabase, type Db } from "./client";
import { ensureStatusRules } from "./status/store";

export function migrateDatabase(db: Db): void {
  migrate(db, { migrationsFolder: path.join(__dirname, "..", "drizzle") });
}

if (require.main === module) {
  const db = openDatabase(env.databasePath);
  migrateDatabase(db);
  const rebuilt = ensureStatusRules(db);
  db.$client.close();
  console.log(`数据库已迁移：${env.databasePath}${rebuilt ? "（已按当前规则重算季度状态）" : ""}`);
}
