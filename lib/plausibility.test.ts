import { describe, expect, it } from "vitest";
import { confirmWarnings, metricChecks, partChecks, plausibilityWarnings, withValues } from "./plausibility";

const houses = { id: 1, label: "改造城市危旧房", unit: "套", kind: "cumulative" as const, target: 132, targetMax: null };
const growth = { id: 2, label: "固定资产投资增长", unit: "%", kind: "rate" as const, target: 6, targetMax: null };
const none = new Map<string, { value: number; periodCode: string }>();

describe("plausibility warnings", () => {
  it("warns about a cumulative figure above the annual target (500 套 against 132)", () => {
    const w = plausibilityWarnings(withValues(metricChecks([houses], none), new Map([["metric.1", 500]])));
    expect(w).toEqual([{ field: "metric.1", kind: "aboveCeiling", text: "改造城市危旧房累计 500 套，超过年度目标 132 套" }]);
  });

  it("says nothing about the target itself, a rate, or an empty field", () => {
    const checks = metricChecks([houses, growth], none);
    expect(plausibilityWarnings(withValues(checks, new Map([["metric.1", 132]])))).toEqual([]);
    expect(plausibilityWarnings(withValues(checks, new Map([["metric.2", 60]])))).toEqual([]);
    expect(plausibilityWarnings(withValues(checks, new Map()))).toEqual([]);
  });

  it("warns about a figure lower than an earlier quarter's submitted one, naming that quarter", () => {
    const earlier = new Map([["1", { value: 60, periodCode: "2026Q2" }]]);
    const w = plausibilityWarnings(withValues(metricChecks([houses], earlier), new Map([["metric.1", 40]])));
    expect(w.map((x) => x.kind)).toEqual(["belowEarlier"]);
    expect(w[0]!.text).toContain("少于二季度已报的 60 套");
  });

  it("warns about a decimal of a count unit (33.5 套) but not of 亿元", () => {
    expect(plausibilityWarnings(withValues(metricChecks([houses], none), new Map([["metric.1", 33.5]]))).map((x) => x.kind)).toEqual(["decimalCount"]);
    const money = { ...houses, unit: "亿元", target: 10 };
    expect(plausibilityWarnings(withValues(metricChecks([money], none), new Map([["metric.1", 3.5]])))).toEqual([]);
  });

  it("checks a counted project part against its total (200 户 against 165), not a category", () => {
    const part = { id: 7, name: "农村危房改造", total: 165, totalUnit: "户", categories: [], milestones: [] };
    const bridges = { id: 8, name: "危桥改造", total: 108, totalUnit: "座", categories: ["中桥", "小桥"], milestones: [] };
    const checks = partChecks([part, bridges], none);
    const w = plausibilityWarnings(
      withValues(
        checks,
        new Map([
          ["part.7.v0", 200],
          ["part.8.v0", 150],
        ]),
      ),
    );
    expect(w).toEqual([{ field: "part.7.v0", kind: "aboveCeiling", text: "农村危房改造累计 200 户，超过总数 165 户" }]);
  });
});

describe("confirming warnings", () => {
  const warnings = plausibilityWarnings(withValues(metricChecks([houses], none), new Map([["metric.1", 500.5]])));

  it("needs a reason per field to submit, and gives every warning of the field that reason", () => {
    expect(warnings).toHaveLength(2);
    expect(confirmWarnings(warnings, {}, { required: true }).errors["confirm.metric.1"]).toHaveLength(1);
    const ok = confirmWarnings(warnings, { "confirm.metric.1": "  含结转  " }, { required: true });
    expect(ok.errors).toEqual({});
    expect(ok.confirmations.map((c) => [c.kind, c.reason])).toEqual([
      ["aboveCeiling", "含结转"],
      ["decimalCount", "含结转"],
    ]);
  });

  it("lets a draft go without a reason, but not with one over 200 characters", () => {
    expect(confirmWarnings(warnings, {}, { required: false })).toEqual({ confirmations: [], errors: {} });
    expect(confirmWarnings(warnings, { "confirm.metric.1": "长".repeat(201) }, { required: false }).errors["confirm.metric.1"]![0]).toContain("200 字以内");
  });
});
