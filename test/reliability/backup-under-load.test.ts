// Online backup of a large database while reports are being saved. A stepwise backup
// (100 pages per step) starts over whenever another connection commits between two steps,
// so on a database of thousands of pages under steady saves it never finishes; the backup
// must complete anyway, be one consistent snapshot, and pass integrity_check and
// audit:verify — which itself must leave the backup byte-identical.
import { spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeAudit } from "@/db/audit";
import { backupDatabase } from "@/db/backup";
import { startDbProcess, type DbProcess } from "@/db/testing/db-process";
import { lineReader, spawnTs } from "@/test/child/spawn";
import { openReportingDb, type ReportingDb } from "./fixture";
import type { LoopJob } from "./report-worker";

/**
 * Past years' audit history: about 60 MB, some 15,000 pages of 4 KiB. At this size a stepwise
 * copy under the load below restarts thousands of times and never gets past a fifth.
 */
const HISTORY_ROWS = 24_000;
/** Far longer than one copy of this file takes; a copy that keeps restarting never gets there. */
const BACKUP_LIMIT_MS = 30_000;

let t: ReportingDb;
let writer: DbProcess | null = null;
let saver: ChildProcess | null = null;

function addHistory(t: ReportingDb) {
  const filler = "往年调度记录：".padEnd(800, "按季度推进重点工作，逐项核对任务台账。");
  t.db.transaction(
    (tx) => {
      for (let i = 0; i < HISTORY_ROWS; i++) {
        writeAudit(tx, {
          actor: { username: "history" },
          action: "report.save",
          entity: "report",
          entityId: `h${i}`,
          outcome: "success",
          after: { filler, i },
        });
      }
    },
    { behavior: "immediate" },
  );
}

const sha256 = (file: string) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)))]).finally(() =>
    clearTimeout(timer),
  );
}

beforeAll(async () => {
  t = await openReportingDb();
  addHistory(t);
  t.db.$client.pragma("wal_checkpoint(TRUNCATE)");
});
afterAll(async () => {
  saver?.kill("SIGKILL");
  await writer?.stop();
  t?.close();
});

describe("online backup under load", () => {
  it("copies a large database while reports are saved: complete, consistent, intact, and audit:verify leaves it unchanged", async () => {
    expect(fs.statSync(t.file).size).toBeGreaterThan(50 * 1024 * 1024);

    // Real report saves through the Server Action, each with its audit row…
    const owner = t.accounts.find((a) => a.taskNos.length >= 2)!;
    const slots = owner.taskNos.slice(0, 2).map((taskNo) => ({ taskNo, quarter: "2026Q4", version: 0 }));
    const job: LoopJob = { mode: "loop", sessionId: owner.sessionId, userId: owner.userId, slots, tag: "backup" };
    saver = spawnTs("test/reliability/report-worker.ts", { env: { ...t.env, WORKER_JOB: JSON.stringify(job) } });
    const lines = lineReader(saver);
    expect(await lines.next()).toBe("ready");
    const acks: { taskNo: number; version: number }[] = [];
    const collecting = (async () => {
      for (;;) {
        const m = /^ack (\d+) \S+ (\d+) /.exec(await lines.next());
        if (m) acks.push({ taskNo: Number(m[1]), version: Number(m[2]) });
      }
    })().catch(() => undefined);
    // …and a second process committing a row every millisecond, as a busy server does.
    writer = await startDbProcess(t.file, "write");
    while (acks.length < 3) await new Promise((r) => setTimeout(r, 20));

    const ackedBefore = acks.length;
    const target = path.join(t.dir, "backup.db");
    const result = await withTimeout(backupDatabase({ source: t.file, target }), BACKUP_LIMIT_MS, `备份未在 ${BACKUP_LIMIT_MS / 1000} 秒内完成`);
    // The load went on through the backup.
    while (acks.length <= ackedBefore + 1) await new Promise((r) => setTimeout(r, 20));
    saver.kill("SIGKILL");
    await writer.stop();
    await collecting;

    const copy = new Database(result.file, { readonly: true });
    try {
      expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(copy.pragma("journal_mode", { simple: true })).toBe("delete");
      // Every save acknowledged before the backup began is in it.
      const version = copy.prepare(
        "select r.version from reports r join tasks t on t.id = r.task_id join periods p on p.id = r.period_id where t.no = ? and p.code = '2026Q4'",
      );
      for (const ack of acks.slice(0, ackedBefore)) {
        expect((version.get(ack.taskNo) as { version: number }).version).toBeGreaterThanOrEqual(ack.version);
      }
      // One snapshot: each report's row and the audit rows of its saves agree exactly.
      const audited = copy.prepare(
        "select max(cast(json_extract(after, '$.version') as integer)) as v, count(*) as n from audit_log where action = 'report.save' and username = ? and entity_id = ?",
      );
      const username = (copy.prepare("select username from users where id = ?").get(owner.userId) as { username: string }).username;
      for (const { taskNo } of slots) {
        const current = version.get(taskNo) as { version: number } | undefined;
        const reportId = (
          copy
            .prepare("select r.id from reports r join tasks t on t.id = r.task_id join periods p on p.id = r.period_id where t.no = ? and p.code = '2026Q4'")
            .get(taskNo) as { id: number } | undefined
        )?.id;
        const row = audited.get(username, String(reportId)) as { v: number | null; n: number };
        expect(row).toEqual({ v: current?.version ?? null, n: current?.version ?? 0 });
      }
    } finally {
      copy.close();
    }

    const before = sha256(result.file);
    const verify = spawnSync(path.join("node_modules", ".bin", "tsx"), ["scripts/audit-verify.ts"], {
      env: { ...process.env, ...t.env, DATABASE_PATH: result.file },
      encoding: "utf8",
    });
    expect(verify.stderr).toBe("");
    expect(verify.status).toBe(0);
    expect(verify.stdout).toContain("哈希链无断点");
    expect(sha256(result.file)).toBe(before);
    expect(fs.existsSync(`${result.file}-wal`) || fs.existsSync(`${result.file}-shm`)).toBe(false);
  });
});
