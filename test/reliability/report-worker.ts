// A unit user's browser, as a separate OS process: calls the real report Server Actions
// (saveReport / submitReportAction) with a forged-but-valid session.
//   no WORKER_JOB: serve batches of calls sent on stdin (see serve()).
//   WORKER_JOB={"mode":"loop",…}: save drafts round-robin for ever, printing "ack …" only
//     after the action answered "saved" (i.e. after the commit), until killed.
import readline from "node:readline";
import { saveReport, submitReportAction } from "@/app/tasks/[no]/report/[quarter]/actions";
import { sessionCookie, setRequest } from "@/test/next-request";

export type WorkerCall = { intent: "save" | "submit"; fields: Record<string, string> };
export type BatchJob = { sessionId: string; userId: number; calls: WorkerCall[] };
export type LoopJob = { mode: "loop"; sessionId: string; userId: number; slots: { taskNo: number; quarter: string; version: number }[]; tag: string };

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
};

/**
 * Line protocol on stdin: a JSON BatchJob line prepares a batch (answered "ready"), a "go"
 * line fires it (answered by one JSON line of form states). The process serves batches
 * until stdin closes, so a test pays its start-up once.
 */
async function serve() {
  let pending: BatchJob | null = null;
  const lines = readline.createInterface({ input: process.stdin });
  for await (const line of lines) {
    if (line.startsWith("{")) {
      pending = JSON.parse(line) as BatchJob;
      setRequest({ cookies: await sessionCookie({ sessionId: pending.sessionId, userId: pending.userId }), ip: "10.3.3.3" });
      process.stdout.write("ready\n");
    } else if (line === "go" && pending) {
      const calls = pending.calls;
      pending = null;
      const states = await Promise.all(
        calls.map((c) => (c.intent === "submit" ? submitReportAction : saveReport)(undefined, form(c.fields)).catch((e: unknown) => ({ thrown: String(e) }))),
      );
      process.stdout.write(`${JSON.stringify(states)}\n`);
    }
  }
}

async function loop(job: LoopJob) {
  process.stdout.write("ready\n");
  for (let i = 0; ; i++) {
    const slot = job.slots[i % job.slots.length]!;
    const text = `${job.tag}-${i}：第${i}次保存`;
    const state = await saveReport(
      undefined,
      form({ taskNo: String(slot.taskNo), quarter: slot.quarter, version: String(slot.version), progress: text, problems: "", nextSteps: "" }),
    );
    if (!state.ok) {
      process.stderr.write(`unexpected: ${JSON.stringify(state)}\n`);
      process.exit(3);
    }
    slot.version += 1;
    process.stdout.write(`ack ${slot.taskNo} ${slot.quarter} ${slot.version} ${text}\n`);
  }
}

async function main() {
  if (!process.env.WORKER_JOB) return serve();
  const job = JSON.parse(process.env.WORKER_JOB) as LoopJob;
  setRequest({ cookies: await sessionCookie({ sessionId: job.sessionId, userId: job.userId }), ip: "10.3.3.3" });
  await loop(job);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(2);
});
