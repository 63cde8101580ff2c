import { describe, expect, it } from "vitest";
import { reportKey, type OverdueSubject, type ReportFacts } from "./overdue";
import { defaultPeriods } from "./periods";
import { countByUnit, countRows, groupBySection, matrixRows } from "./submission-matrix";

const q1 = defaultPeriods(2026)[0]!; // due 2026-04-05
const at = (day: string) => Date.parse(`${day}T10:00:00+08:00`);

function subject(no: number, section: string, sectionPosition: number, leadUnits: string[], kind: "task" | "project" = "task"): OverdueSubject {
  return { key: `${kind}:${no}`, kind, no, label: `第${no}项`, title: "", section, sectionPosition, leaders: [], leadUnits };
}

const subjects = [
  subject(2, "聚力强产业", 2, ["工信局"]),
  subject(1, "主要经济目标", 1, ["发改局"]),
  subject(3, "聚力强产业", 2, ["发改局", "工信局"]),
  subject(1, "民生实事", 99, ["住建局"], "project"),
];

const reports = new Map<string, ReportFacts>([
  [reportKey("task:1", "2026Q1"), { draftCreatedAt: at("2026-03-20"), versions: [{ submittedAt: at("2026-04-02"), reviewStatus: "approved", reviewedAt: at("2026-04-03"), content: { metrics: [], milestones: [], selfStatus: null, problems: "" } }] }],
  [reportKey("task:2", "2026Q1"), { draftCreatedAt: at("2026-04-01"), versions: [{ submittedAt: at("2026-04-08"), reviewStatus: "pending", reviewedAt: null, content: { metrics: [], milestones: [], selfStatus: null, problems: "" } }] }],
  [reportKey("task:3", "2026Q1"), { draftCreatedAt: at("2026-04-01"), versions: [] }],
]);

describe("submission matrix", () => {
  const rows = matrixRows(subjects, reports, q1, "2026-04-10");

  it("gives each subject its state, submission time and lateness on the day", () => {
    expect(rows.map((r) => [r.subject.key, r.state, r.late, r.overdueMissing])).toEqual([
      ["task:2", "submitted", true, false],
      ["task:1", "approved", false, false],
      ["task:3", "draft", true, true],
      ["project:1", null, true, true],
    ]);
    expect(rows[0]?.lastSubmittedAt).toBe(at("2026-04-08"));
  });

  it("counts 应报, 已报 and 逾期未报", () => {
    expect(countRows(rows)).toEqual({ due: 4, reported: 2, overdueMissing: 2, pending: 1, returned: 0, approved: 1, draft: 1, none: 1 });
  });

  it("counts nothing overdue on the due day itself", () => {
    expect(countRows(matrixRows(subjects, reports, q1, "2026-04-05")).overdueMissing).toBe(0);
  });

  it("groups by section in gazette order, projects last", () => {
    expect(groupBySection(rows).map((s) => [s.section, s.rows.map((r) => r.subject.key)])).toEqual([
      ["主要经济目标", ["task:1"]],
      ["聚力强产业", ["task:2", "task:3"]],
      ["民生实事", ["project:1"]],
    ]);
  });

  it("counts per lead unit, a shared task for each of its units, most overdue first", () => {
    expect(countByUnit(rows, ["发改局", "工信局", "住建局"]).map((u) => [u.unit, u.due, u.reported, u.overdueMissing])).toEqual([
      ["住建局", 1, 0, 1],
      ["发改局", 2, 1, 1],
      ["工信局", 2, 1, 1],
    ]);
  });
});
