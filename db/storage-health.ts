// What the server does when its disk is full or failing. SQLite reports SQLITE_FULL or
// SQLITE_IOERR_* (file writes ENOSPC / EIO): this module names those faults, keeps a
// running count of failed writes in the server log (which a full data disk does not stop,
// unlike the database), holds the audit rows that could not be written and writes them
// once a write works again, and probes whether a write reaches the disk (/api/health and
// the administrator's banner). The ledger lives on globalThis: Next may load this module
// once per route bundle, and all of them share one process and one disk.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { writeAudit, writeAuditNow, type AuditEntry } from "./audit";
import type { Db } from "./client";
import { storageProbe } from "./schema";

export type StorageFault = "full" | "io";

const FULL = new Set(["SQLITE_FULL", "ENOSPC", "EDQUOT"]);
const IO = new Set(["EIO", "EROFS"]);

/** "full" / "io" for an error the storage raised, null for anything else. */
export function storageFault(error: unknown): StorageFault | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== "string") return null;
  if (FULL.has(code)) return "full";
  if (IO.has(code) || code.startsWith("SQLITE_IOERR") || code.startsWith("SQLITE_READONLY")) return "io";
  return null;
}

/** Failed user actions kept for the audit log; beyond this only their number is kept. */
const MAX_QUEUED = 5_000;

type QueuedAudit = AuditEntry & { failedAt: number };

export interface ProbeResult {
  writable: boolean;
  fault: StorageFault | null;
  /** Free bytes on the data folder's file system (null when it cannot be read). */
  freeBytes: number | null;
  checkedAt: number;
}

interface Ledger {
  /** Storage failures since the process started: the number the log lines carry. */
  total: number;
  /** The fault now going on, from its first failure until a write works again. */
  episode: { since: number; lastAt: number; failures: number; bookkeeping: number; fault: StorageFault } | null;
  queued: QueuedAudit[];
  dropped: number;
  lastProbe: ProbeResult | null;
}

const holder = globalThis as unknown as { __storageLedger?: Ledger };
const ledger = (): Ledger => (holder.__storageLedger ??= { total: 0, episode: null, queued: [], dropped: 0, lastProbe: null });

/**
 * Counts and logs one failed write. `audit` is the row the failure should have left (a
 * refused or failed action); it is written when space returns. Errors that are not storage
 * faults are only logged.
 */
export function noteWriteFailure({
  what,
  error,
  audit,
  bookkeeping = false,
}: {
  what: string;
  error: unknown;
  audit?: AuditEntry;
  bookkeeping?: boolean;
}): void {
  const fault = storageFault(error);
  const detail = (error as { code?: string; message?: string } | null) ?? {};
  if (!fault) {
    console.error(`[write] ${what} failed`, error);
    return;
  }
  const l = ledger();
  const now = Date.now();
  l.total += 1;
  l.episode ??= { since: now, lastAt: now, failures: 0, bookkeeping: 0, fault };
  l.episode.lastAt = now;
  l.episode.fault = fault;
  if (bookkeeping) l.episode.bookkeeping += 1;
  else l.episode.failures += 1;
  if (audit) {
    if (l.queued.length < MAX_QUEUED) l.queued.push({ ...audit, failedAt: now });
    else l.dropped += 1;
  }
  console.error(`[storage] 写入失败，累计第 ${l.total} 次（${what}，${detail.code}：${detail.message ?? ""}）`);
}

/** Runs a write the request does not depend on (session touch, reminders); a failure is counted, never thrown. */
export function bestEffort<T>(what: string, write: () => T, fallback: T): T {
  try {
    return write();
  } catch (error) {
    noteWriteFailure({ what, error, bookkeeping: true });
    return fallback;
  }
}

/** Writes an audit row on its own; if the disk refuses it, the row waits for space instead of failing the request. */
export function writeAuditOrQueue(db: Db, entry: AuditEntry): void {
  try {
    writeAuditNow(db, entry);
  } catch (error) {
    if (!storageFault(error)) throw error;
    noteWriteFailure({ what: `audit ${entry.action}`, error, audit: entry });
  }
}

/**
 * Writes the audit rows held during a storage fault, and one row summing the fault up, in
 * one transaction; clears the ledger only if that commits. Returns the rows written.
 */
export function flushStorageFailures(db: Db): number {
  const l = ledger();
  if (!l.episode && l.queued.length === 0) return 0;
  const queued = l.queued.slice();
  const episode = l.episode;
  const dropped = l.dropped;
  db.transaction(
    (tx) => {
      for (const { failedAt, ...entry } of queued) {
        writeAudit(tx, { ...entry, after: { ...(isObject(entry.after) ? entry.after : {}), failedAt, reason: "storage" } });
      }
      writeAudit(tx, {
        actor: null,
        action: "storage.fault",
        entity: "storage",
        outcome: "failure",
        after: { ...episode, until: Date.now(), actionsAudited: queued.length, actionsNotKept: dropped },
      });
    },
    { behavior: "immediate" },
  );
  l.queued.splice(0, queued.length);
  l.dropped -= dropped;
  l.episode = null;
  console.error(`[storage] 存储已恢复：已补记 ${queued.length + 1} 条审计记录`);
  return queued.length + 1;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

const PROBE_BYTES = crypto.randomBytes(4096);

function freeBytes(dir: string): number | null {
  try {
    const s = fs.statfsSync(dir);
    return s.bavail * s.bsize;
  } catch {
    return null;
  }
}

/**
 * Proves that a write reaches the disk: commits one small database row and writes, syncs and
 * removes a 4 KiB file in the data folder (where evidence goes). When both work, the audit
 * rows held during a fault are written.
 */
export function probeStorage(db: Db, dataDir: string): ProbeResult {
  let fault: StorageFault | null = null;
  const now = Date.now();
  try {
    db.insert(storageProbe)
      .values({ id: 1, checkedAt: now })
      .onConflictDoUpdate({ target: storageProbe.id, set: { checkedAt: now } })
      .run();
    const file = path.join(dataDir, `.storage-probe-${process.pid}`);
    try {
      const fd = fs.openSync(file, "w");
      try {
        fs.writeSync(fd, PROBE_BYTES);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
    } finally {
      fs.rmSync(file, { force: true });
    }
    flushStorageFailures(db);
  } catch (error) {
    fault = storageFault(error);
    if (!fault) throw error;
  }
  const result = { writable: fault === null, fault, freeBytes: freeBytes(dataDir), checkedAt: now };
  ledger().lastProbe = result;
  return result;
}

export interface StorageStatus {
  /** False while failures are waiting for a working write, or the last probe failed. */
  healthy: boolean;
  fault: StorageFault | null;
  since: number | null;
  failures: number;
  lastProbe: ProbeResult | null;
}

export function storageStatus(): StorageStatus {
  const { episode, lastProbe } = ledger();
  const probeFailed = lastProbe !== null && !lastProbe.writable;
  return {
    healthy: !episode && !probeFailed,
    fault: episode?.fault ?? lastProbe?.fault ?? null,
    since: episode?.since ?? null,
    failures: (episode?.failures ?? 0) + (episode?.bookkeeping ?? 0),
    lastProbe,
  };
}
