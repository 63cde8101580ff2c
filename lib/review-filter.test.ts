import { describe, expect, it } from "vitest";
import { applyReviewFilter, nextInQueue, parseReviewFilter, reviewSearch } from "./review-filter";

const options = { quarters: ["2026Q1", "2026Q3"], units: ["住建局", "发改局"] };

describe("review queue filters", () => {
  it("keep only offered values", () => {
    expect(parseReviewFilter({ quarter: "2026Q3", unit: "住建局", lamp: "red" }, options)).toEqual({ quarter: "2026Q3", unit: "住建局", lamp: "red" });
    expect(parseReviewFilter({ quarter: "2027Q1", unit: "<b>", lamp: "purple" }, options)).toEqual({ quarter: null, unit: null, lamp: null });
  });

  it("narrow the queue by quarter, lead unit and 进度 lamp together", () => {
    const items = [
      { id: 1, periodCode: "2026Q3", leadUnits: ["住建局"], progress: "red" as const },
      { id: 2, periodCode: "2026Q3", leadUnits: ["发改局", "住建局"], progress: "green" as const },
      { id: 3, periodCode: "2026Q1", leadUnits: ["住建局"], progress: "red" as const },
    ];
    expect(applyReviewFilter(items, { quarter: "2026Q3", unit: "住建局", lamp: null }).map((i) => i.id)).toEqual([1, 2]);
    expect(applyReviewFilter(items, { quarter: null, unit: "住建局", lamp: "red" }).map((i) => i.id)).toEqual([1, 3]);
  });

  it("open the next report after the one just reviewed, or the previous one at the end", () => {
    expect(nextInQueue([4, 7, 9], 7)).toBe(9);
    expect(nextInQueue([4, 7, 9], 9)).toBe(7);
    expect(nextInQueue([7], 7)).toBeNull();
    expect(reviewSearch({ quarter: "2026Q3", unit: null, lamp: "red" }, 9)).toBe("?quarter=2026Q3&lamp=red&open=9");
    expect(reviewSearch({ quarter: null, unit: null, lamp: null })).toBe("");
  });
});
