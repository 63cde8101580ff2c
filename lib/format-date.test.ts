import { describe, expect, it } from "vitest";
import { formatChineseDate } from "./format-date";

describe("formatChineseDate", () => {
  it("writes a day the way government documents do, without leading zeros", () => {
    expect(formatChineseDate("2026-01-29")).toBe("2026年1月29日");
    expect(formatChineseDate("2026-11-30")).toBe("2026年11月30日");
  });

  it("returns text that is not a YYYY-MM-DD day unchanged", () => {
    expect(formatChineseDate("2026年")).toBe("2026年");
  });
});
