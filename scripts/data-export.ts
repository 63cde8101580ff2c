// npm run data:export -- <file.json>
import fs from "node:fs";
import os from "node:os";
import { writeAuditNow } from "@/db/audit";
import { openDatabase } from "@/db/client";
import { DataFileError, exportDataFile, serializeDataFile } from "@/db/data-file";
import { env } from "@/lib/env";

const target = process.argv[2];
if (!target) {
  console.error("用法：npm run data:export -- <输出文件.json>");
  process.exit(2);
}
const db = openDatabase(env.databasePath);
try {
  const file = exportDataFile(db);
  fs.writeFileSync(target, serializeDataFile(file));
  // Exports are audited like the web exports; the actor is the operating-system account.
  writeAuditNow(db, {
    actor: { username: `cli:${os.userInfo().username}` },
    action: "data.export",
    entity: "data-file",
    outcome: "success",
    after: { file: target, tasks: file.tasks.length, users: file.users.length },
  });
  console.log(`已导出 ${file.tasks.length} 项任务、${file.livelihoodProjects.length} 个民生实事到 ${target}`);
} catch (error) {
  console.error(error instanceof DataFileError ? error.message : error);
  process.exitCode = 1;
} finally {
  db.$client.close();
}
