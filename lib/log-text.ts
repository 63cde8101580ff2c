// Text a stranger typed, made safe to store in the audit log: control characters and bidi
// overrides become visible \u{…} escapes, so the log shows exactly what was sent and cannot
// be made to display something else (a right-to-left override reversing a name, a newline
// forging a second entry).
const ESCAPE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff]/gu;

export function escapeForLog(text: string, max = 64): string {
  const escaped = text.replace(/\\/g, "\\\\").replace(ESCAPE, (c) => `\\u{${c.codePointAt(0)!.toString(16).padStart(4, "0")}}`);
  return escaped.length > max ? `${escaped.slice(0, max)}…` : escaped;
}
