// Crafted file contents for tests of evidence sniffing: small, but each with the real
// structure the sniffer reads (magic bytes, zip central directory, OLE2 directory).

const enc = new TextEncoder();
const bytes = (...parts: (string | number[] | Uint8Array)[]) => {
  const chunks = parts.map((p) => (typeof p === "string" ? enc.encode(p) : Uint8Array.from(p)));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
};

export const pdfBytes = () => bytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
export const pngBytes = () => bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13], "IHDR", new Array(17).fill(0));
export const jpegBytes = () => bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], "JFIF", new Array(10).fill(0), [0xff, 0xd9]);
export const gifBytes = () => bytes("GIF89a", [1, 0, 1, 0, 0, 0, 0], ";");
export const webpBytes = () => bytes("RIFF", [26, 0, 0, 0], "WEBPVP8 ", new Array(18).fill(0));
export const exeBytes = () => bytes("MZ", new Array(62).fill(0), "This program cannot be run in DOS mode.");
export const htmlBytes = () => bytes("<!doctype html><html><body><script>alert(1)</script></body></html>");

function u16(n: number) {
  return [n & 0xff, (n >> 8) & 0xff];
}
function u32(n: number) {
  return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
}

/** A zip with stored (uncompressed) entries and a proper central directory. */
export function zipBytes(entries: Record<string, string>): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const n = enc.encode(name);
    const data = enc.encode(content);
    const common = [...u16(20), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(data.length), ...u32(data.length), ...u16(n.length), ...u16(0)];
    const local = bytes(u32(0x04034b50), common, n, data);
    centrals.push(bytes(u32(0x02014b50), u16(20), common, u16(0), u16(0), u16(0), u32(0), u32(offset), n));
    locals.push(local);
    offset += local.length;
  }
  const cd = bytes(...centrals);
  const eocd = bytes(u32(0x06054b50), u16(0), u16(0), u16(centrals.length), u16(centrals.length), u32(cd.length), u32(offset), u16(0));
  return bytes(...locals, cd, eocd);
}

const CT = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
export const docxBytes = () => zipBytes({ "[Content_Types].xml": CT, "_rels/.rels": "<Relationships/>", "word/document.xml": "<w:document/>" });
export const xlsxBytes = () => zipBytes({ "[Content_Types].xml": CT, "_rels/.rels": "<Relationships/>", "xl/workbook.xml": "<workbook/>" });
export const docmBytes = () => zipBytes({ "[Content_Types].xml": CT, "word/document.xml": "<w:document/>", "word/vbaProject.bin": "VBA" });
export const plainZipBytes = () => zipBytes({ "readme.txt": "hello", "data.csv": "a,b" });

/**
 * An OLE2 compound file (512-byte sectors): header, one FAT sector, a directory
 * spread over `dirSectors` sectors (chained through the FAT) holding the given names.
 */
export function oleBytes(streamNames: string[], dirSectors = 1): Uint8Array {
  const size = 512;
  const header = new Uint8Array(size);
  header.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  header.set(u16(0x3e), 24);
  header.set(u16(3), 26);
  header.set(u16(0xfffe), 28);
  header.set(u16(9), 30);
  header.set(u16(6), 32);
  header.set(u32(1), 44); // one FAT sector
  header.set(u32(1), 48); // directory starts in sector 1
  header.set(u32(0xfffffffe), 68); // no DIFAT sectors
  for (let i = 0; i < 109; i++) header.set(u32(i === 0 ? 0 : 0xffffffff), 76 + i * 4);
  const fat = new Uint8Array(size).fill(0xff);
  fat.set(u32(0xfffffffd), 0); // sector 0 is the FAT itself
  for (let s = 1; s <= dirSectors; s++) fat.set(u32(s === dirSectors ? 0xfffffffe : s + 1), s * 4);
  const dir = new Uint8Array(size * dirSectors);
  ["Root Entry", ...streamNames].forEach((name, i) => {
    // Put the last name in the last directory sector so following the chain matters.
    const slot = i === streamNames.length && dirSectors > 1 ? (dirSectors - 1) * 4 : i;
    const e = slot * 128;
    for (let c = 0; c < name.length; c++) dir.set(u16(name.charCodeAt(c)), e + c * 2);
    dir.set(u16((name.length + 1) * 2), e + 64);
    dir[e + 66] = i === 0 ? 5 : 2;
  });
  return bytes(header, fat, dir);
}
