import { describe, expect, it } from "vitest";
import { parseProjectValues, projectField, stageMilestones } from "./project-report-input";
import { COVERAGE_CATEGORY, TOTAL_KEY, type PartForProgress } from "./project-progress";

const bridges: PartForProgress = {
  id: 1,
  name: "自建桥梁隐患整治",
  total: 108,
  totalUnit: "座",
  categories: ["轻微缺损", "中等缺损", "严重缺损"],
  milestones: [{ id: 11, due: "2026-03-31", text: "3 月底前完成 4 座", targets: { total: 4, 轻微缺损: 2, 中等缺损: 2 } }],
};
const rural: PartForProgress = {
  id: 2,
  name: "农村危房",
  total: 165,
  totalUnit: "户",
  categories: [],
  milestones: [
    { id: 21, due: "2026-03-31", text: "对象核实", targets: {} },
    { id: 22, due: "2026-06-30", text: "完成 30%", targets: { percent: 30 } },
  ],
};
const water: PartForProgress = {
  id: 3,
  name: "农村自来水延伸扩面",
  total: null,
  totalUnit: null,
  categories: [],
  milestones: [{ id: 31, due: "2026-03-31", text: "立项与初步设计", targets: {} }],
};
const coverage = { partId: 3, unit: "万人", target: 1.5 };
const today = "2026-04-03";
const parse = (raw: Record<string, string>, intent: "save" | "submit" = "submit") =>
  parseProjectValues({ raw, parts: [bridges, rural, water], coverage, intent, today });

const complete = {
  [projectField.value(1, 0)]: "2",
  [projectField.value(1, 1)]: "2",
  [projectField.value(1, 2)]: "0",
  [projectField.value(2, 0)]: "12",
  [projectField.milestoneDone(21)]: "1",
  [projectField.milestoneDoneOn(21)]: "2026-03-28",
  [projectField.coverage(3)]: "0.2",
  [projectField.milestoneDone(31)]: "",
};

describe("project report values", () => {
  it("reads per-severity counts, households, people covered and stage milestones", () => {
    const result = parse(complete);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.content.values).toEqual([
      { partId: 1, category: "轻微缺损", value: 2 },
      { partId: 1, category: "中等缺损", value: 2 },
      { partId: 1, category: "严重缺损", value: 0 },
      { partId: 2, category: TOTAL_KEY, value: 12 },
      { partId: 3, category: COVERAGE_CATEGORY, value: 0.2 },
    ]);
    expect(result.content.milestones).toEqual([
      { milestoneId: 21, done: true, doneOn: "2026-03-28" },
      { milestoneId: 31, done: false, doneOn: null },
    ]);
  });

  it("takes a register part's values as derived, ignoring (and never refusing) what was typed for it", () => {
    const derived = new Map<number, Record<string, number>>([
      [1, { 轻微缺损: 2, 中等缺损: 2, 严重缺损: 0 }],
      [2, { [TOTAL_KEY]: 7 }],
    ]);
    const typed = { ...complete, [projectField.value(1, 0)]: "abc", [projectField.value(2, 0)]: "-5" };
    const result = parseProjectValues({ raw: typed, parts: [bridges, rural, water], coverage, intent: "submit", today, derived });
    expect(result.ok && result.content.values).toEqual([
      { partId: 1, category: "轻微缺损", value: 2 },
      { partId: 1, category: "中等缺损", value: 2 },
      { partId: 1, category: "严重缺损", value: 0 },
      { partId: 2, category: TOTAL_KEY, value: 7 },
      { partId: 3, category: COVERAGE_CATEGORY, value: 0.2 },
    ]);
  });

  it("asks only stage milestones to be marked, not counted ones", () => {
    expect(stageMilestones(rural).map((m) => m.id)).toEqual([21]);
    expect(stageMilestones(bridges)).toEqual([]);
  });

  it("needs every value to submit but lets a draft leave them blank", () => {
    const blank = { [projectField.milestoneDone(21)]: "" };
    const submitted = parse(blank);
    expect(submitted.ok).toBe(false);
    if (!submitted.ok) {
      expect(submitted.errors[projectField.value(1, 0)]).toEqual(["请填写“轻微缺损”的数值"]);
      expect(submitted.errors[projectField.coverage(3)]).toEqual(["请填写“覆盖人数”的数值"]);
    }
    expect(parse(blank, "save")).toEqual({ ok: true, content: { values: [], milestones: expect.any(Array) } });
  });

  it("refuses severities adding up to more than the 108 hazardous bridges", () => {
    const result = parse({ ...complete, [projectField.value(1, 0)]: "64", [projectField.value(1, 1)]: "40", [projectField.value(1, 2)]: "8" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[projectField.part(1)]).toEqual(["各类合计 112 座，超过总数 108 座，请检查"]);
  });

  it("needs a real completion day, not in the future, for a milestone marked done", () => {
    const missing = parse({ ...complete, [projectField.milestoneDoneOn(21)]: "" });
    expect(!missing.ok && missing.errors[projectField.milestoneDoneOn(21)]).toEqual(["已完成的节点请填写完成日期"]);
    const future = parse({ ...complete, [projectField.milestoneDoneOn(21)]: "2026-04-04" });
    expect(!future.ok && future.errors[projectField.milestoneDoneOn(21)]).toEqual(["完成日期不能晚于今天"]);
    const bad = parse({ ...complete, [projectField.milestoneDoneOn(21)]: "2026-02-30" });
    expect(!bad.ok && bad.errors[projectField.milestoneDoneOn(21)]).toEqual(["请填写有效日期，格式如 2026-03-20"]);
  });

  it("refuses negative counts and values typed with their unit", () => {
    const result = parse({ ...complete, [projectField.value(2, 0)]: "-1", [projectField.coverage(3)]: "0.2万人" });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[projectField.value(2, 0)]).toEqual(["累计数不能为负数"]);
      expect(result.errors[projectField.coverage(3)]).toEqual(["只填数字即可，单位“万人”已标明"]);
    }
  });
});
