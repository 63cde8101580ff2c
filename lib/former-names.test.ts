import { describe, expect, it } from "vitest";
import { formerNameNote } from "./former-names";

describe("formerNameNote", () => {
  it("is empty for a unit that kept its name", () => {
    expect(formerNameNote([])).toBe("");
  });
  it("names the gazette's old name of a renamed unit", () => {
    expect(formerNameNote([{ name: "住建局", how: "renamed" }])).toBe("（原名：住建局）");
  });
  it("lists renames, then the units merged in, each name once", () => {
    expect(
      formerNameNote([
        { name: "甲局", how: "renamed" },
        { name: "乙中心", how: "merged" },
        { name: "甲局", how: "renamed" },
        { name: "丙办", how: "renamed" },
      ]),
    ).toBe("（原名：甲局、丙办；乙中心并入）");
  });
});
