import { describe, expect, it } from "vitest";
import {
  addDays,
  canDraft,
  currentPeriod,
  daysBetween,
  daysLeft,
  daysOverdue,
  defaultDueOn,
  defaultPeriods,
  dueOnError,
  formatDayCn,
  isLate,
  parseQuarterCode,
  previousPeriod,
  quarterBounds,
  quarterLabel,
  reportingPeriod,
  todayInShanghai,
} from "./periods";

const periods = defaultPeriods(2026);
const [q1, q2, q3, q4] = periods as [(typeof periods)[0], (typeof periods)[0], (typeof periods)[0], (typeof periods)[0]];
/** Epoch ms of a Shanghai wall-clock time (UTC+8, no DST since 1991). */
const shanghai = (isoLocal: string) => Date.parse(`${isoLocal}+08:00`);

describe("quarter codes", () => {
  it("parses and labels 2026Q1", () => {
    expect(parseQuarterCode("2026Q1")).toEqual({ year: 2026, quarter: 1 });
    expect(quarterLabel("2026Q3")).toBe("2026年第三季度");
  });

  it("rejects codes that are not a year and Q1–Q4", () => {
    for (const bad of ["2026Q0", "2026Q5", "2026q1", "26Q1", "2026Q1 ", "2026-Q1", ""]) {
      expect(parseQuarterCode(bad)).toBeNull();
    }
  });
});

describe("quarter bounds and default due dates", () => {
  it("gives calendar quarters including the leap-year February", () => {
    expect(quarterBounds(2026, 1)).toEqual({ startsOn: "2026-01-01", endsOn: "2026-03-31" });
    expect(quarterBounds(2026, 2)).toEqual({ startsOn: "2026-04-01", endsOn: "2026-06-30" });
    expect(quarterBounds(2026, 4)).toEqual({ startsOn: "2026-10-01", endsOn: "2026-12-31" });
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
  });

  it("puts the due date on the 5th day after the quarter ends, Q4 in the next year", () => {
    expect(defaultDueOn(2026, 1)).toBe("2026-04-05");
    expect(defaultDueOn(2026, 2)).toBe("2026-07-05");
    expect(defaultDueOn(2026, 3)).toBe("2026-10-05");
    expect(defaultDueOn(2026, 4)).toBe("2027-01-05");
  });

  it("counts whole days between dates across a month end", () => {
    expect(daysBetween("2026-03-30", "2026-04-05")).toBe(6);
    expect(daysBetween("2026-04-05", "2026-03-30")).toBe(-6);
  });

  it("refuses impossible dates", () => {
    expect(() => addDays("2026-02-30", 1)).toThrow();
    expect(() => daysBetween("2026-4-5", "2026-04-06")).toThrow();
  });
});

describe("today in Asia/Shanghai", () => {
  it("is already 1 April at 2026-03-31T16:00Z", () => {
    expect(todayInShanghai(new Date("2026-03-31T15:59:59.999Z"))).toBe("2026-03-31");
    expect(todayInShanghai(new Date("2026-03-31T16:00:00Z"))).toBe("2026-04-01");
  });

  it("turns the year at 2026-12-31T16:00Z", () => {
    expect(todayInShanghai(new Date("2026-12-31T16:00:00Z"))).toBe("2027-01-01");
  });

  it("agrees with the time-zone database from 1985 to 2040, daylight-saving years included", () => {
    const tz = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });
    const step = 7 * 60 * 60 * 1000 + 13 * 60 * 1000;
    for (let ms = Date.UTC(1985, 0, 1); ms < Date.UTC(2040, 0, 1); ms += step) {
      const at = new Date(ms);
      expect(todayInShanghai(at), at.toISOString()).toBe(tz.format(at));
    }
  });
});

describe("current and reporting period", () => {
  it("finds the quarter containing today at its first and last day", () => {
    expect(currentPeriod(periods, "2026-03-31")?.code).toBe("2026Q1");
    expect(currentPeriod(periods, "2026-04-01")?.code).toBe("2026Q2");
    expect(currentPeriod(periods, "2025-12-31")).toBeNull();
    expect(currentPeriod(periods, "2027-01-01")).toBeNull();
  });

  it("keeps Q1 as the reporting period until its due date, then moves to Q2", () => {
    expect(reportingPeriod(periods, "2026-01-01")?.code).toBe("2026Q1");
    expect(reportingPeriod(periods, "2026-04-05")?.code).toBe("2026Q1");
    expect(reportingPeriod(periods, "2026-04-06")?.code).toBe("2026Q2");
  });

  it("has no reporting period before the year and stays on Q4 after its due date", () => {
    expect(reportingPeriod(periods, "2025-12-31")).toBeNull();
    expect(reportingPeriod(periods, "2027-03-01")?.code).toBe("2026Q4");
  });

  it("follows a due date the admin moved", () => {
    const moved = periods.map((p) => (p.code === "2026Q1" ? { ...p, dueOn: "2026-04-10" } : p));
    expect(reportingPeriod(moved, "2026-04-08")?.code).toBe("2026Q1");
  });

  it("allows drafting from the first day of the quarter", () => {
    expect(canDraft(q2, "2026-03-31")).toBe(false);
    expect(canDraft(q2, "2026-04-01")).toBe(true);
  });

  it("finds the previous period for prefilling", () => {
    expect(previousPeriod(periods, q3)?.code).toBe("2026Q2");
    expect(previousPeriod(periods, q1)).toBeNull();
  });
});

describe("days left and lateness", () => {
  it("counts days left with the due day itself as 0", () => {
    expect(daysLeft(q1, "2026-03-31")).toBe(5);
    expect(daysLeft(q1, "2026-04-05")).toBe(0);
    expect(daysLeft(q1, "2026-04-11")).toBe(-6);
  });

  it("is not late on the due day and late the day after when unsubmitted", () => {
    expect(isLate(q1, null, "2026-04-05")).toBe(false);
    expect(isLate(q1, null, "2026-04-06")).toBe(true);
    expect(daysOverdue(q1, null, "2026-04-11")).toBe(6);
  });

  it("judges a submission by its Shanghai day, not its UTC day", () => {
    // 23:59 Shanghai on the due day is on time; 00:00 the next day is late.
    expect(isLate(q1, shanghai("2026-04-05T23:59:59"), "2026-04-20")).toBe(false);
    expect(isLate(q1, shanghai("2026-04-06T00:00:00"), "2026-04-20")).toBe(true);
    // 2026-04-05T16:30Z is 00:30 on 04-06 in Shanghai.
    expect(isLate(q1, Date.parse("2026-04-05T16:30:00Z"), "2026-04-20")).toBe(true);
  });

  it("counts overdue days of a late submission up to the submission day", () => {
    expect(daysOverdue(q1, shanghai("2026-04-08T10:00:00"), "2026-05-01")).toBe(3);
    expect(daysOverdue(q1, shanghai("2026-04-01T10:00:00"), "2026-05-01")).toBe(0);
  });

  it("treats Q4 due in January of the next year", () => {
    expect(isLate(q4, null, "2027-01-05")).toBe(false);
    expect(isLate(q4, null, "2027-01-06")).toBe(true);
  });
});

describe("admin due dates", () => {
  it("accepts a due date inside the allowed window", () => {
    expect(dueOnError(q2, "2026-07-10")).toBeNull();
    expect(dueOnError(q2, "2026-06-25")).toBeNull();
  });

  it("explains why a due date is refused", () => {
    expect(dueOnError(q2, "2026-02-30")).toMatch(/有效日期/);
    expect(dueOnError(q2, "2026-03-31")).toMatch(/不能早于/);
    expect(dueOnError(q3, "2027-01-01")).toMatch(/90 天/);
  });
});

it("formats a day in Chinese", () => {
  expect(formatDayCn("2026-04-05")).toBe("2026年4月5日");
});
