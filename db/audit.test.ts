import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { canonicalJson, legacyHashAuditRow, verifyAuditChain, writeAudit, writeAuditNow } from "./audit";
import { auditCheckpointPath, readAuditCheckpoint, verifyAuditLog } from "./audit-checkpoint";
import { openDatabase, type Db } from "./client";
import { migrateDatabase } from "./migrate";
import { auditLog } from "./schema";

let db: Db;
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "audit-test-"));
  db = openDatabase(path.join(dir, "a.db"));
  migrateDatabase(db);
});
afterEach(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(n: number, outcome: "success" | "denied" = "success") {
  for (let i = 0; i < n; i++) {
    writeAuditNow(db, { actor: { username: "zjj" }, ip: "10.0.0.1", action: `act.${i}`, entity: "session", outcome, after: { b: 1, a: [2] } });
  }
}
const writeThree = () => write(3);
const dropTriggers = () => db.$client.exec("drop trigger audit_log_no_update; drop trigger audit_log_no_delete;");

/** What a forger without the key does after an edit: recompute every hash with the published formula. */
function rehashWithoutKey() {
  const rows = db.select().from(auditLog).orderBy(auditLog.id).all();
  let prev = "GENESIS";
  for (const row of rows) {
    const hash = legacyHashAuditRow({ ...row, prevHash: prev });
    db.$client.prepare("update audit_log set prev_hash = ?, hash = ? where id = ?").run(prev, hash, row.id);
    prev = hash;
  }
}

describe("audit chain", () => {
  it("links the first row to GENESIS and each later row to its predecessor's hash", () => {
    writeThree();
    const rows = db.select().from(auditLog).orderBy(auditLog.id).all();
    expect(rows.map((r) => r.prevHash)).toEqual(["GENESIS", rows[0]!.hash, rows[1]!.hash]);
    expect(rows[0]!.after).toBe('{"a":[2],"b":1}');
    expect(verifyAuditChain(db)).toEqual({ ok: true, rows: 3 });
    expect(verifyAuditLog(db)).toMatchObject({ ok: true, rows: 3 });
  });

  it("refuses UPDATE and DELETE on audit rows", () => {
    writeThree();
    expect(() => db.$client.exec("update audit_log set action = 'x' where id = 2")).toThrow(/append-only/);
    expect(() => db.$client.exec("delete from audit_log where id = 2")).toThrow(/append-only/);
  });

  it("reports the first broken link when a row is edited behind the triggers' back", () => {
    writeThree();
    dropTriggers();
    db.$client.exec("update audit_log set outcome = 'denied' where id = 2");
    expect(verifyAuditChain(db)).toEqual({ ok: false, rows: 2, firstBrokenId: 2 });
  });

  it("reports the row after a deleted one as broken", () => {
    writeThree();
    dropTriggers();
    db.$client.exec("delete from audit_log where id = 2");
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, firstBrokenId: 3 });
  });

  it("writes nothing, and does not move the checkpoint, when the surrounding transaction rolls back", () => {
    writeThree();
    const before = readAuditCheckpoint(auditCheckpointPath(db.$client.name));
    expect(() =>
      db.transaction((tx) => {
        writeAudit(tx, { actor: null, action: "x", entity: "y", outcome: "failure" });
        throw new Error("change failed");
      }),
    ).toThrow("change failed");
    expect(db.select().from(auditLog).all()).toHaveLength(3);
    expect(readAuditCheckpoint(auditCheckpointPath(db.$client.name))).toEqual(before);
    expect(verifyAuditLog(db).ok).toBe(true);
  });

  it("serialises objects with sorted keys at every depth", () => {
    expect(canonicalJson({ b: { d: 1, c: 2 }, a: null })).toBe('{"a":null,"b":{"c":2,"d":1}}');
  });
});

describe("audit checkpoint (outside the database)", () => {
  it("advances with every committed write: row count and head hash", () => {
    write(4);
    const last = db.select().from(auditLog).orderBy(auditLog.id).all().at(-1)!;
    expect(readAuditCheckpoint(auditCheckpointPath(db.$client.name))).toMatchObject({ rows: 4, head: last.hash });
  });

  it("catches the last 10 rows being deleted, which the chain alone cannot show", () => {
    write(25);
    dropTriggers();
    db.$client.exec("delete from audit_log where id > 15");
    expect(verifyAuditChain(db).ok).toBe(true);
    const report = verifyAuditLog(db);
    expect(report.ok).toBe(false);
    expect(report.messages.join("")).toMatch(/末尾 10 条记录被删除/);
  });

  it("catches a denied row turned into success with every hash recomputed", () => {
    write(3);
    write(1, "denied");
    write(3);
    dropTriggers();
    db.$client.exec("update audit_log set outcome = 'success' where outcome = 'denied'");
    rehashWithoutKey();
    const report = verifyAuditLog(db);
    expect(report.ok).toBe(false);
    expect(report.messages.join("")).toMatch(/第 1 号记录处断开/);
  });

  it("catches a checkpoint file rewritten to match a truncated log", () => {
    write(5);
    const file = auditCheckpointPath(db.$client.name);
    const cp = readAuditCheckpoint(file)!;
    dropTriggers();
    db.$client.exec("delete from audit_log where id > 3");
    const head = (db.$client.prepare("select hash from audit_log where id = 3").get() as { hash: string }).hash;
    fs.writeFileSync(file, JSON.stringify({ ...cp, rows: 3, head }));
    expect(verifyAuditLog(db)).toMatchObject({ ok: false, messages: [expect.stringMatching(/签名不符/)] });
  });

  it("reports a missing checkpoint file instead of passing", () => {
    write(2);
    fs.rmSync(auditCheckpointPath(db.$client.name));
    expect(verifyAuditLog(db)).toMatchObject({ ok: false, messages: [expect.stringMatching(/检查点文件缺失/)] });
  });

  it("verification writes nothing: the database and the checkpoint are byte-identical afterwards", () => {
    write(3);
    const file = auditCheckpointPath(db.$client.name);
    const before = [fs.readFileSync(file), db.$client.prepare("select count(*) n from audit_log").get()];
    verifyAuditLog(db);
    expect([fs.readFileSync(file), db.$client.prepare("select count(*) n from audit_log").get()]).toEqual(before);
  });

  it("seals rows from before the chain was keyed, and keys every row after them", () => {
    // A log written by the previous version: plain SHA-256, no checkpoint yet.
    let prev = "GENESIS";
    for (let id = 1; id <= 3; id++) {
      const row = {
        id,
        at: id,
        userId: null,
        username: "old",
        role: null,
        unitId: null,
        ip: null,
        action: "old",
        entity: "x",
        entityId: null,
        outcome: "success" as const,
        before: null,
        after: null,
        prevHash: prev,
      };
      const hash = legacyHashAuditRow(row);
      db.insert(auditLog)
        .values({ ...row, hash })
        .run();
      prev = hash;
    }
    write(2);
    expect(readAuditCheckpoint(auditCheckpointPath(db.$client.name))).toMatchObject({ rows: 5, legacy: { rows: 3, head: prev } });
    expect(verifyAuditLog(db).ok).toBe(true);
  });
});
