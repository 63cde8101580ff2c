// Two ways to load a target. `measure`: autocannon with CONNECTIONS connections, a warm-up
// run whose figures are thrown away, then a run of fixed duration; percentiles come from
// every response time recorded (autocannon's own summary has p97.5 but no p95).
// `sequential`: one request at a time, each sent when the last answered, so a figure is the
// cost of one request with nothing queued in front of it. Server CPU time comes from /proc.
import autocannon from "autocannon";
import { send } from "./http";
import { groupCpuSeconds } from "./server";

export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
export const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP ?? 3);
export const DURATION_SECONDS = Number(process.env.BENCH_DURATION ?? 10);
export const SEQUENTIAL_REQUESTS = Number(process.env.BENCH_SEQUENTIAL ?? 50);

export type Request = {
  method?: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (req: Record<string, unknown>, context: Record<string, unknown>) => Record<string, unknown>;
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
};

export interface LoadResult {
  requests: number;
  reqPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  /** Responses other than 2xx, plus connection errors and timeouts. */
  errors: number;
  /** Server CPU milliseconds per request (all processes of the server). */
  cpuMsPerRequest: number;
  /** Requests answered during the discarded warm-up. */
  warmupRequests: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

async function fire(url: string, requests: Request[], seconds: number, onTime?: (ms: number, status: number) => void) {
  const instance = autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    // autocannon calls any hook key that is present, even when undefined: pass defined ones only.
    requests: requests.map((r) => Object.fromEntries(Object.entries({ method: "GET", ...r }).filter(([, v]) => v !== undefined))) as autocannon.Request[],
  });
  if (onTime) {
    instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => onTime(ms, status));
  }
  return (await instance) as autocannon.Result;
}

export async function measure({
  url,
  requests,
  serverPid,
  afterWarmup,
}: {
  url: string;
  requests: Request[];
  serverPid: number;
  /** Runs between the warm-up and the measured run (e.g. to resynchronise state). */
  afterWarmup?: () => Promise<void>;
}): Promise<LoadResult> {
  let warmupRequests = 0;
  await fire(url, requests, WARMUP_SECONDS, () => (warmupRequests += 1));
  await afterWarmup?.();
  const times: number[] = [];
  let bad = 0;
  const cpuBefore = groupCpuSeconds(serverPid);
  const started = process.hrtime.bigint();
  const result = await fire(url, requests, DURATION_SECONDS, (ms, status) => {
    times.push(ms);
    if (status < 200 || status >= 300) bad += 1;
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = groupCpuSeconds(serverPid) - cpuBefore;
  times.sort((a, b) => a - b);
  return {
    requests: times.length,
    reqPerSec: times.length / seconds,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    errors: bad + result.errors + result.timeouts,
    cpuMsPerRequest: times.length ? (cpu * 1000) / times.length : Number.NaN,
    warmupRequests,
  };
}

export interface SequentialResult {
  requests: number;
  p50: number;
  p95: number;
  /** Server CPU milliseconds per request (all processes of the server). */
  cpuMsPerRequest: number;
  /** Answers other than 2xx, network errors, and answers `ok` refused. */
  errors: number;
  /** What the first few errors were (status and the start of the answer, or the network error), to act on. */
  failures?: string[];
}

/** How many error descriptions a result keeps. */
export const FAILURES_KEPT = 5;

/** One line for an answer that failed: its status and the start of its body. */
export function describeAnswer(status: number, body: string): string {
  return `HTTP ${status}: ${body.replace(/\s+/g, " ").slice(0, 160)}`;
}

/** One line for a request that got no answer. */
export function describeError(error: unknown): string {
  const e = error as { name?: string; code?: string; message?: string; cause?: { code?: string; message?: string } };
  return `${e.name ?? "Error"}: ${e.code ?? e.cause?.code ?? e.cause?.message ?? e.message ?? String(error)}`;
}

/**
 * `count` requests one after another, after `warmup` unmeasured ones. The Request's hooks are
 * honoured as autocannon would call them; `ok` judges an answer beyond its HTTP status.
 */
export async function sequential({
  url,
  request,
  count,
  warmup = Math.min(5, count),
  serverPid,
  ok = () => true,
}: {
  url: string;
  request: Request;
  count: number;
  warmup?: number;
  serverPid: number;
  ok?: (status: number, body: string, headers: Headers) => boolean;
}): Promise<SequentialResult> {
  const once = async () => {
    const context: Record<string, unknown> = {};
    const base = { method: request.method ?? "GET", path: request.path, headers: request.headers, body: request.body };
    const req = (request.setupRequest?.(base, context) ?? base) as typeof base;
    const t0 = performance.now();
    try {
      const res = await send(`${url}${req.path}`, { method: req.method, headers: req.headers, body: req.body });
      const body = res.body;
      const ms = performance.now() - t0;
      request.onResponse?.(res.status, body, context);
      const good = res.status >= 200 && res.status < 400 && ok(res.status, body, res.headers);
      return { ms, good, why: good ? null : describeAnswer(res.status, body) };
    } catch (error) {
      return { ms: performance.now() - t0, good: false, why: describeError(error) };
    }
  };
  for (let i = 0; i < warmup; i++) await once();
  const times: number[] = [];
  let errors = 0;
  const failures: string[] = [];
  const cpuBefore = groupCpuSeconds(serverPid);
  for (let i = 0; i < count; i++) {
    const { ms, good, why } = await once();
    times.push(ms);
    if (!good) errors += 1;
    if (why && failures.length < FAILURES_KEPT) failures.push(why);
  }
  const cpu = groupCpuSeconds(serverPid) - cpuBefore;
  times.sort((a, b) => a - b);
  return {
    requests: count,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    cpuMsPerRequest: count ? (cpu * 1000) / count : Number.NaN,
    errors,
    failures,
  };
}
