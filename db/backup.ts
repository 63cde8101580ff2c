// Online backup and restore of the SQLite database. Both go through SQLite's backup
// API (never a file copy): a copy taken while the server writes is still a consistent
// snapshot, and a restore into a database that others have open switches them over in
// one write transaction instead of leaving a torn file or a stale -wal beside it.
// Both copy every page in ONE backup step: a stepwise copy starts over whenever another
// connection writes between two steps, and on a large database under steady saves it
// never finishes. One step reads one snapshot (WAL: writers carry on meanwhile).
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { auditCheckpointPath, readAuditCheckpoint, sealCopyCheckpoint } from "./audit-checkpoint";

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

/** The restore target is open in another process (normally the running server). */
export class DatabaseInUseError extends BackupError {
  constructor(file: string) {
    super(
      `数据库正在被其他进程使用（很可能是正在运行的服务器）：${file}\n` +
        "为防止覆盖正在办理的填报，已拒绝恢复。请先停止服务器（在运行 npm start 的窗口按 Ctrl+C）后重试；\n" +
        "如确需在服务器运行时恢复，请加 --force：恢复会在一个事务内整体替换数据，正在填写的表单提交时将提示“已被他人修改”，" +
        "原数据会先另存一份。",
    );
    this.name = "DatabaseInUseError";
  }
}

function integrityOf(db: Database.Database): string {
  const rows = db.pragma("integrity_check") as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).join("; ");
}

function assertIntact(db: Database.Database, what: string): void {
  const result = integrityOf(db);
  if (result !== "ok") throw new BackupError(`${what}完整性检查未通过：${result}`);
}

/** Rows per table (migrations bookkeeping excluded), for the summary a person reads. */
export function countRows(db: Database.Database): Record<string, number> {
  const names = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as { name: string }[];
  return Object.fromEntries(
    names
      .filter(({ name }) => name !== "__drizzle_migrations")
      .map(({ name }) => [name, (db.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n]),
  );
}

/**
 * True when another connection holds the database open. In WAL mode every open connection
 * keeps a shared lock on the file, so an exclusive lock attempt without waiting fails.
 */
export function isDatabaseInUse(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  const probe = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    probe.pragma("locking_mode = EXCLUSIVE");
    probe.exec("begin exclusive; commit;");
    return false;
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith("SQLITE_BUSY")) return true;
    throw error;
  } finally {
    probe.close();
  }
}

/** sqlite3_backup_step's page count; better-sqlite3 takes it from the progress callback. */
const ALL_PAGES = 0x7fffffff;

/** Copies the whole database `from` into `file` in one backup step. */
async function copyInOneStep(from: Database.Database, file: string): Promise<void> {
  await from.backup(file, { progress: () => ALL_PAGES });
}

const stamp = (d = new Date()) => d.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);

/** Where a backup goes when no file is named: <data dir>/backups/app-YYYYMMDD-HHMMSS.db. */
export function defaultBackupPath(dataDir: string, now = new Date()): string {
  return path.join(dataDir, "backups", `app-${stamp(now)}.db`);
}

export interface BackupResult {
  file: string;
  bytes: number;
  rows: Record<string, number>;
  /** The copy's own audit checkpoint (beside it), so the backup can be verified on its own. */
  audit: { ok: boolean; message: string };
}

/**
 * Copies `source` to `target` with the online backup API while other processes keep
 * reading and writing. The copy is checked and made a single self-contained file
 * (rollback journal) before it appears under its final name.
 */
export async function backupDatabase({ source, target }: { source: string; target: string }): Promise<BackupResult> {
  if (!fs.existsSync(source)) throw new BackupError(`找不到数据库文件：${source}`);
  if (fs.existsSync(target)) throw new BackupError(`备份文件已存在，为免覆盖已拒绝：${target}`);
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });

  const db = new Database(source, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    await copyInOneStep(db, partial);
  } finally {
    db.close();
  }
  let rows: Record<string, number>;
  const copy = new Database(partial, { fileMustExist: true });
  try {
    copy.pragma("journal_mode = DELETE");
    assertIntact(copy, "备份文件");
    rows = countRows(copy);
  } catch (error) {
    copy.close();
    fs.rmSync(partial, { force: true });
    throw error;
  }
  copy.close();
  fs.renameSync(partial, target);
  const audit = sealCopyCheckpoint(target, readAuditCheckpoint(auditCheckpointPath(source)));
  return { file: target, bytes: fs.statSync(target).size, rows, audit };
}

export interface RestoreResult {
  /** Where the data that was replaced was saved first (null when there was none). */
  safetyCopy: string | null;
  rows: Record<string, number>;
  /** The restored log's checkpoint, reset to the backup's end. */
  audit: { ok: boolean; message: string };
}

/**
 * Replaces the database at `target` with the backup `source`. Refuses while another
 * process has the target open unless `force`; always saves the current data first.
 */
export async function restoreDatabase({ source, target, force = false }: { source: string; target: string; force?: boolean }): Promise<RestoreResult> {
  if (!fs.existsSync(source)) throw new BackupError(`找不到备份文件：${source}`);
  if (path.resolve(source) === path.resolve(target)) throw new BackupError("备份文件与目标数据库是同一个文件。");

  const backup = new Database(source, { fileMustExist: true, readonly: true });
  try {
    const tables = backup.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[];
    if (!tables.some((t) => t.name === "__drizzle_migrations")) {
      throw new BackupError(`不是本系统的数据库备份（缺少迁移记录表）：${source}`);
    }
    assertIntact(backup, "备份文件");
  } catch (error) {
    backup.close();
    if (error instanceof BackupError) throw error;
    throw new BackupError(`无法读取备份文件（${(error as Error).message}）：${source}`);
  }

  try {
    if (!force && isDatabaseInUse(target)) throw new DatabaseInUseError(target);
    let safetyCopy: string | null = null;
    if (fs.existsSync(target)) {
      safetyCopy = path.join(path.dirname(target), "backups", `before-restore-${stamp()}.db`);
      await backupDatabase({ source: target, target: safetyCopy });
    } else {
      fs.mkdirSync(path.dirname(target), { recursive: true });
    }
    await copyInOneStep(backup, target);

    const restored = new Database(target, { fileMustExist: true, timeout: 5000 });
    try {
      restored.pragma("journal_mode = WAL");
      assertIntact(restored, "恢复后的数据库");
      const rows = countRows(restored);
      restored.close();
      return { safetyCopy, rows, audit: sealCopyCheckpoint(target, readAuditCheckpoint(auditCheckpointPath(source))) };
    } catch (error) {
      if (restored.open) restored.close();
      throw error;
    }
  } finally {
    backup.close();
  }
}
