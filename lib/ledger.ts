// The 台账 of a quarter in the gazette's 附件 layout (序号, 板块, 分项, 目标任务, 牵头领导,
// 牵头单位, 配合单位), then the quarter's 工作进展, 存在问题, 下步打算, 自评 and the two lamps
// with their reasons; a second sheet holds each metric, node and livelihood-project value.
// The same cells are read back by the back-fill import (lib/ledger-import.ts): every cell a
// unit may fill maps to one field of the report form, named in the hidden 编码 columns.
import type { MetricForInput } from "./metric-values";
import { formatNumber } from "./metric-values";
import { quarterShort } from "./periods";
import { COVERAGE_CATEGORY, valueKeys, type PartForProgress } from "./project-progress";
import { projectField, stageMilestones, type CoverageInput } from "./project-report-input";
import type { QuarterStatus } from "./quarter-status";
import { reportField, type ReportContent } from "./report-form";
import { REPORT_STATE_LABEL, SELF_STATUS_LABEL } from "./report-labels";
import type { SubjectRef } from "./subject";
import { PROGRESS_LABEL, REPORTING_LABEL, SELF_STATUS, type ReportState, type SelfStatus } from "./vocabulary";

export const LEDGER_SHEET = "台账";
export const DETAIL_SHEET = "指标与节点";

/** A saved report as the 台账 shows it: the form's fields, with a project's values and stage milestones. */
export type LedgerContent = ReportContent & {
  partValues: { partId: number; category: string; value: number }[];
  projectMilestones: { milestoneId: number; done: boolean; doneOn: string | null }[];
};

export interface LedgerReport {
  id: number;
  status: ReportState;
  version: number;
  content: LedgerContent;
}

export interface LedgerMetric extends MetricForInput {
  id: number;
  /** The quarter's planned cumulative value. */
  plan: number;
}

/** One task or livelihood project as the 台账 and its import see it. */
export interface LedgerSubject {
  ref: SubjectRef;
  /** tasks.id or livelihood_projects.id */
  id: number;
  section: string;
  subsection: string | null;
  title: string;
  leaders: readonly string[];
  leadUnits: readonly string[];
  leadUnitIds: readonly number[];
  coopUnits: readonly string[];
  /** Tasks: metrics with the quarter's plan, and the quarter's planned milestone. */
  metrics: readonly LedgerMetric[];
  milestoneText: string | null;
  /** Projects: parts with milestones, and the people-covered link of the water project. */
  parts: readonly PartForProgress[];
  coverage: CoverageInput | null;
  /** Parts kept in a 明细台账: their values as the register counts them (lib/register.ts), never typed. */
  derived?: ReadonlyMap<number, Readonly<Record<string, number>>>;
  status: QuarterStatus;
  report: LedgerReport | null;
}

/** "汨罗市 2026 年市政府重点工作任务推进情况台账（2026 年第三季度）" */
export function ledgerTitle(periodCode: string): string {
  const year = periodCode.slice(0, 4);
  return `汨罗市 ${year} 年市政府重点工作任务推进情况台账（${year} 年第${quarterShort(periodCode)}）`;
}

/** The 序号 cell: the task's number, or 民生实事N. */
export function ledgerNo(ref: SubjectRef): string | number {
  return ref.kind === "task" ? ref.no : `民生实事${ref.no}`;
}

// ───────── main sheet ─────────

export type MainColumnKey =
  | "no"
  | "section"
  | "subsection"
  | "title"
  | "leaders"
  | "leadUnits"
  | "coopUnits"
  | "progress"
  | "problems"
  | "nextSteps"
  | "selfStatus"
  | "reporting"
  | "progressLamp"
  | "reasons"
  | "reportState"
  | "key"
  | "version";

export interface LedgerColumn<K extends string> {
  key: K;
  header: string;
  width: number;
  center?: boolean;
  hidden?: boolean;
  /** The report-form field this column fills, for the import. */
  field?: string;
}

export const MAIN_COLUMNS: readonly LedgerColumn<MainColumnKey>[] = [
  { key: "no", header: "序号", width: 6, center: true },
  { key: "section", header: "板块", width: 8, center: true },
  { key: "subsection", header: "分项", width: 8, center: true },
  { key: "title", header: "目标任务", width: 30 },
  { key: "leaders", header: "牵头领导", width: 7, center: true },
  { key: "leadUnits", header: "牵头单位", width: 9, center: true },
  { key: "coopUnits", header: "配合单位", width: 9, center: true },
  { key: "progress", header: "工作进展", width: 32, field: reportField.progress },
  { key: "problems", header: "存在问题", width: 16, field: reportField.problems },
  { key: "nextSteps", header: "下步打算", width: 16, field: reportField.nextSteps },
  { key: "selfStatus", header: "自评", width: 7, center: true, field: reportField.selfStatus },
  { key: "reporting", header: "报送", width: 7, center: true },
  { key: "progressLamp", header: "进度", width: 6, center: true },
  { key: "reasons", header: "原因", width: 18 },
  { key: "reportState", header: "报告状态", width: 7, center: true },
  { key: "key", header: "编码", width: 10, hidden: true },
  { key: "version", header: "版本", width: 6, hidden: true },
];

/** 报送 with its days: "迟报 12 天" / "逾期未报 30 天". */
export function reportingText(status: QuarterStatus): string {
  const label = REPORTING_LABEL[status.reporting];
  return status.daysLate > 0 ? `${label} ${status.daysLate} 天` : label;
}

function titleText(s: LedgerSubject, periodCode: string): string {
  if (s.ref.kind === "task") return s.milestoneText ? `${s.title}\n${quarterShort(periodCode)}节点目标：${s.milestoneText}` : s.title;
  const year = periodCode.slice(0, 4);
  const quarter = Number(periodCode.slice(-1));
  const inQuarter = (due: string) => due.startsWith(year) && Math.ceil(Number(due.slice(5, 7)) / 3) === quarter;
  const nodes = s.parts.flatMap((p) => p.milestones.filter((m) => inQuarter(m.due)).map((m) => `${p.name}：${m.text}`));
  return nodes.length ? `${s.title}\n${quarterShort(periodCode)}节点：\n${nodes.join("\n")}` : s.title;
}

const selfStatusText = (v: SelfStatus | null) => (v ? SELF_STATUS_LABEL[v] : "");

/** The main sheet's cells of one subject. */
export function mainRow(s: LedgerSubject, periodCode: string): Record<MainColumnKey, string | number> {
  const c = s.report?.content;
  return {
    no: ledgerNo(s.ref),
    section: s.section,
    subsection: s.subsection ?? "",
    title: titleText(s, periodCode),
    leaders: s.leaders.join("、"),
    leadUnits: s.leadUnits.join("、"),
    coopUnits: s.coopUnits.join("、"),
    progress: c?.progress ?? "",
    problems: c?.problems ?? "",
    nextSteps: c?.nextSteps ?? "",
    selfStatus: selfStatusText(c?.selfStatus ?? null),
    reporting: reportingText(s.status),
    progressLamp: PROGRESS_LABEL[s.status.progress],
    reasons: s.status.reasons.map((r) => r.text).join("\n"),
    reportState: REPORT_STATE_LABEL[s.report?.status ?? "none"],
    key: `${s.ref.kind}:${s.ref.no}`,
    version: s.report?.version ?? 0,
  };
}

/** Vertical merges of the 板块 and 分项 columns over runs of rows, as the gazette prints them. */
export function sectionMerges(subjects: readonly LedgerSubject[]): { fromRow: number; toRow: number; column: MainColumnKey }[] {
  const out: { fromRow: number; toRow: number; column: MainColumnKey }[] = [];
  const runs = (keyOf: (s: LedgerSubject) => string, column: MainColumnKey) => {
    let start = 0;
    for (let i = 1; i <= subjects.length; i++) {
      if (i === subjects.length || keyOf(subjects[i]!) !== keyOf(subjects[start]!)) {
        if (i - 1 > start) out.push({ fromRow: start, toRow: i - 1, column });
        start = i;
      }
    }
  };
  runs((s) => s.section, "section");
  runs((s) => `${s.section}\u0000${s.subsection ?? `\u0001${s.ref.kind}${s.ref.no}`}`, "subsection");
  return out;
}

// ───────── detail sheet ─────────

export type DetailColumnKey = "no" | "kind" | "name" | "unit" | "annual" | "plan" | "value" | "doneOn" | "subject" | "field";

export const DETAIL_COLUMNS: readonly LedgerColumn<DetailColumnKey>[] = [
  { key: "no", header: "序号", width: 9, center: true },
  { key: "kind", header: "类别", width: 8, center: true },
  { key: "name", header: "指标或节点", width: 44 },
  { key: "unit", header: "单位", width: 7, center: true },
  { key: "annual", header: "全年目标", width: 10, center: true },
  { key: "plan", header: "本季度目标", width: 14, center: true },
  { key: "value", header: "完成情况（累计值，或节点填“是/否”）", width: 16, center: true },
  { key: "doneOn", header: "完成日期", width: 12, center: true },
  { key: "subject", header: "编码", width: 10, hidden: true },
  { key: "field", header: "字段", width: 14, hidden: true },
];

/** What a detail row is: a value (metric, part value, people covered) or a node with its date. */
export type DetailKind = "value" | "node";

export interface DetailRow {
  subjectKey: string;
  kind: DetailKind;
  /** The form field the 完成情况 cell fills (metric.12, part.3.v0, milestoneDone, ms.7.done). */
  field: string;
  /** The form field the 完成日期 cell fills (nodes only). */
  dateField: string | null;
  cells: Record<DetailColumnKey, string | number>;
}

export const YES = "是";
export const NO = "否";

const num = (v: number | null | undefined) => (v === null || v === undefined ? "" : v);

/** Every metric, node and project value of a subject, with the saved report's values. */
export function detailRows(s: LedgerSubject, periodCode: string): DetailRow[] {
  const key = `${s.ref.kind}:${s.ref.no}`;
  const no = ledgerNo(s.ref);
  const c = s.report?.content;
  const out: DetailRow[] = [];
  const value = (field: string, kindLabel: string, name: string, unit: string, annual: string | number, plan: string | number, v: string | number) =>
    out.push({
      subjectKey: key,
      kind: "value",
      field,
      dateField: null,
      cells: { no, kind: kindLabel, name, unit, annual, plan, value: v, doneOn: "", subject: key, field },
    });
  const node = (field: string, dateField: string, name: string, plan: string, done: boolean | null, doneOn: string | null) =>
    out.push({
      subjectKey: key,
      kind: "node",
      field,
      dateField,
      cells: { no, kind: "节点", name, unit: "", annual: "", plan, value: done === null ? "" : done ? YES : NO, doneOn: doneOn ?? "", subject: key, field },
    });

  if (s.ref.kind === "task") {
    for (const m of s.metrics) {
      const saved = c?.metricValues.find((v) => v.metricId === m.id)?.value;
      value(reportField.metric(m.id), "指标", m.label, m.unit, formatNumber(m.target), formatNumber(m.plan), num(saved));
    }
    if (s.milestoneText)
      node(
        reportField.milestoneDone,
        reportField.milestoneDoneOn,
        s.milestoneText,
        quarterShort(periodCode),
        c?.milestoneDone ?? null,
        c?.milestoneDoneOn ?? null,
      );
    return out;
  }
  for (const part of s.parts) {
    const unit = part.totalUnit ?? "";
    valueKeys(part).forEach((category, i) => {
      const saved = c?.partValues.find((v) => v.partId === part.id && v.category === category)?.value;
      value(
        projectField.value(part.id, i),
        "累计完成",
        category ? `${part.name}：${category}` : part.name,
        unit,
        part.total === null ? "" : formatNumber(part.total),
        "",
        num(saved),
      );
    });
    if (s.coverage?.partId === part.id) {
      const saved = c?.partValues.find((v) => v.partId === part.id && v.category === COVERAGE_CATEGORY)?.value;
      value(projectField.coverage(part.id), "覆盖人数", `${part.name}：${COVERAGE_CATEGORY}`, s.coverage.unit, formatNumber(s.coverage.target), "", num(saved));
    }
    for (const m of stageMilestones(part)) {
      const saved = c?.projectMilestones.find((x) => x.milestoneId === m.id);
      node(
        projectField.milestoneDone(m.id),
        projectField.milestoneDoneOn(m.id),
        `${part.name}：${m.text}`,
        `应于 ${m.due} 前`,
        saved ? saved.done : null,
        saved?.doneOn ?? null,
      );
    }
  }
  return out;
}

// ───────── cell text ↔ form values ─────────

/** The form's value for a 自评 cell: the label back to its key; anything else as typed (the form refuses it). */
export function selfStatusFromCell(text: string): string {
  const hit = SELF_STATUS.find((k) => SELF_STATUS_LABEL[k] === text);
  return hit ?? text;
}

/** A task's 节点 cell → the form's radio value ("done" / "notDone"). */
export function taskNodeFromCell(text: string): string {
  if (text === YES) return "done";
  if (text === NO) return "notDone";
  return text;
}

/** A project's 节点 cell → the form's checkbox value ("1" ticked, "" not). */
export function projectNodeFromCell(text: string): string {
  if (text === YES) return "1";
  if (text === NO) return "";
  return text;
}

/** Every form field of a subject as the saved report would fill it: what "unchanged" means on import. */
export function savedFormValues(s: LedgerSubject, periodCode: string): Record<string, string> {
  const main = mainRow(s, periodCode);
  const out: Record<string, string> = {};
  for (const col of MAIN_COLUMNS) if (col.field) out[col.field] = String(main[col.key]);
  out[reportField.selfStatus] = selfStatusFromCell(String(main.selfStatus));
  for (const d of detailRows(s, periodCode)) {
    const v = String(d.cells.value);
    out[d.field] = d.kind === "value" ? v : s.ref.kind === "task" ? taskNodeFromCell(v) : projectNodeFromCell(v);
    if (d.dateField) out[d.dateField] = String(d.cells.doneOn);
  }
  return out;
}
