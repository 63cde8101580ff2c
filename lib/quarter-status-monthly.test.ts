import { describe, expect, it } from "vitest";
import { defaultPeriods } from "./periods";
import { judgeMonthlyReporting, monthDueOn } from "./quarter-status";
import { statusOfRecord, type StatusRecord } from "./status-record";

// A monthly 督办事项 (按月推进) reports every month inside its quarterly report: each month is
// due on its last day plus the quarter's grace (5 days by default), and is reported by the
// first submission made on or after the month's first day.
const q4 = defaultPeriods(2026)[3]!;
const judge = (submittedDays: string[], asOf: string, dueFrom: string | null = "2026-01-01") =>
  judgeMonthlyReporting({ period: q4, required: true, dueFrom, submittedDays }, asOf);

describe("monthly reporting of a 督办事项", () => {
  it("gives each month the quarter's grace after its own end", () => {
    expect([10, 11, 12].map((m) => monthDueOn(q4, 2026, m))).toEqual(["2026-11-05", "2026-12-05", "2027-01-05"]);
  });

  it("is 未到期 for a month until its due day has passed, then 逾期未报 for that month", () => {
    expect(judge([], "2026-11-05")).toMatchObject({ lamp: "not_due", daysLate: 0, reason: null });
    const after = judge([], "2026-11-06");
    expect(after).toMatchObject({ lamp: "missing", daysLate: 1, reason: { kind: "missing", text: "四季度10月逾期未报，已逾期 1 天" } });
    expect(after.months?.map((m) => [m.month, m.lamp])).toEqual([
      [10, "missing"],
      [11, "not_due"],
      [12, "not_due"],
    ]);
  });

  it("counts a submission for every month it was made in or after, judged against each month's due day", () => {
    // October reported on time on 11-03; November's report is the first one from 11-01 on, so 11-03 too.
    expect(judge(["2026-11-03"], "2026-12-01")).toMatchObject({ lamp: "on_time", reason: null });
    // Reported only in October: November is 逾期未报 once 12-05 has passed.
    const s = judge(["2026-10-20"], "2026-12-06");
    expect(s.lamp).toBe("missing");
    expect(s.months?.map((m) => [m.month, m.lamp, m.reportedOn])).toEqual([
      [10, "on_time", "2026-10-20"],
      [11, "missing", null],
      [12, "not_due", null],
    ]);
    // October's report made after its due day is 迟报 for October.
    expect(judge(["2026-11-08"], "2026-11-30")).toMatchObject({ lamp: "late", daysLate: 3, reason: { kind: "late", text: "四季度10月迟报 3 天" } });
  });

  it("does not ask for months that ended before the item was given", () => {
    const s = judge([], "2026-12-10", "2026-11-20");
    expect(s.months?.map((m) => m.month)).toEqual([11, 12]);
    expect(s).toMatchObject({ lamp: "missing", reason: { text: "四季度11月逾期未报，已逾期 5 天" } });
  });

  it("is what statusOfRecord says for a monthly item, from the stored submission days", () => {
    const record: StatusRecord = {
      reportState: "submitted",
      versionNo: 1,
      firstSubmittedAt: Date.parse("2026-10-20T10:00:00+08:00"),
      firstSubmittedDay: "2026-10-20",
      lastSubmittedAt: Date.parse("2026-10-20T10:00:00+08:00"),
      computedProgress: "green",
      progress: "green",
      overrideColor: null,
      overrideReason: null,
      overrideByName: null,
      overrideAt: null,
      reasons: [],
      worstShortfall: 0,
      monthlyNodes: [],
      submittedDays: ["2026-10-20"],
    };
    // The quarterly rule sees an on-time first submission; the monthly rule sees November missing.
    expect(statusOfRecord(record, { period: q4, required: true }, "2026-12-06").reporting).toBe("on_time");
    const monthly = statusOfRecord(record, { period: q4, required: true, monthly: { dueFrom: null } }, "2026-12-06");
    expect(monthly.reporting).toBe("missing");
    expect(monthly.reasons[0]?.text).toBe("四季度11月逾期未报，已逾期 1 天");
  });
});
