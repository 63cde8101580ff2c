// `npm run bench`: builds into .next-bench (BENCH_DIST_DIR), then for each scale (BENCH_SCALES,
// default "1,100") generates data, serves it with the production server on a port in
// BENCH_PORTS and measures the key pages and the report actions, one request at a time and
// under load, against the static page; then the quarter-end burst and `status:rebuild` on
// what the run wrote (bench/lib/scale-run.ts). Lighthouse runs on ×1
// (BENCH_LIGHTHOUSE_SCALES). Prints the tables and writes bench/results/<time>.json,
// bench/results/latest.json, latest.md, summary.md and the summary table in README.md.
// Short runs: BENCH_SCALES=1 BENCH_SEQUENTIAL=10 BENCH_WARMUP=1 BENCH_DURATION=3 npm run bench
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { BENCH_TODAY } from "./lib/constants";
import { firstLoadJs } from "./lib/first-load-js";
import { CONNECTIONS, DURATION_SECONDS, SEQUENTIAL_REQUESTS, WARMUP_SECONDS } from "./lib/load";
import { renderMarkdown, TARGETS, type BenchResults } from "./lib/report";
import { runScale } from "./lib/scale-run";
import { renderSummary, writeReadmeSummary } from "./lib/summary";
import { build, DIST_DIR, root } from "./lib/server";

const scales = (process.env.BENCH_SCALES ?? "1,100")
  .split(",")
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);
const lighthouseScales = new Set((process.env.BENCH_LIGHTHOUSE_SCALES ?? "1").split(",").map(Number));

function command(): string {
  const knobs = [
    "BENCH_SCALES",
    "BENCH_SEQUENTIAL",
    "BENCH_WARMUP",
    "BENCH_DURATION",
    "BENCH_CONNECTIONS",
    "BENCH_LIGHTHOUSE_SCALES",
    "BENCH_LIGHTHOUSE_PAGES",
    "BENCH_LIGHTHOUSE_RUNS",
  ]
    .filter((k) => process.env[k] !== undefined)
    .map((k) => `${k}=${process.env[k]}`);
  return [...knobs, "npm run bench"].join(" ");
}

/** Figures JSON wrote as null because they were NaN (nothing answered in time): NaN again when read back. */
const MEASURED = new Set([
  "p50",
  "p95",
  "p99",
  "reqPerSec",
  "cpuMsPerRequest",
  "sqlMsPerRequest",
  "statementsPerRequest",
  "megabytes",
  "seconds",
  "perSecond",
  "savesPerSecond",
]);

/** The report files, and README's table, from a results object. */
function writeReports(results: BenchResults) {
  const markdown = renderMarkdown(results);
  console.log(`\n${markdown}\n`);
  const dir = path.join(root, "bench", "results");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "latest.md"), `${markdown}\n`);
  const summary = renderSummary(results);
  fs.writeFileSync(path.join(dir, "summary.md"), `${summary}\n`);
  const readme = writeReadmeSummary(root, summary);
  console.log(`结果已写入 bench/results/latest.json、latest.md 与 summary.md${readme ? "，README 的性能表已更新" : ""}`);
}

async function main() {
  // `npm run bench -- --render [results.json]`: rewrite the reports from a run's JSON, measuring nothing.
  const render = process.argv.indexOf("--render");
  if (render >= 0) {
    const file = path.resolve(process.argv[render + 1] ?? path.join(root, "bench", "results", "latest.json"));
    writeReports(
      JSON.parse(fs.readFileSync(file, "utf8"), (key, value: unknown) => (value === null && MEASURED.has(key) ? Number.NaN : value)) as BenchResults,
    );
    return;
  }
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  const startedAt = new Date().toISOString();
  // Read before the build: the build itself loads the machine.
  const loadAverageAtStart = os.loadavg()[0]!;
  console.log(`构建生产版本到 ${DIST_DIR}…`);
  build();
  const results: BenchResults = {
    command: command(),
    startedAt,
    finishedAt: "",
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model.trim() ?? "",
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      os: `${os.type()} ${os.release()}`,
      loadAverageAtStart,
    },
    settings: {
      connections: CONNECTIONS,
      warmupSeconds: WARMUP_SECONDS,
      durationSeconds: DURATION_SECONDS,
      sequentialRequests: SEQUENTIAL_REQUESTS,
      today: BENCH_TODAY,
    },
    targets: TARGETS,
    firstLoadJs: firstLoadJs(path.join(root, DIST_DIR)),
    scales: [],
  };
  for (const scale of scales) {
    console.log(`\n×${scale}：`);
    results.scales.push(await runScale(scale, { lighthouse: lighthouseScales.has(scale) }));
  }
  results.finishedAt = new Date().toISOString();

  const dir = path.join(root, "bench", "results");
  fs.mkdirSync(dir, { recursive: true });
  const json = `${JSON.stringify(results, null, 2)}\n`;
  fs.writeFileSync(path.join(dir, `${startedAt.replace(/[:.]/g, "-")}.json`), json);
  fs.writeFileSync(path.join(dir, "latest.json"), json);
  writeReports(results);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
