import { describe, expect, it } from "vitest";
import type { BurstReport } from "../setup";
import { benchNow } from "./constants";
import { splitSubmissions } from "./report-load";

const report = (userId: number, taskNo: number): BurstReport => ({ userId, sessionId: `s${userId}`, taskNo, quarter: "2026Q4", fields: {} });

describe("splitSubmissions", () => {
  const open = [report(1, 1), report(1, 2), report(1, 3), report(2, 4), report(3, 5), report(3, 6)];

  it("takes reports for one-by-one submission only from accounts that keep one for the burst", () => {
    const { alone, burst } = splitSubmissions(open, 10);
    expect(alone.map((r) => r.taskNo)).toEqual([1, 2, 5]);
    expect(new Set(burst.map((r) => r.userId))).toEqual(new Set([1, 2, 3]));
    expect([...alone, ...burst].map((r) => r.taskNo).sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("takes no more than asked", () => {
    const { alone, burst } = splitSubmissions(open, 1);
    expect(alone.map((r) => r.taskNo)).toEqual([1]);
    expect(burst).toHaveLength(5);
  });
});

describe("benchNow", () => {
  it("is the machine's time of day on the bench's day, as the server stamps filings", () => {
    // 2026-12-02 09:30 in Shanghai → 2026-12-31 09:30 in Shanghai.
    expect(benchNow(Date.parse("2026-12-02T09:30:00+08:00"))).toBe(Date.parse("2026-12-31T09:30:00+08:00"));
    // After 16:00 UTC Shanghai is already on the next day.
    expect(benchNow(Date.parse("2026-12-02T17:00:00Z"))).toBe(Date.parse("2026-12-31T01:00:00+08:00"));
  });
});
