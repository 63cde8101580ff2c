// One scale of the benchmark: a generated database, a production server on it, the page
// and action load tests against the static reference page, Lighthouse, and the
// quarter-end burst. Everything the app's own code must do (generating data, creating
// sessions, counting saved rows) runs in child processes with the react-server condition.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Credential, ReportSlot, BurstReport } from "../setup";
import { actionHeaders, actionId, actionSucceeded, encodeActionBody, sessionCookie } from "./actions";
import { backupUnderLoad, type BackupResult } from "./backup-run";
import { BENCH_TODAY } from "./constants";
import { runLighthouse, type LighthouseScores } from "./lighthouse";
import { CONNECTIONS, measure, percentile, type LoadResult, type Request } from "./load";
import { bin, DIST_DIR, freePort, root, startServer, type BenchServer } from "./server";

export interface TargetResult extends LoadResult {
  name: string;
  path: string;
  /** Server-side SQL statement time per request (bench/lib/sql-probe.cjs). */
  sqlMsPerRequest: number;
  statementsPerRequest: number;
  /** The statements that took the most time, per request. */
  topSql: { sql: string; msPerRequest: number; timesPerRequest: number }[];
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

export interface ScaleResult {
  scale: number;
  generate: Record<string, unknown>;
  targets: TargetResult[];
  lighthouse: { page: string; scores: LighthouseScores }[];
  burst: BurstResult | null;
  /** `npm run db:backup` while reports are being saved. */
  backup: BackupResult | null;
}

/** Pages under load, each as the persona that uses it; the first is the reference. */
const PAGES: { name: string; path: string; persona: "supervisor" | "mayor" | "unit" }[] = [
  { name: "静态页 /about（基准）", path: "/about", persona: "supervisor" },
  { name: "/tasks", path: "/tasks", persona: "supervisor" },
  { name: "/supervision/overdue", path: "/supervision/overdue", persona: "supervisor" },
  { name: "/dashboard", path: "/dashboard", persona: "mayor" },
  { name: "/my", path: "/my", persona: "unit" },
];
const REPORT_ACTIONS = "app/tasks/[no]/report/[quarter]/actions.ts";

function tsxJson<T>(args: string[], env: Record<string, string>): T {
  const out = execFileSync(bin("tsx"), ["--conditions=react-server", ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 256 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split("\n").at(-1)!) as T;
}

/** A generated database, reused while the code that writes it is unchanged. */
function generatedDatabase(scale: number, target: string): Record<string, unknown> {
  const hash = crypto.createHash("sha256");
  const visit = (rel: string) => {
    const abs = path.join(root, rel);
    if (!fs.existsSync(abs)) return;
    if (fs.statSync(abs).isDirectory()) for (const e of fs.readdirSync(abs).sort()) visit(path.join(rel, e));
    else if (!rel.endsWith(".test.ts")) hash.update(rel).update(fs.readFileSync(abs));
  };
  ["bench/generate.ts", "bench/generate", "bench/lib/constants.ts", "db", "drizzle", "lib"].forEach(visit);
  const cacheDir = path.join(os.tmpdir(), "miluo-bench-cache");
  const cached = path.join(cacheDir, `x${scale}-${hash.digest("hex").slice(0, 16)}.db`);
  const summaryFile = `${cached}.json`;
  if (!fs.existsSync(cached) || !fs.existsSync(summaryFile)) {
    fs.mkdirSync(cacheDir, { recursive: true });
    for (const old of fs.readdirSync(cacheDir)) if (old.startsWith(`x${scale}-`)) fs.rmSync(path.join(cacheDir, old));
    console.log(`  生成 ×${scale} 数据…`);
    const summary = tsxJson<Record<string, unknown>>(["bench/generate.ts", "--scale", String(scale), "--out", `${cached}.partial`], {});
    fs.renameSync(`${cached}.partial`, cached);
    fs.writeFileSync(summaryFile, JSON.stringify(summary));
  }
  fs.copyFileSync(cached, target);
  return JSON.parse(fs.readFileSync(summaryFile, "utf8")) as Record<string, unknown>;
}

type SqlTotals = { ms: number; statements: number; bySql: Record<string, { ms: number; n: number }> };

function sqlTotals(dir: string): SqlTotals {
  const totals: SqlTotals = { ms: 0, statements: 0, bySql: {} };
  for (const f of fs.readdirSync(dir)) {
    if (!/^sql-\d+\.json$/.test(f)) continue;
    const t = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as SqlTotals;
    totals.ms += t.ms;
    totals.statements += t.statements;
    for (const [sql, e] of Object.entries(t.bySql)) {
      const into = (totals.bySql[sql] ??= { ms: 0, n: 0 });
      into.ms += e.ms;
      into.n += e.n;
    }
  }
  return totals;
}

function topStatements(before: SqlTotals, after: SqlTotals, requests: number, share: number): TargetResult["topSql"] {
  return Object.entries(after.bySql)
    .map(([sql, e]) => ({ sql, ms: e.ms - (before.bySql[sql]?.ms ?? 0), n: e.n - (before.bySql[sql]?.n ?? 0) }))
    .filter((x) => x.n > 0)
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 3)
    .map((x) => ({ sql: x.sql, msPerRequest: (x.ms * share) / requests, timesPerRequest: (x.n * share) / requests }));
}

const settle = () => new Promise((r) => setTimeout(r, 400));

async function measureWithSql(server: BenchServer, sqlDir: string, name: string, requests: Request[], afterWarmup?: () => Promise<void>): Promise<TargetResult> {
  await settle();
  const before = sqlTotals(sqlDir);
  const result = await measure({ url: server.url, requests, serverPid: server.pid, afterWarmup });
  await settle();
  const after = sqlTotals(sqlDir);
  // Warm-up requests also ran SQL: attribute by the measured share of all requests.
  const share = result.requests / (result.requests + result.warmupRequests);
  return {
    ...result,
    name,
    path: requests[0]!.path,
    sqlMsPerRequest: ((after.ms - before.ms) * share) / result.requests,
    statementsPerRequest: ((after.statements - before.statements) * share) / result.requests,
    topSql: topStatements(before, after, result.requests, share),
  };
}

export async function runScale(scale: number, { lighthouse }: { lighthouse: boolean }): Promise<ScaleResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `miluo-bench-x${scale}-`));
  const databasePath = path.join(dir, "app.db");
  const sqlDir = path.join(dir, "sql");
  fs.mkdirSync(sqlDir);
  const generate = generatedDatabase(scale, databasePath);
  const dbEnv = { DATABASE_PATH: databasePath, APP_TODAY: BENCH_TODAY };
  const who = tsxJson<Record<"supervisor" | "mayor" | "unit", Credential> & { saveSlots: ReportSlot[] }>(["bench/setup.ts", "personas", String(CONNECTIONS)], dbEnv);

  const server = await startServer({
    databasePath,
    port: await freePort(),
    env: { APP_TODAY: BENCH_TODAY, BENCH_SQL_DIR: sqlDir, NODE_OPTIONS: `--require ${path.join(root, "bench/lib/sql-probe.cjs")}` },
  });
  try {
    const cookie = async (c: Credential) => sessionCookie({ secret: server.secret, ...c });
    const cookies = { supervisor: await cookie(who.supervisor), mayor: await cookie(who.mayor), unit: await cookie(who.unit) };
    const targets: TargetResult[] = [];
    for (const page of PAGES) {
      const headers = { Cookie: cookies[page.persona] };
      const probe = await fetch(`${server.url}${page.path}`, { headers, redirect: "manual" });
      if (probe.status !== 200) {
        console.log(`  跳过 ${page.path}：HTTP ${probe.status}`);
        continue;
      }
      console.log(`  压测 ${page.name}…`);
      targets.push(await measureWithSql(server, sqlDir, page.name, [{ path: page.path, headers }]));
    }
    targets.push(await saveActionTarget(server, sqlDir, who.saveSlots, dbEnv));

    const lh: ScaleResult["lighthouse"] = [];
    if (lighthouse) {
      console.log("  Lighthouse…");
      const pages = PAGES.filter((p) => targets.some((t) => t.path === p.path));
      const scores = await runLighthouse(pages.map((p) => ({ url: `${server.url}${p.path}`, cookie: cookies[p.persona] })));
      for (const p of pages) lh.push({ page: p.path, scores: scores.get(`${server.url}${p.path}`)! });
    }

    console.log("  季末集中提交…");
    const burst = await quarterEndBurst(server, dbEnv);
    console.log("  保存填报期间在线备份…");
    const backup = await backupUnderLoad({ server, load: await saveLoad(server, who.saveSlots, dbEnv), databasePath });
    return { scale, generate, targets, lighthouse: lh, burst, backup };
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface SaveLoad {
  request: Request;
  /** Rereads the report versions (saves in flight when a run stopped were applied unseen). */
  resync: () => Promise<void>;
  /** Saves the action refused (a version conflict…) since the last resync, though HTTP said 200. */
  failures: () => number;
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
      else failures += 1;
      free.push(context.slot as number);
    },
  };
  const resync = async () => {
    await settle();
    const current = tsxJson<number[]>(["bench/setup.ts", "versions", slots.map((s) => s.taskNo).join(",")], dbEnv);
    current.forEach((v, i) => (prepared[i]!.version = v));
    free.splice(0, free.length, ...prepared.map((_, i) => i));
    failures = 0;
  };
  return { request, resync, failures: () => failures };
}

async function saveActionTarget(server: BenchServer, sqlDir: string, slots: ReportSlot[], dbEnv: Record<string, string>): Promise<TargetResult> {
  const load = await saveLoad(server, slots, dbEnv);
  console.log("  压测 保存填报（Server Action）…");
  // Saves still in flight when the warm-up stopped were applied unseen: reread the versions.
  const result = await measureWithSql(server, sqlDir, "保存填报（Server Action）", [load.request], load.resync);
  // A save the action refused (a version conflict…) is an error even when HTTP said 200.
  return { ...result, errors: result.errors + load.failures(), path: "/tasks/[no]/report/[quarter] (saveReport)" };
}

/** Every lead-unit account submits all its reports for the quarter at the same moment. */
async function quarterEndBurst(server: BenchServer, dbEnv: Record<string, string>): Promise<BurstResult> {
  const reports = tsxJson<BurstReport[]>(["bench/setup.ts", "burst"], dbEnv);
  const id = actionId(path.join(root, DIST_DIR), REPORT_ACTIONS, "submitReportAction");
  const requests = await Promise.all(
    reports.map(async (r) => {
      const { body, contentType } = await encodeActionBody({ taskNo: String(r.taskNo), quarter: r.quarter, ...r.fields });
      const headers = actionHeaders({ id, origin: server.url, cookie: await sessionCookie({ secret: server.secret, ...r }), contentType });
      return { url: `${server.url}/tasks/${r.taskNo}/report/${r.quarter}`, body, headers };
    }),
  );
  const since = Date.now();
  const started = performance.now();
  const outcomes = await Promise.all(
    requests.map(async (req) => {
      const t0 = performance.now();
      try {
        const res = await fetch(req.url, { method: "POST", headers: req.headers, body: req.body, redirect: "manual" });
        const text = await res.text();
        return { ms: performance.now() - t0, ok: actionSucceeded(res.status, res.headers.get("x-action-redirect"), text) };
      } catch {
        return { ms: performance.now() - t0, ok: false };
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const counted = tsxJson<{ submitted: number; versions: number; audits: { action: string; outcome: string; n: number }[] }>(
    ["bench/setup.ts", "count", String(since)],
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
