// Evidence files on disk, content-addressed: `<dataDir>/evidence/<first 2 hex>/<sha256>`.
// Written BEFORE the database transaction (async I/O cannot run inside it) and made durable
// first: write a temp file → fsync → rename → fsync the folder, and only then may the row
// pointing at it commit. Writing the same content twice is a no-op; a file whose row never
// commits is an orphan that db/evidence-cleanup.ts removes after a grace period.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

export interface StoredEvidence {
  sha256: string;
  /** Relative to the data folder, so the folder can be moved. */
  storagePath: string;
}

export function evidencePath(sha256: string): string {
  return path.posix.join("evidence", sha256.slice(0, 2), sha256);
}

/** Temp files are `<sha256>.<pid>.<random>.tmp` beside their final name. */
export const TEMP_SUFFIX = ".tmp";

async function fsyncPath(file: string, flags: string): Promise<void> {
  const handle = await fs.open(file, flags);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Stores the bytes durably and returns where; call before the transaction that records them. */
export async function storeEvidence(dataDir: string, bytes: Uint8Array): Promise<StoredEvidence> {
  const sha256 = crypto.createHash("sha256").update(bytes).digest("hex");
  const storagePath = evidencePath(sha256);
  const file = path.join(dataDir, storagePath);
  const existing = await fs.stat(file).catch(() => null);
  if (existing?.size === bytes.byteLength) {
    // Already stored (perhaps as an orphan): a fresh mtime keeps the cleanup's grace period
    // from removing it before this upload's row commits.
    const now = new Date();
    await fs.utimes(file, now, now);
    return { sha256, storagePath };
  }
  await fs.mkdir(path.dirname(file), { recursive: true });
  // A unique temp name, then rename: readers never see a half-written file.
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString("hex")}${TEMP_SUFFIX}`;
  const handle = await fs.open(tmp, "wx");
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await fs.rm(tmp, { force: true });
    throw error;
  }
  await handle.close();
  await fs.rename(tmp, file);
  // The rename itself must survive a power cut before the row that points to it commits.
  await fsyncPath(path.dirname(file), "r");
  return { sha256, storagePath };
}

/** Resolves a stored relative path inside the data folder; refuses anything that escapes it. */
export function resolveEvidence(dataDir: string, storagePath: string): string {
  const root = path.resolve(dataDir, "evidence");
  const file = path.resolve(dataDir, storagePath);
  if (!file.startsWith(`${root}${path.sep}`)) throw new Error("附件路径无效");
  return file;
}
