// Evidence files (佐证材料): the type is decided by the bytes, never by the file name.
// Accepted: PDF, PNG, JPEG, GIF, WebP, Word and Excel (OOXML zip and legacy OLE2).
// Everything else (executables, HTML, plain zips, text renamed .pdf, macro documents) is refused.

export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;
export const MAX_EVIDENCE_MB = MAX_EVIDENCE_BYTES / 1024 / 1024;

export const EVIDENCE_TYPES = {
  pdf: { mime: "application/pdf", exts: ["pdf"], label: "PDF" },
  png: { mime: "image/png", exts: ["png"], label: "PNG 图片" },
  jpeg: { mime: "image/jpeg", exts: ["jpg", "jpeg"], label: "JPEG 图片" },
  gif: { mime: "image/gif", exts: ["gif"], label: "GIF 图片" },
  webp: { mime: "image/webp", exts: ["webp"], label: "WebP 图片" },
  docx: { mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", exts: ["docx"], label: "Word 文档" },
  xlsx: { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", exts: ["xlsx"], label: "Excel 表格" },
  doc: { mime: "application/msword", exts: ["doc"], label: "Word 文档" },
  xls: { mime: "application/vnd.ms-excel", exts: ["xls"], label: "Excel 表格" },
} as const;

export type EvidenceKind = keyof typeof EVIDENCE_TYPES;

/** For the file picker's `accept` attribute: a hint only, the server decides. */
export const EVIDENCE_ACCEPT = Object.values(EVIDENCE_TYPES)
  .flatMap((t) => t.exts.map((e) => `.${e}`))
  .join(",");

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((v, i) => b[at + i] === v);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);

/** Names of the entries in a zip's central directory, or null if it is not a readable zip. */
export function zipEntryNames(b: Uint8Array): string[] | null {
  if (b.length < 22) return null;
  const dv = view(b);
  // The end-of-central-directory record sits in the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = dv.getUint16(eocd + 10, true);
  let p = dv.getUint32(eocd + 16, true);
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (p + 46 > b.length || dv.getUint32(p, true) !== 0x02014b50) return null;
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    if (p + 46 + nameLen > b.length) return null;
    names.push(decoder.decode(b.subarray(p + 46, p + 46 + nameLen)));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

const END_OF_CHAIN = 0xfffffffe;
const FREE_SECT = 0xffffffff;

/** Stream and storage names in an OLE2 compound file's directory, or null if unreadable. */
export function oleEntryNames(b: Uint8Array): string[] | null {
  if (b.length < 512) return null;
  const dv = view(b);
  const shift = dv.getUint16(30, true);
  if (shift !== 9 && shift !== 12) return null;
  const size = 1 << shift;
  const perSector = size / 4;
  const sectorOffset = (s: number) => (s + 1) * size;
  const maxSectors = Math.ceil(b.length / size);

  // FAT sector ids: 109 in the header, the rest in the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) fatSectors.push(dv.getUint32(76 + i * 4, true));
  let difat = dv.getUint32(68, true);
  for (let guard = 0; difat !== END_OF_CHAIN && difat !== FREE_SECT && guard < maxSectors; guard++) {
    const off = sectorOffset(difat);
    if (off + size > b.length) return null;
    for (let i = 0; i < perSector - 1; i++) fatSectors.push(dv.getUint32(off + i * 4, true));
    difat = dv.getUint32(off + size - 4, true);
  }
  const next = (s: number): number | null => {
    const fatSector = fatSectors[Math.floor(s / perSector)];
    if (fatSector === undefined || fatSector === FREE_SECT) return null;
    const off = sectorOffset(fatSector) + (s % perSector) * 4;
    return off + 4 <= b.length ? dv.getUint32(off, true) : null;
  };

  const names: string[] = [];
  let dir: number | null = dv.getUint32(48, true);
  for (let guard = 0; dir !== null && dir !== END_OF_CHAIN; guard++) {
    if (guard > maxSectors) return null;
    const off = sectorOffset(dir);
    if (off + size > b.length) return null;
    for (let e = off; e < off + size; e += 128) {
      const nameBytes = dv.getUint16(e + 64, true);
      const type = b[e + 66];
      if (nameBytes < 2 || nameBytes > 64 || type === 0) continue;
      let name = "";
      for (let i = 0; i < nameBytes - 2; i += 2) name += String.fromCharCode(dv.getUint16(e + i, true));
      names.push(name);
    }
    dir = next(dir);
  }
  return names;
}

/** The evidence type of a file's content, or null when it is not an accepted type. */
export function sniffEvidenceType(b: Uint8Array): EvidenceKind | null {
  if (startsWith(b, ascii("%PDF-"))) return "pdf";
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(b, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(b, ascii("GIF87a")) || startsWith(b, ascii("GIF89a"))) return "gif";
  if (startsWith(b, ascii("RIFF")) && startsWith(b, ascii("WEBP"), 8)) return "webp";
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) {
    const names = zipEntryNames(b);
    if (!names || !names.includes("[Content_Types].xml")) return null;
    // Macro-enabled documents (docm/xlsm) carry a VBA project: refused.
    if (names.some((n) => n.endsWith("vbaProject.bin"))) return null;
    if (names.includes("word/document.xml")) return "docx";
    if (names.includes("xl/workbook.xml")) return "xlsx";
    return null;
  }
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    const names = oleEntryNames(b);
    if (!names) return null;
    if (names.includes("_VBA_PROJECT_CUR") || names.includes("Macros")) return null;
    if (names.includes("WordDocument")) return "doc";
    if (names.includes("Workbook") || names.includes("Book")) return "xls";
    return null;
  }
  return null;
}

const ACCEPTED_TEXT = "仅支持 PDF、图片（PNG/JPEG/GIF/WebP）、Word、Excel 文件";

/**
 * A file name safe to store and to send back: no folders, no control characters,
 * at most 100 characters, and ending in the extension of the type its content has
 * (a PDF named 报告.doc is stored as 报告.doc.pdf so it opens with the right program).
 */
export function evidenceFilename(original: string, kind: EvidenceKind): string {
  const exts: readonly string[] = EVIDENCE_TYPES[kind].exts;
  const base = (original.split(/[\\/]/).pop() ?? "").replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069"<>|:*?]/g, "").trim();
  const dot = base.lastIndexOf(".");
  const ext = dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
  const name = base && !base.startsWith(".") ? base : "佐证材料";
  const withExt = exts.includes(ext) ? name : `${name}.${exts[0]}`;
  if (withExt.length <= 100) return withExt;
  const keepExt = `.${exts.includes(ext) ? ext : exts[0]}`;
  return `${withExt.slice(0, 100 - keepExt.length)}${keepExt}`;
}

export type EvidenceCheck = { ok: true; kind: EvidenceKind; mime: string; filename: string; size: number } | { ok: false; message: string };

/** Checks one uploaded file: size first (cheap), then content type. */
export function checkEvidenceFile(name: string, bytes: Uint8Array): EvidenceCheck {
  const shown = name.split(/[\\/]/).pop() || "文件";
  if (bytes.length === 0) return { ok: false, message: `“${shown}”是空文件` };
  if (bytes.length > MAX_EVIDENCE_BYTES) return { ok: false, message: `“${shown}”超过 ${MAX_EVIDENCE_MB} MB，请压缩后再上传` };
  const kind = sniffEvidenceType(bytes);
  if (!kind) return { ok: false, message: `“${shown}”的文件内容不是可接受的类型：${ACCEPTED_TEXT}` };
  return { ok: true, kind, mime: EVIDENCE_TYPES[kind].mime, filename: evidenceFilename(name, kind), size: bytes.length };
}

/** Types a browser may show in place (sandboxed): PDF, PNG and JPEG. Everything else downloads. */
const PREVIEWABLE: readonly EvidenceKind[] = ["pdf", "png", "jpeg"];

/** The MIME type to show a stored file inline with, decided by its bytes, or null to download it. */
export function previewMime(bytes: Uint8Array): string | null {
  const kind = sniffEvidenceType(bytes);
  return kind && PREVIEWABLE.includes(kind) ? EVIDENCE_TYPES[kind].mime : null;
}
