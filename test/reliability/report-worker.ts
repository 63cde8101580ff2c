// A unit user's browser, as a separate OS process: calls the real report Server Actions
// (saveReport / submitReportAction) with a forged-but-valid session.
//   WORKER_MODE=batch: print "ready", wait for "go" on stdin, fire every call at once,
//     print the form states as one JSON line.
//   WORKER_MODE=loop: save drafts round-robin for ever, printing "ack …" only after the
//     action answered "saved" (i.e. after the commit), until killed.
import { saveReport, submitReportAction } from "@/app/tasks/[no]/report/[quarter]/actions";
import { sessionCookie, setRequest } from "@/test/next-request";

export type WorkerCall = { intent: "save" | "submit"; fields: Record<string, string> };
export type BatchJob = { mode: "batch"; sessionId: string; userId: number; calls: WorkerCall[] };
export type LoopJob = { mode: "loop"; sessionId: string; userId: number; slots: { taskNo: number; quarter: string; version: number }[]; tag: string };

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
};

function waitForGo(): Promise<void> {
  return new Promise((resolve) => {
    process.stdin.setEncoding("utf8").on("data", (chunk: string) => {
      if (chunk.includes("go")) resolve();
    });
  });
}

async function batch(job: BatchJob) {
  process.stdout.write("ready\n");
  await waitForGo();
  const states = await Promise.all(
    job.calls.map((c) => (c.intent === "submit" ? submitReportAction : saveReport)(undefined, form(c.fields)).catch((e: unknown) => ({ thrown: String(e) }))),
  );
  process.stdout.write(`${JSON.stringify(states)}\n`);
  process.stdin.pause();
}

async function loop(job: LoopJob) {
  process.stdout.write("ready\n");
  for (let i = 0; ; i++) {
    const slot = job.slots[i % job.slots.length]!;
    const text = `${job.tag}-${i}：第${i}次保存`;
    const state = await saveReport(undefined, form({ taskNo: String(slot.taskNo), quarter: slot.quarter, version: String(slot.version), progress: text, problems: "", nextSteps: "" }));
    if (!state.ok) {
      process.stderr.write(`unexpected: ${JSON.stringify(state)}\n`);
      process.exit(3);
    }
    slot.version += 1;
    process.stdout.write(`ack ${slot.taskNo} ${slot.quarter} ${slot.version} ${text}\n`);
  }
}

async function main() {
  const job = JSON.parse(process.env.WORKER_JOB ?? "{}") as BatchJob | LoopJob;
  setRequest({ cookies: await sessionCookie({ sessionId: job.sessionId, userId: job.userId }), ip: "10.3.3.3" });
  if (job.mode === "batch") await batch(job);
  else await loop(job);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(2);
});
