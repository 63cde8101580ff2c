import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { SequentialResult } from "./load";
import { TARGETS, type BenchResults } from "./report";
import type { ScaleResult, TargetResult } from "./scale-run";
import { README_END, README_START, renderSummary, writeReadmeSummary } from "./summary";

const alone = (p50: number, cpu: number): SequentialResult => ({ requests: 10, p50, p95: p50 * 2, cpuMsPerRequest: cpu, errors: 0 });
const target = (name: string, p50: number, cpu: number): TargetResult => ({
  name,
  path: name,
  sequential: alone(p50, cpu),
  requests: 100,
  reqPerSec: 50,
  p50: p50 * 3,
  p95: p50 * 5,
  p99: p50 * 6,
  errors: 0,
  cpuMsPerRequest: cpu,
  warmupRequests: 10,
  sqlMsPerRequest: 0,
  statementsPerRequest: 0,
  topSql: [],
});

const x1: ScaleResult = {
  scale: 1,
  generate: {},
  about: { inPrerenderManifest: true, prerenderHeader: "1", servedFromBuild: true, prerendered: true },
  targets: [target("静态页 /about（基准）", 4, 2), target("/tasks", 20, 8)],
  submit: alone(30, 12),
  lighthouse: [],
  burst: null,
  backup: null,
  statusRebuild: { generated: { identical: true, seconds: 1, output: "" }, afterWrites: { identical: false, seconds: 1, output: "" }, clockBehindData: true },
};

const results: BenchResults = {
  command: "BENCH_SCALES=1 npm run bench",
  startedAt: "2026-12-01T13:00:00.000Z",
  finishedAt: "2026-12-01T13:05:00.000Z",
  machine: { cpus: 2, cpuModel: "", memoryGb: 8, node: "v20", os: "Linux", loadAverageAtStart: 3.2 },
  settings: { connections: 10, warmupSeconds: 1, durationSeconds: 3, sequentialRequests: 10, today: "2026-12-31" },
  targets: TARGETS,
  firstLoadJs: [],
  scales: [x1],
};

describe("README performance summary", () => {
  const summary = renderSummary(results);
  const row = (name: string) => summary.split("\n").find((l) => l.startsWith(`| ${name} |`))!;

  it("shows each measured figure with its cost against the static page, and 未测 for a scale not run", () => {
    expect(row("/tasks")).toBe("| /tasks | 20.0（5.0×） | 100.0 | 0 | 未测 | 未测 | 未测 | 未测 |");
    expect(row("提交填报（Server Action）")).toContain("30.0（7.5×） | 见集中提交 |");
    expect(row("季末集中提交 p95 ms（提交数，错误）")).toContain("| 未测 | 未测 |");
    expect(row("status:rebuild 与写入时存储一致：生成数据")).toContain("| ✓ | 未测 |");
    expect(row("status:rebuild 与写入时存储一致：压测写入之后")).toContain("| ✗（本机时钟早于数据，见完整报告） | 未测 |");
    expect(summary).toContain("平均负载 3.2");
    expect(summary.startsWith("**试跑**")).toBe(true);
    expect(summary).toContain("`BENCH_SCALES=1 npm run bench`");
  });

  it("replaces only the block between README's markers", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-summary-"));
    fs.writeFileSync(path.join(dir, "README.md"), `前文\n${README_START}\n旧表\n${README_END}\n后文\n`);
    expect(writeReadmeSummary(dir, "新表")).toBe(true);
    expect(fs.readFileSync(path.join(dir, "README.md"), "utf8")).toBe(`前文\n${README_START}\n新表\n${README_END}\n后文\n`);
    fs.writeFileSync(path.join(dir, "README.md"), "没有标记\n");
    expect(writeReadmeSummary(dir, "新表")).toBe(false);
    expect(fs.readFileSync(path.join(dir, "README.md"), "utf8")).toBe("没有标记\n");
  });
});
