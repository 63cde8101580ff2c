import { describe, expect, it } from "vitest";
import { diffReportVersions, diffText } from "./report-diff";
import { readSnapshot, type ReportSnapshot } from "./report-snapshot";

const v1: ReportSnapshot = readSnapshot({
  periodCode: "2026Q1",
  progress: "完成充电桩建设60个，正在推进选址。",
  problems: "无",
  nextSteps: "加快建设",
  selfStatus: "onTrack",
  metrics: [{ metricId: 7, label: "充电桩", unit: "个", kind: "cumulative", plan: 42, value: 60 }],
  milestone: { text: "完成选址", done: false, doneOn: null },
  attachments: [{ id: 1, filename: "照片.jpg", mime: "image/jpeg", size: 10, sha256: "a" }],
});

describe("diffReportVersions", () => {
  it("finds nothing between identical versions", () => {
    expect(diffReportVersions(v1, structuredClone(v1))).toEqual([]);
  });

  it("shows a changed metric with its unit, before and after", () => {
    const v2 = { ...v1, metrics: [{ ...v1.metrics[0]!, value: 72 }] };
    expect(diffReportVersions(v1, v2)).toEqual([{ kind: "value", key: "metric.7", label: "充电桩 累计完成", before: "60 个", after: "72 个" }]);
  });

  it("diffs 工作进展 by Chinese words", () => {
    const v2 = { ...v1, progress: "完成充电桩建设72个，已完成选址工作。" };
    const [change] = diffReportVersions(v1, v2);
    expect(change).toMatchObject({ kind: "text", key: "progress", label: "工作进展" });
    if (change?.kind !== "text") throw new Error("expected a text change");
    expect(change.parts.filter((p) => p.op === "removed").map((p) => p.text)).toEqual(["60", "正在推进"]);
    expect(change.parts.filter((p) => p.op === "added").map((p) => p.text)).toEqual(["72", "已完成", "工作"]);
  });

  it("reports the milestone, self status and files that changed", () => {
    const v2: ReportSnapshot = {
      ...v1,
      selfStatus: "done",
      milestone: { text: "完成选址", done: true, doneOn: "2026-03-20" },
      attachments: [{ id: 2, filename: "验收单.pdf", mime: "application/pdf", size: 10, sha256: "b" }],
    };
    expect(diffReportVersions(v1, v2)).toEqual([
      { kind: "value", key: "milestone", label: "节点完成情况：完成选址", before: "未完成", after: "已完成（2026-03-20）" },
      { kind: "value", key: "selfStatus", label: "自评状态", before: "序时推进", after: "已完成" },
      { kind: "files", key: "attachments", label: "佐证材料", added: ["验收单.pdf"], removed: ["照片.jpg"] },
    ]);
  });

  it("compares livelihood-project part values by part and category", () => {
    const a = readSnapshot({ parts: [{ partId: 3, name: "桥梁", category: "轻微缺损", unit: "座", value: 2 }] });
    const b = readSnapshot({ parts: [{ partId: 3, name: "桥梁", category: "轻微缺损", unit: "座", value: 5 }] });
    expect(diffReportVersions(a, b)).toEqual([{ kind: "value", key: "part.3:轻微缺损", label: "桥梁（轻微缺损） 累计完成", before: "2 座", after: "5 座" }]);
  });
});

it("keeps every character of both texts in a text diff", () => {
  const parts = diffText("甲乙丙", "甲丁丙");
  expect(
    parts
      .filter((p) => p.op !== "added")
      .map((p) => p.text)
      .join(""),
  ).toBe("甲乙丙");
  expect(
    parts
      .filter((p) => p.op !== "removed")
      .map((p) => p.text)
      .join(""),
  ).toBe("甲丁丙");
});
