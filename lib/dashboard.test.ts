import { describe, expect, it } from "vitest";
import {
  applyDrill,
  completionPercent,
  dashboardScope,
  defaultQuarter,
  describeDrill,
  drillSearch,
  EMPTY_DRILL,
  groupTasks,
  leaderFirst,
  onTimePercent,
  parseAsOf,
  parseDrill,
  percent,
  ragChanges,
  submittedPercent,
  summarize,
  type DashboardTask,
} from "./dashboard";
import { defaultPeriods } from "./periods";

const task = (no: number, over: Partial<DashboardTask> = {}): DashboardTask => ({
  no,
  target: `任务 ${no}`,
  section: "聚力强产业",
  sectionPosition: 2,
  leaders: ["杨盛"],
  leadUnits: ["发改局"],
  rag: "green",
  reasons: [],
  late: false,
  reportStatus: "approved",
  onTime: true,
  done: false,
  previousRag: "green",
  ...over,
});

// Seven tasks: 2 red (one late and unreported), 2 amber, 3 green; one done; one draft.
const fixture: DashboardTask[] = [
  task(1, { section: "主要经济目标", sectionPosition: 1, rag: "red", late: true, reportStatus: null, onTime: false, previousRag: "green" }),
  task(2, { section: "主要经济目标", sectionPosition: 1, rag: "amber", leaders: ["杨盛", "李亚江"], previousRag: "red" }),
  task(3, { rag: "green", done: true, previousRag: "red", leadUnits: ["工信局", "发改局"] }),
  task(4, { rag: "red", reportStatus: "submitted", onTime: false, late: true, leaders: ["李亚江"], previousRag: "amber" }),
  task(5, { rag: "amber", reportStatus: "draft", onTime: false, leaders: ["李亚江"], leadUnits: ["工信局"] }),
  task(6, { section: "岳阳市重点工作任务", sectionPosition: 9, rag: "green", leaders: ["向恩泽"], leadUnits: ["财政局"] }),
  task(7, { rag: "green", reportStatus: "returned", previousRag: "green" }),
];

describe("RAG counts and rates", () => {
  it("counts colours, done, submitted and on-time reports", () => {
    expect(summarize(fixture)).toEqual({ total: 7, red: 2, amber: 2, green: 3, done: 1, submitted: 5, onTime: 4 });
  });

  it("gives completion, submission and on-time rates with one decimal", () => {
    const s = summarize(fixture);
    expect(completionPercent(s)).toBe(14.3);
    expect(submittedPercent(s)).toBe(71.4);
    expect(onTimePercent(s)).toBe(57.1);
  });

  it("has no rate for an empty group rather than 0%", () => {
    expect(percent(0, 0)).toBeNull();
    expect(completionPercent(summarize([]))).toBeNull();
  });
});

describe("grouping", () => {
  it("orders sections as the gazette does, whatever the task order", () => {
    const rows = groupTasks([...fixture].reverse(), "section");
    expect(rows.map((r) => [r.name, r.summary.total, r.summary.red])).toEqual([
      ["主要经济目标", 2, 1],
      ["聚力强产业", 4, 1],
      ["岳阳市重点工作任务", 1, 0],
    ]);
  });

  it("counts a task with two leaders in both leaders' rows, in registry order", () => {
    const rows = groupTasks(fixture, "leader", ["李亚江", "杨盛", "向恩泽"]);
    expect(rows.map((r) => [r.name, r.summary.total])).toEqual([
      ["李亚江", 3],
      ["杨盛", 4],
      ["向恩泽", 1],
    ]);
  });

  it("counts a task in each of its lead units", () => {
    const rows = groupTasks(fixture, "unit");
    const byName = Object.fromEntries(rows.map((r) => [r.name, r.summary]));
    expect(byName["发改局"]?.total).toBe(5);
    expect(byName["工信局"]).toMatchObject({ total: 2, done: 1, amber: 1, green: 1 });
  });
});

describe("change since the previous quarter", () => {
  it("lists tasks that turned red and tasks that turned green", () => {
    const { turnedRed, turnedGreen } = ragChanges(fixture);
    expect(turnedRed.map((t) => t.no)).toEqual([1, 4]);
    expect(turnedGreen.map((t) => t.no)).toEqual([3]);
  });

  it("reports no change in the first quarter", () => {
    expect(ragChanges(fixture.map((t) => ({ ...t, previousRag: null })))).toEqual({ turnedRed: [], turnedGreen: [] });
  });
});

describe("leader scope", () => {
  it("narrows a 牵头领导 to their own tasks by default and widens on request", () => {
    const leader = { role: "leader", isMayor: false, leaderName: "李亚江" };
    expect(dashboardScope(leader, false)).toEqual({ leader: "李亚江", canNarrow: true });
    expect(dashboardScope(leader, true)).toEqual({ leader: null, canNarrow: true });
  });

  it("shows the 市长 and the 督查室 everything", () => {
    expect(dashboardScope({ role: "leader", isMayor: true, leaderName: "马慧" }, false)).toEqual({ leader: null, canNarrow: false });
    expect(dashboardScope({ role: "supervisor", isMayor: false, leaderName: null }, false).leader).toBeNull();
  });

  it("puts the leader's tasks first, each part in 序号 order", () => {
    expect(leaderFirst(fixture, "李亚江").map((t) => t.no)).toEqual([2, 4, 5, 1, 3, 6, 7]);
    expect(leaderFirst(fixture, null).map((t) => t.no)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});

describe("drill-down", () => {
  const known = { sections: ["主要经济目标", "聚力强产业"], leaders: ["杨盛", "李亚江"], units: ["发改局", "工信局"] };

  it("reads a filter from the URL and drops unknown values", () => {
    const f = parseDrill(new URLSearchParams("rag=red&flag=late&section=聚力强产业&leader=张三&unit=工信局"), known);
    expect(f).toEqual({ rag: "red", flag: "late", section: "聚力强产业", leader: null, unit: "工信局" });
    expect(parseDrill({ rag: "purple", flag: "x" }, known)).toEqual(EMPTY_DRILL);
  });

  it("lists exactly the tasks behind a figure", () => {
    expect(applyDrill(fixture, { ...EMPTY_DRILL, rag: "red" }).map((t) => t.no)).toEqual([1, 4]);
    expect(applyDrill(fixture, { ...EMPTY_DRILL, rag: "red", leader: "李亚江" }).map((t) => t.no)).toEqual([4]);
    expect(applyDrill(fixture, { ...EMPTY_DRILL, flag: "onTime", section: "聚力强产业" }).map((t) => t.no)).toEqual([3, 7]);
    expect(applyDrill(fixture, { ...EMPTY_DRILL, flag: "turnedGreen" }).map((t) => t.no)).toEqual([3]);
    expect(applyDrill(fixture, { ...EMPTY_DRILL, unit: "工信局", flag: "done" }).map((t) => t.no)).toEqual([3]);
  });

  it("writes the filter back as a link and describes it in Chinese", () => {
    expect(drillSearch({ rag: "red", section: "聚力强产业" }, { quarter: "2026Q2", all: null })).toBe(
      `?quarter=2026Q2&rag=red&section=${encodeURIComponent("聚力强产业").replace(/%20/g, "+")}`,
    );
    expect(describeDrill({ ...EMPTY_DRILL, rag: "red", leader: "杨盛" })).toBe("红色 · 牵头领导 杨盛");
    expect(describeDrill(EMPTY_DRILL)).toBe("全部任务");
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
