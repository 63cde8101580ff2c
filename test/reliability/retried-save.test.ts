// A save whose answer was lost (the connection dropped after the commit) is sent again by
// the browser with the same request id: it must get the original success, not "changed by
// someone else", and must not save twice — also when both copies arrive at the same time
// in two server processes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPORT_CONFLICT_MESSAGE } from "@/lib/report-form";
import { REQUEST_ID_FIELD } from "@/lib/request-id";
import { openReportingDb, TODAY, type ReportingDb, type UnitAccount } from "./fixture";
import type { WorkerCall } from "./report-worker";
import { startReportWorkers, type CallOutcome, type ReportWorkers } from "./worker-pool";

const QUARTER = "2026Q4";
let t: ReportingDb;
let owner: UnitAccount;
let workers: ReportWorkers | undefined;

beforeAll(async () => {
  t = await openReportingDb();
  owner = t.accounts.find((a) => a.taskNos.length >= 3)!;
  workers = startReportWorkers(t.env, 2);
});
afterAll(() => {
  workers?.stop();
  t?.close();
});

/** Sends one batch of calls to each given worker at the same moment; returns their outcomes. */
const send = (...batches: WorkerCall[][]) => workers!.race(batches.map((calls) => ({ sessionId: owner.sessionId, userId: owner.userId, calls })));

/** One call through the first worker. */
async function sendOne(call: WorkerCall): Promise<CallOutcome> {
  const [states] = await send([call]);
  return states![0]!;
}

const draft = (taskNo: number, version: number, progress: string, requestId?: string): WorkerCall => ({
  intent: "save",
  fields: {
    taskNo: String(taskNo),
    quarter: QUARTER,
    version: String(version),
    progress,
    problems: "",
    nextSteps: "",
    ...(requestId ? { [REQUEST_ID_FIELD]: requestId } : {}),
  },
});

function submission(taskNo: number, version: number, requestId: string): WorkerCall {
  const fields: Record<string, string> = {
    taskNo: String(taskNo),
    quarter: QUARTER,
    version: String(version),
    progress: "第四季度按计划推进，已完成年度目标。",
    problems: "",
    nextSteps: "做好年度总结。",
    selfStatus: "done",
    milestoneDone: "done",
    milestoneDoneOn: TODAY,
    [REQUEST_ID_FIELD]: requestId,
  };
  const metrics = t.db.$client.prepare("select m.id from metrics m join tasks t on t.id = m.task_id where t.no = ?").all(taskNo) as { id: number }[];
  for (const m of metrics) fields[`metric.${m.id}`] = "1";
  return { intent: "submit", fields };
}

function stored(taskNo: number) {
  const report = t.db.$client
    .prepare(
      "select r.id, r.version, r.progress from reports r join tasks t on t.id = r.task_id join periods p on p.id = r.period_id where t.no = ? and p.code = ?",
    )
    .get(taskNo, QUARTER) as { id: number; version: number; progress: string };
  const count = (sql: string) => (t.db.$client.prepare(sql).get(String(report.id)) as { n: number }).n;
  return {
    ...report,
    saves: count("select count(*) as n from audit_log where action = 'report.save' and outcome = 'success' and entity_id = ?"),
    submits: count("select count(*) as n from audit_log where action = 'report.submit' and outcome = 'success' and entity_id = ?"),
    versions: count("select count(*) as n from report_versions where report_id = cast(? as integer)"),
  };
}

describe("retried form submissions", () => {
  it("a repeated save with its request id gets the original success and saves once; without the id it is a conflict", async () => {
    const taskNo = owner.taskNos[0]!;
    const first = await sendOne(draft(taskNo, 0, "第一次保存的内容", "retry-save-0000000001"));
    expect(first).toMatchObject({ ok: true });

    const again = await sendOne(draft(taskNo, 0, "第一次保存的内容", "retry-save-0000000001"));
    expect(again).toEqual(first);
    expect(stored(taskNo)).toMatchObject({ version: 1, progress: "第一次保存的内容", saves: 1 });

    // The same stale form as a new submission is still caught as someone else's edit.
    const fresh = await sendOne(draft(taskNo, 0, "第一次保存的内容", "retry-save-0000000002"));
    expect(fresh.message).toBe(REPORT_CONFLICT_MESSAGE);
    expect(stored(taskNo)).toMatchObject({ version: 1, saves: 1 });
  });

  it("a repeated submit with its request id gets the original redirect and creates one version", async () => {
    const taskNo = owner.taskNos[1]!;
    const first = await sendOne(submission(taskNo, 0, "retry-submit-00000001"));
    expect(first.thrown).toMatch(new RegExp(`redirect:/tasks/${taskNo}/report/${QUARTER}\\?submitted=1$`));

    const again = await sendOne(submission(taskNo, 0, "retry-submit-00000001"));
    expect(again).toEqual(first);
    expect(stored(taskNo)).toMatchObject({ submits: 1, versions: 1 });
  });

  it("two copies of one request arriving together in two processes: both answer success, one save", async () => {
    const taskNo = owner.taskNos[2]!;
    const twin = draft(taskNo, 0, "同时到达的两份", "retry-twin-000000001");
    const [[a], [b]] = (await send([twin], [twin])) as [CallOutcome[], CallOutcome[]];
    expect(a).toMatchObject({ ok: true });
    expect(b).toEqual(a);
    expect(stored(taskNo)).toMatchObject({ version: 1, saves: 1 });
  });
});
