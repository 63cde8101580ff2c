import { describe, expect, it } from "vitest";
import { diffFields, formatMetricLine, parseMetricLines, parseNameList, repeatedNames } from "./programme-fields";

describe("names typed one per line", () => {
  it("keeps the order and a collective name holding 、", () => {
    expect(parseNameList(" 教体局\n\n各镇政府、街道办 \n")).toEqual(["教体局", "各镇政府、街道办"]);
  });
  it("finds a name given twice", () => {
    expect(repeatedNames(["住建局", "发改局", "住建局"])).toEqual(["住建局"]);
  });
});

describe("metric lines", () => {
  it("reads back what it writes, ranges included", () => {
    const metrics = [
      { label: "新增城镇就业", target: 6000, targetMax: null, unit: "人", comparator: "atLeast" as const, kind: "cumulative" as const },
      { label: "新建园区", target: 1, targetMax: 2, unit: "个", comparator: "range" as const, kind: "cumulative" as const },
      { label: "参保率", target: 95, targetMax: null, unit: "%", comparator: "about" as const, kind: "rate" as const },
    ];
    const text = metrics.map(formatMetricLine).join("\n");
    expect(text.split("\n")[1]).toBe("新建园区｜1-2｜个｜区间｜累计");
    expect(parseMetricLines(text)).toEqual({ ok: true, metrics });
  });
  it("says which line is wrong and why", () => {
    const r = parseMetricLines("新增就业｜很多｜人｜以上｜累计\n园区｜3-2｜个｜区间｜累计\n只有两栏｜1");
    expect(r).toEqual({
      ok: false,
      errors: ["第 1 行指标的数值须为一个数，如“6000”。", "第 2 行指标的区间下限不能大于上限。", "第 3 行指标应为“标签｜数值｜单位｜比较方式｜类型”五栏。"],
    });
  });
  it("refuses an unknown comparison or kind", () => {
    const r = parseMetricLines("就业｜6000｜人｜大约｜总数");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toHaveLength(2);
  });
});

describe("field-by-field difference", () => {
  it("lists only the fields that changed, labelled, in form order", () => {
    const labels = { a: "目标任务", b: "牵头单位" };
    expect(diffFields(labels, { a: "x", b: "" }, { a: "x", b: "教体局" })).toEqual([{ field: "牵头单位", before: "", after: "教体局" }]);
  });
});
