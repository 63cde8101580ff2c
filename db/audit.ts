// The append-only, hash-chained audit trail. Each row's hash is an HMAC (key outside the
// database, db/audit-key.ts) over its fields and the previous row's hash, so editing,
// removing or reordering a row breaks the chain, and re-hashing after an edit needs the key.
// Removing rows from the end is caught by the checkpoint kept outside the database
// (db/audit-checkpoint.ts). `npm run audit:verify` checks both, reading only.
import crypto from "node:crypto";
import { desc } from "drizzle-orm";
import type { SessionUser } from "@/lib/permissions";
import { advanceAuditCheckpoint } from "./audit-checkpoint";
import { auditKeyForWriting, readAuditKey } from "./audit-key";
import { runAfterCommit, type Db, type Tx } from "./client";
import { auditLog, type AuditOutcome } from "./schema";

export const GENESIS = "GENESIS";

/** A signed-in user (any SessionUser fits), a bare username (sign-in attempts, scripts), or nobody. */
export type AuditActor = Pick<SessionUser, "id" | "username" | "role" | "unitId"> | { username?: string } | null;

export type AuditEntry = {
  actor: AuditActor;
  ip?: string | null;
  /** What was attempted, e.g. "report.submit", "auth.login", "users.disable". */
  action: string;
  /** The kind of record, e.g. "report", "user", "session". */
  entity: string;
  entityId?: string | number | null;
  outcome: AuditOutcome;
  before?: unknown;
  after?: unknown;
};

type AuditRow = typeof auditLog.$inferSelect;

/** JSON with object keys sorted, so equal values always give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}

/** The chain hash of a row: HMAC-SHA256 with the installation's key. */
export function hashAuditRow(row: Omit<AuditRow, "hash">, key: Buffer): string {
  return crypto.createHmac("sha256", key).update(auditRowText(row)).digest("hex");
}

/** Rows written before the chain was keyed: plain SHA-256, sealed by the checkpoint's legacy anchor. */
export function legacyHashAuditRow(row: Omit<AuditRow, "hash">): string {
  return crypto.createHash("sha256").update(auditRowText(row)).digest("hex");
}

function auditRowText(row: Omit<AuditRow, "hash">): string {
  const fields = [
    row.id,
    row.at,
    row.userId,
    row.username,
    row.role,
    row.unitId,
    row.ip,
    row.action,
    row.entity,
    row.entityId,
    row.outcome,
    row.before,
    row.after,
    row.prevHash,
  ];
  return JSON.stringify(fields);
}

function actorFields(actor: AuditActor) {
  if (actor && "role" in actor) {
    return { userId: actor.id, username: actor.username, role: actor.role, unitId: actor.unitId };
  }
  return { userId: null, username: actor?.username ?? null, role: null, unitId: null };
}

const toJson = (v: unknown) => (v === undefined ? null : canonicalJson(v));

/**
 * Appends one row inside the caller's transaction: if the change rolls back, so does
 * its audit row, and if this insert fails the change fails. Call it from an
 * `{ behavior: "immediate" }` transaction so concurrent writers extend the chain one at a time.
 */
export function writeAudit(tx: Tx, entry: AuditEntry): void {
  const last = tx.select({ id: auditLog.id, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).get();
  const row = {
    id: (last?.id ?? 0) + 1,
    at: Date.now(),
    ...actorFields(entry.actor),
    ip: entry.ip ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
    outcome: entry.outcome,
    before: toJson(entry.before),
    after: toJson(entry.after),
    prevHash: last?.hash ?? GENESIS,
  };
  tx.insert(auditLog)
    .values({ ...row, hash: hashAuditRow(row, auditKeyForWriting()) })
    .run();
  runAfterCommit(advanceAuditCheckpoint);
}

/** Writes an audit row on its own (denied attempts, login failures): nothing else changes. */
export function writeAuditNow(db: Db, entry: AuditEntry): void {
  db.transaction((tx) => writeAudit(tx, entry), { behavior: "immediate" });
}

export type ChainReport = { ok: boolean; rows: number; firstBrokenId?: number };

export type ChainWalk = ChainReport & {
  /** The hash of the last row that checked out (the chain's head when ok). */
  headHash?: string;
  /** The hash of row number `capture` (to compare with a checkpoint), when reached. */
  captured?: string;
};

/** The chain alone (no checkpoint): the first row whose link or hash does not match. Reads only. */
export function verifyAuditChain(db: Db, opts: { key?: Buffer | null; legacyRows?: number } = {}): ChainReport {
  const { ok, rows, firstBrokenId } = walkAuditChain(db, opts);
  return firstBrokenId === undefined ? { ok, rows } : { ok, rows, firstBrokenId };
}

/**
 * Walks the whole log in id order. Rows up to `legacyRows` were written before the chain was
 * keyed and use plain SHA-256. Without a key only an empty log checks out. Reads only.
 */
export function walkAuditChain(
  db: Db,
  { key = readAuditKey(), legacyRows = 0, capture }: { key?: Buffer | null; legacyRows?: number; capture?: number } = {},
): ChainWalk {
  let prevHash = GENESIS;
  let rows = 0;
  let captured: string | undefined;
  const stmt = db.$client.prepare(
    `select id, at, user_id as userId, username, role, unit_id as unitId, ip, action, entity,
            entity_id as entityId, outcome, before, after, prev_hash as prevHash, hash
       from audit_log order by id`,
  );
  for (const raw of stmt.iterate()) {
    const row = raw as AuditRow;
    rows += 1;
    const { hash, ...rest } = row;
    const expected = rows <= legacyRows ? legacyHashAuditRow(rest) : key ? hashAuditRow(rest, key) : null;
    if (row.prevHash !== prevHash || expected !== hash) {
      return { ok: false, rows, firstBrokenId: row.id, headHash: prevHash, captured };
    }
    if (rows === capture) captured = hash;
    prevHash = hash;
  }
  return { ok: true, rows, headHash: rows > 0 ? prevHash : undefined, captured };
}
