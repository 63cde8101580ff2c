import { describe, expect, it } from "vitest";
import { auditFilterQuery, auditTimeRange, parseAuditFilter } from "./audit-filter";

describe("parseAuditFilter", () => {
  it("reads every filter from the query string", () => {
    expect(
      parseAuditFilter({
        user: "zjj",
        unit: "3",
        entity: "report",
        action: "report.submit",
        outcome: "denied",
        from: "2026-01-01",
        to: "2026-03-31",
        page: "2",
      }),
    ).toEqual({
      user: "zjj",
      unit: 3,
      entity: "report",
      action: "report.submit",
      outcome: "denied",
      from: "2026-01-01",
      to: "2026-03-31",
      page: 2,
    });
  });

  it("drops malformed values and empty fields instead of failing", () => {
    expect(parseAuditFilter({ unit: "abc", from: "31/03/2026", outcome: "maybe", page: "-4", user: "" })).toEqual({ page: 1 });
  });
});

describe("auditTimeRange", () => {
  it("covers whole Beijing days, the end day included", () => {
    expect(auditTimeRange({ from: "2026-03-31", to: "2026-03-31" })).toEqual({
      fromMs: Date.UTC(2026, 2, 30, 16),
      toMs: Date.UTC(2026, 2, 31, 16),
    });
  });
});

describe("auditFilterQuery", () => {
  it("writes the filter back as a query string, leaving out page 1", () => {
    expect(auditFilterQuery({ user: "zjj", page: 1 })).toBe("?user=zjj");
    expect(auditFilterQuery({ page: 1 }, { page: 3 })).toBe("?page=3");
    expect(auditFilterQuery({ page: 1 })).toBe("");
  });
});
