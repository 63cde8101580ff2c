// The bad-input corpus: what people paste, fat-finger, or send on purpose. Each entry has
// tags saying what it is; a field declares which tags it must refuse (a Chinese error, no
// change). Anything else may be accepted, but then it must be stored exactly as typed
// (after trimming) — e.g. "<b>" in 存在问题 is valid text.
export type Tag =
  | "blank" // empty or whitespace only
  | "tooLong" // far beyond any field's limit
  | "control" // NUL, control, bidi-override characters, lone surrogates
  | "unicode" // emoji, 扩展B区, right-to-left text, zero-width characters: valid text
  | "markup" // HTML / script / template text: valid text, rendered escaped
  | "sql" // SQL-looking text: valid text, never executed
  | "badNumber" // never a valid number in any field
  | "numberish" // a number that some fields may accept (-1, 0, 1.5, 999999…)
  | "badDate" // never a valid day
  | "dateish" // a real day that may be out of a field's range
  | "nonString"; // arrays, objects, booleans: what a forged request can send

export interface BadInput {
  label: string;
  value: unknown;
  tags: Tag[];
}

const e = (label: string, value: unknown, ...tags: Tag[]): BadInput => ({ label, value, tags });

const BLANK = [
  e("empty", "", "blank"),
  e("one space", " ", "blank"),
  e("spaces", "     ", "blank"),
  e("tab", "\t", "blank"),
  e("newlines", "\n\n", "blank"),
  e("CRLF", "\r\n", "blank"),
  e("ideographic space", "\u3000\u3000", "blank"),
  e("no-break spaces", "\u00a0\u00a0", "blank"),
  e("mixed whitespace", " \t\r\n\u3000 ", "blank"),
  e("em spaces", "\u2003\u2003", "blank"),
  e("thin and hair spaces", "\u2009\u200A", "blank"),
  e("vertical whitespace mix", "\n \n \n", "blank"),
  e("BOM only", "\uFEFF", "blank"),
];

const LONG = [
  e("100k ASCII", "a".repeat(100_000), "tooLong"),
  e("100k 汉字", "汉".repeat(100_000), "tooLong"),
  e("100k newlines between text", `开头${"\n".repeat(100_000)}结尾`, "tooLong"),
  e("50k emoji", "😀".repeat(50_000), "tooLong", "unicode"),
  e("100k digits", "9".repeat(100_000), "tooLong", "badNumber"),
  e("5001 汉字", "字".repeat(5001), "tooLong"),
  e("20k characters in one word", "x".repeat(20_000), "tooLong"),
];

// Every C0 control except tab/LF/CR, DEL, a C1 control, bidi controls, lone surrogates.
const CONTROL = [
  ...Array.from({ length: 32 }, (_, c) => c)
    .filter((c) => c !== 9 && c !== 10 && c !== 13)
    .map((c) => e(`U+${c.toString(16).padStart(4, "0")} inside text`, `工作${String.fromCharCode(c)}进展`, "control")),
  e("NUL alone", "\u0000", "control"),
  e("NUL at the end", "正常文字\u0000", "control"),
  e("DEL", "进展\u007f", "control"),
  e("C1 NEL", "进展\u0085", "control"),
  e("C1 CSI", "\u009b31m", "control"),
  e("right-to-left override", "报告\u202Egpj.exe", "control"),
  e("left-to-right embedding", "\u202A嵌入\u202C", "control"),
  e("bidi isolate", "\u2067عربي\u2069", "control"),
  e("lone high surrogate", "半个\uD83D", "control"),
  e("lone low surrogate", "\uDE00半个", "control"),
  e("noncharacter U+FFFF", "\uFFFF", "control"),
  e("ANSI escape", "\u001b[2J清屏", "control"),
  e("NUL in a number", "12\u00003", "control", "badNumber"),
];

const UNICODE = [
  e("emoji", "完成 ✅ 👍", "unicode"),
  e("family emoji (ZWJ)", "👨‍👩‍👧‍👦", "unicode"),
  e("flag", "🇨🇳", "unicode"),
  e("扩展B区 𠀀", "𠀀𠀁𠀂", "unicode"),
  e("扩展B区 𪚥", "𪚥𪚥", "unicode"),
  e("扩展C-G区", "𪜀𫝀𫠠𬺰𰀀", "unicode"),
  e("Arabic (RTL)", "مرحبا بالعالم", "unicode"),
  e("Hebrew (RTL)", "שלום עולם", "unicode"),
  e("mixed RTL and Chinese", "进展 مرحبا 100%", "unicode"),
  e("zero-width space", "零\u200B宽", "unicode"),
  e("zero-width joiner alone", "\u200D", "unicode"),
  e("combining marks", "e\u0301\u0301\u0301", "unicode"),
  e("Zalgo", "Z̷̢̛a̸l̵g̶o̷", "unicode"),
  e("full-width letters", "ＡＢＣ１２３", "unicode"),
  e("traditional Chinese", "臺灣與香港的繁體字", "unicode"),
  e("Japanese kana", "ひらがなカタカナ", "unicode"),
  e("Korean", "안녕하세요", "unicode"),
  e("math symbols", "∑∫√∞≠≤≥", "unicode"),
  e("BOM at start", "\uFEFF文本", "unicode"),
  e("line separator", "第一段\u2028第二段", "unicode"),
  e("homoglyph Cyrillic", "аdmin", "unicode"),
  e("Tibetan and Uyghur", "བོད་ཡིག ئۇيغۇرچە", "unicode"),
  e("enclosed numbers", "①②③", "unicode"),
  e("emoji with skin tone", "👍🏽", "unicode"),
  e("keycap", "1️⃣", "unicode"),
  e("private use area", "\uE000\uF8FF", "unicode"),
];

const MARKUP = [
  e("bold tag", "<b>", "markup"),
  e("script tag", "<script>alert(1)</script>", "markup"),
  e("img onerror", '<img src=x onerror="alert(1)">', "markup"),
  e("svg onload", "<svg onload=alert(1)>", "markup"),
  e("attribute break-out", '"><script>alert(document.cookie)</script>', "markup"),
  e("javascript URL", "javascript:alert(1)", "markup"),
  e("data URL", "data:text/html,<script>alert(1)</script>", "markup"),
  e("iframe", '<iframe src="//evil.example"></iframe>', "markup"),
  e("HTML comment", "<!-- 注释 -->", "markup"),
  e("CDATA end", "]]>", "markup"),
  e("template braces", "{{7*7}}", "markup"),
  e("template literal", "${7*7}", "markup"),
  e("React escape hatch text", '{"__html":"<b>x</b>"}', "markup"),
  e("entity", "&lt;&amp;&#x3c;", "markup"),
  e("markdown link", "[点我](javascript:alert(1))", "markup"),
  e("CSV formula", '=HYPERLINK("http://evil","点我")', "markup"),
  e("CSV formula plus", "+cmd|' /C calc'!A0", "markup"),
  e("RSC-looking text", "$@1", "markup"),
  e("JSON", '{"ok":true}', "markup"),
  e("angle brackets in Chinese", "完成率<50%且>30%", "markup"),
  e("style tag", "<style>body{display:none}</style>", "markup"),
  e("meta refresh", '<meta http-equiv="refresh" content="0;url=//evil.example">', "markup"),
  e("form injection", '<form action="//evil.example"><input name=p></form>', "markup"),
  e("unclosed tag", "<b", "markup"),
  e("closing tags only", "</textarea></script></title>", "markup"),
  e("Vue/Angular template", "{{constructor.constructor('alert(1)')()}}", "markup"),
];

const SQL = [
  e("classic or", "' OR '1'='1", "sql"),
  e("drop table", "1; DROP TABLE reports; --", "sql"),
  e("double quote or", '" OR 1=1 --', "sql"),
  e("comment", "admin'--", "sql"),
  e("union", "1 UNION SELECT password_hash FROM users", "sql"),
  e("stacked update", "x'); UPDATE users SET role='admin' WHERE ('1'='1", "sql"),
  e("percent wildcard", "%", "sql"),
  e("underscore wildcard", "_", "sql"),
  e("backslash", "\\", "sql"),
  e("sqlite pragma", "PRAGMA writable_schema=1;", "sql"),
  e("attach", "ATTACH DATABASE '/tmp/x.db' AS x;", "sql"),
  e("quote only", "'", "sql"),
  e("time-based", "1' AND (SELECT 1 FROM (SELECT SLEEP(5))a)--", "sql"),
  e("sqlite_master probe", "' UNION SELECT name FROM sqlite_master--", "sql"),
  e("load_extension", "SELECT load_extension('/tmp/x')", "sql"),
  e("hex blob", "X'414243'", "sql"),
  e("nested comment", "/**/OR/**/1=1", "sql"),
  e("semicolon batch", "; DELETE FROM audit_log;", "sql"),
  e("LIKE escape", "100\\%", "sql"),
  e("double-dash only", "--", "sql"),
];

const NUMBERS = [
  e("-1", "-1", "numberish"),
  e("0", "0", "numberish"),
  e("-0", "-0", "numberish"),
  e("1.5", "1.5", "numberish"),
  e("three decimals", "1.234", "numberish"),
  e("big integer", "999999999", "numberish"),
  e("leading zeros", "00012", "numberish"),
  e("full-width digits", "１２３", "numberish"),
  e("padded", " 42 ", "numberish"),
  e("max safe + 2", "9007199254740993", "numberish"),
  e("2^31", "2147483648", "numberish"),
  e("1e309", "1e309", "badNumber"),
  e("-1e309", "-1e309", "badNumber"),
  e("1e-400", "1e-400", "badNumber"),
  e("1e3", "1e3", "badNumber"),
  e("NaN", "NaN", "badNumber"),
  e("Infinity", "Infinity", "badNumber"),
  e("-Infinity", "-Infinity", "badNumber"),
  e("1,000", "1,000", "badNumber"),
  e("1，000 (full-width comma)", "1，000", "badNumber"),
  e("hex", "0x10", "badNumber"),
  e("binary", "0b101", "badNumber"),
  e("two points", "1.2.3", "badNumber"),
  e("trailing point", "5.", "badNumber"),
  e("lone point", ".", "badNumber"),
  e("lone minus", "-", "badNumber"),
  e("double minus", "--1", "badNumber"),
  e("plus and minus", "+-1", "badNumber"),
  e("fraction", "1/2", "badNumber"),
  e("percent", "5%", "badNumber"),
  e("with unit", "500个", "badNumber"),
  e("Chinese numeral", "五百", "badNumber"),
  e("spaced digits", "1 000", "badNumber"),
  e("undefined text", "undefined", "badNumber"),
  e("null text", "null", "badNumber"),
  e("true text", "true", "badNumber"),
  e("underscore separator", "1_000", "badNumber"),
  e("Arabic-Indic digits", "١٢٣", "badNumber"),
  e("vulgar fraction", "½", "badNumber"),
  e("superscript", "10²", "badNumber"),
  e("tiny decimal", "0.00001", "numberish"),
  e("negative decimal", "-5.5", "numberish"),
  e("400-digit number", "1".padEnd(400, "0"), "badNumber"),
];

const DATES = [
  e("February 30", "2026-02-30", "badDate"),
  e("month 13", "2026-13-01", "badDate"),
  e("month 0", "2026-00-10", "badDate"),
  e("day 0", "2026-03-00", "badDate"),
  e("all zeros", "0000-00-00", "badDate"),
  e("slashes", "2026/03/31", "badDate"),
  e("compact", "20260331", "badDate"),
  e("unpadded", "2026-3-1", "badDate"),
  e("day first", "31/03/2026", "badDate"),
  e("with time", "2026-03-31T00:00", "badDate"),
  e("Chinese date", "2026年3月31日", "badDate"),
  e("word", "yesterday", "badDate"),
  e("five-digit year", "20260-01-01", "badDate"),
  e("February 29 in a common year", "2026-02-29", "badDate"),
  e("far past", "1900-01-01", "dateish"),
  e("far future", "2100-01-01", "dateish"),
  e("year 9999", "9999-12-31", "dateish"),
  e("last year", "2025-12-31", "dateish"),
  e("April 31", "2026-04-31", "badDate"),
  e("June 31", "2026-06-31", "badDate"),
  e("signed year", "+2026-01-01", "badDate"),
  e("half-padded", "2026-1-01", "badDate"),
  e("ISO week", "2026-W14", "badDate"),
  e("tomorrow", "2027-01-01", "dateish"),
];

const NON_STRINGS = [
  e("array", ["a", "b"], "nonString"),
  e("empty array", [], "nonString"),
  e("nested object", { toString: "x", valueOf: 1 }, "nonString"),
  e("object with __proto__", JSON.parse('{"__proto__":{"admin":true}}'), "nonString"),
  e("boolean", true, "nonString"),
  e("null", null, "nonString"),
  e("number NaN", Number.NaN, "nonString"),
  e("number Infinity", Number.POSITIVE_INFINITY, "nonString"),
];

export const CORPUS: BadInput[] = [...BLANK, ...LONG, ...CONTROL, ...UNICODE, ...MARKUP, ...SQL, ...NUMBERS, ...DATES, ...NON_STRINGS];

/** Tags each kind of field must refuse; other inputs may be accepted if stored exactly. */
export const REFUSE: Record<FieldKind, Tag[]> = {
  text: ["tooLong", "control", "nonString"],
  requiredText: ["blank", "tooLong", "control", "nonString"],
  number: ["tooLong", "control", "badNumber", "badDate", "unicode", "markup", "sql", "nonString"],
  // Ids go through z.coerce: any spelling Number() reads as a whole number may name a record.
  id: ["tooLong", "control", "unicode", "markup", "sql"],
  date: ["tooLong", "control", "badDate", "badNumber", "numberish", "unicode", "markup", "sql", "nonString"],
  choice: ["tooLong", "control", "badNumber", "badDate", "dateish", "unicode", "markup", "sql", "nonString"],
};

export type FieldKind = "text" | "requiredText" | "number" | "id" | "date" | "choice";

/** Files a real evidence field must refuse: wrong types whatever their name, and oversized ones. */
export async function badFiles(): Promise<{ label: string; file: File }[]> {
  const fx = await import("@/lib/testing/evidence-fixtures");
  const { MAX_EVIDENCE_BYTES } = await import("@/lib/file-sniff");
  const file = (bytes: Uint8Array | string, name: string, type = "application/pdf") => new File([bytes as BlobPart], name, { type });
  const oversized = new Uint8Array(MAX_EVIDENCE_BYTES + 1);
  oversized.set(fx.pdfBytes());
  return [
    { label: "executable named .pdf", file: file(fx.exeBytes(), "进展材料.pdf") },
    { label: "HTML with script named .pdf", file: file(fx.htmlBytes(), "报告.pdf") },
    { label: "HTML named .html", file: file(fx.htmlBytes(), "报告.html", "text/html") },
    { label: "SVG with script", file: file('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "图.svg", "image/svg+xml") },
    { label: "plain zip named .docx", file: file(fx.plainZipBytes(), "汇报.docx") },
    { label: "macro Word document", file: file(fx.docmBytes(), "汇报.docx") },
    { label: "text named .xlsx", file: file("序号,任务\n1,测试", "台账.xlsx") },
    { label: "empty file", file: file(new Uint8Array(0), "空.pdf") },
    { label: "executable with double extension", file: file(fx.exeBytes(), "照片.jpg.exe", "application/octet-stream") },
    { label: "shell script", file: file("#!/bin/sh\nrm -rf /\n", "run.sh", "text/x-sh") },
    { label: "one byte over the size limit", file: file(oversized, "大文件.pdf") },
  ];
}
