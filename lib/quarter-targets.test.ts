import { describe, expect, it } from "vitest";
import { defaultQuarterPlans, effectivePlans, milestoneField, parseQuarterTargets, planField, type MetricForPlan } from "./quarter-targets";

const chargers: MetricForPlan = { id: 1, label: "充电桩", unit: "个", kind: "cumulative", target: 168, comparator: "atLeast" };
const roads: MetricForPlan = { id: 2, label: "城区道路", unit: "条", kind: "cumulative", target: 9, comparator: "exact" };
const water: MetricForPlan = { id: 3, label: "农村自来水延伸", unit: "万人", kind: "cumulative", target: 1.5, comparator: "exact" };
const gdp: MetricForPlan = { id: 4, label: "地区生产总值增长", unit: "%", kind: "rate", target: 5.5, comparator: "about" };
const firms: MetricForPlan = { id: 5, label: "新增上市企业", unit: "家", kind: "cumulative", target: 1, targetMax: 2, comparator: "range" };

const form = (entries: Record<string, string>) => entries;
const plansFor = (m: MetricForPlan, values: string[]) => Object.fromEntries(values.map((v, i) => [planField(m.id, i + 1), v]));

describe("defaultQuarterPlans", () => {
  it("follows 序时进度 25/50/75/100% for cumulative counts", () => {
    expect(defaultQuarterPlans(chargers)).toEqual([42, 84, 126, 168]);
  });

  it("rounds whole-item units to whole numbers", () => {
    expect(defaultQuarterPlans(roads)).toEqual([2, 5, 7, 9]);
  });

  it("keeps two decimals for units that are not counted in items", () => {
    expect(defaultQuarterPlans(water)).toEqual([0.38, 0.75, 1.13, 1.5]);
  });

  it("plans the annual target in every quarter for rates", () => {
    expect(defaultQuarterPlans(gdp)).toEqual([5.5, 5.5, 5.5, 5.5]);
  });
});

describe("parseQuarterTargets", () => {
  it("accepts the defaults", () => {
    const r = parseQuarterTargets([chargers, gdp], form({ ...plansFor(chargers, ["42", "84", "126", "168"]), ...plansFor(gdp, ["5.5", "5.5", "5.5", "5.5"]) }));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.plans.get(1)).toEqual([42, 84, 126, 168]);
  });

  it("refuses a cumulative plan that goes down, naming the quarter", () => {
    const r = parseQuarterTargets([chargers], plansFor(chargers, ["50", "40", "126", "168"]));
    expect(r).toEqual({ ok: false, errors: { [planField(1, 2)]: ["累计计划不能低于上一季度（50个）"] } });
  });

  it("requires Q4 to equal an exact or 左右 target", () => {
    const r = parseQuarterTargets([roads], plansFor(roads, ["2", "4", "6", "10"]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[planField(2, 4)]).toEqual(["第四季度应等于年度目标 9条"]);
    const rate = parseQuarterTargets([gdp], plansFor(gdp, ["5", "5.2", "5.4", "5.4"]));
    expect(rate.ok).toBe(false);
  });

  it("allows Q4 above an 以上 target but not below it", () => {
    expect(parseQuarterTargets([chargers], plansFor(chargers, ["50", "100", "150", "200"])).ok).toBe(true);
    const r = parseQuarterTargets([chargers], plansFor(chargers, ["40", "80", "120", "160"]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[planField(1, 4)]?.[0]).toContain("不低于年度目标 168个");
  });

  it("keeps Q4 of a range target within the range", () => {
    expect(parseQuarterTargets([firms], plansFor(firms, ["0", "1", "1", "2"])).ok).toBe(true);
    expect(parseQuarterTargets([firms], plansFor(firms, ["0", "1", "1", "3"])).ok).toBe(false);
  });

  it("lets a rate ramp up during the year", () => {
    expect(parseQuarterTargets([gdp], plansFor(gdp, ["4.8", "5", "5.2", "5.5"])).ok).toBe(true);
  });

  it("reports every bad field at once with its own message", () => {
    const r = parseQuarterTargets([chargers], plansFor(chargers, ["", "abc", "1,000", "168"]));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(Object.keys(r.errors).sort()).toEqual([planField(1, 1), planField(1, 2), planField(1, 3)]);
    }
  });

  it("requires a milestone in every quarter for a task without metrics", () => {
    const r = parseQuarterTargets([], { [milestoneField(1)]: "完成方案", [milestoneField(2)]: " " });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors).sort()).toEqual([milestoneField(2), milestoneField(3), milestoneField(4)]);
  });

  it("keeps optional milestones trimmed and null when blank", () => {
    const r = parseQuarterTargets([roads], { ...plansFor(roads, ["2", "5", "7", "9"]), [milestoneField(1)]: "  完成招标 " });
    expect(r.ok && r.milestones).toEqual(["完成招标", null, null, null]);
  });

  it("refuses an overlong milestone", () => {
    const r = parseQuarterTargets([roads], { ...plansFor(roads, ["2", "5", "7", "9"]), [milestoneField(3)]: "长".repeat(201) });
    expect(r.ok).toBe(false);
  });
});

describe("effectivePlans", () => {
  it("uses stored plans and fills missing quarters with the defaults", () => {
    expect(effectivePlans(chargers, [50, undefined, 130, 170])).toEqual([50, 84, 130, 170]);
    expect(effectivePlans(chargers, undefined)).toEqual([42, 84, 126, 168]);
  });
});
