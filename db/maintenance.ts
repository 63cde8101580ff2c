// Housekeeping the running server does by itself (started from instrumentation.ts): at
// start-up and every few hours it forgets evidence uploads no save attached, removes orphan evidence files and forgets old request
// ids; every few minutes (every minute while a storage fault is on) it checks that a write
// reaches the disk, which is also when the failures held during a fault get audited; every
// quarter of an hour it adds the units' "due soon" and "overdue" reminders.
import { appToday } from "@/lib/env";
import type { Db } from "./client";
import { cleanupOrphanEvidence } from "./evidence-cleanup";
import { deleteExpiredStagedUploads, STAGED_UPLOAD_MS } from "./queries/attachments";
import { pruneCommittedRequests } from "./queries/committed-requests";
import { syncAllDueNotifications } from "./queries/notifications";
import { bestEffort, probeStorage, storageStatus } from "./storage-health";

const HOUR = 60 * 60 * 1000;
const CLEANUP_EVERY_MS = 6 * HOUR;
const REQUEST_IDS_KEPT_MS = 24 * HOUR;
const PROBE_EVERY_MS = 5 * 60 * 1000;
const PROBE_WHILE_FAULTY_MS = 60 * 1000;
/** "Due soon" / "overdue" reminders: often enough that a day's change shows within the hour. */
const REMINDERS_EVERY_MS = 15 * 60 * 1000;

async function reminders(): Promise<void> {
  try {
    await syncAllDueNotifications({ today: appToday() });
  } catch (error) {
    console.error("[notify] 到期提醒生成失败", error);
  }
}

async function housekeeping(db: Db, dataDir: string): Promise<void> {
  // Uploads no save attached within a day are forgotten first, so their files go with the orphans.
  bestEffort("expire staged uploads", () => db.transaction((tx) => deleteExpiredStagedUploads(tx, { before: Date.now() - STAGED_UPLOAD_MS })), 0);
  try {
    await cleanupOrphanEvidence({ db, dataDir });
  } catch (error) {
    console.error("[evidence] 清理佐证材料文件失败", error);
  }
  bestEffort("prune request ids", () => pruneCommittedRequests(db, { before: Date.now() - REQUEST_IDS_KEPT_MS }), 0);
}

function probe(db: Db, dataDir: string): void {
  try {
    probeStorage(db, dataDir);
  } catch (error) {
    console.error("[storage] 写入检查出错", error);
  }
}

const started = globalThis as unknown as { __maintenance?: boolean };

export function startMaintenance({ db, dataDir }: { db: Db; dataDir: string }): void {
  if (started.__maintenance) return;
  started.__maintenance = true;
  void housekeeping(db, dataDir);
  setInterval(() => void housekeeping(db, dataDir), CLEANUP_EVERY_MS).unref();
  void reminders();
  setInterval(() => void reminders(), REMINDERS_EVERY_MS).unref();
  let lastProbe = 0;
  setInterval(() => {
    const due = storageStatus().healthy ? PROBE_EVERY_MS : PROBE_WHILE_FAULTY_MS;
    if (Date.now() - lastProbe < due) return;
    lastProbe = Date.now();
    probe(db, dataDir);
  }, PROBE_WHILE_FAULTY_MS).unref();
}
