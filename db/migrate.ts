// Applies the committed migrations in drizzle/ (never `push`).
import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { env } from "@/lib/env";
import { openDatabase, type Db } from "./client";

export function migrateDatabase(db: Db): void {
  migrate(db, { migrationsFolder: path.join(__dirname, "..", "drizzle") });
}

if (require.main === module) {
  const db = openDatabase(env.databasePath);
  migrateDatabase(db);
  db.$client.close();
  console.log(`数据库已迁移：${env.databasePath}`);
}
