// Removes evidence files no row points to: temp files an interrupted upload left behind,
// and complete files whose transaction never committed (a crash, a refused save). Both are
// kept for a grace period first, because an upload in progress writes its file before its
// row exists. Files referenced by any attachment row, removed or not, are never touched.
import fs from "node:fs/promises";
import path from "node:path";
import type { Db } from "./client";
import { TEMP_SUFFIX } from "./evidence-store";
import { attachments } from "./schema";
import { writeAuditOrQueue } from "./storage-health";

/** Longer than any upload takes from writing its file to committing its row. */
export const EVIDENCE_GRACE_MS = 60 * 60 * 1000;

const STORED_NAME = /^[0-9a-f]{64}$/;

export interface RemovedFile {
  /** Relative to the data folder, as attachment rows store it. */
  path: string;
  bytes: number;
  kind: "temp" | "orphan";
}

export interface EvidenceCleanup {
  removed: RemovedFile[];
  bytes: number;
  /** Unreferenced or temp files still inside the grace period. */
  young: number;
}

async function listFiles(dataDir: string): Promise<{ rel: string; name: string }[]> {
  const root = path.join(dataDir, "evidence");
  const buckets = await fs.readdir(root, { withFileTypes: true }).catch(() => []);
  const out: { rel: string; name: string }[] = [];
  for (const bucket of buckets) {
    if (!bucket.isDirectory()) continue;
    for (const entry of await fs.readdir(path.join(root, bucket.name), { withFileTypes: true })) {
      if (entry.isFile()) out.push({ rel: path.posix.join("evidence", bucket.name, entry.name), name: entry.name });
    }
  }
  return out;
}

/**
 * Deletes temp files and unreferenced stored files older than `graceMs`, reports what went
 * (in the log and, when anything did, one audit row) and returns the list.
 */
export async function cleanupOrphanEvidence({
  db,
  dataDir,
  graceMs = EVIDENCE_GRACE_MS,
  now = Date.now(),
}: {
  db: Db;
  dataDir: string;
  graceMs?: number;
  now?: number;
}): Promise<EvidenceCleanup> {
  const candidates = (await listFiles(dataDir)).filter((f) => f.name.endsWith(TEMP_SUFFIX) || STORED_NAME.test(f.name));
  // Read after listing: a file stored meanwhile is either referenced now or still young.
  const referenced = new Set(
    db
      .selectDistinct({ p: attachments.storagePath })
      .from(attachments)
      .all()
      .map((r) => r.p),
  );
  const report: EvidenceCleanup = { removed: [], bytes: 0, young: 0 };
  for (const f of candidates) {
    const kind = f.name.endsWith(TEMP_SUFFIX) ? "temp" : "orphan";
    if (kind === "orphan" && referenced.has(f.rel)) continue;
    const file = path.join(dataDir, f.rel);
    // Stat right before removing: storing the same content again refreshes the mtime.
    const stat = await fs.stat(file).catch(() => null);
    if (!stat) continue;
    if (now - stat.mtimeMs < graceMs) {
      report.young += 1;
      continue;
    }
    await fs.rm(file, { force: true });
    report.removed.push({ path: f.rel, bytes: stat.size, kind });
    report.bytes += stat.size;
  }
  if (report.removed.length > 0) {
    const temps = report.removed.filter((r) => r.kind === "temp").length;
    console.log(
      `[evidence] 已清理 ${report.removed.length} 个无记录的佐证材料文件（未完成上传的临时文件 ${temps} 个，` +
        `无对应记录的文件 ${report.removed.length - temps} 个），释放 ${(report.bytes / 1024 / 1024).toFixed(1)} MB`,
    );
    writeAuditOrQueue(db, {
      actor: null,
      action: "evidence.cleanup",
      entity: "evidence",
      outcome: "success",
      after: { removed: report.removed, bytes: report.bytes },
    });
  }
  return report;
}
