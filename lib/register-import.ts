// 明细台账 as an .xlsx and back: the export is also the template a unit fills in. Columns are
// found by header text (row 1), so a unit may reorder or widen them. Every row is checked
// with the form's own rules (parseRegisterRow); the caller writes nothing unless the plan
// has no errors, or the user explicitly takes the valid rows only.
import ExcelJS from "exceljs";
import { buildWorkbook } from "./excel";
import { cellText } from "./ledger-workbook";
import {
  auditedRow,
  fieldLabel,
  parseRegisterRow,
  REGISTER_STATUS_LABEL,
  REGISTER_TITLE,
  registerFields,
  type RegisterField,
  type RegisterRow,
  type RegisterRules,
} from "./register";
import type { RegisterKind } from "./vocabulary";

export const REGISTER_SHEET = "明细台账";
export const MAX_REGISTER_ROWS = 2000;

type ExportRow = Omit<RegisterRow, "naturalKey">;

export function registerFileName(kind: RegisterKind, year: number): string {
  return `${year}年${REGISTER_TITLE[kind]}.xlsx`;
}

export function buildRegisterWorkbook(kind: RegisterKind, rows: readonly ExportRow[]): Promise<Buffer> {
  return buildWorkbook<ExportRow>({
    sheetName: REGISTER_SHEET,
    columns: registerFields(kind).map((f) => ({
      header: fieldLabel(kind, f),
      value: (r: ExportRow) => (f === "status" ? REGISTER_STATUS_LABEL[r.status] : (r[f] ?? "")),
      maxWidth: f === "measure" || f === "note" ? 40 : 24,
    })),
    rows: [...rows],
  });
}

export interface RegisterImportRow {
  rowNumber: number;
  row: RegisterRow;
}

export interface RegisterImportError {
  rowNumber: number;
  message: string;
}

export interface RegisterImportPlan {
  rows: RegisterImportRow[];
  errors: RegisterImportError[];
  /** Rows read, valid or not. */
  read: number;
}

export type ReadRegister = { ok: true; rows: { rowNumber: number; cells: Partial<Record<RegisterField, string>> }[] } | { ok: false; message: string };

/** The sheet's rows by field, or a Chinese message saying why the file cannot be read. */
export async function readRegisterWorkbook(kind: RegisterKind, bytes: Uint8Array): Promise<ReadRegister> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { ok: false, message: "无法读取该文件：请上传用 Excel 或 WPS 保存的 .xlsx 文件（可先下载本台账作为模板）" };
  }
  const sheet = workbook.getWorksheet(REGISTER_SHEET) ?? workbook.worksheets[0];
  if (!sheet) return { ok: false, message: "文件中没有工作表" };
  const at = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => at.set(cellText(cell.value).replace(/\s+/g, ""), col));
  const fields = registerFields(kind);
  const missing = fields.filter((f) => f !== "note" && !at.has(fieldLabel(kind, f).replace(/\s+/g, "")));
  if (missing.length) return { ok: false, message: `第 1 行表头缺少列：${missing.map((f) => fieldLabel(kind, f)).join("、")}（请使用本台账导出的模板）` };
  const rows: { rowNumber: number; cells: Partial<Record<RegisterField, string>> }[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: Partial<Record<RegisterField, string>> = {};
    let any = false;
    for (const f of fields) {
      const col = at.get(fieldLabel(kind, f).replace(/\s+/g, ""));
      const text = col === undefined ? "" : cellText(row.getCell(col).value);
      cells[f] = text;
      if (text.trim()) any = true;
    }
    if (any) rows.push({ rowNumber: r, cells });
  }
  if (rows.length > MAX_REGISTER_ROWS) return { ok: false, message: `一次最多导入 ${MAX_REGISTER_ROWS} 行，本文件有 ${rows.length} 行` };
  return { ok: true, rows };
}

/** Every row checked; a natural key given twice is refused on its second row. */
export function planRegisterImport(read: Extract<ReadRegister, { ok: true }>["rows"], rules: RegisterRules): RegisterImportPlan {
  const plan: RegisterImportPlan = { rows: [], errors: [], read: read.length };
  const seen = new Map<string, number>();
  for (const { rowNumber, cells } of read) {
    const parsed = parseRegisterRow(cells, rules);
    if (!parsed.ok) {
      const messages = Object.entries(parsed.errors).flatMap(([f, list]) => (list ?? []).map((m) => `「${fieldLabel(rules.kind, f as RegisterField)}」${m}`));
      plan.errors.push({ rowNumber, message: messages.join("；") });
      continue;
    }
    const first = seen.get(parsed.row.naturalKey);
    if (first !== undefined) {
      plan.errors.push({
        rowNumber,
        message: `与第 ${first} 行是同一${rules.kind === "bridge" ? "座桥梁" : "户"}（${parsed.row.place}/${parsed.row.subPlace}/${parsed.row.name}）`,
      });
      continue;
    }
    seen.set(parsed.row.naturalKey, rowNumber);
    plan.rows.push({ rowNumber, row: parsed.row });
  }
  return plan;
}

/** "第 5 行：「缺损类别」请选择缺损类别" */
export const describeRegisterError = (e: RegisterImportError) => `第 ${e.rowNumber} 行：${e.message}`;

export interface ImportClassified<E> {
  add: RegisterRow[];
  update: { current: E; row: RegisterRow }[];
  unchanged: number;
}

/** Which rows a (valid) import adds, which it changes and which it leaves as they are, by natural key. */
export function classifyImport<E extends RegisterRow>(rows: readonly RegisterRow[], existing: readonly E[]): ImportClassified<E> {
  const byKey = new Map(existing.map((r) => [r.naturalKey, r]));
  const out: ImportClassified<E> = { add: [], update: [], unchanged: 0 };
  for (const row of rows) {
    const current = byKey.get(row.naturalKey);
    if (!current) out.add.push(row);
    else if (JSON.stringify(auditedRow(current)) === JSON.stringify(auditedRow(row))) out.unchanged += 1;
    else out.update.push({ current, row });
  }
  return out;
}
