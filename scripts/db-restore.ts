// npm run db:restore -- <备份文件.db> [--force]
// Refuses while the server has the database open, unless --force; the current data is
// always saved to <data dir>/backups/before-restore-*.db first.
import { BackupError, restoreDatabase } from "@/db/backup";
import { env } from "@/lib/env";

async function main() {
  const args = process.argv.slice(2);
  const force = args.includes("--force");
  const unknown = args.filter((a) => a.startsWith("--") && a !== "--force");
  const source = args.find((a) => !a.startsWith("--"));
  if (!source || unknown.length > 0) {
    console.error("用法：npm run db:restore -- <备份文件.db> [--force]\n  --force  服务器运行时也执行恢复（默认拒绝）");
    process.exit(2);
  }
  const result = await restoreDatabase({ source, target: env.databasePath, force });
  if (result.safetyCopy) console.log(`原数据已另存：${result.safetyCopy}`);
  const r = result.rows;
  console.log(`已从 ${source} 恢复到 ${env.databasePath}（完整性检查通过）：工作任务 ${r.tasks ?? 0} 项、季度填报 ${r.reports ?? 0} 份。`);
  (result.audit.ok ? console.log : console.error)(result.audit.message);
}

main().catch((error: unknown) => {
  console.error(error instanceof BackupError ? error.message : error);
  process.exit(1);
});
