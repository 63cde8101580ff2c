import { describe, expect, it } from "vitest";
import type { BurstReport } from "../setup";
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
