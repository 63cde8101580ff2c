// Online backup while reports are being saved: `npm run db:backup` runs in its own process
// during a save load (a stepwise copy never finished on the ×100 file under such load). The
// copy is then checked with `npm run audit:verify`, which must leave it byte-identical.
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { DURATION_SECONDS, measure } from "./load";
import type { SaveLoad } from "./report-load";
import { bin, root, type BenchServer } from "./server";

/** A backup still running after this long is stopped and counted as not completed. */
const GIVE_UP_SECONDS = 180;

export interface BackupResult {
  /** Wall time of the whole command (start-up, copy, integrity check), seconds. */
  seconds: number;
  megabytes: number;
  completed: boolean;
  /** The save load was still running when the backup finished. */
  finishedUnderLoad: boolean;
  savesPerSecond: number;
  saveErrors: number;
  auditVerified: boolean;
  unchangedByVerify: boolean;
}

function runTimed(args: string[], env: Record<string, string>): Promise<{ code: number | null; seconds: number }> {
  const started = performance.now();
  const child = spawn(bin("tsx"), args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"] });
  const timer = setTimeout(() => child.kill("SIGKILL"), GIVE_UP_SECONDS * 1000);
  return new Promise((resolve) =>
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, seconds: (performance.now() - started) / 1000 });
    }),
  );
}

const sha256 = (file: string) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");

export async function backupUnderLoad({ server, load, databasePath }: { server: BenchServer; load: SaveLoad; databasePath: string }): Promise<BackupResult> {
  const target = path.join(path.dirname(databasePath), "backup-under-load.db");
  let backup: ReturnType<typeof runTimed> | undefined;
  const saves = await measure({
    url: server.url,
    requests: [load.request],
    serverPid: server.pid,
    afterWarmup: async () => {
      await load.resync();
      backup = runTimed(["scripts/db-backup.ts", target], { DATABASE_PATH: databasePath });
    },
  });
  const done = await backup!;
  const completed = done.code === 0 && fs.existsSync(target);
  let auditVerified = false;
  let unchangedByVerify = false;
  if (completed) {
    const before = sha256(target);
    const verify = spawnSync(bin("tsx"), ["scripts/audit-verify.ts"], { cwd: root, env: { ...process.env, DATABASE_PATH: target }, stdio: "ignore" });
    auditVerified = verify.status === 0;
    unchangedByVerify = sha256(target) === before && !fs.existsSync(`${target}-wal`);
  }
  return {
    seconds: done.seconds,
    megabytes: completed ? fs.statSync(target).size / 2 ** 20 : Number.NaN,
    completed,
    finishedUnderLoad: done.seconds <= DURATION_SECONDS,
    savesPerSecond: saves.reqPerSec,
    saveErrors: saves.errors + load.failures(),
    auditVerified,
    unchangedByVerify,
  };
}
