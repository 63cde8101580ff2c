import { describe, expect, it } from "vitest";
import { niceTicks } from "./chart-scale";

describe("niceTicks", () => {
  it("rounds the top up to a readable step", () => {
    expect(niceTicks(90)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(108)).toEqual([0, 50, 100, 150]);
    expect(niceTicks(4)).toEqual([0, 1, 2, 3, 4]);
  });

  it("handles fractions and large numbers", () => {
    expect(niceTicks(1.5)).toEqual([0, 0.5, 1, 1.5]);
    expect(niceTicks(0.7)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    expect(niceTicks(6120)).toEqual([0, 2000, 4000, 6000, 8000]);
  });

  it("gives a unit axis when there is nothing to draw", () => {
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(Number.NaN)).toEqual([0, 1]);
  });
});
