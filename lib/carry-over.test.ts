import { describe, expect, it } from "vitest";
import { carryOverOf, isCrossYearProject } from "./carry-over";

const part = { total: 108, categories: ["轻微缺损", "中等缺损", "严重缺损"] };

describe("carryOverOf", () => {
  it("carries the total less what the submitted or approved Q4 report completed", () => {
    const c = carryOverOf(
      part,
      {
        status: "approved",
        values: [
          { category: "", value: 100 },
          { category: "轻微缺损", value: 60 },
          { category: "中等缺损", value: 36 },
          { category: "严重缺损", value: 4 },
        ],
      },
      "2026年",
    );
    expect(c).toMatchObject({ completed: 100, remaining: 8, completedByCategory: { 轻微缺损: 60, 中等缺损: 36, 严重缺损: 4 } });
    expect(
      carryOverOf(
        part,
        {
          status: "submitted",
          values: [
            { category: "轻微缺损", value: 50 },
            { category: "中等缺损", value: 30 },
          ],
        },
        "2026年",
      ),
    ).toMatchObject({ completed: 80, remaining: 28 });
  });
  it("does not count a draft or returned report, and carries the whole total with a note", () => {
    for (const status of ["draft", "returned"] as const) {
      const c = carryOverOf(part, { status, values: [{ category: "", value: 100 }] }, "2026年");
      expect(c).toMatchObject({ completed: null, remaining: 108, completedByCategory: {} });
      expect(c.basis).toContain("待核实");
    }
    expect(carryOverOf(part, null, "2026年").remaining).toBe(108);
  });
  it("never carries a negative remainder", () => {
    expect(carryOverOf(part, { status: "approved", values: [{ category: "", value: 120 }] }, "2026年")).toMatchObject({ completed: 108, remaining: 0 });
  });
  it("knows a cross-year project by the gazette's 跨年度", () => {
    expect(isCrossYearProject("农村村民自建桥梁安全隐患排查整治项目（跨年度）")).toBe(true);
    expect(isCrossYearProject("城区学校扩容")).toBe(false);
  });
});
