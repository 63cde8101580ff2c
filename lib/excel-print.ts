// Worksheets meant to be printed and filed: a title row and a 数据截至 row above the header,
// 宋体/仿宋 fonts, wrapped text with row heights worked out from the content (Excel and WPS
// do not grow rows on opening), A4 with the width fitted to one page, the header repeated on
// every page, frozen panes, an autofilter and a page-number footer. Every text cell is
// stored as text (number format "@"), so a value starting with = + - @ stays what was typed.
import ExcelJS from "exceljs";
import { wrappedText } from "./excel";

export interface PrintColumn {
  header: string;
  /** Width in Excel characters (a CJK character counts two). */
  width: number;
  /** Centred cells (short codes, lamps); text columns are left-aligned. */
  center?: boolean;
  /** Kept in the file (e.g. for a later import) but not shown or printed. */
  hidden?: boolean;
}

export type PrintCell = string | number | null;

export interface PrintMerge {
  /** 0-based indexes into `rows`, inclusive. */
  fromRow: number;
  toRow: number;
  /** 0-based column index. */
  column: number;
}

export interface PrintSheetSpec {
  name: string;
  title: string;
  /** The line under the title: 数据截至… */
  subtitle: string;
  columns: readonly PrintColumn[];
  rows: readonly (readonly PrintCell[])[];
  merges?: readonly PrintMerge[];
  orientation?: "landscape" | "portrait";
  /** Columns kept in view when scrolling sideways. */
  frozenColumns?: number;
}

/** Row numbers (1-based) of the fixed rows above the data. */
export const PRINT_TITLE_ROW = 1;
export const PRINT_SUBTITLE_ROW = 2;
export const PRINT_HEADER_ROW = 3;
export const PRINT_FIRST_DATA_ROW = 4;

const BODY_FONT = "仿宋";
const HEAD_FONT = "宋体";
/** GB2312: tells Excel and WPS the fonts are Chinese ones. */
const CHARSET_GB2312 = 134;
const BODY_SIZE = 10.5;
const LINE_POINTS = 14;
const THIN = { style: "thin" as const, color: { argb: "FF000000" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Adds a print-ready sheet to the workbook (see the file comment). */
export function addPrintSheet(workbook: ExcelJS.Workbook, spec: PrintSheetSpec): ExcelJS.Worksheet {
  const n = spec.columns.length;
  const visible = spec.columns.filter((c) => !c.hidden);
  const sheet = workbook.addWorksheet(spec.name, {
    views: [{ state: "frozen", xSplit: spec.frozenColumns ?? 0, ySplit: PRINT_HEADER_ROW }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: spec.orientation ?? "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages down as needed
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.55, bottom: 0.6, header: 0.25, footer: 0.3 },
      printTitlesRow: `${PRINT_HEADER_ROW}:${PRINT_HEADER_ROW}`,
    },
    headerFooter: { oddFooter: "&C第 &P 页，共 &N 页" },
  });
  spec.columns.forEach((c, i) => {
    const col = sheet.getColumn(i + 1);
    col.width = c.width;
    if (c.hidden) col.hidden = true;
  });
  const lastVisible = spec.columns.findLastIndex((c) => !c.hidden) + 1;

  const title = sheet.getRow(PRINT_TITLE_ROW);
  title.getCell(1).value = spec.title;
  title.getCell(1).font = { name: HEAD_FONT, size: 16, bold: true, charset: CHARSET_GB2312 };
  title.getCell(1).alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  title.height = 30;
  sheet.mergeCells(PRINT_TITLE_ROW, 1, PRINT_TITLE_ROW, lastVisible);
  const sub = sheet.getRow(PRINT_SUBTITLE_ROW);
  sub.getCell(1).value = spec.subtitle;
  sub.getCell(1).font = { name: BODY_FONT, size: BODY_SIZE, charset: CHARSET_GB2312 };
  sub.getCell(1).alignment = { horizontal: "right", vertical: "middle" };
  sub.height = 18;
  sheet.mergeCells(PRINT_SUBTITLE_ROW, 1, PRINT_SUBTITLE_ROW, lastVisible);

  const header = sheet.getRow(PRINT_HEADER_ROW);
  spec.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: HEAD_FONT, size: BODY_SIZE, bold: true, charset: CHARSET_GB2312 };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEDEDED" } };
  });
  header.height = Math.max(...visible.map((c) => wrappedText(c.header, c.width))) * LINE_POINTS + 6;

  // A merged cell's text spreads over its rows: it does not make its first row taller.
  const mergedAway = new Set((spec.merges ?? []).filter((m) => m.toRow > m.fromRow).map((m) => `${m.fromRow}:${m.column}`));
  spec.rows.forEach((values, r) => {
    const row = sheet.getRow(PRINT_FIRST_DATA_ROW + r);
    let lines = 1;
    for (let i = 0; i < n; i++) {
      const c = spec.columns[i]!;
      const v = values[i] ?? null;
      const cell = row.getCell(i + 1);
      cell.value = v;
      cell.font = { name: BODY_FONT, size: BODY_SIZE, charset: CHARSET_GB2312 };
      cell.alignment = { horizontal: c.center ? "center" : "left", vertical: "middle", wrapText: true };
      cell.border = BORDER;
      if (typeof v === "string") cell.numFmt = "@";
      if (v !== null && !c.hidden && !mergedAway.has(`${r}:${i}`)) lines = Math.max(lines, wrappedText(String(v), c.width));
    }
    row.height = lines * LINE_POINTS + 4;
  });
  for (const m of spec.merges ?? []) {
    if (m.toRow > m.fromRow) sheet.mergeCells(PRINT_FIRST_DATA_ROW + m.fromRow, m.column + 1, PRINT_FIRST_DATA_ROW + m.toRow, m.column + 1);
  }
  sheet.autoFilter = { from: { row: PRINT_HEADER_ROW, column: 1 }, to: { row: PRINT_HEADER_ROW, column: lastVisible } };
  return sheet;
}

export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "汨罗市重点工作调度平台";
  workbook.created = new Date();
  return workbook;
}

export async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
