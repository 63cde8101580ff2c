// The README's performance table: the issue's key targets at ×1 and ×100 side by side, with
// when, on what load and by which command they were measured. The bench rewrites the block
// between the two markers in README.md; a scale the run did not include reads 未测.
import fs from "node:fs";
import path from "node:path";
import { burstP95Max, f, mark, sequentialRows, table, TARGETS, type BenchResults } from "./report";
import type { ScaleResult } from "./scale-run";

export const README_START = "<!-- bench:summary -->";
export const README_END = "<!-- /bench:summary -->";
const NOT_MEASURED = "未测";

/** name → the figures the table shows for one scale. */
function figures(s: ScaleResult | undefined) {
  const out = new Map<string, { p50: number; ratio: number; p95: number | null; errors: number }>();
  if (!s) return out;
  const rows = sequentialRows(s);
  const reference = rows[0]?.r;
  for (const { name, r } of rows) {
    const loaded = s.targets.find((t) => t.name === name);
    // Time against the static page's, one request at a time: the measure the performance issue's own table uses.
    out.set(name, {
      p50: r.p50,
      ratio: reference ? r.p50 / reference.p50 : Number.NaN,
      p95: loaded ? loaded.p95 : null,
      errors: r.errors + (loaded?.errors ?? 0),
    });
  }
  return out;
}

export function renderSummary(results: BenchResults): string {
  const small = results.scales.find((s) => s.scale === 1);
  const large = results.scales.find((s) => s.scale === 100);
  const a = figures(small);
  const b = figures(large);
  const names = [...new Set([...a.keys(), ...b.keys()])];
  const cell = (x: ReturnType<typeof a.get>, i: number) =>
    x
      ? [`${f(x.p50)}（${i === 0 ? "基准" : `${f(x.ratio)}×`}）`, x.p95 === null ? "见集中提交" : f(x.p95), String(x.errors)]
      : [NOT_MEASURED, NOT_MEASURED, NOT_MEASURED];
  const rows = names.map((name, i) => {
    const x = a.get(name);
    const y = b.get(name);
    const growth = x && y ? f(y.p50 / x.p50, 2) : NOT_MEASURED;
    return [name, ...cell(x, i), ...cell(y, i), growth];
  });
  const m = results.machine;
  const short = results.settings.sequentialRequests < 50 || results.settings.durationSeconds < 10;
  const lines = [
    ...(short ? ["**试跑**：请求次数与压测时长低于默认值，只说明基准测试能完整跑通，不作为性能结论。", ""] : []),
    `测得于 ${results.finishedAt}，${m.cpus} 核，开始时 1 分钟平均负载 ${m.loadAverageAtStart.toFixed(1)}（>0.5 表示机器不空闲，数字偏慢）；命令：\`${results.command}\`；` +
      `逐个请求每个目标 ${results.settings.sequentialRequests} 次，${results.settings.connections} 个连接压测 ${results.settings.durationSeconds} s。完整报告：\`bench/results/latest.md\`。`,
    "",
    table(
      [
        "目标",
        "×1 逐个 p50 ms（×静态页）",
        `×1 ${results.settings.connections} 连接 p95 ms`,
        "×1 错误",
        "×100 逐个 p50 ms（×静态页）",
        `×100 ${results.settings.connections} 连接 p95 ms`,
        "×100 错误",
        "逐个 p50 ×100÷×1",
      ],
      rows,
    ),
    "",
    table(
      ["检查", "×1", "×100", "目标"],
      [
        ["/about 为预渲染静态页", ...[small, large].map((s) => (s ? mark(s.about.prerendered) : NOT_MEASURED)), "✓"],
        [
          "季末集中提交 p95 ms（提交数，错误）",
          ...[small, large].map((s) =>
            s?.burst
              ? `${f(s.burst.p95, 0)}（${s.burst.submissions}，${s.burst.errors}）${mark(s.burst.p95 <= burstP95Max(s.scale) && s.burst.errors === 0)}`
              : NOT_MEASURED,
          ),
          `≤ ${TARGETS.burstP95MaxMs.x1} ms / ≤ ${TARGETS.burstP95MaxMs.x100} ms，0 错误`,
        ],
        ["status:rebuild 与写入时存储一致：生成数据", ...[small, large].map((s) => (s ? mark(s.statusRebuild.generated.identical) : NOT_MEASURED)), "✓"],
        [
          "status:rebuild 与写入时存储一致：压测写入之后",
          ...[small, large].map((s) =>
            s
              ? `${mark(s.statusRebuild.afterWrites.identical)}${s.statusRebuild.clockBehindData && !s.statusRebuild.afterWrites.identical ? "（本机时钟早于数据，见完整报告）" : ""}`
              : NOT_MEASURED,
          ),
          "✓",
        ],
        ...lighthousePages(results).map((page) => [
          `Lighthouse 移动端 ${page}（性能/无障碍/最佳实践）`,
          ...[small, large].map((s) => {
            const x = s?.lighthouse.find((l) => l.page === page)?.scores;
            return x ? `${x.performance}/${x.accessibility}/${x.bestPractices}` : NOT_MEASURED;
          }),
          `≥ ${TARGETS.lighthouse.performance}/${TARGETS.lighthouse.accessibility}/${TARGETS.lighthouse.bestPractices}`,
        ]),
      ],
    ),
  ];
  return lines.join("\n");
}

function lighthousePages(results: BenchResults): string[] {
  const pages = results.scales.flatMap((s) => s.lighthouse.map((l) => l.page));
  return [...new Set(["/dashboard", "/supervision/overdue", "/tasks", "/my", ...pages])];
}

/** Replaces the README's summary block; leaves README alone when the markers are missing. */
export function writeReadmeSummary(root: string, summary: string): boolean {
  const file = path.join(root, "README.md");
  const text = fs.readFileSync(file, "utf8");
  const start = text.indexOf(README_START);
  const end = text.indexOf(README_END);
  if (start < 0 || end < start) return false;
  fs.writeFileSync(file, `${text.slice(0, start + README_START.length)}\n${summary}\n${text.slice(end)}`);
  return true;
}
