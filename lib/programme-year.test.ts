import { describe, expect, it } from "vitest";
import { parseYearParam, pickProgrammeYear } from "./programme-year";

const years = [
  { id: 1, year: 2026 },
  { id: 2, year: 2027 },
  { id: 3, year: 2025 },
];

describe("pickProgrammeYear", () => {
  it("works in the calendar year of today", () => {
    expect(pickProgrammeYear(years, "2026-12-01")?.year).toBe(2026);
    expect(pickProgrammeYear(years, "2027-01-02")?.year).toBe(2027);
  });
  it("does not switch to next year's programme before it begins", () => {
    expect(
      pickProgrammeYear(
        [
          { id: 1, year: 2026 },
          { id: 2, year: 2027 },
        ],
        "2026-12-31",
      )?.year,
    ).toBe(2026);
  });
  it("keeps the last year begun when today's year is not loaded, else the first", () => {
    expect(pickProgrammeYear(years, "2029-03-01")?.year).toBe(2027);
    expect(pickProgrammeYear([{ id: 9, year: 2026 }], "2025-06-01")?.year).toBe(2026);
  });
  it("honours a requested year only when it is loaded", () => {
    expect(pickProgrammeYear(years, "2026-12-01", 2025)?.id).toBe(3);
    expect(pickProgrammeYear(years, "2026-12-01", 2019)?.year).toBe(2026);
  });
  it("answers null when nothing is loaded", () => {
    expect(pickProgrammeYear([], "2026-12-01")).toBeNull();
  });
});

describe("parseYearParam", () => {
  it("takes four digits only", () => {
    expect(parseYearParam("2025")).toBe(2025);
    expect(parseYearParam(["2024", "2023"])).toBe(2024);
    for (const bad of [undefined, "", "25", "2025x", "二〇二五"]) expect(parseYearParam(bad)).toBeNull();
  });
});
