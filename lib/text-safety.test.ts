import { describe, expect, it } from "vitest";
import { hasUnsafeText, UNSAFE_TEXT_MESSAGE, unsafeTextErrors } from "./text-safety";

describe("hasUnsafeText", () => {
  it.each([
    ["NUL", "工作\u0000进展"],
    ["bell", "\u0007"],
    ["escape", "\u001b[31m红色"],
    ["DEL", "\u007f"],
    ["C1 control", "\u0085"],
    ["right-to-left override", "abc\u202Edef"],
    ["bidi isolate", "\u2066x\u2069"],
    ["lone high surrogate", "\uD800"],
    ["lone low surrogate", "x\uDC00"],
    ["noncharacter", "\uFFFF"],
  ])("refuses %s", (_name, value) => {
    expect(hasUnsafeText(value)).toBe(true);
  });

  it.each([
    ["line breaks and tabs", "第一行\n第二行\r\n\t缩进"],
    ["emoji", "完成 ✅ 👍 👨‍👩‍👧‍👦"],
    ["CJK Extension B", "𠀀𪚥"],
    ["Arabic and Hebrew", "مرحبا שלום"],
    ["HTML and SQL-looking text", "<b>加粗</b> ' OR 1=1 --"],
    ["zero-width space and ideographic space", "a\u200Bb\u3000c"],
  ])("accepts %s", (_name, value) => {
    expect(hasUnsafeText(value)).toBe(false);
  });
});

describe("unsafeTextErrors", () => {
  it("names every field holding an unsafe character, in strings, arrays and file names", () => {
    const raw = { progress: "ok", problems: "坏\u0000", ids: ["1", "\u0001"], evidence: new File(["x"], "a\u202Egpj.exe"), n: 5 };
    expect(unsafeTextErrors(raw)).toEqual({ problems: [UNSAFE_TEXT_MESSAGE], ids: [UNSAFE_TEXT_MESSAGE], evidence: [UNSAFE_TEXT_MESSAGE] });
  });

  it("is null when everything is ordinary text", () => {
    expect(unsafeTextErrors({ a: "正常", b: ["😀"], c: 1 })).toBeNull();
  });
});
