import { describe, expect, it } from "vitest";
import { itemSourceOf, itemTimeLimit, parseSourceParam } from "./supervision-items";

describe("督办事项 rules", () => {
  it("reads a known source from the URL and treats anything else as 全部", () => {
    expect(parseSourceParam("meeting")).toBe("meeting");
    expect(parseSourceParam(["kaiju", "task"])).toBe("kaiju");
    expect(parseSourceParam("task")).toBe("task");
    expect(parseSourceParam("Meeting")).toBeNull();
    expect(parseSourceParam("")).toBeNull();
    expect(parseSourceParam(undefined)).toBeNull();
  });

  it("narrows a filter to a 督办事项 source only for the three item sources", () => {
    expect(itemSourceOf("instruction")).toBe("instruction");
    expect(itemSourceOf("project")).toBeNull();
    expect(itemSourceOf(null)).toBeNull();
  });

  it("never shows a deadline nobody printed or set", () => {
    expect(itemTimeLimit({ cadence: null, deadline: null })).toBe("未明确时限，由督查室确定");
    expect(itemTimeLimit({ cadence: "once", deadline: null })).toBe("未明确时限，由督查室确定");
    expect(itemTimeLimit({ cadence: "once", deadline: "2026-12-31" })).toBe("限期 2026年12月31日前完成");
    expect(itemTimeLimit({ cadence: "monthly", deadline: null })).toBe("按月推进");
    expect(itemTimeLimit({ cadence: "quarterly", deadline: null })).toBe("按季推进");
  });
});
