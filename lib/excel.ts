// One-sheet Excel workbooks for downloads: Chinese headers, a frozen header row, column
// widths that fit Chinese text (a CJK character is about two Latin ones wide), wrapped
// cells in 仿宋, and A4 landscape fitted to the page width with the header on every page.
// Documents with a title row (the 台账, the 督办台账) use lib/excel-print.ts.
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

/** Lines a text takes in a column `width` characters wide. */
export function wrappedText(text: string, width: number): number {
  const usable = Math.max(2, width - 1);
  return text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / usable)), 0);
}

export async function buildWorkbook<T>({ sheetName, columns, rows }: { sheetName: string; columns: ExcelColumn<T>[]; rows: T[] }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(sheetName, {
    views: [{ state: "frozen", ySplit: 1 }],
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "1:1",
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.25, footer: 0.3 },
    },
    headerFooter: { oddFooter: "&C第 &P 页，共 &N 页" },
  });
  const values = rows.map((row) => columns.map((c) => c.value(row)));
  sheet.addRow(columns.map((c) => c.header));
  for (const v of values) sheet.addRow(v);
  const widths = columns.map((c, i) => columnWidth([c.header, ...values.map((v) => (v[i] === null || v[i] === undefined ? "" : String(v[i])))], c.maxWidth));
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  sheet.eachRow((row, n) => {
    let lines = 1;
    row.eachCell((cell, col) => {
      cell.font = { name: "仿宋", size: 10.5, bold: n === 1, charset: 134 };
      cell.alignment = { vertical: "top", wrapText: true };
      if (typeof cell.value === "string") {
        if (n > 1) cell.numFmt = "@";
        lines = Math.max(lines, wrappedText(cell.value, widths[col - 1]!));
      }
    });
    // Excel and WPS do not grow a row for wrapped text on opening: give it the height it needs.
    row.height = lines * 14 + 4;
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Content-Disposition for a download with a Chinese file name (RFC 5987). */
export function attachmentHeader(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
