// `npm run audit:verify`: walks the audit log's hash chain and reports the first broken
// link (a row edited, removed or inserted out of band). Exits 1 when the chain is broken.
// Opens the database read-only: checking a backup must not change the file it checks.
import fs from "node:fs";
import { verifyAuditChain } from "@/db/audit";
import { openDatabaseReadOnly } from "@/db/client";
import { env } from "@/lib/env";

if (!fs.existsSync(env.databasePath)) {
  console.error(`找不到数据库文件：${env.databasePath}`);
  process.exit(1);
}
const db = openDatabaseReadOnly(env.databasePath);
try {
  const report = verifyAuditChain(db);
  if (report.ok) {
    console.log(`审计日志完整：共 ${report.rows} 条，哈希链无断点。`);
  } else {
    console.error(`审计日志哈希链在第 ${report.firstBrokenId} 号记录处断开（已检查 ${report.rows} 条）：该记录或其前一条被篡改、删除或插入。`);
    process.exitCode = 1;
  }
} finally {
  db.$client.close();
}
