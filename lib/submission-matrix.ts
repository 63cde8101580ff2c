// 填报情况: for one quarter, each task's (and livelihood project's) report state and 报送
// lamp, the counts the 督查室 reads first (应报, 已报, 逾期未报, 迟报), and the same counts
// per lead unit. Lamps come from lib/quarter-status.ts via the stored judgements, so the
// matrix for a past day shows what was known that day.
import type { QuarterStatus } from "./quarter-status";
import { compareSubjects, subjectKey, subjectLabel, type SubjectInfo } from "./subject";
import type { LeadUnitReporting } from "./unit-reporting";
import type { ReportingLamp, ReportState } from "./vocabulary";

export interface MatrixInput {
  subject: SubjectInfo;
  status: QuarterStatus;
  reportState: ReportState | null;
  lastSubmittedAt: number | null;
  /** Each lead unit's own 报送 (lib/unit-reporting.ts leadUnitsReporting). */
  leadReporting: readonly LeadUnitReporting[];
}

export interface MatrixRow extends MatrixInput {
  subject: SubjectInfo & { key: string; label: string };
  reporting: ReportingLamp;
}

export interface MatrixCounts {
  /** 应报: everything with a lead unit. */
  due: number;
  /** 已报: submitted at least once (按时 or 迟报). */
  reported: number;
  onTime: number;
  late: number;
  /** 逾期未报 */
  overdueMissing: number;
  notDue: number;
  notRequired: number;
  pending: number;
  returned: number;
  approved: number;
  draft: number;
  none: number;
}

export interface UnitCounts extends MatrixCounts {
  unit: string;
}

export interface MatrixSection {
  section: string;
  rows: MatrixRow[];
}

export function matrixRows(inputs: readonly MatrixInput[]): MatrixRow[] {
  return inputs.map((i) => ({ ...i, subject: { ...i.subject, key: subjectKey(i.subject), label: subjectLabel(i.subject) }, reporting: i.status.reporting }));
}

export function countRows(rows: readonly MatrixRow[]): MatrixCounts {
  const c: MatrixCounts = {
    due: 0,
    reported: 0,
    onTime: 0,
    late: 0,
    overdueMissing: 0,
    notDue: 0,
    notRequired: 0,
    pending: 0,
    returned: 0,
    approved: 0,
    draft: 0,
    none: 0,
  };
  for (const row of rows) {
    if (row.reporting !== "not_required") c.due += 1;
    switch (row.reporting) {
      case "on_time":
        c.reported += 1;
        c.onTime += 1;
        break;
      case "late":
        c.reported += 1;
        c.late += 1;
        break;
      case "missing":
        c.overdueMissing += 1;
        break;
      case "not_due":
        c.notDue += 1;
        break;
      case "not_required":
        c.notRequired += 1;
        break;
    }
    switch (row.reportState) {
      case "submitted":
        c.pending += 1;
        break;
      case "returned":
        c.returned += 1;
        break;
      case "approved":
        c.approved += 1;
        break;
      case "draft":
        c.draft += 1;
        break;
      case null:
        c.none += 1;
        break;
    }
  }
  return c;
}

/** Rows grouped by section in gazette order (tasks first, then livelihood projects). */
export function groupBySection(rows: readonly MatrixRow[]): MatrixSection[] {
  const sorted = [...rows].sort(
    (a, b) =>
      (a.subject.kind === b.subject.kind ? 0 : a.subject.kind === "task" ? -1 : 1) ||
      a.subject.sectionPosition - b.subject.sectionPosition ||
      compareSubjects(a.subject, b.subject),
  );
  const sections: MatrixSection[] = [];
  for (const row of sorted) {
    const last = sections.at(-1);
    if (last?.section === row.subject.section) last.rows.push(row);
    else sections.push({ section: row.subject.section, rows: [row] });
  }
  return sections;
}

/**
 * Counts per lead unit (a task led by two units counts for both, each by its own 报送: the
 * compiler by the report, a co-lead by its part), the units with the most overdue reports
 * first, then by fewest reported, then in the order given.
 */
export function countByUnit(rows: readonly MatrixRow[], unitOrder: readonly string[] = []): UnitCounts[] {
  const byUnit = new Map<string, MatrixRow[]>();
  for (const row of rows) {
    for (const { unit, lamp } of row.leadReporting) {
      const own = { ...row, reporting: lamp };
      const list = byUnit.get(unit);
      if (list) list.push(own);
      else byUnit.set(unit, [own]);
    }
  }
  const rank = (u: string) => {
    const i = unitOrder.indexOf(u);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const share = (c: MatrixCounts) => (c.due === 0 ? 1 : c.reported / c.due);
  return [...byUnit]
    .map(([unit, list]) => ({ unit, ...countRows(list) }))
    .sort((a, b) => b.overdueMissing - a.overdueMissing || share(a) - share(b) || rank(a.unit) - rank(b.unit));
}
