// `npm run audit:verify`: checks the audit log's keyed hash chain and compares it with the
// checkpoint kept outside the database, reporting a broken link, re-hashed rows or rows cut
// off the end. Opens the database read-only: checking a backup must not change the file it
// checks. Exits 1 when anything is wrong.
import fs from "node:fs";
import { verifyAuditLog } from "@/db/audit-checkpoint";
import { openDatabaseReadOnly } from "@/db/client";
import { env } from "@/lib/env";

if (!fs.existsSync(env.databasePath)) {
  console.error(`找不到数据库文件：${env.databasePath}`);
  process.exit(1);
}
const db = openDatabaseReadOnly(env.databasePath);
try {
  const report = verifyAuditLog(db);
  for (const line of report.messages) (report.ok ? console.log : console.error)(line);
  if (!report.ok) process.exitCode = 1;
} finally {
  db.$client.close();
}
