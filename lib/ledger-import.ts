// The 台账 back-fill: a filled-in workbook (lib/ledger-workbook.ts) becomes report saves.
// Each row whose fillable cells differ from the saved report is read into the report form's
// fields and parsed with exactly the form's rules (parseReportForm, parseProjectValues); a
// row for a subject the user may not report on, a report already submitted, or one changed
// since the export is refused. Any refusal refuses the whole file: the caller saves nothing
// unless `errors` is empty. Pure: the subjects, the user and today are arguments.
import { can, type SessionUser } from "./permissions";
import { canDraft, type PeriodLike } from "./periods";
import {
  DETAIL_COLUMNS,
  DETAIL_SHEET,
  detailRows,
  LEDGER_SHEET,
  MAIN_COLUMNS,
  projectNodeFromCell,
  savedFormValues,
  selfStatusFromCell,
  taskNodeFromCell,
  type DetailColumnKey,
  type LedgerContent,
  type LedgerSubject,
  type MainColumnKey,
} from "./ledger";
import type { SheetRow } from "./ledger-workbook";
import { parseProjectValues } from "./project-report-input";
import { parseReportForm, type ReportContent, type ReportIntent } from "./report-form";
import { subjectLabel } from "./subject";

/** What a save writes: the form's content, with a project's values and stage milestones. */
export type DraftContentLike = ReportContent & Partial<Pick<LedgerContent, "partValues" | "projectMilestones">>;

export interface ImportError {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

export interface FieldChange {
  label: string;
  before: string;
  after: string;
}

export interface PlannedSave {
  subject: LedgerSubject;
  /** The report's version when exported and now (0: no report yet). */
  expectedVersion: number;
  content: DraftContentLike;
  changes: FieldChange[];
}

export interface ImportPlan {
  errors: ImportError[];
  saves: PlannedSave[];
  /** Rows identical to the saved report, left alone. */
  unchanged: number;
}

/** "台账 第12行「工作进展」：请填写工作进展" */
export function describeError(e: ImportError): string {
  return `${e.sheet} 第${e.row}行${e.column ? `「${e.column}」` : ""}：${e.message}`;
}

interface Located {
  sheet: string;
  row: number;
  column: string;
  label: string;
}

const norm = (v: string | undefined) => (v ?? "").replace(/\r\n/g, "\n").trim();
const mainHeader = (key: MainColumnKey) => MAIN_COLUMNS.find((c) => c.key === key)!.header;
const detailHeader = (key: DetailColumnKey) => DETAIL_COLUMNS.find((c) => c.key === key)!.header;

export function planLedgerImport({
  main,
  detail,
  subjects,
  period,
  user,
  intent,
  today,
}: {
  main: readonly SheetRow<MainColumnKey>[];
  detail: readonly SheetRow<DetailColumnKey>[];
  subjects: readonly LedgerSubject[];
  period: PeriodLike;
  user: SessionUser;
  intent: ReportIntent;
  today: string;
}): ImportPlan {
  const errors: ImportError[] = [];
  const saves: PlannedSave[] = [];
  let unchanged = 0;
  const byKey = new Map(subjects.map((s) => [`${s.ref.kind}:${s.ref.no}`, s]));
  const detailBy = new Map<string, SheetRow<DetailColumnKey>[]>();
  for (const d of detail) {
    const list = detailBy.get(d.cells.subject.trim()) ?? [];
    list.push(d);
    detailBy.set(d.cells.subject.trim(), list);
  }
  const seen = new Set<string>();

  for (const row of main) {
    const key = row.cells.key.trim();
    const at = (column: string, message: string) => errors.push({ sheet: LEDGER_SHEET, row: row.rowNumber, column, message });
    const subject = byKey.get(key);
    if (!subject) {
      at(mainHeader("key"), `无法识别该行（编码“${key || "空"}”）；请使用本系统导出的台账，不要增删行或改动编码列`);
      continue;
    }
    if (seen.has(key)) {
      at(mainHeader("no"), `${subjectLabel(subject.ref)}出现了不止一行`);
      continue;
    }
    seen.add(key);

    // The form's fields from the cells, each remembered with where it came from.
    const raw: Record<string, string> = {};
    const where = new Map<string, Located>();
    for (const col of MAIN_COLUMNS) {
      if (!col.field) continue;
      const text = norm(row.cells[col.key]);
      raw[col.field] = col.key === "selfStatus" ? selfStatusFromCell(text) : text;
      where.set(col.field, { sheet: LEDGER_SHEET, row: row.rowNumber, column: col.header, label: col.header });
    }
    const expected = detailRows(subject, period.code);
    const rows = detailBy.get(key) ?? [];
    let missingDetail = false;
    for (const d of expected) {
      const got = rows.find((r) => r.cells.field.trim() === d.field);
      if (!got) {
        missingDetail = true;
        at(mainHeader("no"), `“${DETAIL_SHEET}”工作表缺少${subjectLabel(subject.ref)}的“${d.cells.name}”一行，请勿删除该表中的行`);
        continue;
      }
      const value = norm(got.cells.value);
      raw[d.field] = d.kind === "value" ? value : subject.ref.kind === "task" ? taskNodeFromCell(value) : projectNodeFromCell(value);
      const name = String(d.cells.name);
      where.set(d.field, { sheet: DETAIL_SHEET, row: got.rowNumber, column: detailHeader("value"), label: name });
      if (d.dateField) {
        raw[d.dateField] = norm(got.cells.doneOn);
        where.set(d.dateField, { sheet: DETAIL_SHEET, row: got.rowNumber, column: detailHeader("doneOn"), label: `${name}（完成日期）` });
      }
    }
    if (missingDetail) continue;

    const saved = savedFormValues(subject, period.code);
    const changes: FieldChange[] = [];
    for (const [field, value] of Object.entries(raw)) {
      if (norm(saved[field]) !== value) changes.push({ label: where.get(field)!.label, before: norm(saved[field]), after: value });
    }
    if (changes.length === 0) {
      unchanged += 1;
      continue;
    }

    if (!can(user, "report:import", { leadUnitIds: subject.leadUnitIds })) {
      at(mainHeader("no"), `${subjectLabel(subject.ref)}不是本单位牵头的事项，不能导入（${subject.leadUnits.join("、") || "尚无牵头单位"}填报）`);
      continue;
    }
    if (subject.leadUnitIds.length === 0) {
      at(mainHeader("no"), `${subjectLabel(subject.ref)}尚无牵头单位，无需报送`);
      continue;
    }
    if (!canDraft(period, today)) {
      at(mainHeader("no"), "本季度尚未开始，暂不能填报");
      continue;
    }
    const report = subject.report;
    if (report && (report.status === "submitted" || report.status === "approved")) {
      at(
        mainHeader("reportState"),
        `${subjectLabel(subject.ref)}的报告${report.status === "approved" ? "已通过审核" : "已提交"}，不能再修改；如需修改，请联系督查室退回`,
      );
      continue;
    }
    const exportedVersion = Number(row.cells.version.trim() || "0");
    const currentVersion = report?.version ?? 0;
    if (!Number.isInteger(exportedVersion) || exportedVersion !== currentVersion) {
      at(mainHeader("no"), `${subjectLabel(subject.ref)}的报告在导出后已被修改（可能是在系统中保存过），为免覆盖，请重新导出台账后再填写`);
      continue;
    }

    const fieldErrors: Record<string, string[]> = {};
    let content: DraftContentLike | null = null;
    if (subject.ref.kind === "task") {
      const parsed = parseReportForm({ raw, metrics: subject.metrics, hasMilestone: subject.milestoneText !== null, intent, today });
      if (parsed.ok) content = parsed.content;
      else Object.assign(fieldErrors, parsed.errors);
    } else {
      const common = parseReportForm({ raw, metrics: [], hasMilestone: false, intent, today });
      const values = parseProjectValues({ raw, parts: subject.parts, coverage: subject.coverage, intent, today, derived: subject.derived });
      if (!common.ok) Object.assign(fieldErrors, common.errors);
      if (!values.ok) Object.assign(fieldErrors, values.errors);
      if (common.ok && values.ok) content = { ...common.content, partValues: values.content.values, projectMilestones: values.content.milestones };
    }
    for (const [field, messages] of Object.entries(fieldErrors)) {
      // A whole-part error (the categories add up to more than the total) points at the part's first value.
      const loc = where.get(field) ?? [...where.entries()].find(([f]) => f.startsWith(`${field}.`))?.[1];
      for (const message of messages) {
        errors.push(loc ? { sheet: loc.sheet, row: loc.row, column: loc.column, message } : { sheet: LEDGER_SHEET, row: row.rowNumber, column: "", message });
      }
    }
    if (content) saves.push({ subject, expectedVersion: currentVersion, content, changes });
  }
  return { errors, saves, unchanged };
}
