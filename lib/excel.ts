// One-sheet Excel workbooks for downloads: Chinese headers, a frozen header row and
// column widths that fit Chinese text (a CJK character is about two Latin ones wide).
import ExcelJS from "exceljs";

export type ExcelColumn<T> = { header: string; value: (row: T) => string | number | null; maxWidth?: number };

/** Display width in "characters" as Excel counts them: wide (CJK, full-width) characters count 2. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return width;
}

export function columnWidth(texts: string[], maxWidth = 60): number {
  const widest = Math.max(...texts.map((t) => Math.max(...t.split("\n").map(displayWidth))));
  return Math.min(Math.max(widest + 2, 6), maxWidth);
}

export async function buildWorkbook<T>({ sheetName, columns, rows }: { sheetName: string; columns: ExcelColumn<T>[]; rows: T[] }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  const values = rows.map((row) => columns.map((c) => c.value(row)));
  sheet.addRow(columns.map((c) => c.header));
  for (const v of values) sheet.addRow(v);
  sheet.getRow(1).font = { bold: true };
  columns.forEach((c, i) => {
    const texts = [c.header, ...values.map((v) => (v[i] === null || v[i] === undefined ? "" : String(v[i])))];
    sheet.getColumn(i + 1).width = columnWidth(texts, c.maxWidth);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Content-Disposition for a download with a Chinese file name (RFC 5987). */
export function attachmentHeader(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
