import { describe, expect, it } from "vitest";
import { ledgerTitle, mainRow, projectNodeFromCell, savedFormValues, sectionMerges, selfStatusFromCell, taskNodeFromCell, type LedgerSubject } from "./ledger";
import { judgeProgress, judgeReporting, quarterStatus } from "./quarter-status";

const period = { code: "2026Q4", quarter: 4, startsOn: "2026-10-01", endsOn: "2026-12-31", dueOn: "2027-01-05" };
const subject = (no: number, section: string, subsection: string | null): LedgerSubject => ({
  ref: { kind: "task", no },
  id: no,
  section,
  subsection,
  title: `目标${no}`,
  leaders: ["杨盛"],
  leadUnits: ["发改局"],
  leadUnitIds: [1],
  coopUnits: [],
  metrics: [{ id: 10 + no, label: "新建道路", unit: "条", kind: "cumulative", target: 4, plan: 4 }],
  milestoneText: "完成验收",
  parts: [],
  coverage: null,
  status: quarterStatus(judgeProgress(null, null), judgeReporting({ period, required: true, firstSubmittedDay: null }, "2026-12-01")),
  report: null,
});

describe("the 台账 layout", () => {
  it("merges 板块 over each section's rows and 分项 over each subsection's, as the gazette prints them", () => {
    const rows = [
      subject(1, "主要经济目标", null),
      subject(2, "主要经济目标", null),
      subject(7, "聚力强产业", "加快产业升级"),
      subject(8, "聚力强产业", "加快产业升级"),
      subject(11, "聚力强产业", "大力招商引资"),
    ];
    expect(sectionMerges(rows)).toEqual([
      { fromRow: 0, toRow: 1, column: "section" },
      { fromRow: 2, toRow: 4, column: "section" },
      { fromRow: 2, toRow: 3, column: "subsection" },
    ]);
  });

  it("titles the sheet with the year and quarter and shows the quarter's node under the target", () => {
    expect(ledgerTitle("2026Q3")).toBe("汨罗市 2026 年市政府重点工作任务推进情况台账（2026 年第三季度）");
    expect(mainRow(subject(1, "主要经济目标", null), "2026Q4")).toMatchObject({
      no: 1,
      title: "目标1\n四季度节点目标：完成验收",
      reportState: "未填报",
      progressLamp: "未评估",
      key: "task:1",
      version: 0,
    });
  });
});

describe("cells back to the form's values", () => {
  it("maps the labels a person types to the form's choices, and passes anything else through for the form to refuse", () => {
    expect(selfStatusFromCell("序时推进")).toBe("onTrack");
    expect(selfStatusFromCell("很好")).toBe("很好");
    expect([taskNodeFromCell("是"), taskNodeFromCell("否"), taskNodeFromCell(""), taskNodeFromCell("大概")]).toEqual(["done", "notDone", "", "大概"]);
    expect([projectNodeFromCell("是"), projectNodeFromCell("否"), projectNodeFromCell("x")]).toEqual(["1", "", "x"]);
  });

  it("gives an unreported subject blank fields: a blank row is unchanged", () => {
    expect(savedFormValues(subject(1, "主要经济目标", null), "2026Q4")).toEqual({
      progress: "",
      problems: "",
      nextSteps: "",
      selfStatus: "",
      "metric.11": "",
      milestoneDone: "",
      milestoneDoneOn: "",
    });
  });
});
