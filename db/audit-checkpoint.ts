// The audit checkpoint: the row count and head hash of the log, kept in a file outside the
// database (AUDIT_CHECKPOINT_FILE) and advanced after every commit that appended audit rows.
// The chain alone cannot show that rows were cut off the end, nor that someone re-hashed it
// from scratch; a checkpoint that says "N rows, head H" (signed with the audit key) can. The
// admin's audit page shows it for a paper record, so a rolled-back checkpoint file shows too.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { legacyHashAuditRow, walkAuditChain, GENESIS } from "./audit";
import { auditKeyForWriting, readAuditKey } from "./audit-key";
import { openDatabaseReadOnly, type Db } from "./client";

export type AuditCheckpoint = {
  /** Rows in the log (ids run 1..rows) and the hash of row `rows`. */
  rows: number;
  head: string;
  at: number;
  /** When this checkpoint file was started, and how many rows the log had then. */
  createdAt: number;
  createdRows: number;
  /** Rows written before the chain was keyed (plain SHA-256), sealed by their last hash. */
  legacy?: { rows: number; head: string };
  mac: string;
};

/** The checkpoint file of a database: AUDIT_CHECKPOINT_FILE for the app's own, else beside the file. */
export function auditCheckpointPath(dbFile: string): string {
  if (env.AUDIT_CHECKPOINT_FILE && path.resolve(dbFile) === env.databasePath) return path.resolve(env.AUDIT_CHECKPOINT_FILE);
  return `${dbFile}-audit-checkpoint.json`;
}

const macOf = (c: Omit<AuditCheckpoint, "mac">, key: Buffer) =>
  crypto
    .createHmac("sha256", key)
    .update(JSON.stringify(["audit-checkpoint", c.rows, c.head, c.at, c.createdAt, c.createdRows, c.legacy ?? null]))
    .digest("hex");

/** The checkpoint as stored, or null when there is none. Reads only. */
export function readAuditCheckpoint(file: string): AuditCheckpoint | null {
  if (!fs.existsSync(file)) return null;
  return JSON.parse(fs.readFileSync(file, "utf8")) as AuditCheckpoint;
}

function writeCheckpoint(file: string, c: Omit<AuditCheckpoint, "mac">, key: Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(tmp, `${JSON.stringify({ ...c, mac: macOf(c, key) }, null, 2)}\n`, { mode: 0o640 });
  fs.renameSync(tmp, file);
}

/** The last row that still checks out with plain SHA-256 (a log from before the key existed). */
function legacyAnchor(db: Db, key: Buffer): AuditCheckpoint["legacy"] {
  const keyed = walkAuditChain(db, { key, capture: 1 });
  if (keyed.captured) return undefined;
  let prev = GENESIS;
  let rows = 0;
  const stmt = db.$client.prepare(
    `select id, at, user_id as userId, username, role, unit_id as unitId, ip, action, entity,
            entity_id as entityId, outcome, before, after, prev_hash as prevHash, hash from audit_log order by id`,
  );
  for (const raw of stmt.iterate()) {
    const { hash, ...rest } = raw as { hash: string } & Parameters<typeof legacyHashAuditRow>[0];
    if (rest.prevHash !== prev || legacyHashAuditRow(rest) !== hash) break;
    rows += 1;
    prev = hash;
  }
  return rows > 0 ? { rows, head: prev } : undefined;
}

/**
 * Runs after a commit that appended audit rows (db/client.ts runAfterCommit): moves the
 * checkpoint to the log's current end. It never moves backwards, so two processes racing
 * can only leave it a little behind, which verification tolerates. Never throws: the rows
 * are committed already, and a failure here is logged and caught up by the next write.
 */
export function advanceAuditCheckpoint(db: Db): void {
  try {
    const last = db.$client.prepare("select id, hash from audit_log order by id desc limit 1").get() as { id: number; hash: string } | undefined;
    if (!last) return;
    const key = auditKeyForWriting();
    const file = auditCheckpointPath(db.$client.name);
    const current = readAuditCheckpoint(file);
    if (current && current.rows >= last.id) return;
    const now = Date.now();
    const started = current ?? { createdAt: now, createdRows: last.id, legacy: legacyAnchor(db, key) };
    writeCheckpoint(
      file,
      {
        rows: last.id,
        head: last.hash,
        at: now,
        createdAt: started.createdAt,
        createdRows: started.createdRows,
        ...(started.legacy ? { legacy: started.legacy } : {}),
      },
      key,
    );
  } catch (error) {
    console.error("[audit] checkpoint not advanced", error);
  }
}

export type AuditVerification = {
  ok: boolean;
  rows: number;
  /** Chinese, one line each: what is wrong, or what was checked. */
  messages: string[];
  checkpoint: AuditCheckpoint | null;
};

/** The chain and the checkpoint together, as `npm run audit:verify` reports them. Reads only. */
export function verifyAuditLog(db: Db): AuditVerification {
  const key = readAuditKey();
  const file = auditCheckpointPath(db.$client.name);
  const checkpoint = readAuditCheckpoint(file);
  const count = (db.$client.prepare("select count(*) as n from audit_log").get() as { n: number }).n;
  const fail = (messages: string[]): AuditVerification => ({ ok: false, rows: count, messages, checkpoint });

  if (!key)
    return count === 0 ? { ok: true, rows: 0, messages: ["审计日志为空。"], checkpoint } : fail(["审计密钥文件缺失，无法校验哈希链：请从密钥备份恢复该文件。"]);
  if (!checkpoint)
    return count === 0 ? { ok: true, rows: 0, messages: ["审计日志为空。"], checkpoint } : fail([`审计检查点文件缺失（${file}）：无法排除日志尾部被删除。`]);
  const { mac, ...fields } = checkpoint;
  if (macOf(fields, key) !== mac) return fail(["审计检查点文件的签名不符：检查点被改动，或不是用本系统的审计密钥生成的。"]);

  const walk = walkAuditChain(db, { key, legacyRows: checkpoint.legacy?.rows ?? 0, capture: checkpoint.rows });
  if (!walk.ok) {
    return fail([`审计日志哈希链在第 ${walk.firstBrokenId} 号记录处断开（已检查 ${walk.rows} 条）：该记录或其前一条被篡改、删除、插入或重新计算过哈希。`]);
  }
  if (walk.rows < checkpoint.rows) {
    return fail([`审计日志只剩 ${walk.rows} 条，而检查点记录有 ${checkpoint.rows} 条：末尾 ${checkpoint.rows - walk.rows} 条记录被删除。`]);
  }
  if (walk.captured !== checkpoint.head) {
    return fail([`第 ${checkpoint.rows} 号记录的哈希与检查点不符：日志被整体重写过。`]);
  }
  return {
    ok: true,
    rows: walk.rows,
    messages: [
      `审计日志完整：共 ${walk.rows} 条，哈希链无断点，与检查点（第 ${checkpoint.rows} 条，链头 ${checkpoint.head.slice(0, 16)}…）一致。`,
      ...(walk.rows > checkpoint.rows ? [`检查点之后另有 ${walk.rows - checkpoint.rows} 条新记录（检查点稍有滞后，属正常）。`] : []),
    ],
    checkpoint,
  };
}

/** For the admin's audit page (a paper record): the app database's checkpoint, or null. */
export function getAuditCheckpoint(): AuditCheckpoint | null {
  return readAuditCheckpoint(auditCheckpointPath(env.databasePath));
}

/**
 * Gives a copy of the log (a backup, or the data just restored) a checkpoint at the copy's own
 * end, after checking the copy's chain against the checkpoint of the file it came from. A
 * backup without one could not be verified later, and a restore that kept the live checkpoint
 * would report every row written after the backup as cut off. A broken chain is never sealed.
 */
export function sealCopyCheckpoint(copyFile: string, from: AuditCheckpoint | null): { ok: boolean; message: string } {
  const key = readAuditKey();
  const db = openDatabaseReadOnly(copyFile);
  try {
    const walk = walkAuditChain(db, { key, legacyRows: from?.legacy?.rows ?? 0, capture: from?.rows });
    if (walk.rows === 0) return { ok: true, message: "审计日志为空，无需检查点。" };
    if (!key) return { ok: false, message: "审计密钥文件缺失，未能为副本生成审计检查点。" };
    if (!walk.ok)
      return { ok: false, message: `副本的审计日志哈希链在第 ${walk.firstBrokenId} 号记录处断开，未生成检查点；请运行 npm run audit:verify 核查。` };
    if (from && walk.rows >= from.rows && walk.captured !== from.head) {
      return { ok: false, message: `副本第 ${from.rows} 号记录的哈希与原检查点不符，未生成检查点；请运行 npm run audit:verify 核查。` };
    }
    const now = Date.now();
    const file = auditCheckpointPath(copyFile);
    writeCheckpoint(
      file,
      {
        rows: walk.rows,
        head: walk.headHash!,
        at: now,
        createdAt: from?.createdAt ?? now,
        createdRows: from?.createdRows ?? walk.rows,
        ...(from?.legacy ? { legacy: from.legacy } : {}),
      },
      key,
    );
    return { ok: true, message: `审计检查点已写入 ${file}（共 ${walk.rows} 条，哈希链无断点）。` };
  } finally {
    db.$client.close();
  }
}
