// The 台账 as an .xlsx (print-ready, lib/excel-print.ts) and read back from one: the import
// finds its columns by header text, so a unit may hide, widen or reorder columns freely.
import ExcelJS from "exceljs";
import { addPrintSheet, newWorkbook, PRINT_FIRST_DATA_ROW, PRINT_HEADER_ROW, workbookBuffer } from "./excel-print";
import { formatDayCn } from "./periods";
import {
  DETAIL_COLUMNS,
  DETAIL_SHEET,
  detailRows,
  LEDGER_SHEET,
  ledgerTitle,
  MAIN_COLUMNS,
  mainRow,
  sectionMerges,
  type DetailColumnKey,
  type LedgerSubject,
  type MainColumnKey,
} from "./ledger";
import { ITEM_COLUMNS, itemLedgerRow, ITEMS_SHEET, type LedgerItem } from "./ledger-items";

export async function buildLedgerWorkbook({
  periodCode,
  asOf,
  subjects,
  items = [],
}: {
  periodCode: string;
  asOf: string;
  subjects: readonly LedgerSubject[];
  /** 督办事项 (会议议定事项, “开局八好”举措, 领导交办), on their own sheet. */
  items?: readonly LedgerItem[];
}): Promise<Buffer> {
  const workbook = newWorkbook();
  const title = ledgerTitle(periodCode);
  const subtitle = `数据截至 ${formatDayCn(asOf)}（报送、进度由系统按统一口径判定）`;
  addPrintSheet(workbook, {
    name: LEDGER_SHEET,
    title,
    subtitle,
    columns: MAIN_COLUMNS,
    rows: subjects.map((s) => {
      const cells = mainRow(s, periodCode);
      return MAIN_COLUMNS.map((c) => cells[c.key]);
    }),
    merges: sectionMerges(subjects).map((m) => ({ ...m, column: MAIN_COLUMNS.findIndex((c) => c.key === m.column) })),
    frozenColumns: 1,
  });
  const details = subjects.flatMap((s) => detailRows(s, periodCode));
  addPrintSheet(workbook, {
    name: DETAIL_SHEET,
    title: `${title}·指标与节点`,
    subtitle,
    columns: DETAIL_COLUMNS,
    rows: details.map((d) => DETAIL_COLUMNS.map((c) => d.cells[c.key])),
    orientation: "portrait",
    frozenColumns: 1,
  });
  addPrintSheet(workbook, {
    name: ITEMS_SHEET,
    title: `${title}·督办事项`,
    subtitle,
    columns: ITEM_COLUMNS,
    rows: items.map((it) => {
      const cells = itemLedgerRow(it);
      return ITEM_COLUMNS.map((c) => cells[c.key]);
    }),
    frozenColumns: 1,
  });
  return workbookBuffer(workbook);
}

/** A cell's text as a person typed it: numbers as written, dates as YYYY-MM-DD, formulas by their result. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  // Excel stores a day without a time zone; exceljs hands it over as UTC midnight.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("formula" in value || "sharedFormula" in value)
    return value.result === undefined || value.result === null ? "" : cellText(value.result as ExcelJS.CellValue);
  if ("text" in value) return String(value.text);
  if ("error" in value) return String(value.error);
  return "";
}

export interface SheetRow<K extends string> {
  /** The row number a person sees in Excel. */
  rowNumber: number;
  cells: Record<K, string>;
}

export type ReadLedger =
  | {
      ok: true;
      main: SheetRow<MainColumnKey>[];
      detail: SheetRow<DetailColumnKey>[];
      headers: { main: Record<MainColumnKey, string>; detail: Record<DetailColumnKey, string> };
    }
  | { ok: false; message: string };

function readSheet<K extends string>(
  sheet: ExcelJS.Worksheet,
  columns: readonly { key: K; header: string }[],
): { rows: SheetRow<K>[] } | { missing: string[] } {
  const header = sheet.getRow(PRINT_HEADER_ROW);
  const at = new Map<string, number>();
  header.eachCell((cell, col) => at.set(cellText(cell.value).trim(), col));
  const missing = columns.filter((c) => !at.has(c.header)).map((c) => c.header);
  if (missing.length) return { missing };
  const rows: SheetRow<K>[] = [];
  for (let r = PRINT_FIRST_DATA_ROW; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells = {} as Record<K, string>;
    let any = false;
    for (const c of columns) {
      // A merged cell's value lives in its top-left cell; exceljs gives every cell of it that value.
      const text = cellText(row.getCell(at.get(c.header)!).value).replace(/\r\n/g, "\n");
      cells[c.key] = text;
      if (text.trim()) any = true;
    }
    if (any) rows.push({ rowNumber: r, cells });
  }
  return { rows };
}

/** The two sheets' rows, or a Chinese message saying why the file is not a 台账. */
export async function readLedgerWorkbook(bytes: Uint8Array): Promise<ReadLedger> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { ok: false, message: "无法读取该文件：请上传从本系统导出、用 Excel 或 WPS 保存的 .xlsx 台账" };
  }
  const main = workbook.getWorksheet(LEDGER_SHEET);
  const detail = workbook.getWorksheet(DETAIL_SHEET);
  if (!main || !detail) return { ok: false, message: `该文件不是本系统导出的台账：缺少“${!main ? LEDGER_SHEET : DETAIL_SHEET}”工作表` };
  const m = readSheet(main, MAIN_COLUMNS);
  if ("missing" in m) return { ok: false, message: `“${LEDGER_SHEET}”工作表缺少列：${m.missing.join("、")}（请勿删除或改动第 ${PRINT_HEADER_ROW} 行表头）` };
  const d = readSheet(detail, DETAIL_COLUMNS);
  if ("missing" in d) return { ok: false, message: `“${DETAIL_SHEET}”工作表缺少列：${d.missing.join("、")}（请勿删除或改动第 ${PRINT_HEADER_ROW} 行表头）` };
  const headers = {
    main: Object.fromEntries(MAIN_COLUMNS.map((c) => [c.key, c.header])) as Record<MainColumnKey, string>,
    detail: Object.fromEntries(DETAIL_COLUMNS.map((c) => [c.key, c.header])) as Record<DetailColumnKey, string>,
  };
  return { ok: true, main: m.rows, detail: d.rows, headers };
}
