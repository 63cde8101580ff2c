import { describe, expect, it } from "vitest";
import {
  applyDrill,
  byConcern,
  changes,
  completionPercent,
  dashboardScope,
  defaultQuarter,
  describeDrill,
  drillSearch,
  EMPTY_DRILL,
  groupRows,
  leaderFirst,
  onTimePercent,
  parseAsOf,
  parseDrill,
  percent,
  summarize,
  summarySentence,
  type DashboardRow,
} from "./dashboard";
import { defaultPeriods } from "./periods";
import type { QuarterStatus, Reason } from "./quarter-status";
import type { SubjectInfo } from "./subject";
import type { ProgressLamp, ReportingLamp } from "./vocabulary";

function row(
  no: number,
  {
    reporting = "on_time",
    progress = "green",
    previous = "green",
    reasons = [],
    subject = {},
  }: { reporting?: ReportingLamp; progress?: ProgressLamp; previous?: ProgressLamp | null; reasons?: Reason[]; subject?: Partial<SubjectInfo> } = {},
): DashboardRow {
  const status: QuarterStatus = { reporting, daysLate: 0, progress, computedProgress: progress, overridden: false, override: null, reasons, worstShortfall: 0 };
  return {
    subject: { kind: "task", no, title: `任务 ${no}`, section: "聚力强产业", sectionPosition: 2, leaders: ["杨盛"], leadUnits: ["发改局"], ...subject },
    status,
    reportState: reporting === "missing" || reporting === "not_due" ? null : "submitted",
    previous,
  };
}

const behind: Reason = { kind: "behind", text: "充电桩 累计 60/84 个，低于季度目标 28.6%" };
const node: Reason = { kind: "milestone", text: "节点未完成：完成选址" };

// Eight subjects: 3 逾期未报 (未评估), 1 迟报 but green, 1 red behind, 1 amber node, 1 done, 1 project not yet due.
const fixture: DashboardRow[] = [
  row(1, { reporting: "missing", progress: "none", previous: "green", subject: { section: "主要经济目标", sectionPosition: 1 } }),
  row(2, { reporting: "missing", progress: "none", previous: "red", subject: { section: "主要经济目标", sectionPosition: 1, leaders: ["杨盛", "李亚江"] } }),
  row(3, { reporting: "missing", progress: "none", previous: null, subject: { leadUnits: ["工信局", "发改局"] } }),
  row(4, { reporting: "late", progress: "green", previous: "red", subject: { leaders: ["李亚江"] } }),
  row(5, { progress: "red", previous: "green", reasons: [behind], subject: { leaders: ["李亚江"], leadUnits: ["工信局"] } }),
  row(6, {
    progress: "amber",
    previous: "none",
    reasons: [node],
    subject: { section: "岳阳市重点工作任务", sectionPosition: 9, leaders: ["向恩泽"], leadUnits: ["财政局"] },
  }),
  row(7, { progress: "done", previous: "green" }),
  row(2, {
    reporting: "not_due",
    progress: "none",
    previous: "green",
    subject: { kind: "project", section: "民生实事", sectionPosition: 99, leaders: ["曹陶"], leadUnits: ["住建局"] },
  }),
];

describe("two-lamp counts and rates", () => {
  it("counts 报送 and 进度 separately, and the causes of a flagged lamp", () => {
    const s = summarize(fixture);
    expect(s.reporting).toEqual({ not_due: 1, on_time: 3, late: 1, missing: 3, not_required: 0 });
    expect(s.progress).toEqual({ green: 1, amber: 1, red: 1, done: 1, none: 4 });
    expect([s.behind, s.nodesMissed]).toEqual([1, 1]);
  });

  it("gives the on-time rate against what is due, and completion against the total", () => {
    const s = summarize(fixture);
    expect(onTimePercent(s)).toBe(42.9);
    expect(completionPercent(s)).toBe(12.5);
    expect(percent(0, 0)).toBeNull();
    expect(completionPercent(summarize([]))).toBeNull();
  });

  it("says the quarter in one sentence, naming only what is not zero", () => {
    expect(summarySentence("2026Q3", summarize(fixture), 2)).toBe("三季度 8 项：逾期未报 3、迟报 1、未到期 1；进度滞后 1、节点未完成 1；未销号督办 2 件");
    const quiet = [row(1, { reporting: "not_due", progress: "none" })];
    expect(summarySentence("2026Q4", summarize(quiet), 0)).toBe("四季度 1 项：未到期 1；进度均未评估（尚无已提交的报告）；无未销号督办");
  });
});

describe("grouping", () => {
  it("orders sections as the gazette does, projects last", () => {
    const rows = groupRows([...fixture].reverse(), "section");
    expect(rows.map((r) => [r.name, r.summary.total, r.summary.reporting.missing])).toEqual([
      ["主要经济目标", 2, 2],
      ["聚力强产业", 4, 1],
      ["岳阳市重点工作任务", 1, 0],
      ["民生实事", 1, 0],
    ]);
  });

  it("counts a subject with two leaders in both leaders' rows, in registry order", () => {
    const rows = groupRows(fixture, "leader", ["李亚江", "杨盛", "向恩泽"]);
    expect(rows.slice(0, 3).map((r) => [r.name, r.summary.total])).toEqual([
      ["李亚江", 3],
      ["杨盛", 4],
      ["向恩泽", 1],
    ]);
  });

  it("counts a subject in each of its lead units", () => {
    const byName = Object.fromEntries(groupRows(fixture, "unit").map((r) => [r.name, r.summary]));
    expect(byName["发改局"]?.total).toBe(5);
    expect(byName["工信局"]).toMatchObject({ total: 2, progress: { red: 1, none: 1 } });
  });
});

describe("units needing attention first", () => {
  it("ranks by 逾期未报, then 红, 迟报 and 黄, whatever order the units came in", () => {
    const rows = groupRows([...fixture].reverse(), "unit");
    expect(rows.map((r) => r.name)).toEqual(["住建局", "发改局", "财政局", "工信局"]);
    expect(byConcern(rows).map((r) => r.name)).toEqual(["发改局", "工信局", "财政局", "住建局"]);
    expect(rows.map((r) => r.name)).toEqual(["住建局", "发改局", "财政局", "工信局"]);
  });
});

describe("change since the previous quarter", () => {
  it("compares only quarters that were both judged", () => {
    const { turnedRed, turnedGreen } = changes(fixture);
    // 1 and 2 are 未评估 now; 3 has no previous quarter; 6 was 未评估 before.
    expect(turnedRed.map((r) => r.subject.no)).toEqual([5]);
    expect(turnedGreen.map((r) => r.subject.no)).toEqual([4]);
  });

  it("reports no change in the first quarter", () => {
    expect(changes(fixture.map((r) => ({ ...r, previous: null })))).toEqual({ turnedRed: [], turnedGreen: [] });
  });
});

describe("leader scope", () => {
  it("narrows a 牵头领导 to their own subjects by default and widens on request", () => {
    const leader = { role: "leader", isMayor: false, leaderName: "李亚江" };
    expect(dashboardScope(leader, false)).toEqual({ leader: "李亚江", canNarrow: true });
    expect(dashboardScope(leader, true)).toEqual({ leader: null, canNarrow: true });
  });

  it("shows the 市长 and the 督查室 everything", () => {
    expect(dashboardScope({ role: "leader", isMayor: true, leaderName: "马慧" }, false)).toEqual({ leader: null, canNarrow: false });
    expect(dashboardScope({ role: "supervisor", isMayor: false, leaderName: null }, false).leader).toBeNull();
  });

  it("puts the leader's subjects first, tasks before projects, each in 序号 order", () => {
    expect(leaderFirst(fixture, "李亚江").map((r) => r.subject.no)).toEqual([2, 4, 5, 1, 3, 6, 7, 2]);
  });
});

describe("drill-down", () => {
  const known = { sections: ["主要经济目标", "聚力强产业"], leaders: ["杨盛", "李亚江"], units: ["发改局", "工信局"] };

  it("reads a filter from the URL and drops unknown values", () => {
    const f = parseDrill(new URLSearchParams("reporting=missing&progress=red&change=turnedRed&section=聚力强产业&leader=张三&unit=工信局"), known);
    expect(f).toEqual({ reporting: "missing", progress: "red", change: "turnedRed", section: "聚力强产业", leader: null, unit: "工信局" });
    expect(parseDrill({ progress: "purple", reporting: "x", rag: "red" }, known)).toEqual(EMPTY_DRILL);
  });

  it("lists exactly the subjects behind a figure", () => {
    expect(applyDrill(fixture, { ...EMPTY_DRILL, reporting: "missing" }).map((r) => r.subject.no)).toEqual([1, 2, 3]);
    expect(applyDrill(fixture, { ...EMPTY_DRILL, progress: "red", leader: "李亚江" }).map((r) => r.subject.no)).toEqual([5]);
    expect(applyDrill(fixture, { ...EMPTY_DRILL, change: "turnedGreen" }).map((r) => r.subject.no)).toEqual([4]);
    expect(applyDrill(fixture, { ...EMPTY_DRILL, unit: "工信局", progress: "none" }).map((r) => r.subject.no)).toEqual([3]);
  });

  it("writes the filter back as a link and describes it in Chinese", () => {
    expect(drillSearch({ progress: "red", section: "聚力强产业" }, { quarter: "2026Q2", all: null })).toBe(
      `?quarter=2026Q2&progress=red&section=${encodeURIComponent("聚力强产业").replace(/%20/g, "+")}`,
    );
    expect(describeDrill({ ...EMPTY_DRILL, reporting: "missing", leader: "杨盛" })).toBe("报送：逾期未报 · 牵头领导 杨盛");
    expect(describeDrill({ ...EMPTY_DRILL, progress: "red" })).toBe("进度：红");
    expect(describeDrill(EMPTY_DRILL)).toBe("全部任务与民生实事");
  });
});

describe("quarter and as-of day", () => {
  const periods = defaultPeriods(2026);

  it("opens on the last quarter whose reports are past due", () => {
    expect(defaultQuarter(periods, "2026-11-28")?.code).toBe("2026Q3");
    expect(defaultQuarter(periods, "2026-10-05")?.code).toBe("2026Q2");
  });

  it("opens on the quarter being reported before any report round has closed", () => {
    expect(defaultQuarter(periods, "2026-04-03")?.code).toBe("2026Q1");
    expect(defaultQuarter(periods, "2025-12-01")?.code).toBe("2026Q1");
  });

  it("accepts a past as-of day and falls back to today for anything else", () => {
    expect(parseAsOf("2026-07-10", "2026-11-28")).toBe("2026-07-10");
    expect(parseAsOf("2026-12-01", "2026-11-28")).toBe("2026-11-28");
    expect(parseAsOf("2026-02-30", "2026-11-28")).toBe("2026-11-28");
    expect(parseAsOf(undefined, "2026-11-28")).toBe("2026-11-28");
  });
});
