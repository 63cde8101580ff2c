// npm run data:import -- <file.json>   (into an empty, migrated database)
import fs from "node:fs";
import { openDatabase } from "@/db/client";
import { DataFileError, importDataFile, parseDataFile } from "@/db/data-file";
import { migrateDatabase } from "@/db/migrate";
import { env } from "@/lib/env";

const source = process.argv[2];
if (!source) {
  console.error("用法：npm run data:import -- <数据文件.json>");
  process.exit(2);
}
const db = openDatabase(env.databasePath);
try {
  migrateDatabase(db);
  const file = parseDataFile(fs.readFileSync(source, "utf8"));
  importDataFile(db, file);
  console.log(`已导入 ${file.tasks.length} 项任务、${file.livelihoodProjects.length} 个民生实事`);
} catch (error) {
  console.error(error instanceof DataFileError ? error.message : error);
  process.exitCode = 1;
} finally {
  db.$client.close();
}
