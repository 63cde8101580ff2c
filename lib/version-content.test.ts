import { describe, expect, it } from "vitest";
import type { PartForProgress } from "./project-progress";
import { readSnapshot } from "./report-snapshot";
import { projectVersionContent, taskVersionContent } from "./version-content";

describe("taskVersionContent", () => {
  it("judges the metrics with the plans frozen in the snapshot and its planned milestone", () => {
    const snapshot = readSnapshot({
      problems: "资金未到位",
      selfStatus: "behind",
      metrics: [
        { metricId: 1, label: "充电桩", unit: "个", kind: "cumulative", plan: 84, value: 60 },
        { metricId: 2, label: "5G 基站", unit: "个", kind: "cumulative", plan: null, value: 10 },
      ],
      milestone: { text: "完成选址", done: false, doneOn: null },
    });
    expect(taskVersionContent(snapshot)).toEqual({
      metrics: [{ label: "充电桩", unit: "个", kind: "cumulative", plan: 84, actual: 60 }],
      milestones: [{ text: "完成选址", done: false }],
      selfStatus: "behind",
      problems: "资金未到位",
    });
  });
});

describe("projectVersionContent", () => {
  const part: PartForProgress = {
    id: 7,
    name: "农村危房",
    total: 165,
    totalUnit: "户",
    categories: [],
    milestones: [
      { id: 70, due: "2026-06-30", text: "6 月底完成 30%", targets: { percent: 30 } },
      { id: 71, due: "2026-12-31", text: "年底全部完成", targets: { percent: 100 } },
    ],
  };

  it("turns the part values of the quarter's snapshot into metrics against the milestones due in it", () => {
    const snapshot = readSnapshot({ parts: [{ partId: 7, name: "农村危房", category: "", unit: "户", value: 40 }], problems: "无" });
    const content = projectVersionContent(snapshot, { parts: [part], quarter: 2, coverage: null });
    expect(content.metrics).toEqual([{ label: "农村危房（累计完成）", unit: "户", kind: "cumulative", plan: 50, actual: 40 }]);
    expect(content.problems).toBe("无");
  });
});
