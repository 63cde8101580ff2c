import { describe, expect, it } from "vitest";
import { defaultPeriods } from "./periods";
import { evaluateQuarter, formatPercent, hasProblems, shortfallRatio, type QuarterStatusInput, type RagMetric } from "./rag";

const [q1, q2] = defaultPeriods(2026) as [ReturnType<typeof defaultPeriods>[0], ReturnType<typeof defaultPeriods>[0]];
const onTime = Date.parse("2026-04-03T10:00:00+08:00");
const chargers = (actual: number | null): RagMetric => ({ label: "充电桩", unit: "个", kind: "cumulative", plan: 84, actual });
const gdp = (actual: number): RagMetric => ({ label: "地区生产总值增长", unit: "%", kind: "rate", plan: 5.5, actual });

const base: QuarterStatusInput = {
  period: q1,
  reportStatus: "submitted",
  firstSubmittedAt: onTime,
  metrics: [],
  milestones: [],
  selfStatus: "onTrack",
  problems: "",
  today: "2026-04-10",
};
const evaluate = (patch: Partial<QuarterStatusInput>) => evaluateQuarter({ ...base, ...patch });

describe("lateness", () => {
  it("is red with days overdue when nothing was submitted after the due date", () => {
    const s = evaluate({ period: q2, reportStatus: null, firstSubmittedAt: null, today: "2026-07-11" });
    expect(s).toMatchObject({ late: true, behind: false, rag: "red", assessed: false, reasons: ["Q2 未报，已逾期 6 天"] });
  });

  it("is not late on the due day itself", () => {
    const s = evaluate({ reportStatus: "draft", firstSubmittedAt: null, today: "2026-04-05" });
    expect(s).toMatchObject({ late: false, rag: "green", assessed: false, reasons: [] });
  });

  it("keeps a late first submission flagged with the days it was late", () => {
    const s = evaluate({ firstSubmittedAt: Date.parse("2026-04-08T09:00:00+08:00") });
    expect(s).toMatchObject({ late: true, rag: "red", reasons: ["Q1 逾期 3 天提交"] });
  });

  it("does not judge a draft's content, only its lateness", () => {
    const s = evaluate({ reportStatus: "draft", firstSubmittedAt: null, today: "2026-04-02", metrics: [chargers(10)], selfStatus: "behind" });
    expect(s).toMatchObject({ late: false, behind: false, rag: "green", assessed: false });
  });
});

describe("metrics behind plan", () => {
  it("is red when a count is behind by more than 20% of plan", () => {
    const s = evaluate({ metrics: [chargers(60)] });
    expect(s).toMatchObject({ late: false, behind: true, rag: "red", reasons: ["充电桩 累计 60/84 个，低于序时进度 28.6%"] });
  });

  it("is amber when behind by exactly 20% and green at plan", () => {
    expect(evaluate({ metrics: [{ ...chargers(80), plan: 100 }] }).rag).toBe("amber");
    expect(evaluate({ metrics: [chargers(84)] })).toMatchObject({ rag: "green", behind: false, reasons: [] });
  });

  it("compares a rate directly to its plan", () => {
    const s = evaluate({ metrics: [gdp(5.2)] });
    expect(s.rag).toBe("amber");
    expect(s.shortfalls[0]?.ratio).toBeCloseTo(0.0545, 3);
    expect(s.reasons).toEqual(["地区生产总值增长 5.2%，低于目标 5.5%（为目标的 94.5%）"]);
  });

  it("treats a negative rate against a zero plan as fully behind", () => {
    expect(shortfallRatio(0, -1)).toBe(1);
    expect(shortfallRatio(0, 0)).toBe(0);
  });

  it("skips metrics without an actual", () => {
    expect(evaluate({ metrics: [chargers(null)] }).behind).toBe(false);
  });
});

describe("milestones, self status and problems", () => {
  it("is red and behind when a milestone due in the quarter is not done", () => {
    const s = evaluate({ milestones: [{ text: "完成项目选址", done: false }] });
    expect(s).toMatchObject({ behind: true, rag: "red", reasons: ["节点未完成：完成项目选址"] });
  });

  it("is amber, not behind, when the unit reports 滞后", () => {
    expect(evaluate({ selfStatus: "behind" })).toMatchObject({ behind: false, rag: "amber", reasons: ["单位自评“滞后”"] });
  });

  it("is amber when problems are reported, quoting them briefly", () => {
    const s = evaluate({ problems: "用地指标紧张，部分项目征拆进度慢，需要市级层面协调解决资金缺口问题。" });
    expect(s.rag).toBe("amber");
    expect(s.reasons[0]).toBe("存在问题：用地指标紧张，部分项目征拆进度慢，需要市级层面协调解决资金缺…");
  });

  it("ignores problems that only say there are none", () => {
    for (const none of ["无", "暂无。", " 无 ", "没有问题", "/"]) expect(hasProblems(none), none).toBe(false);
    expect(hasProblems("资金未到位")).toBe(true);
  });

  it("lists every reason, lateness first", () => {
    const s = evaluate({ firstSubmittedAt: Date.parse("2026-04-07T09:00:00+08:00"), metrics: [chargers(80)], selfStatus: "behind" });
    expect(s.rag).toBe("red");
    expect(s.reasons).toEqual(["Q1 逾期 2 天提交", "充电桩 累计 80/84 个，低于序时进度 4.8%", "单位自评“滞后”"]);
  });
});

it("formats percentages with one decimal and no trailing zero", () => {
  expect(formatPercent(0.2857)).toBe("28.6%");
  expect(formatPercent(0.25)).toBe("25%");
});
