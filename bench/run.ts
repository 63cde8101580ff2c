// `npm run bench`: builds into .next-bench, then for each scale (BENCH_SCALES, default
// "1,100") generates data, serves it with `next start` and measures pages, the report save
// action and the quarter-end burst against the static page; Lighthouse runs on ×1
// (BENCH_LIGHTHOUSE_SCALES). Prints the tables and writes bench/results/<time>.json,
// bench/results/latest.json and bench/results/latest.md.
// Short runs: BENCH_SCALES=1 BENCH_WARMUP=1 BENCH_DURATION=3 npm run bench
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { BENCH_TODAY } from "./lib/constants";
import { firstLoadJs } from "./lib/first-load-js";
import { CONNECTIONS, DURATION_SECONDS, WARMUP_SECONDS } from "./lib/load";
import { renderMarkdown, TARGETS, type BenchResults } from "./lib/report";
import { runScale } from "./lib/scale-run";
import { build, DIST_DIR, root } from "./lib/server";

const scales = (process.env.BENCH_SCALES ?? "1,100").split(",").map(Number).filter((n) => Number.isInteger(n) && n > 0);
const lighthouseScales = new Set((process.env.BENCH_LIGHTHOUSE_SCALES ?? "1").split(",").map(Number));

function command(): string {
  const knobs = ["BENCH_SCALES", "BENCH_WARMUP", "BENCH_DURATION", "BENCH_CONNECTIONS", "BENCH_LIGHTHOUSE_SCALES", "BENCH_LIGHTHOUSE_RUNS"]
    .filter((k) => process.env[k] !== undefined)
    .map((k) => `${k}=${process.env[k]}`);
  return [...knobs, "npm run bench"].join(" ");
}

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  const startedAt = new Date().toISOString();
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
      loadAverageAtStart: os.loadavg()[0]!,
    },
    settings: { connections: CONNECTIONS, warmupSeconds: WARMUP_SECONDS, durationSeconds: DURATION_SECONDS, today: BENCH_TODAY },
    targets: TARGETS,
    firstLoadJs: firstLoadJs(path.join(root, DIST_DIR)),
    scales: [],
  };
  for (const scale of scales) {
    console.log(`\n×${scale}：`);
    results.scales.push(await runScale(scale, { lighthouse: lighthouseScales.has(scale) }));
  }
  results.finishedAt = new Date().toISOString();

  const markdown = renderMarkdown(results);
  console.log(`\n${markdown}\n`);
  const dir = path.join(root, "bench", "results");
  fs.mkdirSync(dir, { recursive: true });
  const json = `${JSON.stringify(results, null, 2)}\n`;
  fs.writeFileSync(path.join(dir, `${startedAt.replace(/[:.]/g, "-")}.json`), json);
  fs.writeFileSync(path.join(dir, "latest.json"), json);
  fs.writeFileSync(path.join(dir, "latest.md"), `${markdown}\n`);
  console.log(`结果已写入 bench/results/latest.json 与 latest.md`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
