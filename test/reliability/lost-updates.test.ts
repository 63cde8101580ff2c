// No lost updates: concurrent saves from separate OS processes (each with its own SQLite
// connection, as several server processes or a server plus a script would have) through
// the real report Server Actions.
import { and, eq, gt } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FormState } from "@/app/_lib/action";
import { verifyAuditChain } from "@/db/audit";
import { auditLog, periods, reports, tasks } from "@/db/schema";
import { REPORT_CONFLICT_MESSAGE } from "@/lib/report-form";
import { openReportingDb, type ReportingDb, type UnitAccount } from "./fixture";
import type { BatchJob, WorkerCall } from "./report-worker";
import { startReportWorkers, type ReportWorkers } from "./worker-pool";

const PROCESSES = 10;
let t: ReportingDb;
let workers: ReportWorkers | undefined;

beforeAll(async () => {
  t = await openReportingDb();
  workers = startReportWorkers(t.env, PROCESSES);
});
afterAll(() => {
  workers?.stop();
  t?.close();
});

/** Hands one job to each worker process, releases them together, and returns every form state. */
async function race(jobs: BatchJob[]): Promise<FormState[]> {
  return (await workers!.race(jobs)).flat();
}

const draft = (taskNo: number, quarter: string, version: number, progress: string): WorkerCall => ({
  intent: "save",
  fields: { taskNo: String(taskNo), quarter, version: String(version), progress, problems: "问题：<b>加粗</b>", nextSteps: "下一步" },
});

const job = (a: UnitAccount, calls: WorkerCall[]): BatchJob => ({ sessionId: a.sessionId, userId: a.userId, calls });

function reportOf(taskNo: number, quarter: string) {
  return t.db
    .select({ id: reports.id, version: reports.version, progress: reports.progress, problems: reports.problems })
    .from(reports)
    .innerJoin(tasks, eq(tasks.id, reports.taskId))
    .innerJoin(periods, eq(periods.id, reports.periodId))
    .where(and(eq(tasks.no, taskNo), eq(periods.code, quarter)))
    .get();
}

const auditSince = (id: number) => t.db.select().from(auditLog).where(gt(auditLog.id, id)).all();
const lastAuditId = () => t.db.select({ id: auditLog.id }).from(auditLog).orderBy(auditLog.id).all().at(-1)?.id ?? 0;

describe("concurrent report saves", () => {
  it("20 saves of one report from the same version: exactly one is saved, 19 get a clear conflict", async () => {
    const owner = t.accounts[0]!;
    const taskNo = owner.taskNos[0]!;
    const first = await race([job(owner, [draft(taskNo, "2026Q3", 0, "初稿")])]);
    expect(first[0]?.ok).toBe(true);
    const start = reportOf(taskNo, "2026Q3")!;
    const auditBefore = lastAuditId();

    // 10 processes × 2 calls each: contention across connections and within a process.
    const jobs = Array.from({ length: PROCESSES }, (_, p) =>
      job(
        owner,
        [0, 1].map((k) => draft(taskNo, "2026Q3", start.version, `并发保存 ${p * 2 + k}`)),
      ),
    );
    const states = await race(jobs);

    expect(states).toHaveLength(20);
    const saved = states.filter((s) => s.ok);
    const conflicts = states.filter((s) => s.message === REPORT_CONFLICT_MESSAGE);
    expect(saved).toHaveLength(1);
    expect(conflicts).toHaveLength(19);
    // Every refused writer keeps what they typed, to copy it over after reloading.
    for (const s of conflicts) expect(s.values?.progress).toMatch(/^并发保存 \d+$/);

    const end = reportOf(taskNo, "2026Q3")!;
    expect(end.version).toBe(start.version + 1);
    expect(end.progress).toMatch(/^并发保存 \d+$/);

    const rows = auditSince(auditBefore);
    expect(rows.filter((r) => r.action === "report.save" && r.outcome === "success")).toHaveLength(1);
    expect(rows.filter((r) => r.outcome !== "success")).toHaveLength(0);
    expect(JSON.parse(rows[0]!.after!)).toMatchObject({ progress: end.progress, version: end.version });
    expect(verifyAuditChain(t.db).ok).toBe(true);
  });

  it("50 concurrent saves of different reports by 10 units: all are saved, each with its audit row", async () => {
    const quarters = ["2026Q1", "2026Q2", "2026Q3", "2026Q4"];
    // Ten units with five reports each; a task led jointly by two units has one report per
    // quarter, so each task goes to one unit only.
    const taken = new Set<number>(t.accounts[0]!.taskNos);
    const planned: { owner: UnitAccount; slots: { no: number; q: string }[] }[] = [];
    for (const owner of t.accounts.slice(1)) {
      const own = owner.taskNos.filter((no) => !taken.has(no));
      const slots = own.flatMap((no) => quarters.map((q) => ({ no, q }))).slice(0, 5);
      if (slots.length < 5) continue;
      own.forEach((no) => taken.add(no));
      planned.push({ owner, slots });
      if (planned.length === 10) break;
    }
    expect(planned).toHaveLength(10);
    const auditBefore = lastAuditId();

    const states = await race(
      planned.map(({ owner, slots }) =>
        job(
          owner,
          slots.map((s) => draft(s.no, s.q, 0, `${s.no} 号任务 ${s.q} 进展`)),
        ),
      ),
    );

    expect(states).toHaveLength(50);
    expect(states.filter((s) => !s.ok)).toEqual([]);
    const rows = auditSince(auditBefore);
    expect(rows).toHaveLength(50);
    expect(rows.every((r) => r.action === "report.save" && r.outcome === "success")).toBe(true);
    for (const { slots } of planned) {
      for (const s of slots) {
        const saved = reportOf(s.no, s.q);
        expect(saved).toMatchObject({ version: 1, progress: `${s.no} 号任务 ${s.q} 进展`, problems: "问题：<b>加粗</b>" });
        expect(rows.filter((r) => r.entityId === String(saved!.id))).toHaveLength(1);
      }
    }
    expect(verifyAuditChain(t.db).ok).toBe(true);
  });
});
