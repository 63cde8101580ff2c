import { describe, expect, it } from "vitest";
import { roleHome } from "./role-home";

describe("roleHome", () => {
  it("sends each role to the page its work starts from", () => {
    expect(roleHome("unit")).toBe("/my");
    expect(roleHome("leader")).toBe("/dashboard");
    expect(roleHome("supervisor")).toBe("/supervision");
    expect(roleHome("admin")).toBe("/admin/users");
  });
});
