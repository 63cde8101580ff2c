import { describe, expect, it } from "vitest";
import { roundState, satisfactionResults } from "./satisfaction";

describe("roundState", () => {
  it("is open from its first day until closed", () => {
    expect(roundState(null, "2026-12-01")).toBe("notSet");
    expect(roundState({ opensOn: "2026-12-02", closedAt: null }, "2026-12-01")).toBe("scheduled");
    expect(roundState({ opensOn: "2026-12-01", closedAt: null }, "2026-12-01")).toBe("open");
    expect(roundState({ opensOn: "2026-10-01", closedAt: 1 }, "2026-12-01")).toBe("closed");
  });
});

describe("satisfactionResults", () => {
  const projects = [
    { id: 11, no: 1, name: "甲" },
    { id: 12, no: 2, name: "乙" },
  ];
  it("counts each level per project with percentages to one decimal", () => {
    const [a, b] = satisfactionResults(projects, [
      { projectId: 11, level: "satisfied" },
      { projectId: 11, level: "satisfied" },
      { projectId: 11, level: "unsatisfied" },
      { projectId: 12, level: "basic" },
    ]);
    expect(a!.counts).toEqual({ satisfied: 2, basic: 0, unsatisfied: 1 });
    expect(a!.total).toBe(3);
    expect(a!.percents).toEqual({ satisfied: 66.7, basic: 0, unsatisfied: 33.3 });
    expect(a!.satisfiedRate).toBe(66.7);
    expect(b!.satisfiedRate).toBe(100);
  });
  it("has no percentages for a project nobody rated", () => {
    const [a] = satisfactionResults(projects, []);
    expect(a!.total).toBe(0);
    expect(a!.percents.satisfied).toBeNull();
    expect(a!.satisfiedRate).toBeNull();
  });
});
