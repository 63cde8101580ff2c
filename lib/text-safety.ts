// Characters no form field may contain, whatever the field: they are invisible, break
// the XML inside exported .xlsx/.docx files, or can make text display differently from
// how it is stored (bidi overrides, "Trojan Source"). Tabs and line breaks are fine;
// emoji, rare CJK (扩展B区), Arabic/Hebrew and HTML-looking text are ordinary text.
//   C0 controls except \t \n \r; DEL and C1 controls; bidi embeddings/overrides/isolates;
//   lone UTF-16 surrogates; the noncharacters U+FFFE/U+FFFF.
// With the u flag a surrogate pair is one code point, so [\uD800-\uDFFF] matches lone halves only.
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uD800-\uDFFF\uFFFE\uFFFF]/u;

export const UNSAFE_TEXT_MESSAGE = "含有不可见的控制字符（如从其他软件复制时带入），请删除后重新输入";

export function hasUnsafeText(value: string): boolean {
  return UNSAFE.test(value);
}

/** Field errors for every submitted string (or string in an array) holding unsafe characters. */
export function unsafeTextErrors(raw: Record<string, unknown>): Record<string, string[]> | null {
  const errors: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(raw)) {
    const strings = typeof value === "string" ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
    // A file's name counts too: it is stored and shown.
    const names = (Array.isArray(value) ? value : [value]).filter((v): v is File => typeof File !== "undefined" && v instanceof File).map((f) => f.name);
    if ([...strings, ...names].some(hasUnsafeText)) errors[key] = [UNSAFE_TEXT_MESSAGE];
  }
  return Object.keys(errors).length ? errors : null;
}
