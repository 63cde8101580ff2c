// Official documents as .docx (the `docx` library, no hand-made XML), in the usual layout of
// a government office's papers: 红头 (the office's name in red) over a red rule, the 文号,
// a 小标宋 title, 黑体 headings, 仿宋 body text in 三号 with 28-point lines, the 落款 and the
// date. Every run names its Chinese font explicitly (eastAsia), so Word, WPS and
// LibreOffice all set the text in a Chinese face (LibreOffice substitutes an installed one).
import { AlignmentType, BorderStyle, Document, LineRuleType, Packer, Paragraph, TextRun } from "docx";
import { bulletinTitle, type BulletinSection } from "./bulletin";
import { formatChineseDate } from "./format-date";

const FACE = { title: "方正小标宋简体", heading: "黑体", body: "仿宋_GB2312", red: "方正小标宋简体" } as const;
const RED = "C00000";
/** Half-points: 二号 22pt, 三号 16pt, 初号 42pt-ish for the 红头. */
const SIZE = { redHead: 60, title: 44, body: 32, small: 28 } as const;
const LINE = 560; // 28pt in twips

type Face = (typeof FACE)[keyof typeof FACE];

function run(text: string, { face = FACE.body, size = SIZE.body, bold = false, color }: { face?: Face; size?: number; bold?: boolean; color?: string } = {}) {
  return new TextRun({ text, font: { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: face, cs: face }, size, bold, color });
}

function para(
  text: string | TextRun[],
  {
    align = AlignmentType.JUSTIFIED,
    indent = true,
    face,
    size,
    bold,
    color,
    after = 0,
    redRule = false,
  }: {
    align?: (typeof AlignmentType)[keyof typeof AlignmentType];
    indent?: boolean;
    face?: Face;
    size?: number;
    bold?: boolean;
    color?: string;
    after?: number;
    redRule?: boolean;
  } = {},
): Paragraph {
  // Line breaks inside a value become separate paragraphs by the caller; here one line is one run.
  const children = typeof text === "string" ? [run(text, { face, size, bold, color })] : text;
  return new Paragraph({
    children,
    alignment: align,
    indent: indent ? { firstLine: 640 } : undefined,
    spacing: { line: LINE, lineRule: LineRuleType.EXACT, after },
    border: redRule ? { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 6 } } : undefined,
  });
}

const lines = (text: string) =>
  text
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean);

function redHead(office: string, kind: string, docNo: string): Paragraph[] {
  return [
    para(`${office}${kind}`, { align: AlignmentType.CENTER, indent: false, face: FACE.red, size: SIZE.redHead, color: RED, after: 240 }),
    para(docNo, { align: AlignmentType.CENTER, indent: false, redRule: true, after: 360 }),
  ];
}

function signature(office: string, day: string): Paragraph[] {
  return [
    para("", { indent: false }),
    para(office, { align: AlignmentType.RIGHT, indent: false }),
    para(formatChineseDate(day), { align: AlignmentType.RIGHT, indent: false }),
  ];
}

function document(title: string, children: Paragraph[]): Document {
  return new Document({
    creator: "汨罗市重点工作调度平台",
    title,
    styles: { default: { document: { run: { font: { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: FACE.body }, size: SIZE.body } } } },
    sections: [
      {
        // A4 with the margins of GB/T 9704 (天头 37 mm, 订口 28 mm).
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } },
        children,
      },
    ],
  });
}

export interface BulletinDocInput {
  office: string;
  /** 汨督〔2026〕3号, or a draft's placeholder. */
  docNo: string;
  periodCode: string;
  /** 主送. */
  addressees: string;
  sections: readonly BulletinSection[];
  nextSteps: string;
  day: string;
}

/** The 季度通报 as a .docx. */
export async function buildBulletinDoc(input: BulletinDocInput): Promise<Buffer> {
  const body: Paragraph[] = [
    ...redHead(input.office, "督查通报", input.docNo),
    para(bulletinTitle(input.periodCode), { align: AlignmentType.CENTER, indent: false, face: FACE.title, size: SIZE.title, after: 240 }),
    para(`${input.addressees}：`, { indent: false }),
    para(
      `现将${bulletinTitle(input.periodCode)
        .replace(/^关于/, "")
        .replace(/的通报$/, "")}通报如下。`,
    ),
  ];
  for (const section of [...input.sections, { heading: "六、下步工作", paragraphs: lines(input.nextSteps) }]) {
    body.push(para(section.heading, { face: FACE.heading }));
    for (const p of section.paragraphs) for (const l of lines(p)) body.push(para(l));
  }
  body.push(...signature(input.office, input.day));
  return Packer.toBuffer(document(bulletinTitle(input.periodCode), body));
}

export interface NoticeDocInput {
  office: string;
  /** 督办通知单 / 催办通知单 */
  kind: string;
  docNo: string;
  subject: string;
  to: readonly string[];
  cc: readonly string[];
  problem: string;
  requirement: string;
  deadline: string;
  day: string;
}

/** One 督办 (or 催办) as the notice the unit receives. */
export async function buildNoticeDoc(n: NoticeDocInput): Promise<Buffer> {
  const labelled = (label: string, text: string) =>
    lines(text).map((l, i) => para(i === 0 ? [run(`${label}：`, { face: FACE.heading }), run(l)] : l, { indent: i > 0 }));
  const body: Paragraph[] = [
    ...redHead(n.office, "", n.docNo),
    para(n.kind, { align: AlignmentType.CENTER, indent: false, face: FACE.title, size: SIZE.title, after: 240 }),
    para(`${n.to.join("、")}：`, { indent: false }),
    ...labelled("督办事项", n.subject),
    ...labelled("事由", n.problem),
    ...labelled("整改要求", n.requirement),
    ...labelled("办理时限", `请于${formatChineseDate(n.deadline)}前将办理情况书面回复${n.office}，并在调度平台上传佐证材料。`),
    ...signature(n.office, n.day),
    para(`抄送：${n.cc.join("、") || "无"}。`, { indent: false, size: SIZE.small, redRule: false, after: 0 }),
  ];
  return Packer.toBuffer(document(`${n.kind} ${n.docNo}`, body));
}

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
