import { describe, expect, it } from "vitest";
import { checkPassword, passwordClasses } from "./password-policy";

describe("checkPassword", () => {
  it("accepts the documented initial password for a username it does not contain", () => {
    expect(checkPassword("Miluo@2026", "zjj")).toEqual([]);
  });

  it("accepts three classes without symbols", () => {
    expect(checkPassword("Abcdefg1", "zjj")).toEqual([]);
  });

  it("refuses a password shorter than 8 characters", () => {
    expect(checkPassword("Ab1@xyz", "zjj")).toEqual(["密码至少 8 位。"]);
  });

  it("refuses a password with only two character classes", () => {
    expect(checkPassword("abcdefgh12", "zjj")).toEqual(["密码须包含大写字母、小写字母、数字、符号中的至少 3 类。"]);
  });

  it("refuses a password containing the username in any letter case", () => {
    expect(checkPassword("ZJJ@2026abc", "zjj")).toEqual(["密码不得包含用户名。"]);
  });

  it("lists every broken rule at once", () => {
    expect(checkPassword("zjj", "zjj")).toHaveLength(3);
  });
});

describe("passwordClasses", () => {
  it("counts lower, upper, digit and symbol classes", () => {
    expect(passwordClasses("aA1!")).toBe(4);
    expect(passwordClasses("密码密码密码密码")).toBe(1);
  });
});
