// One scale of the benchmark: a generated database, a production server on it, each key
// page and the report actions measured one request at a time and under load against the
// static reference page, Lighthouse, an online backup during saves, the quarter-end burst,
// and `npm run status:rebuild` against what the write path stored. Everything the app's own
// code must do (generating data, creating sessions, counting saved rows) runs in child
// processes with the react-server condition.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BurstReport, Credential, ReportSlot } from "../setup";
import { sessionCookie } from "./actions";
import { backupUnderLoad, type BackupResult } from "./backup-run";
import { BENCH_TASK_NO, BENCH_TODAY } from "./constants";
import { runLighthouse, type LighthouseScores } from "./lighthouse";
import { CONNECTIONS, measure, SEQUENTIAL_REQUESTS, sequential, type LoadResult, type Request, type SequentialResult } from "./load";
import { quarterEndBurst, saveLoad, settle, splitSubmissions, submitOneByOne, submitRequests, tsxJson, type BurstResult } from "./report-load";
import { aboutIsStatic, statusRebuildCheck, type StaticCheck, type StatusRebuildChecks } from "./checks";
import { send } from "./http";
import { freePort, root, startServer, type BenchServer } from "./server";

export interface TargetResult extends LoadResult {
  name: string;
  path: string;
  /** The same target one request at a time (null: not measured that way). */
  sequential: SequentialResult | null;
  /** Server-side SQL statement time per request (bench/lib/sql-probe.cjs). */
  sqlMsPerRequest: number;
  statementsPerRequest: number;
  /** The statements that took the most time, per request. */
  topSql: { sql: string; msPerRequest: number; timesPerRequest: number }[];
}

export interface ScaleResult {
  scale: number;
  generate: Record<string, unknown>;
  /** Whether the reference page is what it claims: prerendered at build time. */
  about: StaticCheck;
  targets: TargetResult[];
  /** The submit action one report at a time (each report can be submitted once). */
  submit: SequentialResult | null;
  lighthouse: { page: string; scores: LighthouseScores }[];
  burst: BurstResult | null;
  /** `npm run db:backup` while reports are being saved. */
  backup: BackupResult | null;
  /** `npm run status:rebuild` against the stored statuses, on the generated data and after the run's writes. */
  statusRebuild: StatusRebuildChecks;
}

type Persona = "supervisor" | "mayor" | "unit" | "reporter";

/** Pages measured, each as the persona that uses it; the first is the reference. */
function pages(reportPath: string): { name: string; path: string; persona: Persona; lighthouse: boolean }[] {
  return [
    { name: "静态页 /about（基准）", path: "/about", persona: "supervisor", lighthouse: true },
    { name: "/supervision", path: "/supervision", persona: "supervisor", lighthouse: false },
    { name: "/supervision/overdue", path: "/supervision/overdue", persona: "supervisor", lighthouse: true },
    { name: "任务页", path: `/tasks/${BENCH_TASK_NO}`, persona: "supervisor", lighthouse: false },
    { name: "填报页", path: reportPath, persona: "reporter", lighthouse: false },
    { name: "/dashboard", path: "/dashboard", persona: "mayor", lighthouse: true },
    { name: "/tasks", path: "/tasks", persona: "supervisor", lighthouse: true },
    { name: "/my", path: "/my", persona: "unit", lighthouse: true },
  ];
}

/** BENCH_LIGHTHOUSE_PAGES="/my,/tasks" narrows Lighthouse to those paths (a short run). */
const LIGHTHOUSE_PAGES = process.env.BENCH_LIGHTHOUSE_PAGES?.split(",").map((p) => p.trim());

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
  if (![cached, summaryFile, `${cached}.audit-hmac.key`, `${cached}-audit-checkpoint.json`].every((f) => fs.existsSync(f))) {
    fs.mkdirSync(cacheDir, { recursive: true });
    for (const old of fs.readdirSync(cacheDir)) if (old.startsWith(`x${scale}-`)) fs.rmSync(path.join(cacheDir, old));
    console.log(`  生成 ×${scale} 数据…`);
    // The audit chain is keyed: the generated rows' key travels with the file (else every later check fails at row 1).
    const summary = tsxJson<Record<string, unknown>>(["bench/generate.ts", "--scale", String(scale), "--out", `${cached}.partial`], {
      AUDIT_KEY_FILE: `${cached}.audit-hmac.key`,
    });
    fs.renameSync(`${cached}.partial-audit-checkpoint.json`, `${cached}-audit-checkpoint.json`);
    fs.renameSync(`${cached}.partial`, cached);
    fs.writeFileSync(summaryFile, JSON.stringify(summary));
  }
  fs.copyFileSync(cached, target);
  // Where the server, bench/setup.ts and db:backup look for them: beside the database.
  fs.copyFileSync(`${cached}.audit-hmac.key`, path.join(path.dirname(target), "audit-hmac.key"));
  fs.copyFileSync(`${cached}-audit-checkpoint.json`, `${target}-audit-checkpoint.json`);
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

async function measureWithSql(
  server: BenchServer,
  sqlDir: string,
  name: string,
  requests: Request[],
  afterWarmup?: () => Promise<void>,
): Promise<Omit<TargetResult, "sequential">> {
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
  const who = tsxJson<Record<"supervisor" | "mayor" | "unit", Credential> & { saveSlots: ReportSlot[] }>(
    ["bench/setup.ts", "personas", String(CONNECTIONS)],
    dbEnv,
  );
  // The report page as its lead unit opens it: the first save slot's report, still a draft while pages are measured.
  const reporter = who.saveSlots[0]!;
  console.log("  npm run status:rebuild 核对生成数据的已存状态…");
  const generatedStatus = statusRebuildCheck(databasePath);
  // The server stamps filings on APP_TODAY's day (lib/env.ts appNow): its earliest stamp is that day's start.
  const clockBehindData = tsxJson<number>(["bench/setup.ts", "latest-status"], dbEnv) > Date.parse(`${BENCH_TODAY}T00:00:00+08:00`);
  const PAGES = pages(`/tasks/${reporter.taskNo}/report/${reporter.quarter}`);

  const server = await startServer({
    databasePath,
    port: await freePort(),
    env: { APP_TODAY: BENCH_TODAY, BENCH_SQL_DIR: sqlDir, NODE_OPTIONS: `--require ${path.join(root, "bench/lib/sql-probe.cjs")}` },
  });
  try {
    const cookie = async (c: Credential) => sessionCookie({ secret: server.secret, ...c });
    const cookies: Record<Persona, string> = {
      supervisor: await cookie(who.supervisor),
      mayor: await cookie(who.mayor),
      unit: await cookie(who.unit),
      reporter: await cookie(reporter),
    };
    const about = await aboutIsStatic(server, cookies.supervisor);
    const targets: TargetResult[] = [];
    for (const page of PAGES) {
      const headers = { Cookie: cookies[page.persona] };
      const probe = await send(`${server.url}${page.path}`, { headers });
      if (probe.status !== 200) {
        console.log(`  跳过 ${page.path}：HTTP ${probe.status}`);
        continue;
      }
      console.log(`  测量 ${page.name}…`);
      const request = { path: page.path, headers };
      const alone = await sequential({ url: server.url, request, count: SEQUENTIAL_REQUESTS, serverPid: server.pid, ok: (status) => status === 200 });
      targets.push({ ...(await measureWithSql(server, sqlDir, page.name, [request])), sequential: alone });
    }
    targets.push(await saveActionTarget(server, sqlDir, who.saveSlots, dbEnv));

    const lh: ScaleResult["lighthouse"] = [];
    if (lighthouse) {
      console.log("  Lighthouse…");
      const chosen = PAGES.filter((p) => (LIGHTHOUSE_PAGES ? LIGHTHOUSE_PAGES.includes(p.path) : p.lighthouse) && targets.some((t) => t.path === p.path));
      const scores = await runLighthouse(chosen.map((p) => ({ url: `${server.url}${p.path}`, cookie: cookies[p.persona] })));
      for (const p of chosen) lh.push({ page: p.path, scores: scores.get(`${server.url}${p.path}`)! });
    }

    // Before the submissions: saving needs reports that are still drafts.
    console.log("  保存填报期间在线备份…");
    const backup = await backupUnderLoad({ server, load: await saveLoad(server, who.saveSlots, dbEnv), databasePath });

    await settle();
    const open = tsxJson<BurstReport[]>(["bench/setup.ts", "burst"], dbEnv);
    const warmup = 2;
    const { alone, burst: together } = splitSubmissions(open, Math.min(SEQUENTIAL_REQUESTS + warmup, Math.floor(open.length / 4)));
    let submit: SequentialResult | null = null;
    if (alone.length > warmup) {
      console.log(`  逐份提交 ${alone.length} 份填报…`);
      const request = submitOneByOne(await submitRequests(server, alone));
      submit = await sequential({ url: server.url, request, count: alone.length - warmup, warmup, serverPid: server.pid, ok: request.ok });
    }
    console.log(`  季末集中提交 ${together.length} 份…`);
    const burst = await quarterEndBurst(server, together, dbEnv);

    await settle();
    console.log("  npm run status:rebuild 核对压测写入后的已存状态…");
    const statusRebuild = { generated: generatedStatus, afterWrites: statusRebuildCheck(databasePath), clockBehindData };
    return { scale, generate, about, targets, submit, lighthouse: lh, burst, backup, statusRebuild };
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function saveActionTarget(server: BenchServer, sqlDir: string, slots: ReportSlot[], dbEnv: Record<string, string>): Promise<TargetResult> {
  const load = await saveLoad(server, slots, dbEnv);
  console.log("  测量 保存填报（Server Action）…");
  // Saves still in flight when the warm-up stopped were applied unseen: reread the versions.
  const result = await measureWithSql(server, sqlDir, "保存填报（Server Action）", [load.request], load.resync);
  // A save the action refused (a version conflict…) is an error even when HTTP said 200.
  const loadErrors = result.errors + load.failures();
  await load.resync();
  const alone = await sequential({ url: server.url, request: load.request, count: SEQUENTIAL_REQUESTS, serverPid: server.pid });
  return {
    ...result,
    errors: loadErrors,
    sequential: { ...alone, errors: alone.errors + load.failures(), failures: [...(alone.failures ?? []), ...load.refusals()] },
    path: "/tasks/[no]/report/[quarter] (saveReport)",
  };
}
