// npm run db:backup -- [备份文件.db]
// Safe while the server is running: SQLite's online backup API takes a consistent snapshot.
import { backupDatabase, BackupError, defaultBackupPath } from "@/db/backup";
import { env } from "@/lib/env";

async function main() {
  const target = process.argv[2] ?? defaultBackupPath(env.dataDir);
  const result = await backupDatabase({ source: env.databasePath, target });
  const r = result.rows;
  console.log(`已备份 ${env.databasePath} → ${result.file}（${(result.bytes / 1024).toFixed(0)} KB，完整性检查通过）`);
  console.log(`其中：工作任务 ${r.tasks ?? 0} 项、季度填报 ${r.reports ?? 0} 份、审计记录 ${r.audit_log ?? 0} 条。`);
  (result.audit.ok ? console.log : console.error)(result.audit.message);
  // The database only records evidence files; a restore without them leaves every attachment undownloadable.
  console.log(
    `注意：佐证材料文件不在数据库内，本备份不含这些文件（本备份登记了 ${r.attachments ?? 0} 个附件）。` +
      `请把 ${env.dataDir}/evidence/ 整个目录与本备份一起复制保存。`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof BackupError ? error.message : error);
  process.exit(1);
});
