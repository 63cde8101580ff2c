import { describe, expect, it } from "vitest";
import { formatDateTime, shanghaiDayStart } from "./format-time";

describe("formatDateTime", () => {
  it("shows an instant in Beijing time", () => {
    expect(formatDateTime(Date.UTC(2026, 2, 31, 8, 5, 9))).toBe("2026-03-31 16:05:09");
  });

  it("crosses midnight into the next Beijing day", () => {
    expect(formatDateTime(Date.UTC(2026, 2, 31, 16, 0, 0))).toBe("2026-04-01 00:00:00");
  });
});

describe("shanghaiDayStart", () => {
  it("is 16:00 UTC of the previous day", () => {
    expect(shanghaiDayStart("2026-04-01")).toBe(Date.UTC(2026, 2, 31, 16, 0, 0));
  });
});
