// Evidence files on disk, content-addressed: `<dataDir>/evidence/<first 2 hex>/<sha256>`.
// Written BEFORE the database transaction (async I/O cannot run inside it); writing the
// same content twice is a no-op, and a file whose row never commits is harmless.
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

export async function storeEvidence(dataDir: string, bytes: Uint8Array): Promise<StoredEvidence> {
  const sha256 = crypto.createHash("sha256").update(bytes).digest("hex");
  const storagePath = evidencePath(sha256);
  const file = path.join(dataDir, storagePath);
  try {
    await fs.access(file);
    return { sha256, storagePath };
  } catch {
    // not stored yet
  }
  await fs.mkdir(path.dirname(file), { recursive: true });
  // Write to a unique temp name, then rename: readers never see a half-written file.
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`;
  await fs.writeFile(tmp, bytes, { flag: "wx" });
  await fs.rename(tmp, file);
  return { sha256, storagePath };
}

/** Resolves a stored relative path inside the data folder; refuses anything that escapes it. */
export function resolveEvidence(dataDir: string, storagePath: string): string {
  const root = path.resolve(dataDir, "evidence");
  const file = path.resolve(dataDir, storagePath);
  if (!file.startsWith(`${root}${path.sep}`)) throw new Error("附件路径无效");
  return file;
}
