// Several report-worker processes (test/reliability/report-worker.ts) serving batches of
// real Server Action calls, released together so their transactions really race.
import { expect } from "vitest";
import type { FormState } from "@/app/_lib/action";
import { lineReader, spawnTs } from "@/test/child/spawn";
import type { BatchJob } from "./report-worker";

/** A form state, or the error the call threw (a redirect after success shows as "redirect:<url>"). */
export type CallOutcome = FormState & { thrown?: string };

export interface ReportWorkers {
  /** Hands job i to worker i, releases them together, and returns each worker's outcomes. */
  race: (jobs: BatchJob[]) => Promise<CallOutcome[][]>;
  stop: () => void;
}

export function startReportWorkers(env: Record<string, string>, count: number): ReportWorkers {
  const workers = Array.from({ length: count }, () => {
    const child = spawnTs("test/reliability/report-worker.ts", { env });
    return { child, ...lineReader(child) };
  });
  return {
    race: async (jobs) => {
      const used = jobs.map((job, i) => {
        const w = workers[i]!;
        w.child.stdin!.write(`${JSON.stringify(job)}\n`);
        return w;
      });
      for (const w of used) expect(await w.next()).toBe("ready");
      for (const w of used) w.child.stdin!.write("go\n");
      return Promise.all(used.map(async (w) => JSON.parse(await w.next()) as CallOutcome[]));
    },
    stop: () => {
      for (const w of workers) {
        w.child.stdin!.end();
        w.child.kill();
      }
    },
  };
}
