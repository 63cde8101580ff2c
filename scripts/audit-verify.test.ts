// `npm run audit:verify` as an operator runs it, against a real database file after the two
// forgeries the chain alone let through: the tail cut off, and an edit with every hash redone.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { legacyHashAuditRow, writeAuditNow } from "@/db/audit";
import { auditKeyPath } from "@/db/audit-key";
import { backupDatabase, restoreDatabase } from "@/db/backup";
import { openDatabase, type Db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { auditLog } from "@/db/schema";

const run = promisify(execFile);
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "audit-cli-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A database with `n` audit rows (the 3rd one denied), written the way the app writes them. */
function databaseWithRows(name: string, n: number): { file: string; db: Db } {
  const file = path.join(dir, name, "app.db");
  const db = openDatabase(file);
  migrateDatabase(db);
  for (let i = 1; i <= n; i++) {
    writeAuditNow(db, { actor: { username: "admin" }, ip: "10.0.0.1", action: `act.${i}`, entity: "user", outcome: i === 3 ? "denied" : "success" });
  }
  db.$client.exec("drop trigger audit_log_no_update; drop trigger audit_log_no_delete;");
  return { file, db };
}

async function auditVerify(file: string): Promise<{ code: number; output: string }> {
  // The key this test process wrote the rows with (kept outside the database, as in production).
  const env = { ...process.env, DATABASE_PATH: file, DATA_DIR: path.dirname(file), AUDIT_KEY_FILE: auditKeyPath() };
  try {
    const { stdout, stderr } = await run(path.resolve("node_modules/.bin/tsx"), ["scripts/audit-verify.ts"], { env });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

describe("npm run audit:verify", () => {
  it("reports an intact log as complete", async () => {
    const { file, db } = databaseWithRows("intact", 12);
    db.$client.close();
    const result = await auditVerify(file);
    expect(result).toMatchObject({ code: 0 });
    expect(result.output).toMatch(/审计日志完整：共 12 条/);
  });

  it("fails when the last 10 rows were deleted", async () => {
    const { file, db } = databaseWithRows("truncated", 12);
    db.$client.exec("delete from audit_log where id > 2");
    db.$client.close();
    const result = await auditVerify(file);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/末尾 10 条记录被删除/);
  });

  it("fails when a denied row was turned into success and every hash recomputed", async () => {
    const { file, db } = databaseWithRows("rehashed", 12);
    db.$client.exec("update audit_log set outcome = 'success' where outcome = 'denied'");
    let prev = "GENESIS";
    for (const row of db.select().from(auditLog).orderBy(auditLog.id).all()) {
      const hash = legacyHashAuditRow({ ...row, prevHash: prev });
      db.$client.prepare("update audit_log set prev_hash = ?, hash = ? where id = ?").run(prev, hash, row.id);
      prev = hash;
    }
    db.$client.close();
    const result = await auditVerify(file);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/哈希链在第 1 号记录处断开/);
  });

  it("verifies a backup on its own, and the live log after that backup is restored over newer rows", async () => {
    const { file, db } = databaseWithRows("backup", 12);
    const backup = path.join(dir, "backup", "copy.db");
    const taken = await backupDatabase({ source: file, target: backup });
    expect(taken.audit).toMatchObject({ ok: true });
    for (let i = 13; i <= 15; i++) writeAuditNow(db, { actor: { username: "admin" }, action: `act.${i}`, entity: "user", outcome: "success" });
    db.$client.close();

    expect(await auditVerify(backup)).toMatchObject({ code: 0, output: expect.stringMatching(/审计日志完整：共 12 条/) });
    expect((await auditVerify(file)).output).toMatch(/共 15 条/);
    // Restoring goes back to 12 rows on purpose: the checkpoint follows, so this is no "cut-off tail".
    const restored = await restoreDatabase({ source: backup, target: file });
    expect(restored.audit).toMatchObject({ ok: true });
    expect(await auditVerify(file)).toMatchObject({ code: 0, output: expect.stringMatching(/审计日志完整：共 12 条/) });
  });

  it("does not seal the backup of a log whose chain is broken", async () => {
    const { file, db } = databaseWithRows("broken-backup", 6);
    db.$client.exec("update audit_log set outcome = 'success' where id = 3");
    db.$client.close();
    const taken = await backupDatabase({ source: file, target: path.join(dir, "broken-backup", "copy.db") });
    expect(taken.audit).toEqual({ ok: false, message: expect.stringMatching(/第 3 号记录处断开，未生成检查点/) });
    expect((await auditVerify(taken.file)).code).toBe(1);
  });
});
