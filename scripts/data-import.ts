// npm run data:import -- <file.json>   (into an empty, migrated database)
import fs from "node:fs";
import os from "node:os";
import { writeAuditNow } from "@/db/audit";
import { openDatabase } from "@/db/client";
import { DataFileError, importDataFile, parseDataFile } from "@/db/data-file";
import { migrateDatabase } from "@/db/migrate";
import { env } from "@/lib/env";

const arg = process.argv[2];
if (!arg) {
  console.error("用法：npm run data:import -- <数据文件.json>");
  process.exit(2);
}
const source: string = arg;
const db = openDatabase(env.databasePath);
async function main() {
  migrateDatabase(db);
  const file = parseDataFile(fs.readFileSync(source, "utf8"));
  await importDataFile(db, file, { initialPassword: env.INITIAL_PASSWORD });
  writeAuditNow(db, {
    actor: { username: `cli:${os.userInfo().username}` },
    action: "data.import",
    entity: "data-file",
    outcome: "success",
    after: { file: source, tasks: file.tasks.length, users: file.users.length },
  });
  console.log(`已导入 ${file.tasks.length} 项任务、${file.livelihoodProjects.length} 个民生实事`);
}
main()
  .catch((error: unknown) => {
    console.error(error instanceof DataFileError ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => db.$client.close());
