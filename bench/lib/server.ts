// A production server for the benchmark: `next build` into its own folder, then
// the production server (scripts/serve.mjs) on a loopback port with its own database, as its own process group so
// that stopping it leaves nothing behind.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { send } from "./http";
// @ts-expect-error: plain-JS helper shared with `npm start`; it has no type declarations.
import { buildIfNeeded } from "../../scripts/lib/steps.mjs";

export const root = path.resolve(__dirname, "..", "..");
export const DIST_DIR = process.env.BENCH_DIST_DIR ?? ".next-bench";
export const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

/** Builds unless sources are unchanged, or BENCH_SKIP_BUILD=1 reuses whatever build exists. */
export function build(): void {
  if (process.env.BENCH_SKIP_BUILD === "1" && fs.existsSync(path.join(root, DIST_DIR, "BUILD_ID"))) return;
  if ((buildIfNeeded as (dir: string) => number)(DIST_DIR) !== 0) throw new Error("next build 失败");
}

/** The loopback ports benchmark processes may listen on: BENCH_PORTS="from-to", default 3700–3799. */
const [PORT_FROM, PORT_TO] = (process.env.BENCH_PORTS ?? "3700-3799").split("-").map(Number) as [number, number];

/** A free loopback port in the benchmark's range. */
export async function freePort(from = PORT_FROM, to = PORT_TO ?? PORT_FROM): Promise<number> {
  for (let port = from; port <= to; port++) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.createServer().once("error", () => resolve(false));
      s.listen(port, "127.0.0.1", () => s.close(() => resolve(true)));
    });
    if (ok) return port;
  }
  throw new Error(`端口 ${from}–${to} 均被占用`);
}

export interface BenchServer {
  url: string;
  pid: number;
  secret: string;
  stop: () => Promise<void>;
}

const live = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of live) killGroup(child, "SIGKILL");
});

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}

export async function startServer({
  databasePath,
  port,
  env = {},
}: {
  databasePath: string;
  port: number;
  env?: Record<string, string>;
}): Promise<BenchServer> {
  const url = `http://127.0.0.1:${port}`;
  const secret = crypto.randomBytes(32).toString("base64url");
  const log = fs.openSync(path.join(path.dirname(databasePath), `server-${port}.log`), "a");
  const child = spawn(process.execPath, [path.join(root, "scripts", "serve.mjs"), "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: DIST_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_PATH: databasePath,
      DATA_DIR: path.dirname(databasePath),
      NEXTAUTH_URL: url,
      NEXTAUTH_SECRET: secret,
      // The generated accounts still have their initial passwords; demo mode skips the forced change.
      DEMO_MODE: "1",
      // Sessions are made directly (bench/setup.ts), not by signing in: no second factor to set up.
      TOTP_REQUIRED_ROLES: "",
      ...env,
    },
  });
  live.add(child);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    killGroup(child, "SIGTERM");
    const timer = setTimeout(() => killGroup(child, "SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
    live.delete(child);
    fs.closeSync(log);
  };

  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`服务器启动失败，见 ${path.dirname(databasePath)}/server-${port}.log`);
    try {
      const res = await send(`${url}/api/health`, { timeoutMs: 5000 });
      if (res.status === 200) {
        await untilIdle(child.pid!);
        return { url, pid: child.pid!, secret, stop };
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error("服务器 60 秒内未就绪");
}

/**
 * Waits until the server's start-up work (instrumentation.ts: housekeeping and the
 * reminder sync over every unit, long on ×100 data) is done, so it is not measured as
 * the first page's cost: less than 20 ms of CPU in half a second, or two minutes.
 */
async function untilIdle(pgid: number): Promise<void> {
  const deadline = Date.now() + 120_000;
  let last = groupCpuSeconds(pgid);
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
    const now = groupCpuSeconds(pgid);
    if (now - last < 0.02) return;
    last = now;
  }
}

/** CPU seconds used so far by every process in the server's process group (Linux /proc). */
export function groupCpuSeconds(pgid: number): number {
  const tick = 100; // USER_HZ on Linux
  let total = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue;
    }
    // Fields after the command name (which may contain spaces) start at state (field 3).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) !== pgid) continue;
    total += (Number(fields[11]) + Number(fields[12])) / tick;
  }
  return total;
}
