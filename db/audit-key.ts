// The audit chain's HMAC key: 32 random bytes in a file outside the database (AUDIT_KEY_FILE,
// default beside the data), created on first use like the session secret. Without it nobody
// can recompute the chain after editing a row, even with the database file in hand.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

export function auditKeyPath(): string {
  return path.resolve(env.AUDIT_KEY_FILE ?? path.join(env.dataDir, "audit-hmac.key"));
}

const cache = new Map<string, Buffer>();

/** The key, or null when the file does not exist (verification never creates one). */
export function readAuditKey(file = auditKeyPath()): Buffer | null {
  const cached = cache.get(file);
  if (cached) return cached;
  if (!fs.existsSync(file)) return null;
  const key = Buffer.from(fs.readFileSync(file, "utf8").trim(), "hex");
  if (key.length < 32) throw new Error(`审计密钥文件 ${file} 内容无效（应为 64 位十六进制）`);
  cache.set(file, key);
  return key;
}

/** The key for writing: created (mode 0600) when this installation has none yet. */
export function auditKeyForWriting(file = auditKeyPath()): Buffer {
  const existing = readAuditKey(file);
  if (existing) return existing;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, `${crypto.randomBytes(32).toString("hex")}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return readAuditKey(file)!;
}
