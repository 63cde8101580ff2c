import { describe, expect, it } from "vitest";
import { escapeForLog } from "./log-text";

describe("escapeForLog", () => {
  it("shows control characters, bidi overrides and zero-width characters as escapes", () => {
    expect(escapeForLog("ad\u202Emin")).toBe("ad\\u{202e}min");
    expect(escapeForLog("a\nb\u0000c\u200Bd")).toBe("a\\u{000a}b\\u{0000}c\\u{200b}d");
  });

  it("keeps ordinary text, Chinese and emoji, and doubles a typed backslash so an escape cannot be faked", () => {
    expect(escapeForLog("住建局 zjj ✅")).toBe("住建局 zjj ✅");
    expect(escapeForLog("a\\u{202e}")).toBe("a\\\\u{202e}");
  });

  it("cuts very long input", () => {
    expect(escapeForLog("x".repeat(100))).toBe(`${"x".repeat(64)}…`);
  });
});
