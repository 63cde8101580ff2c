import { describe, expect, it } from "vitest";
import { parseReportForm, reportField, TEXT_MAX_CHARS } from "./report-form";

const metrics = [{ id: 7, label: "充电桩", unit: "个", kind: "cumulative" as const, target: 168 }];
const full = {
  [reportField.metric(7)]: "60",
  milestoneDone: "done",
  milestoneDoneOn: "2026-03-20",
  progress: "  完成充电桩60个  ",
  problems: "",
  nextSteps: "继续推进",
  selfStatus: "onTrack",
};
const parse = (raw: Record<string, string>, intent: "save" | "submit" = "submit") =>
  parseReportForm({ raw, metrics, hasMilestone: true, intent, today: "2026-04-02" });

describe("parseReportForm", () => {
  it("parses a complete report for submission, trimming text", () => {
    expect(parse(full)).toEqual({
      ok: true,
      content: {
        progress: "完成充电桩60个",
        problems: "",
        nextSteps: "继续推进",
        selfStatus: "onTrack",
        milestoneDone: true,
        milestoneDoneOn: "2026-03-20",
        metricValues: [{ metricId: 7, value: 60 }],
      },
    });
  });

  it("lets a draft leave fields empty", () => {
    expect(parse({ progress: "起草中" }, "save")).toMatchObject({ ok: true, content: { metricValues: [], selfStatus: null, milestoneDone: null } });
  });

  it("requires progress, every metric, the milestone state and the self status to submit", () => {
    const r = parse({});
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toEqual({
        "metric.7": ["请填写“充电桩”的数值"],
        milestoneDone: ["请选择本季度节点目标是否完成"],
        progress: ["请填写工作进展"],
        selfStatus: ["请选择自评状态"],
      });
    }
  });

  it("still checks what a draft does contain", () => {
    const r = parse({ "metric.7": "1,000", selfStatus: "great" }, "save");
    expect(r).toEqual({ ok: false, errors: { "metric.7": [expect.stringContaining("千分位")], selfStatus: ["请选择有效的自评状态"] } });
  });

  it("refuses a completion date in the future or malformed", () => {
    expect(parse({ ...full, milestoneDoneOn: "2026-04-03" })).toEqual({ ok: false, errors: { milestoneDoneOn: ["完成日期不能晚于今天"] } });
    expect(parse({ ...full, milestoneDoneOn: "3月20日" }).ok).toBe(false);
  });

  it("ignores the completion date when the milestone is not done", () => {
    expect(parse({ ...full, milestoneDone: "notDone" })).toMatchObject({ ok: true, content: { milestoneDone: false, milestoneDoneOn: null } });
  });

  it("refuses overlong text with its length", () => {
    const r = parse({ ...full, problems: "问".repeat(TEXT_MAX_CHARS + 1) });
    expect(r).toEqual({ ok: false, errors: { problems: [`请控制在 ${TEXT_MAX_CHARS} 字以内（现有 ${TEXT_MAX_CHARS + 1} 字）`] } });
  });
});
