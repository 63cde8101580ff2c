import { describe, expect, it } from "vitest";
import { addressForYear, parseYearParam, pickProgrammeYear, yearHref, yearOfAddress } from "./programme-year";

const y = (id: number, year: number, closed = false) => ({ id, year, closed });
const years = [y(1, 2026), y(2, 2027), y(3, 2025)];

describe("pickProgrammeYear", () => {
  it("works in the calendar year of today", () => {
    expect(pickProgrammeYear(years, "2026-12-01")?.year).toBe(2026);
    expect(pickProgrammeYear(years, "2027-01-02")?.year).toBe(2027);
  });
  it("does not switch to next year's programme before it begins", () => {
    expect(pickProgrammeYear([y(1, 2026), y(2, 2027)], "2026-12-31")?.year).toBe(2026);
  });
  it("defaults to the newest open year: a closed year is never the default", () => {
    expect(pickProgrammeYear([y(1, 2026, true), y(2, 2027)], "2026-12-31")?.year).toBe(2027);
    expect(pickProgrammeYear([y(1, 2026), y(2, 2027, true)], "2027-03-01")?.year).toBe(2026);
    expect(pickProgrammeYear([y(1, 2026, true), y(2, 2027, true)], "2027-03-01")?.year).toBe(2027);
  });
  it("keeps the last year begun when today's year is not loaded, else the first", () => {
    expect(pickProgrammeYear(years, "2029-03-01")?.year).toBe(2027);
    expect(pickProgrammeYear([y(9, 2026)], "2025-06-01")?.year).toBe(2026);
  });
  it("honours a requested year only when it is loaded, closed or not", () => {
    expect(pickProgrammeYear(years, "2026-12-01", 2025)?.id).toBe(3);
    expect(pickProgrammeYear([y(1, 2026, true), y(2, 2027)], "2027-02-01", 2026)?.id).toBe(1);
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
    for (const bad of [undefined, null, "", "25", "2025x", "二〇二五"]) expect(parseYearParam(bad)).toBeNull();
  });
});

describe("page addresses", () => {
  it("reads and sets ?year= keeping the other parameters", () => {
    expect(yearOfAddress("/tasks?year=2027&q=桥")).toBe(2027);
    expect(yearOfAddress("https://x.example/dashboard?year=27")).toBeNull();
    expect(yearOfAddress(null)).toBeNull();
    expect(addressForYear("/tasks?q=桥&page=2", 2026)).toBe("/tasks?q=%E6%A1%A5&page=2&year=2026");
    expect(addressForYear("/tasks?year=2026", null)).toBe("/tasks");
  });
});

describe("yearHref", () => {
  it("leaves links bare in the default year", () => {
    expect(yearHref("/tasks/3", null)).toBe("/tasks/3");
    expect(yearHref("/tasks?unit=住建局", null)).toBe("/tasks?unit=住建局");
  });
  it("adds the year being viewed, keeping the query and the fragment", () => {
    expect(yearHref("/tasks/3", 2027)).toBe("/tasks/3?year=2027");
    expect(yearHref("/tasks/3/report/2026Q1#part", 2026)).toBe("/tasks/3/report/2026Q1?year=2026#part");
    expect(yearHref("/items?source=meeting&page=2", 2026)).toBe("/items?source=meeting&page=2&year=2026");
  });
  it("replaces a year the link already carries", () => {
    expect(yearHref("/dashboard?quarter=2026Q4&year=2026", 2027)).toBe("/dashboard?quarter=2026Q4&year=2027");
  });
});
