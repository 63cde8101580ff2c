import { describe, expect, it } from "vitest";
import { formatNumber, formatWithUnit, metricValueBounds, metricValueSchema, parseMetricValue, type MetricForInput } from "./metric-values";

const chargers: MetricForInput = { label: "充电桩", unit: "个", kind: "cumulative", target: 168 };
const gdp: MetricForInput = { label: "地区生产总值增长", unit: "%", kind: "rate", target: 5.5 };
const req = { required: true };
const value = (raw: string, m = chargers) => parseMetricValue(raw, m, req);

describe("parseMetricValue", () => {
  it("accepts plain numbers with surrounding spaces", () => {
    expect(value(" 60 ")).toEqual({ ok: true, value: 60 });
    expect(value("5.25", gdp)).toEqual({ ok: true, value: 5.25 });
    expect(value("-3.5", gdp)).toEqual({ ok: true, value: -3.5 });
  });

  it("accepts full-width digits typed with a Chinese input method", () => {
    expect(value("６０")).toEqual({ ok: true, value: 60 });
    expect(value("５．５", gdp)).toEqual({ ok: true, value: 5.5 });
  });

  it("refuses thousands separators with a message saying so", () => {
    const r = value("1,000");
    expect(r).toEqual({ ok: false, message: expect.stringContaining("千分位") });
    expect(value("1，000").ok).toBe(false);
  });

  it("tells the user not to type the unit", () => {
    expect(value("5.5%", gdp)).toEqual({ ok: false, message: "只填数字即可，单位“%”已标明" });
    expect(value("60个")).toEqual({ ok: false, message: "只填数字即可，单位“个”已标明" });
  });

  it("refuses NaN, Infinity, exponents and text", () => {
    for (const bad of ["NaN", "Infinity", "1e3", "1e309", "abc", "--1", "1.2.3", ".5", "5."]) {
      expect(value(bad).ok, bad).toBe(false);
    }
  });

  it("refuses a number too long to be finite", () => {
    expect(value("9".repeat(400))).toEqual({ ok: false, message: "数值过大，请检查" });
  });

  it("refuses more than two decimals", () => {
    expect(value("5.555", gdp)).toEqual({ ok: false, message: "最多保留 2 位小数" });
  });

  it("refuses negative counts", () => {
    expect(value("-1")).toEqual({ ok: false, message: "累计数不能为负数" });
  });

  it("bounds counts at ten times the target and rates at -100…1000", () => {
    expect(value("1680").ok).toBe(true);
    expect(value("1681")).toEqual({ ok: false, message: expect.stringContaining("多输了位数") });
    expect(value("-100", gdp).ok).toBe(true);
    expect(value("-100.01", gdp).ok).toBe(false);
    expect(value("1000.5", gdp).ok).toBe(false);
  });

  it("leaves room for tiny targets", () => {
    expect(metricValueBounds({ label: "桥", unit: "座", kind: "cumulative", target: 1 })).toEqual({ min: 0, max: 100 });
  });

  it("treats empty input as null in a draft and as missing when submitting", () => {
    expect(parseMetricValue("  ", chargers, { required: false })).toEqual({ ok: true, value: null });
    expect(parseMetricValue(undefined, chargers, { required: true })).toEqual({ ok: false, message: "请填写“充电桩”的数值" });
  });

  it("normalises -0 to 0", () => {
    expect(value("-0", gdp)).toEqual({ ok: true, value: 0 });
  });
});

describe("metricValueSchema", () => {
  it("parses a FormData string into a number and reports the Chinese message", () => {
    const schema = metricValueSchema(chargers, req);
    expect(schema.parse("42")).toBe(42);
    const r = schema.safeParse("4,2");
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toContain("千分位");
  });
});

describe("formatting", () => {
  it("shows at most two decimals without trailing zeros or grouping", () => {
    expect(formatNumber(1234.5)).toBe("1234.5");
    expect(formatNumber(3)).toBe("3");
    expect(formatNumber(0.125)).toBe("0.13");
    expect(formatWithUnit(5.5, "%")).toBe("5.5%");
    expect(formatWithUnit(60, "个")).toBe("60 个");
  });
});
