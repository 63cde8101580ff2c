import { describe, expect, it } from "vitest";
import { defaultPeriods } from "./periods";
import {
  COVERAGE_CATEGORY,
  coverageSeries,
  milestoneMarks,
  milestoneRequirement,
  partKind,
  partSeries,
  projectQuarterPlan,
  reportedTotal,
  shareOfTotal,
  TOTAL_KEY,
  type PartForProgress,
  type PartReport,
} from "./project-progress";
import { judgeProgress } from "./quarter-status";

const SEVERITIES = ["轻微缺损", "中等缺损", "严重缺损"];
const bridges: PartForProgress = {
  id: 1,
  name: "自建桥梁隐患整治",
  total: 108,
  totalUnit: "座",
  categories: SEVERITIES,
  milestones: [
    { id: 11, due: "2026-03-31", text: "3 月底前完成 4 座", targets: { total: 4, 轻微缺损: 2, 中等缺损: 2 } },
    { id: 12, due: "2026-06-30", text: "6 月底前完成 17 座", targets: { total: 17, percent: 15.7, 轻微缺损: 10, 中等缺损: 6, 严重缺损: 1 } },
    { id: 13, due: "2026-09-30", text: "9 月底前完成 70 座", targets: { total: 70, percent: 64.8, 轻微缺损: 50, 中等缺损: 18, 严重缺损: 2 } },
    { id: 14, due: "2026-12-31", text: "12 月底前完成 90 座", targets: { total: 90, percent: 83.3, 轻微缺损: 64, 中等缺损: 24, 严重缺损: 2 } },
  ],
};
const rural: PartForProgress = {
  id: 2,
  name: "农村危房",
  total: 165,
  totalUnit: "户",
  categories: [],
  milestones: [
    { id: 21, due: "2026-03-31", text: "3 月底完成 165 户对象核实", targets: {} },
    { id: 22, due: "2026-06-30", text: "6 月底完成 30%", targets: { percent: 30 } },
    { id: 23, due: "2026-09-30", text: "9 月底完成 60%", targets: { percent: 60 } },
    { id: 24, due: "2026-12-31", text: "12 月完成全年任务", targets: { percent: 100 } },
  ],
};
const water: PartForProgress = {
  id: 3,
  name: "农村自来水延伸扩面",
  total: null,
  totalUnit: null,
  categories: [],
  milestones: [
    { id: 31, due: "2026-03-31", text: "立项与初步设计", targets: {} },
    { id: 32, due: "2026-06-30", text: "审批、核概、财评、招标", targets: {} },
    { id: 33, due: "2026-09-30", text: "完成年度建设任务的 40%", targets: { percent: 40 } },
    { id: 34, due: "2026-11-30", text: "11 月底前完成年度建设任务", targets: { percent: 100 } },
  ],
};
const periods = defaultPeriods(2026);
const bridgeReport = (quarter: 1 | 2 | 3 | 4, [minor, medium, severe]: [number, number, number]): PartReport => ({
  quarter,
  values: { 轻微缺损: minor, 中等缺损: medium, 严重缺损: severe },
  milestones: {},
});

describe("part kinds and milestone requirements", () => {
  it("classifies bridges as categorised, rural housing as counted and water as staged", () => {
    expect([partKind(bridges), partKind(rural), partKind(water)]).toEqual(["categorised", "counted", "staged"]);
  });

  it("requires each severity of a bridge milestone and counts an unnamed severity as 0", () => {
    expect(milestoneRequirement(bridges, bridges.milestones[0]!)).toEqual({ 轻微缺损: 2, 中等缺损: 2, 严重缺损: 0, [TOTAL_KEY]: 4 });
    expect(milestoneRequirement(bridges, bridges.milestones[3]!)).toEqual({ 轻微缺损: 64, 中等缺损: 24, 严重缺损: 2, [TOTAL_KEY]: 90 });
  });

  it("turns a percent of 165 households into whole households, rounding up", () => {
    expect(rural.milestones.map((m) => milestoneRequirement(rural, m))).toEqual([null, { [TOTAL_KEY]: 50 }, { [TOTAL_KEY]: 99 }, { [TOTAL_KEY]: 165 }]);
  });

  it("treats every water milestone as a stage, even those naming a share", () => {
    expect(water.milestones.map((m) => milestoneRequirement(water, m))).toEqual([null, null, null, null]);
  });
});

describe("actual against target per quarter", () => {
  it("derives the bridge total from the severities and shows the 4/17/70/90 targets", () => {
    const series = partSeries(bridges, [bridgeReport(1, [2, 1, 0]), bridgeReport(2, [11, 6, 1])]);
    const total = series[0]!;
    expect(total.label).toBe("合计");
    expect(total.points.map((p) => p.target)).toEqual([4, 17, 70, 90]);
    expect(total.points.map((p) => p.actual)).toEqual([3, 18, null, null]);
    const severe = series.find((s) => s.key === "严重缺损")!;
    expect(severe.points.map((p) => p.target)).toEqual([0, 1, 2, 2]);
  });

  it("gives no total when a severity is missing from the report", () => {
    expect(reportedTotal(bridges, { 轻微缺损: 2, 中等缺损: 1 })).toBeNull();
  });

  it("leaves the rural Q1 target empty because its milestone is a stage", () => {
    const [series] = partSeries(rural, [{ quarter: 2, values: { [TOTAL_KEY]: 40 }, milestones: {} }]);
    expect(series!.points.map((p) => p.target)).toEqual([null, 50, 99, 165]);
    expect(series!.points[1]!.actual).toBe(40);
    expect(shareOfTotal(rural, 40)).toBeCloseTo(40 / 165);
  });

  it("has no numeric series for a staged part, and tracks people covered against the task plans", () => {
    expect(partSeries(water, [])).toEqual([]);
    const coverage = coverageSeries([0, 0.3, 0.8, 1.5], "万人", [{ quarter: 3, values: { [COVERAGE_CATEGORY]: 0.9 }, milestones: {} }]);
    expect(coverage.points.map((p) => [p.target, p.actual])).toEqual([
      [0, null],
      [0.3, null],
      [0.8, 0.9],
      [1.5, null],
    ]);
  });
});

describe("milestone marks", () => {
  it("marks a bridge milestone done in its quarter, and late when first met a quarter later", () => {
    const marks = milestoneMarks(bridges, [bridgeReport(1, [2, 2, 0]), bridgeReport(2, [9, 6, 1]), bridgeReport(3, [50, 18, 2])], {
      asOf: "2026-10-20",
      periods,
    });
    expect(marks.map((m) => m.state)).toEqual(["done", "doneLate", "done", "pending"]);
    expect(marks[1]!.doneQuarter).toBe(3);
  });

  it("waits for the quarter's report before calling a missed milestone overdue", () => {
    const early = milestoneMarks(bridges, [], { asOf: "2026-04-02", periods });
    expect(early[0]!.state).toBe("awaiting");
    const afterDue = milestoneMarks(bridges, [], { asOf: "2026-04-06", periods });
    expect(afterDue[0]!.state).toBe("overdue");
    const reportedShort = milestoneMarks(bridges, [bridgeReport(1, [1, 1, 0])], { asOf: "2026-04-02", periods });
    expect(reportedShort[0]!.state).toBe("overdue");
  });

  it("uses the latest report's stage marks and calls a stage done after its due day late", () => {
    const reports: PartReport[] = [
      { quarter: 1, values: {}, milestones: { 31: { done: true, doneOn: "2026-03-20" }, 32: { done: false, doneOn: null } } },
      { quarter: 3, values: {}, milestones: { 32: { done: true, doneOn: "2026-07-15" } } },
    ];
    const marks = milestoneMarks(water, reports, { asOf: "2026-10-10", periods });
    expect(marks.map((m) => [m.state, m.doneOn])).toEqual([
      ["done", "2026-03-20"],
      ["doneLate", "2026-07-15"],
      ["overdue", null],
      ["pending", null],
    ]);
  });
});

describe("what a project quarter is judged against", () => {
  it("turns the bridge Q2 node into the total and severities, red when far behind", () => {
    const report = bridgeReport(2, [5, 3, 0]);
    const plan = projectQuarterPlan([bridges], 2, () => report);
    expect(plan.metrics.map((m) => [m.label, m.plan, m.actual, m.basis])).toEqual([
      ["自建桥梁隐患整治（轻微缺损）", 10, 5, "node"],
      ["自建桥梁隐患整治（中等缺损）", 6, 3, "node"],
      ["自建桥梁隐患整治（严重缺损）", 1, 0, "node"],
      ["自建桥梁隐患整治（合计）", 17, 8, "node"],
    ]);
    expect(judgeProgress({ ...plan, selfStatus: "onTrack", problems: "无", review: "pending" }, null).progress).toBe("red");
  });

  it("is green when every target due in the quarter is met and the water node is done, whatever the people covered", () => {
    const reports: Record<number, PartReport> = {
      1: bridgeReport(2, [10, 6, 1]),
      3: { quarter: 2, values: { [COVERAGE_CATEGORY]: 0.1 }, milestones: { 32: { done: true, doneOn: "2026-06-20" } } },
    };
    const plan = projectQuarterPlan([bridges, water], 2, (id) => reports[id] ?? null);
    expect(plan.nodes).toEqual([{ text: "审批、核概、财评、招标", due: "2026-06-30", done: true, doneOn: "2026-06-20" }]);
    expect(plan.metrics.some((m) => m.label === COVERAGE_CATEGORY)).toBe(false);
    expect(judgeProgress({ ...plan, selfStatus: "onTrack", problems: "", review: "approved" }, null).progress).toBe("green");
  });

  it("lists the rural Q1 stage as a node not stated when there is no report", () => {
    expect(projectQuarterPlan([rural], 1, () => null)).toEqual({
      metrics: [],
      nodes: [{ text: "3 月底完成 165 户对象核实", due: "2026-03-31", done: null, doneOn: null }],
    });
  });
});
