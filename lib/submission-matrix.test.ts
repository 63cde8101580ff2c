import { describe, expect, it } from "vitest";
import { defaultPeriods } from "./periods";
import { judgeQuarter } from "./quarter-status";
import type { SubjectInfo } from "./subject";
import { countByUnit, countRows, groupBySection, matrixRows, type MatrixInput } from "./submission-matrix";
import { leadUnitsReporting } from "./unit-reporting";
import type { ReportState } from "./vocabulary";

const q1 = defaultPeriods(2026)[0]!; // due 2026-04-05
const at = (day: string) => Date.parse(`${day}T10:00:00+08:00`);

function subject(no: number, section: string, sectionPosition: number, leadUnits: string[], kind: "task" | "project" = "task"): SubjectInfo {
  return { kind, no, title: "", section, sectionPosition, leaders: [], leadUnits };
}

function input(s: SubjectInfo, reportState: ReportState | null, submittedOn: string | null, asOf: string, parts = new Map<string, number>()): MatrixInput {
  const submitted = submittedOn !== null && submittedOn <= asOf;
  const status = judgeQuarter(
    {
      period: q1,
      required: s.leadUnits.length > 0,
      firstSubmittedAt: submitted ? at(submittedOn) : null,
      submitted: submitted
        ? { metrics: [], nodes: [], selfStatus: "onTrack", problems: "", review: reportState === "approved" ? "approved" : "pending" }
        : null,
      override: null,
    },
    asOf,
  );
  return {
    subject: s,
    status,
    reportState: submitted ? reportState : reportState === "draft" ? "draft" : null,
    lastSubmittedAt: submitted ? at(submittedOn) : null,
    leadReporting: leadUnitsReporting({
      leadUnits: s.leadUnits,
      subject: { lamp: status.reporting, daysLate: status.daysLate },
      period: q1,
      partFirstSubmittedAt: parts,
      asOf,
    }),
  };
}

const cases = (asOf: string) => [
  input(subject(2, "聚力强产业", 2, ["工信局"]), "submitted", "2026-04-08", asOf),
  input(subject(1, "主要经济目标", 1, ["发改局"]), "approved", "2026-04-02", asOf),
  input(subject(3, "聚力强产业", 2, ["发改局", "工信局"]), "draft", null, asOf),
  input(subject(1, "民生实事", 99, ["住建局"], "project"), null, null, asOf),
  input(subject(47, "聚力强产业", 2, []), null, null, asOf),
];

describe("submission matrix", () => {
  const rows = matrixRows(cases("2026-04-10"));

  it("gives each subject its report state and 报送 lamp on the day", () => {
    expect(rows.map((r) => [r.subject.key, r.reportState, r.reporting])).toEqual([
      ["task:2", "submitted", "late"],
      ["task:1", "approved", "on_time"],
      ["task:3", "draft", "missing"],
      ["project:1", null, "missing"],
      ["task:47", null, "not_required"],
    ]);
    expect(rows[0]?.lastSubmittedAt).toBe(at("2026-04-08"));
  });

  it("counts 应报 without the subjects nobody reports, and 按时 / 迟报 / 逾期未报", () => {
    expect(countRows(rows)).toEqual({
      due: 4,
      reported: 2,
      onTime: 1,
      late: 1,
      overdueMissing: 2,
      notDue: 0,
      notRequired: 1,
      pending: 1,
      returned: 0,
      approved: 1,
      draft: 1,
      none: 2,
    });
  });

  it("counts nothing overdue on the due day itself", () => {
    expect(countRows(matrixRows(cases("2026-04-05")))).toMatchObject({ overdueMissing: 0, notDue: 3 });
  });

  it("groups by section in gazette order, projects last", () => {
    expect(groupBySection(rows).map((s) => [s.section, s.rows.map((r) => r.subject.key)])).toEqual([
      ["主要经济目标", ["task:1"]],
      ["聚力强产业", ["task:2", "task:3", "task:47"]],
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

  it("counts a co-lead unit as 已报 by its own part, not because the compiler filed", () => {
    // 住建局 compiles task 54 and filed; 城管局 sent its part late, 应急局 has sent nothing.
    const coLed = subject(54, "聚力提品质", 3, ["住建局", "城管局", "应急局"]);
    const row = (asOf: string) => input(coLed, "submitted", "2026-04-02", asOf, new Map([["城管局", at("2026-04-08")]]));
    const counts = (asOf: string) => countByUnit(matrixRows([row(asOf)])).map((u) => [u.unit, u.reported, u.onTime, u.late, u.overdueMissing]);
    expect(counts("2026-04-10")).toEqual([
      ["应急局", 0, 0, 0, 1],
      ["住建局", 1, 1, 0, 0],
      ["城管局", 1, 0, 1, 0],
    ]);
    // Before the part was sent, 城管局 was still 未报 though the report was in.
    expect(counts("2026-04-06")).toEqual([
      ["城管局", 0, 0, 0, 1],
      ["应急局", 0, 0, 0, 1],
      ["住建局", 1, 1, 0, 0],
    ]);
    // The subject itself is counted once, by the report.
    expect(countRows(matrixRows([row("2026-04-10")]))).toMatchObject({ due: 1, reported: 1, onTime: 1 });
  });
});
