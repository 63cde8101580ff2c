import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { backupDatabase, BackupError, DatabaseInUseError, isDatabaseInUse, restoreDatabase } from "./backup";
import { openDatabase } from "./client";
import { exportDataFile, serializeDataFile } from "./data-file";
import { migrateDatabase } from "./migrate";
import { seedAll } from "./seed/run";
import { tableChecksums } from "./testing/checksum";
import { startDbProcess, type DbProcess } from "./testing/db-process";

let dir: string;
let live: string;
const processes: DbProcess[] = [];

/** What `npm run data:export` writes, plus a hash of every table. */
function snapshot(file: string) {
  const db = openDatabase(file);
  try {
    return { exported: serializeDataFile(exportDataFile(db)), tables: tableChecksums(db.$client) };
  } finally {
    db.$client.close();
  }
}

function withSqlite<T>(file: string, fn: (db: Database.Database) => T): T {
  const db = new Database(file);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

const count = (file: string, table: string) => withSqlite(file, (db) => (db.prepare(`select count(*) as n from "${table}"`).get() as { n: number }).n);

function runScript(script: string, args: string[]) {
  return spawnSync(path.join("node_modules", ".bin", "tsx"), [script, ...args], {
    env: { ...process.env, DATABASE_PATH: live, DATA_DIR: dir },
    encoding: "utf8",
  });
}

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "miluo-backup-"));
  live = path.join(dir, "app.db");
  const db = openDatabase(live);
  migrateDatabase(db);
  await seedAll(db);
  db.$client.close();
});

afterEach(async () => {
  await Promise.all(processes.splice(0).map((p) => p.stop()));
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("online backup", () => {
  it("takes an intact, self-contained copy while another process keeps writing", async () => {
    const writer = await startDbProcess(live, "write");
    processes.push(writer);
    await new Promise((r) => setTimeout(r, 200));
    const before = count(live, "login_attempts");

    const result = await backupDatabase({ source: live, target: path.join(dir, "copy.db") });
    await new Promise((r) => setTimeout(r, 200));
    const after = count(live, "login_attempts");

    expect(withSqlite(result.file, (db) => db.pragma("integrity_check", { simple: true }))).toBe("ok");
    expect(withSqlite(result.file, (db) => db.pragma("journal_mode", { simple: true }))).toBe("delete");
    expect(fs.existsSync(`${result.file}-wal`)).toBe(false);
    expect(result.rows.login_attempts).toBeGreaterThanOrEqual(before);
    expect(result.rows.login_attempts).toBeLessThan(after);
    expect(result.rows.tasks).toBe(69);
  });

  it("refuses to overwrite an existing backup file", async () => {
    const target = path.join(dir, "copy.db");
    fs.writeFileSync(target, "keep me");
    await expect(backupDatabase({ source: live, target })).rejects.toThrow(/已存在/);
    expect(fs.readFileSync(target, "utf8")).toBe("keep me");
  });
});

describe("restore", () => {
  it("round-trips to identical data after the live database was changed", async () => {
    const original = snapshot(live);
    const { file } = await backupDatabase({ source: live, target: path.join(dir, "copy.db") });
    withSqlite(live, (db) => {
      db.prepare("update tasks set target = '被误改的目标' where no = 1").run();
      db.prepare("insert into login_attempts (ip, at) values ('10.0.0.9', 1)").run();
    });
    expect(snapshot(live).exported).not.toBe(original.exported);

    const result = await restoreDatabase({ source: file, target: live });

    expect(snapshot(live)).toEqual(original);
    expect(result.safetyCopy).not.toBeNull();
    expect(count(result.safetyCopy!, "login_attempts")).toBe(1);
  });

  it("refuses while the server holds the database open and changes nothing", async () => {
    const { file } = await backupDatabase({ source: live, target: path.join(dir, "copy.db") });
    withSqlite(live, (db) => db.prepare("update tasks set target = '服务器运行期间的修改' where no = 2").run());
    const current = snapshot(live);
    processes.push(await startDbProcess(live, "hold"));

    expect(isDatabaseInUse(live)).toBe(true);
    await expect(restoreDatabase({ source: file, target: live })).rejects.toBeInstanceOf(DatabaseInUseError);
    expect(snapshot(live)).toEqual(current);
    expect(fs.existsSync(path.join(dir, "backups"))).toBe(false);
  });

  it("with force, replaces the data under a running server in one step, keeping a safety copy", async () => {
    const original = snapshot(live);
    const { file } = await backupDatabase({ source: live, target: path.join(dir, "copy.db") });
    withSqlite(live, (db) => db.prepare("update tasks set target = '服务器运行期间的修改' where no = 2").run());
    processes.push(await startDbProcess(live, "hold"));

    const result = await restoreDatabase({ source: file, target: live, force: true });

    expect(snapshot(live)).toEqual(original);
    expect(withSqlite(live, (db) => db.pragma("journal_mode", { simple: true }))).toBe("wal");
    const saved = withSqlite(result.safetyCopy!, (db) => db.prepare("select target from tasks where no = 2").get());
    expect(saved).toEqual({ target: "服务器运行期间的修改" });
  });

  it("rejects a file that is not a backup of this system, changing nothing", async () => {
    const current = snapshot(live);
    const foreign = path.join(dir, "foreign.db");
    withSqlite(foreign, (db) => db.exec("create table t (x)"));
    const text = path.join(dir, "notes.db");
    fs.writeFileSync(text, "这不是数据库");

    await expect(restoreDatabase({ source: foreign, target: live })).rejects.toThrow(/不是本系统的数据库备份/);
    await expect(restoreDatabase({ source: text, target: live })).rejects.toBeInstanceOf(BackupError);
    expect(snapshot(live)).toEqual(current);
  });
});

describe("db:backup and db:restore commands", () => {
  it("back up while the server runs, refuse to restore over it in Chinese, and restore once it stops", async () => {
    const original = snapshot(live);
    const target = path.join(dir, "cli.db");
    const server = await startDbProcess(live, "hold");
    processes.push(server);

    const backup = runScript("scripts/db-backup.ts", [target]);
    expect(backup.status).toBe(0);
    expect(backup.stdout).toContain("完整性检查通过");

    withSqlite(live, (db) => db.prepare("update tasks set target = '恢复前的修改' where no = 3").run());
    const refused = runScript("scripts/db-restore.ts", [target]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("正在被其他进程使用");
    expect(refused.stderr).toContain("--force");

    await server.stop();
    const restored = runScript("scripts/db-restore.ts", [target]);
    expect(restored.status).toBe(0);
    expect(snapshot(live)).toEqual(original);
  });
});
