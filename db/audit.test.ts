import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { canonicalJson, verifyAuditChain, writeAudit, writeAuditNow } from "./audit";
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

function writeThree() {
  for (const action of ["auth.login", "report.save", "auth.logout"]) {
    writeAuditNow(db, { actor: { username: "zjj" }, ip: "10.0.0.1", action, entity: "session", outcome: "success", after: { b: 1, a: [2] } });
  }
}

describe("audit chain", () => {
  it("links the first row to GENESIS and each later row to its predecessor's hash", () => {
    writeThree();
    const rows = db.select().from(auditLog).orderBy(auditLog.id).all();
    expect(rows.map((r) => r.prevHash)).toEqual(["GENESIS", rows[0]!.hash, rows[1]!.hash]);
    expect(rows[0]!.after).toBe('{"a":[2],"b":1}');
    expect(verifyAuditChain(db)).toEqual({ ok: true, rows: 3 });
  });

  it("refuses UPDATE and DELETE on audit rows", () => {
    writeThree();
    expect(() => db.$client.exec("update audit_log set action = 'x' where id = 2")).toThrow(/append-only/);
    expect(() => db.$client.exec("delete from audit_log where id = 2")).toThrow(/append-only/);
  });

  it("reports the first broken link when a row is edited behind the triggers' back", () => {
    writeThree();
    db.$client.exec("drop trigger audit_log_no_update");
    db.$client.exec("update audit_log set outcome = 'denied' where id = 2");
    expect(verifyAuditChain(db)).toEqual({ ok: false, rows: 2, firstBrokenId: 2 });
  });

  it("reports the row after a deleted one as broken", () => {
    writeThree();
    db.$client.exec("drop trigger audit_log_no_delete");
    db.$client.exec("delete from audit_log where id = 2");
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, firstBrokenId: 3 });
  });

  it("writes nothing when the surrounding transaction rolls back", () => {
    expect(() =>
      db.transaction((tx) => {
        writeAudit(tx, { actor: null, action: "x", entity: "y", outcome: "failure" });
        throw new Error("change failed");
      }),
    ).toThrow("change failed");
    expect(db.select().from(auditLog).all()).toHaveLength(0);
  });

  it("serialises objects with sorted keys at every depth", () => {
    expect(canonicalJson({ b: { d: 1, c: 2 }, a: null })).toBe('{"a":null,"b":{"c":2,"d":1}}');
  });
});
