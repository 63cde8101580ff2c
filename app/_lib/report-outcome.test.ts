import { describe, expect, it } from "vitest";
import { outcomeText } from "./report-outcome";

describe("outcomeText", () => {
  it("confirms a submission while the report is still submitted", () => {
    expect(outcomeText({ submitted: "2" }, "submitted")).toBe("已提交（第 2 版），等待督查室审核。");
  });

  it("says nothing once the report has moved on from the state the link claims", () => {
    expect(outcomeText({ submitted: "2" }, "returned")).toBeNull();
    expect(outcomeText({ reviewed: "approved" }, "submitted")).toBeNull();
  });

  it("ignores a version that is not a short number", () => {
    expect(outcomeText({ submitted: "2<script>" }, "submitted")).toBeNull();
    expect(outcomeText({ submitted: ["1", "2"] }, "submitted")).toBeNull();
  });

  it("reports a review outcome that still holds", () => {
    expect(outcomeText({ reviewed: "approved" }, "approved")).toBe("已通过。");
    expect(outcomeText({ reviewed: "returned" }, "returned")).toBe("已退回，牵头单位可修改后重新提交。");
  });
});
