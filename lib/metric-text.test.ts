import { describe, expect, it } from "vitest";
import { formatMetric, formatMetricValue } from "./metric-text";

describe("formatMetricValue", () => {
  it("writes an exact count with a space before the unit", () => {
    expect(formatMetricValue({ label: "充电桩", target: 168, targetMax: null, unit: "个", comparator: "exact" })).toBe("168 个");
  });

  it("writes 以上 and 左右 after the unit, and % straight after the number", () => {
    expect(formatMetricValue({ label: "x", target: 20, targetMax: null, unit: "家", comparator: "atLeast" })).toBe("20 家以上");
    expect(formatMetricValue({ label: "x", target: 5.5, targetMax: null, unit: "%", comparator: "about" })).toBe("5.5%左右");
  });

  it("writes a range as low-high", () => {
    expect(formatMetricValue({ label: "x", target: 1, targetMax: 2, unit: "家", comparator: "range" })).toBe("1-2 家");
  });
});

describe("formatMetric", () => {
  it("puts the label before the value", () => {
    expect(formatMetric({ label: "5G 基站", target: 100, targetMax: null, unit: "个", comparator: "exact" })).toBe("5G 基站 100 个");
  });
});
