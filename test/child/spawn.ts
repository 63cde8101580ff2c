// Starts a TypeScript file in its own Node process with the app's module setup: the
// react-server condition (so "server-only" modules load), tsx, and Next's request APIs
// replaced by test/next-request.ts. Real OS processes give real concurrency and real crashes.
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import path from "node:path";

const root = path.resolve(__dirname, "..", "..");

export function spawnTs(script: string, { env, ...options }: Omit<SpawnOptions, "env"> & { env?: Record<string, string | undefined> } = {}): ChildProcess {
  return spawn(
    process.execPath,
    ["--conditions=react-server", "--require", path.join(root, "test/child/next-stubs.cjs"), "--import", "tsx", path.join(root, script)],
    { cwd: root, stdio: ["pipe", "pipe", "inherit"], ...options, env: { ...process.env, NODE_ENV: "test", ...env } },
  );
}

/** Reads a child's stdout line by line: `await next()` gives the next line. */
export function lineReader(child: ChildProcess): { next: () => Promise<string> } {
  const lines: string[] = [];
  const waiters: { resolve: (line: string) => void; reject: (e: Error) => void }[] = [];
  let ended: Error | null = null;
  let buffer = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    buffer += chunk;
    let i: number;
    while ((i = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, i);
      buffer = buffer.slice(i + 1);
      const waiter = waiters.shift();
      if (waiter) waiter.resolve(line);
      else lines.push(line);
    }
  });
  child.once("exit", (code, signal) => {
    ended = new Error(`child exited (${code ?? signal})`);
    for (const w of waiters.splice(0)) w.reject(ended);
  });
  return {
    next: () =>
      new Promise<string>((resolve, reject) => {
        const line = lines.shift();
        if (line !== undefined) resolve(line);
        else if (ended) reject(ended);
        else waiters.push({ resolve, reject });
      }),
  };
}
