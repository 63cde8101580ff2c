// Crash safety: a process saves reports through the real Server Action in a loop and
// is killed with SIGKILL at a random moment, again and again (CRASH_ROUNDS, default 20).
// After every kill the database is opened afresh, as a restarted server would: it must
// pass integrity_check, keep an unbroken audit chain, and hold every write the process had
// acknowledged (an "ack" is printed only after the action answered "saved").
import type { ChildProcess } from "node:child_process";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/db/audit";
import { openDatabase } from "@/db/client";
import { lineReader, spawnTs } from "@/test/child/spawn";
import { openReportingDb, type ReportingDb } from "./fixture";
import type { LoopJob } from "./report-worker";

const ROUNDS = Math.max(1, Number(process.env.CRASH_ROUNDS ?? 20));
const QUARTERS = ["2026Q1", "2026Q2", "2026Q3", "2026Q4"];

type Ack = { taskNo: number; quarter: string; version: number; text: string };

let t: ReportingDb;

beforeAll(async () => {
  t = await openReportingDb();
  // Only the worker and the fresh connections below may hold the file, as after a restart.
  t.db.$client.close();
});
afterAll(() => t?.close());

function currentVersions(file: string, slots: { taskNo: number; quarter: string }[]) {
  const db = new Database(file, { readonly: true });
  try {
    const stmt = db.prepare(
      "select r.version from reports r join tasks t on t.id = r.task_id join periods p on p.id = r.period_id where t.no = ? and p.code = ?",
    );
    return slots.map((s) => ({ ...s, version: (stmt.get(s.taskNo, s.quarter) as { version: number } | undefined)?.version ?? 0 }));
  } finally {
    db.close();
  }
}

/**
 * Runs the worker until SIGKILL: `delayMs` after the `afterAcks`-th acknowledgement (0: after
 * start-up), so the kill lands inside a later save whatever the machine's speed.
 */
async function crashRound(job: LoopJob, { afterAcks, delayMs }: { afterAcks: number; delayMs: number }): Promise<Ack[]> {
  const child: ChildProcess = spawnTs("test/reliability/report-worker.ts", { env: { ...t.env, WORKER_JOB: JSON.stringify(job) } });
  const acks: Ack[] = [];
  const lines = lineReader(child);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  expect(await lines.next()).toBe("ready");
  let killer: NodeJS.Timeout | undefined;
  const armKiller = () => (killer = setTimeout(() => child.kill("SIGKILL"), delayMs));
  if (afterAcks === 0) armKiller();
  try {
    for (;;) {
      const line = await lines.next();
      const m = /^ack (\d+) (\S+) (\d+) (.+)$/.exec(line);
      if (!m) continue;
      acks.push({ taskNo: Number(m[1]), quarter: m[2]!, version: Number(m[3]), text: m[4]! });
      if (acks.length === afterAcks) armKiller();
    }
  } catch {
    // the child is gone
  } finally {
    clearTimeout(killer);
  }
  await exited;
  expect(child.signalCode).toBe("SIGKILL");
  return acks;
}

/** What a restarted server finds: checked through a brand-new connection. */
function checkAfterRestart(file: string, acks: Ack[]) {
  const db = openDatabase(file);
  try {
    expect(db.$client.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(db.$client.pragma("foreign_key_check")).toEqual([]);
    expect(verifyAuditChain(db).ok).toBe(true);

    const report = db.$client.prepare(
      "select r.version, r.progress from reports r join tasks t on t.id = r.task_id join periods p on p.id = r.period_id where t.no = ? and p.code = ?",
    );
    const auditRow = db.$client.prepare(
      "select count(*) as n from audit_log where action = 'report.save' and outcome = 'success' and json_extract(after, '$.version') = ? and json_extract(after, '$.progress') = ?",
    );
    const latest = new Map<string, Ack>();
    for (const ack of acks) {
      const key = `${ack.taskNo}/${ack.quarter}`;
      if ((latest.get(key)?.version ?? 0) < ack.version) latest.set(key, ack);
      expect((auditRow.get(ack.version, ack.text) as { n: number }).n, `audit row of ${key} v${ack.version}`).toBe(1);
    }
    for (const ack of latest.values()) {
      const row = report.get(ack.taskNo, ack.quarter) as { version: number; progress: string } | undefined;
      expect(row, `report ${ack.taskNo}/${ack.quarter}`).toBeDefined();
      // A save may have committed after its ack was printed but before the kill: never older.
      expect(row!.version).toBeGreaterThanOrEqual(ack.version);
      if (row!.version === ack.version) expect(row!.progress).toBe(ack.text);
    }
  } finally {
    db.$client.close();
  }
}

describe("crash safety", () => {
  it(
    `keeps every acknowledged report and an intact database across ${ROUNDS} SIGKILLs`,
    async () => {
      const owner = t.accounts.find((a) => a.taskNos.length >= 2)!;
      const slots = owner.taskNos.slice(0, 2).flatMap((taskNo) => QUARTERS.map((quarter) => ({ taskNo, quarter })));
      const all: Ack[] = [];
      let roundsWithAcks = 0;
      for (let round = 0; round < ROUNDS; round++) {
        const job: LoopJob = { mode: "loop", sessionId: owner.sessionId, userId: owner.userId, slots: currentVersions(t.file, slots), tag: `r${round}` };
        // Mostly mid-stream after a few saves; sometimes right after start-up, before or
        // during the first transaction.
        const early = Math.random() < 0.2;
        const acks = await crashRound(job, {
          afterAcks: early ? 0 : 1 + Math.floor(Math.random() * 5),
          delayMs: Math.floor(Math.random() * (early ? 40 : 25)),
        });
        if (acks.length > 0) roundsWithAcks += 1;
        all.push(...acks);
        checkAfterRestart(t.file, all);
      }
      // The kills must have landed while writes were going on, not only before the first.
      expect(roundsWithAcks).toBeGreaterThanOrEqual(Math.ceil(ROUNDS / 2));
    },
    ROUNDS * 30_000,
  );
});
