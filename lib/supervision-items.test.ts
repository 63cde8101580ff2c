import { describe, expect, it } from "vitest";
import { itemReportsIn, itemSourceOf, itemTimeLimit, parseSourceParam } from "./supervision-items";

describe("督办事项 rules", () => {
  it("reads a known source from the URL and treats anything else as 全部", () => {
    expect(parseSourceParam("meeting")).toBe("meeting");
    expect(parseSourceParam(["kaiju", "task"])).toBe("kaiju");
    expect(parseSourceParam("task")).toBe("task");
    expect(parseSourceParam("Meeting")).toBeNull();
    expect(parseSourceParam("")).toBeNull();
    expect(parseSourceParam(undefined)).toBeNull();
  });

  it("narrows a filter to a 督办事项 source only for the three item sources", () => {
    expect(itemSourceOf("instruction")).toBe("instruction");
    expect(itemSourceOf("project")).toBeNull();
    expect(itemSourceOf(null)).toBeNull();
  });

  it("never shows a deadline nobody printed or set", () => {
    expect(itemTimeLimit({ cadence: null, deadline: null })).toBe("未明确时限，由督查室确定");
    expect(itemTimeLimit({ cadence: "once", deadline: null })).toBe("未明确时限，由督查室确定");
    expect(itemTimeLimit({ cadence: "once", deadline: "2026-12-31" })).toBe("限期 2026年12月31日前完成");
    expect(itemTimeLimit({ cadence: "monthly", deadline: null })).toBe("按月推进");
    expect(itemTimeLimit({ cadence: "quarterly", deadline: null })).toBe("按季推进");
  });
});

describe("which quarters a 督办事项 reports in", () => {
  const ENDS: Record<string, string> = { "01": "03-31", "04": "06-30", "07": "09-30", "10": "12-31" };
  const q = (startsOn: string) => ({ startsOn, endsOn: `${startsOn.slice(0, 5)}${ENDS[startsOn.slice(5, 7)]}` });
  const item = (
    cadence: "once" | "monthly" | "quarterly" | null,
    deadline: string | null,
    linkedTaskNo: number | null = null,
    dueFrom: string | null = "2026-01-15",
  ) => ({ cadence, deadline, linkedTaskNo, dueFrom });

  it("a one-off item reports up to and including the quarter of its deadline", () => {
    const once = item("once", "2026-08-15");
    expect([q("2026-01-01"), q("2026-04-01"), q("2026-07-01"), q("2026-10-01")].map((p) => itemReportsIn(once, p))).toEqual([true, true, true, false]);
    expect(itemReportsIn(item("once", "2026-10-01"), q("2026-10-01"))).toBe(true);
  });

  it("monthly and quarterly items report every quarter", () => {
    expect(itemReportsIn(item("monthly", null), q("2026-10-01"))).toBe(true);
    expect(itemReportsIn(item("quarterly", null), q("2026-01-01"))).toBe(true);
  });

  it("an item without a time limit, or one reported through its key task, is not due", () => {
    expect(itemReportsIn(item(null, null), q("2026-01-01"))).toBe(false);
    expect(itemReportsIn(item("once", null), q("2026-01-01"))).toBe(false);
    expect(itemReportsIn(item("quarterly", null, 12), q("2026-01-01"))).toBe(false);
  });

  it("nothing is due before the quarter the item was given in (or given its time limit)", () => {
    const quarters = [q("2026-01-01"), q("2026-04-01"), q("2026-07-01"), q("2026-10-01")];
    // A 领导交办 of 20 November to be done by the year's end: only 四季度 reports.
    expect(quarters.map((p) => itemReportsIn(item("once", "2026-12-31", null, "2026-11-20"), p))).toEqual([false, false, false, true]);
    // A quarterly item given on the last day of 二季度 reports from 二季度.
    expect(quarters.map((p) => itemReportsIn(item("quarterly", null, null, "2026-06-30"), p))).toEqual([false, true, true, true]);
    // The 51st 常务会议 sat on 2025-12-09: every quarter of 2026.
    expect(quarters.map((p) => itemReportsIn(item("quarterly", null, null, "2025-12-09"), p))).toEqual([true, true, true, true]);
  });
});
