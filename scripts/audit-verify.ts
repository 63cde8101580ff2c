// `npm run audit:verify`: walks the audit log's hash chain and reports the first broken
// link (a row edited, removed or inserted out of band). Exits 1 when the chain is broken.
import { verifyAuditChain } from "@/db/audit";
import { openDatabase } from "@/db/client";
import { env } from "@/lib/env";

const db = openDatabase(env.databasePath);
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
