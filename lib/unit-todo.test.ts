import { describe, expect, it } from "vitest";
import { needsAction, todoGroup, type TodoInput } from "./unit-todo";

const compile = (over: Partial<TodoInput>): TodoInput => ({
  duty: "compile",
  periodCode: "2026Q4",
  reportState: null,
  reporting: "not_due",
  partStatus: null,
  ...over,
});
const part = (over: Partial<TodoInput>): TodoInput => ({ ...compile({}), duty: "part", ...over });

describe("todoGroup", () => {
  it("puts a returned report first whatever its quarter", () => {
    expect(todoGroup(compile({ periodCode: "2026Q1", reportState: "returned", reporting: "on_time" }), "2026Q4")).toBe("returned");
  });

  it("lists an earlier quarter's missing report as overdue, and drops one that was sent", () => {
    expect(todoGroup(compile({ periodCode: "2026Q2", reporting: "missing" }), "2026Q4")).toBe("overdue");
    expect(todoGroup(compile({ periodCode: "2026Q2", reportState: "draft", reporting: "missing" }), "2026Q4")).toBe("overdue");
    expect(todoGroup(compile({ periodCode: "2026Q2", reportState: "approved", reporting: "late" }), "2026Q4")).toBeNull();
  });

  it("shows this quarter's open and sent reports", () => {
    expect(todoGroup(compile({ reporting: "not_due" }), "2026Q4")).toBe("current");
    expect(todoGroup(compile({ reportState: "submitted", reporting: "on_time" }), "2026Q4")).toBe("sent");
    expect(todoGroup(compile({ reporting: "not_required" }), "2026Q4")).toBeNull();
  });

  it("lists a monthly item whose report was sent but which owes a month (逾期未报 for it) as overdue", () => {
    expect(todoGroup(compile({ reportState: "approved", reporting: "missing" }), "2026Q4")).toBe("overdue");
  });

  it("judges a co-lead by its own part, not by the compiled report", () => {
    expect(todoGroup(part({ reportState: "submitted", reporting: "missing", partStatus: null, periodCode: "2026Q3" }), "2026Q4")).toBe("overdue");
    expect(todoGroup(part({ reportState: null, reporting: "on_time", partStatus: "submitted" }), "2026Q4")).toBe("sent");
    // A returned compiled report is the compiler's to mend.
    expect(todoGroup(part({ reportState: "returned", reporting: "on_time", partStatus: "submitted", periodCode: "2026Q2" }), "2026Q4")).toBeNull();
  });

  it("counts returned, overdue and open entries as needing action", () => {
    expect(["returned", "overdue", "current", "sent", null].map((g) => needsAction(g as never))).toEqual([true, true, true, false, false]);
  });
});
