import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { verifyAuditChain } from "./audit";
import { cleanupOrphanEvidence, EVIDENCE_GRACE_MS } from "./evidence-cleanup";
import { evidencePath, storeEvidence } from "./evidence-store";
import { attachments, auditLog, users } from "./schema";
import { openTempDatabase, type TempDb } from "./testing/temp-db";

let t: TempDb;
let userId: number;
const HOUR = 60 * 60 * 1000;

beforeEach(() => {
  t = openTempDatabase();
  userId = t.db.insert(users).values({ username: "admin", displayName: "管理员", role: "admin", passwordHash: "x" }).returning().get().id;
});
afterEach(() => t.close());

const bytes = (label: string) => new TextEncoder().encode(`%PDF-1.4 ${label} ${"x".repeat(2000)}`);
const abs = (rel: string) => path.join(t.dir, rel);
/** Makes a file look `ms` old, as if written before a crash that long ago. */
const age = (rel: string, ms: number) => {
  const then = new Date(Date.now() - ms);
  fs.utimesSync(abs(rel), then, then);
};

async function stored(label: string, row: "none" | "live" | "removed") {
  const file = await storeEvidence(t.dir, bytes(label));
  if (row !== "none") {
    t.db
      .insert(attachments)
      .values({ filename: `${label}.pdf`, mime: "application/pdf", size: 10, ...file, uploadedById: userId, removedAt: row === "removed" ? Date.now() : null })
      .run();
  }
  return file.storagePath;
}

/** What an upload killed mid-write leaves: `<sha>.<pid>.<random>.tmp` beside the final name. */
function partialUpload(label: string): string {
  const sha = crypto.createHash("sha256").update(label).digest("hex");
  const rel = `${evidencePath(sha)}.4242.deadbeef.tmp`;
  fs.mkdirSync(path.dirname(abs(rel)), { recursive: true });
  fs.writeFileSync(abs(rel), "half a file");
  return rel;
}

describe("storeEvidence", () => {
  it("leaves only the complete file under its content hash, no temp file", async () => {
    const rel = await stored("完整", "none");
    expect(fs.readFileSync(abs(rel))).toEqual(Buffer.from(bytes("完整")));
    expect(fs.readdirSync(path.dirname(abs(rel)))).toEqual([path.basename(rel)]);
  });
});

describe("cleanupOrphanEvidence", () => {
  it("removes old temp files and unreferenced files, keeps every referenced file and anything young, and reports it", async () => {
    const live = await stored("在用", "live");
    const removedFromReport = await stored("已移除但旧版本仍引用", "removed");
    const orphan = await stored("孤儿", "none");
    const youngOrphan = await stored("刚上传", "none");
    const oldTemp = partialUpload("中断的上传");
    const youngTemp = partialUpload("正在上传");
    for (const rel of [live, removedFromReport, orphan, oldTemp]) age(rel, 2 * HOUR);
    const log = vi.spyOn(console, "log").mockImplementation(() => {});

    const report = await cleanupOrphanEvidence({ db: t.db, dataDir: t.dir, graceMs: EVIDENCE_GRACE_MS });
    const logged = log.mock.calls.map(([line]) => String(line));
    log.mockRestore();

    expect(report.removed.map((r) => [r.path, r.kind]).sort()).toEqual(
      [
        [oldTemp, "temp"],
        [orphan, "orphan"],
      ].sort(),
    );
    expect(report.bytes).toBe(bytes("孤儿").byteLength + "half a file".length);
    expect(report.young).toBe(2);
    for (const rel of [orphan, oldTemp]) expect(fs.existsSync(abs(rel))).toBe(false);
    for (const rel of [live, removedFromReport, youngOrphan, youngTemp]) expect(fs.existsSync(abs(rel))).toBe(true);
    expect(logged.some((line) => line.includes("已清理 2 个无记录的佐证材料文件"))).toBe(true);
    const audit = t.db.select().from(auditLog).all();
    expect(audit.map((r) => [r.action, r.outcome])).toEqual([["evidence.cleanup", "success"]]);
    expect(JSON.parse(audit[0]!.after!).removed).toHaveLength(2);
    expect(verifyAuditChain(t.db).ok).toBe(true);

    // Nothing left to remove: no second audit row.
    expect((await cleanupOrphanEvidence({ db: t.db, dataDir: t.dir })).removed).toEqual([]);
    expect(t.db.select().from(auditLog).all()).toHaveLength(1);
  });

  it("keeps an old orphan that is being uploaded again: storing the same content refreshes it", async () => {
    const orphan = await stored("再次上传", "none");
    age(orphan, 2 * HOUR);
    // The new upload finds the file already there; its row has not committed yet.
    expect((await storeEvidence(t.dir, bytes("再次上传"))).storagePath).toBe(orphan);
    const report = await cleanupOrphanEvidence({ db: t.db, dataDir: t.dir });
    expect(report.removed).toEqual([]);
    expect(fs.existsSync(abs(orphan))).toBe(true);
  });

  it("does nothing when there is no evidence folder yet", async () => {
    expect(await cleanupOrphanEvidence({ db: t.db, dataDir: t.dir })).toEqual({ removed: [], bytes: 0, young: 0 });
  });
});
