import { describe, expect, it } from "vitest";
import { compareWithTask, formatMetric, formatMetricValue } from "./metric-text";

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

describe("compareWithTask", () => {
  const task = [
    { label: "新增城镇就业", target: 6000, targetMax: null, unit: "人", comparator: "atLeast" as const },
    { label: "5G 基站", target: 100, targetMax: null, unit: "个", comparator: "exact" as const },
  ];

  it("pairs each metric with the task's of the same label (spaces aside) and says whether the figures agree", () => {
    const compared = compareWithTask(
      [
        { label: "新增城镇就业", target: 6000, targetMax: null, unit: "人", comparator: "atLeast" as const },
        { label: "5G基站", target: 120, targetMax: null, unit: "个", comparator: "exact" as const },
      ],
      task,
    );
    expect(compared.map((c) => [c.task?.label ?? null, c.differs])).toEqual([
      ["新增城镇就业", false],
      ["5G 基站", true],
    ]);
  });

  it("a different comparator is a different figure; a metric the task lacks is shown as such", () => {
    const [about, none] = compareWithTask(
      [
        { label: "新增城镇就业", target: 6000, targetMax: null, unit: "人", comparator: "about" as const },
        { label: "充电桩", target: 160, targetMax: null, unit: "个", comparator: "atLeast" as const },
      ],
      task,
    );
    expect(about!.differs).toBe(true);
    expect(none).toMatchObject({ task: null, differs: true });
  });
});
