// The benchmark's printed tables (also written as Markdown for the README) and targets.
import type { RouteJs } from "./first-load-js";
import type { SequentialResult } from "./load";
import type { ScaleResult, TargetResult } from "./scale-run";

export const TARGETS = {
  costRatioMax: 5,
  p95MaxMs: 100,
  scaleGrowthMax: 2,
  lighthouse: { performance: 95, accessibility: 100, bestPractices: 100 },
  /** Quarter-end burst p95, ms: at ×1, and at ×100 (scales in between get the ×100 bound). */
  burstP95MaxMs: { x1: 300, x100: 1000 },
  /** `npm run db:backup` under the save load, start-up and integrity check included. */
  backupMaxSeconds: 10,
} as const;

export interface BenchResults {
  command: string;
  startedAt: string;
  finishedAt: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; os: string; loadAverageAtStart: number };
  settings: { connections: number; warmupSeconds: number; durationSeconds: number; sequentialRequests: number; today: string };
  targets: typeof TARGETS;
  firstLoadJs: RouteJs[];
  scales: ScaleResult[];
}

export const f = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "–");
export const mark = (ok: boolean) => (ok ? "✓" : "✗");

export function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}

/** Per-request cost relative to the static page: by server CPU time and by throughput. */
export function ratios(t: TargetResult, reference: TargetResult) {
  return { cpu: t.cpuMsPerRequest / reference.cpuMsPerRequest, throughput: reference.reqPerSec / t.reqPerSec };
}

function loadTable(s: ScaleResult): string {
  const reference = s.targets[0]!;
  const rows = s.targets.map((t, i) => {
    const r = ratios(t, reference);
    const ok = i === 0 || (r.cpu <= TARGETS.costRatioMax && t.p95 <= TARGETS.p95MaxMs && t.errors === 0);
    return [
      t.name,
      f(t.reqPerSec, 0),
      f(t.p50),
      f(t.p95),
      f(t.p99),
      f(t.cpuMsPerRequest, 2),
      f(t.sqlMsPerRequest, 2),
      f(t.statementsPerRequest, 0),
      i === 0 ? "1" : f(r.cpu),
      i === 0 ? "1" : f(r.throughput),
      String(t.errors),
      i === 0 ? "基准" : mark(ok),
    ];
  });
  return table(
    [
      "目标",
      "req/s",
      "p50 ms",
      "p95 ms",
      "p99 ms",
      "CPU ms/请求",
      "SQL ms/请求",
      "SQL 语句/请求",
      "成本×静态页（CPU）",
      "成本×静态页（req/s）",
      "错误",
      "达标",
    ],
    rows,
  );
}

/** One request at a time: each target's own cost with nothing queued in front of it. */
export function sequentialRows(s: ScaleResult): { name: string; r: SequentialResult }[] {
  const rows = s.targets.flatMap((t) => (t.sequential ? [{ name: t.name, r: t.sequential }] : []));
  return s.submit ? [...rows, { name: "提交填报（Server Action）", r: s.submit }] : rows;
}

function sequentialTable(s: ScaleResult): string {
  const [reference, ...rest] = sequentialRows(s);
  if (!reference) return "（未测）";
  const rows = [reference, ...rest].map(({ name, r }, i) => {
    const time = r.p50 / reference.r.p50;
    const cpu = r.cpuMsPerRequest / reference.r.cpuMsPerRequest;
    const ok = r.errors === 0 && time <= TARGETS.costRatioMax && cpu <= TARGETS.costRatioMax;
    return [
      name,
      String(r.requests),
      f(r.p50),
      f(r.p95),
      f(r.cpuMsPerRequest, 2),
      i === 0 ? "1" : f(time),
      i === 0 ? "1" : f(cpu),
      String(r.errors),
      i === 0 ? "基准" : mark(ok),
    ];
  });
  return (
    table(
      ["目标", "请求数", "p50 ms", "p95 ms", "CPU ms/请求", "×静态页（p50）", "×静态页（CPU）", "错误", `达标（两种比都 ≤${TARGETS.costRatioMax}×）`],
      rows,
    ) + failureLines([reference, ...rest])
  );
}

/** Under a table: what the first errors of each target were. */
function failureLines(rows: { name: string; r: { failures?: string[] } }[]): string {
  const lines = rows.flatMap(({ name, r }) => (r.failures ?? []).map((why) => `- ${name}：${why.replace(/\|/g, "\\|")}`));
  return lines.length ? `\n\n错误明细（每个目标最多 5 条）：\n\n${lines.join("\n")}` : "";
}

function aboutLine(s: ScaleResult): string {
  const a = s.about;
  return a.prerendered
    ? `基准页 /about 是构建时预渲染的静态页：prerender-manifest 中有它，响应头 x-nextjs-prerender: ${a.prerenderHeader}，登录用户拿到的正文与构建写出的 about.html 逐字节相同。`
    : `**基准页 /about 不是按预渲染文件送出的静态页**（prerender-manifest 中${a.inPrerenderManifest ? "有" : "没有"}它；` +
        `x-nextjs-prerender: ${a.prerenderHeader ?? "无"}；正文${a.servedFromBuild ? "与" : "不同于"} about.html）：下表的“×静态页”是与一个按请求渲染的页面相比。`;
}

function statusLine(s: ScaleResult): string {
  const { generated: g, afterWrites: w, clockBehindData } = s.statusRebuild;
  const said = (c: typeof g) => `${c.identical ? "✓ 与存储完全一致" : "✗ 与存储不一致"}（用时 ${f(c.seconds)} s）\n\n\`\`\`\n${c.output}\n\`\`\``;
  const behind = clockBehindData
    ? "\n\n注意：本机时钟早于生成数据的最后一条状态（数据设在季度末），服务器的写入按本机时钟盖时间，存储为保持历史顺序把它们移到最后一条之后，重算不做这一步；此时写入后的比较不能说明写入路径。"
    : "";
  return `\`npm run status:rebuild\`，生成数据上（全部经 db/ 的写入函数写入）：${said(g)}\n\n压测的保存与提交之后：${said(w)}${behind}`;
}

function growthTable(small: ScaleResult, large: ScaleResult): string {
  const rows = large.targets.slice(1).flatMap((t) => {
    const base = small.targets.find((x) => x.name === t.name);
    if (!base) return [];
    const cpu = t.cpuMsPerRequest / base.cpuMsPerRequest;
    const p95 = t.p95 / base.p95;
    const alone = t.sequential && base.sequential ? t.sequential.p50 / base.sequential.p50 : Number.NaN;
    const ok = cpu <= TARGETS.scaleGrowthMax && p95 <= TARGETS.scaleGrowthMax && !(alone > TARGETS.scaleGrowthMax) && t.errors === 0;
    return [[t.name, f(alone, 2), f(cpu, 2), f(p95, 2), f(t.sqlMsPerRequest / base.sqlMsPerRequest, 2), String(t.errors), mark(ok)]];
  });
  return table(
    [
      "目标",
      "逐个请求 p50 比",
      `CPU/请求 ×${large.scale}÷×${small.scale}`,
      "10 连接 p95 比",
      "SQL 比",
      `×${large.scale} 错误`,
      `达标（≤${TARGETS.scaleGrowthMax}×，0 错误）`,
    ],
    rows,
  );
}

export const burstP95Max = (scale: number) => (scale === 1 ? TARGETS.burstP95MaxMs.x1 : TARGETS.burstP95MaxMs.x100);

function burstTable(scales: ScaleResult[]): string {
  const rows = scales.flatMap((s) => {
    const b = s.burst;
    if (!b) return [];
    const ok =
      b.errors === 0 && b.rowsSaved === b.submissions && b.versionsSaved === b.submissions && b.auditRows === b.submissions && b.p95 <= burstP95Max(s.scale);
    return [
      [
        `×${s.scale}`,
        String(b.submissions),
        String(b.accounts),
        f(b.seconds, 2),
        f(b.perSecond, 0),
        f(b.p50, 0),
        f(b.p95, 0),
        String(b.errors),
        `${b.rowsSaved} / ${b.versionsSaved} / ${b.auditRows}`,
        mark(ok),
      ],
    ];
  });
  return table(
    [
      "规模",
      "提交数",
      "账号数",
      "总耗时 s",
      "提交/s",
      "p50 ms",
      "p95 ms",
      "错误",
      "已存 报告/版本/审计",
      "达标（0 错误、全部存下、p95 ≤ 300 ms ×1 / 1 s ×100）",
    ],
    rows,
  );
}

function backupTable(scales: ScaleResult[]): string {
  const rows = scales.flatMap((s) => {
    const b = s.backup;
    if (!b) return [];
    const ok = b.completed && b.finishedUnderLoad && b.seconds <= TARGETS.backupMaxSeconds && b.auditVerified && b.unchangedByVerify;
    return [
      [
        `×${s.scale}`,
        f(b.megabytes, 0),
        b.completed ? f(b.seconds, 1) : "未完成",
        f(b.savesPerSecond, 0),
        String(b.saveErrors),
        mark(b.auditVerified),
        mark(b.unchangedByVerify),
        mark(ok),
      ],
    ];
  });
  return table(["规模", "备份 MB", "耗时 s", "同时保存/s", "保存错误", "audit:verify", "校验后文件不变", `达标（≤${TARGETS.backupMaxSeconds} s）`], rows);
}

function lighthouseTable(scales: ScaleResult[]): string {
  const L = TARGETS.lighthouse;
  const rows = scales.flatMap((s) =>
    s.lighthouse.map(({ page, scores: x }) => [
      `×${s.scale} ${page}`,
      String(x.performance),
      String(x.accessibility),
      String(x.bestPractices),
      mark(x.performance >= L.performance && x.accessibility >= L.accessibility && x.bestPractices >= L.bestPractices),
      x.failing.join(", ") || "–",
    ]),
  );
  return table(["页面", "性能", "无障碍", "最佳实践", "达标", "未满分的审计项"], rows);
}

function slowSqlTable(s: ScaleResult): string {
  const rows = s.targets
    .slice(1)
    .flatMap((t) =>
      (t.topSql ?? [])
        .slice(0, 2)
        .map((q) => [
          t.name,
          f(q.msPerRequest, 2),
          f(q.timesPerRequest, 1),
          `\`${q.sql.slice(0, 160).replace(/\|/g, "\\|")}${q.sql.length > 160 ? "…" : ""}\``,
        ]),
    );
  return table(["目标", "ms/请求", "次/请求", "语句"], rows);
}

function jsTable(routes: RouteJs[]): string {
  return table(
    ["路由", "首屏 JS（gzip KB）", "文件数"],
    routes.map((r) => [r.route, f(r.gzipKb), String(r.files)]),
  );
}

export function renderMarkdown(results: BenchResults): string {
  const m = results.machine;
  const s = results.settings;
  const parts = [
    `测得于 ${results.finishedAt}：${m.cpus} 核 ${m.cpuModel}，${m.memoryGb} GB，Node ${m.node}，${m.os}；开始时 1 分钟平均负载 ${m.loadAverageAtStart.toFixed(1)}（>0.5 说明有其他程序在占用 CPU，数字偏低）。` +
      `逐个请求：每个目标 ${s.sequentialRequests} 次（先热身 5 次）；autocannon ${s.connections} 个连接，预热 ${s.warmupSeconds} s 后测 ${s.durationSeconds} s；服务器“今天”= ${s.today}。`,
    `命令：\`${results.command}\``,
  ];
  for (const scale of results.scales) {
    parts.push(
      `### ×${scale.scale} 数据\n\n${aboutLine(scale)}\n\n#### 逐个请求（一次一个，前一个答完再发下一个）\n\n${sequentialTable(scale)}` +
        `\n\n#### ${s.connections} 个连接\n\n${loadTable(scale)}\n\n#### 状态重算\n\n${statusLine(scale)}`,
    );
  }
  const small = results.scales[0];
  const large = results.scales.at(-1);
  if (small && large && large !== small) parts.push(`### 数据增长（×${large.scale} 与 ×${small.scale} 相比）\n\n${growthTable(small, large)}`);
  if (large) parts.push(`### ×${large.scale} 时最耗时的 SQL（每个目标前两条）\n\n${slowSqlTable(large)}`);
  parts.push(`### 季末集中提交\n\n${burstTable(results.scales)}`);
  if (results.scales.some((x) => x.backup)) parts.push(`### 保存填报期间在线备份（npm run db:backup）\n\n${backupTable(results.scales)}`);
  if (results.scales.some((x) => x.lighthouse.length)) parts.push(`### Lighthouse 12.2.3（移动端）\n\n${lighthouseTable(results.scales)}`);
  parts.push(`### 首屏 JS（构建产物）\n\n${jsTable(results.firstLoadJs)}`);
  return parts.join("\n\n");
}
