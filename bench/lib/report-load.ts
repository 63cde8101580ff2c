// Report writes under load, sent as the browser sends them (the Server Action's own id,
// React's encoding, a real session cookie): repeated draft saves that track each report's
// version, and submissions of complete reports (one-at-a-time and the quarter-end burst).
import { execFileSync } from "node:child_process";
import path from "node:path";
import type { BurstReport, ReportSlot } from "../setup";
import { actionHeaders, actionId, actionSucceeded, encodeActionBody, sessionCookie } from "./actions";
import { send } from "./http";
import { describeAnswer, FAILURES_KEPT, percentile, type Request } from "./load";
import { benchNow } from "./constants";
import { bin, DIST_DIR, root, type BenchServer } from "./server";

const REPORT_ACTIONS = "app/tasks/[no]/report/[quarter]/actions.ts";

/** Runs bench/setup.ts (the app's own db/ code) and returns the JSON it printed last. */
export function tsxJson<T>(args: string[], env: Record<string, string>): T {
  const out = execFileSync(bin("tsx"), ["--conditions=react-server", ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 256 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split("\n").at(-1)!) as T;
}

export const settle = () => new Promise((r) => setTimeout(r, 400));

export interface SaveLoad {
  request: Request;
  /** Rereads the report versions (saves in flight when a run stopped were applied unseen). */
  resync: () => Promise<void>;
  /** Saves the action refused (a version conflict…) since the last resync, though HTTP said 200. */
  failures: () => number;
  /** What the first few refused saves since the last resync answered. */
  refusals: () => string[];
}

/** Every connection saves draft reports again and again, one report per request in flight, tracking each report's version. */
export async function saveLoad(server: BenchServer, slots: ReportSlot[], dbEnv: Record<string, string>): Promise<SaveLoad> {
  const id = actionId(path.join(root, DIST_DIR), REPORT_ACTIONS, "saveReport");
  const prepared = await Promise.all(
    slots.map(async (s) => {
      const { body, contentType } = await encodeActionBody({
        taskNo: String(s.taskNo),
        quarter: s.quarter,
        version: "__VERSION__",
        progress: "第四季度工作正在推进：已召开专题调度会，逐项核对任务台账，重点项目按序时进度推进，相关佐证材料正在整理中。",
        problems: "个别子项目前期手续办理较慢。",
        nextSteps: "加强调度，确保年底前完成全年目标。",
      });
      const headers = actionHeaders({ id, origin: server.url, cookie: await sessionCookie({ secret: server.secret, ...s }), contentType });
      return { path: `/tasks/${s.taskNo}/report/${s.quarter}`, body, headers, version: s.version };
    }),
  );
  // Each request takes a slot no other request has in flight, so versions never collide
  // (autocannon resets a connection's context after every request, so it cannot hold one).
  const free = prepared.map((_, i) => i);
  let failures = 0;
  const refusals: string[] = [];
  const request: Request = {
    method: "POST",
    path: prepared[0]!.path,
    setupRequest: (req, context) => {
      context.slot = free.shift();
      if (context.slot === undefined) throw new Error("保存压测的报告数少于连接数");
      const slot = prepared[context.slot as number]!;
      return { ...req, path: slot.path, headers: slot.headers, body: slot.body.replace("__VERSION__", String(slot.version)) };
    },
    onResponse: (status, body, context) => {
      if (actionSucceeded(status, null, body)) prepared[context.slot as number]!.version += 1;
      else if (++failures <= FAILURES_KEPT) refusals.push(`第 ${context.slot as number} 份报告：${describeAnswer(status, body)}`);
      free.push(context.slot as number);
    },
  };
  const resync = async () => {
    await settle();
    const current = tsxJson<number[]>(["bench/setup.ts", "versions", slots.map((s) => s.taskNo).join(",")], dbEnv);
    current.forEach((v, i) => (prepared[i]!.version = v));
    free.splice(0, free.length, ...prepared.map((_, i) => i));
    failures = 0;
    refusals.length = 0;
  };
  return { request, resync, failures: () => failures, refusals: () => [...refusals] };
}

export type SubmitRequest = { path: string; headers: Record<string, string>; body: string };

/** Each report's submission as an HTTP request, in the order given. */
export async function submitRequests(server: BenchServer, reports: BurstReport[]): Promise<SubmitRequest[]> {
  const id = actionId(path.join(root, DIST_DIR), REPORT_ACTIONS, "submitReportAction");
  return Promise.all(
    reports.map(async (r) => {
      const { body, contentType } = await encodeActionBody({ taskNo: String(r.taskNo), quarter: r.quarter, ...r.fields });
      const headers = actionHeaders({ id, origin: server.url, cookie: await sessionCookie({ secret: server.secret, ...r }), contentType });
      return { path: `/tasks/${r.taskNo}/report/${r.quarter}`, body, headers };
    }),
  );
}

/**
 * Splits the quarter's open reports: `wanted` for one-at-a-time submission, each from an
 * account that keeps at least one other report, so every account still submits in the burst.
 */
export function splitSubmissions(reports: BurstReport[], wanted: number): { alone: BurstReport[]; burst: BurstReport[] } {
  const left = new Map<number, number>();
  for (const r of reports) left.set(r.userId, (left.get(r.userId) ?? 0) + 1);
  const alone: BurstReport[] = [];
  const burst: BurstReport[] = [];
  for (const r of reports) {
    if (alone.length < wanted && left.get(r.userId)! > 1) {
      left.set(r.userId, left.get(r.userId)! - 1);
      alone.push(r);
    } else burst.push(r);
  }
  return { alone, burst };
}

/** Submissions one after another, each report once; `ok` is whether the action accepted it. */
export function submitOneByOne(requests: SubmitRequest[]): Request & { ok: (status: number, body: string, headers: Headers) => boolean } {
  let next = 0;
  return {
    method: "POST",
    path: requests[0]?.path ?? "/",
    setupRequest: (req) => {
      const r = requests[next++];
      if (!r) throw new Error("逐份提交的报告已用完");
      return { ...req, ...r };
    },
    ok: (status, body, headers) => actionSucceeded(status, headers.get("x-action-redirect"), body),
  };
}

export interface BurstResult {
  submissions: number;
  accounts: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  errors: number;
  rowsSaved: number;
  versionsSaved: number;
  auditRows: number;
}

/** Every lead-unit account submits all its remaining reports for the quarter at the same moment. */
export async function quarterEndBurst(server: BenchServer, reports: BurstReport[], dbEnv: Record<string, string>): Promise<BurstResult> {
  const requests = await submitRequests(server, reports);
  // Rows are stamped by the server's pinned clock (the bench's day), not the machine's date.
  const since = benchNow();
  // The audit log keeps the real time of each write, not the server's pinned day.
  const auditSince = Date.now();
  const started = performance.now();
  const outcomes = await Promise.all(
    requests.map(async (req) => {
      const t0 = performance.now();
      try {
        const res = await send(`${server.url}${req.path}`, { method: "POST", headers: req.headers, body: req.body });
        return { ms: performance.now() - t0, ok: actionSucceeded(res.status, res.headers.get("x-action-redirect"), res.body) };
      } catch {
        return { ms: performance.now() - t0, ok: false };
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const counted = tsxJson<{ submitted: number; versions: number; audits: { action: string; outcome: string; n: number }[] }>(
    ["bench/setup.ts", "count", String(since), String(auditSince)],
    dbEnv,
  );
  const times = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  return {
    submissions: reports.length,
    accounts: new Set(reports.map((r) => r.userId)).size,
    seconds,
    perSecond: reports.length / seconds,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    errors: outcomes.filter((o) => !o.ok).length,
    rowsSaved: counted.submitted,
    versionsSaved: counted.versions,
    auditRows: counted.audits.filter((a) => a.action === "report.submit" && a.outcome === "success").reduce((n, a) => n + a.n, 0),
  };
}
