// 填报情况: for one quarter, each task's (and livelihood project's) report state with
// its submission time, the counts the 督查室 reads first (应报, 已报, 逾期未报), and the
// same counts per lead unit. States come from lib/overdue.ts reportStateAt, so the
// matrix for a past day shows what was known that day.
import { reportKey, reportStateAt, type OverdueSubject, type ReportFacts } from "./overdue";
import { isLate, type PeriodLike } from "./periods";
import type { ReportState } from "./rag";

export interface MatrixRow {
  subject: OverdueSubject;
  state: ReportState | null;
  firstSubmittedAt: number | null;
  lastSubmittedAt: number | null;
  /** Submitted after the due day, or still unsubmitted past it. */
  late: boolean;
  /** Not submitted and past the due day. */
  overdueMissing: boolean;
}

export interface MatrixCounts {
  /** 应报 */
  due: number;
  /** 已报: submitted at least once */
  reported: number;
  /** 逾期未报 */
  overdueMissing: number;
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

export function matrixRows(
  subjects: readonly OverdueSubject[],
  reports: ReadonlyMap<string, ReportFacts>,
  period: PeriodLike,
  asOf: string,
): MatrixRow[] {
  return subjects.map((subject) => {
    const r = reportStateAt(reports.get(reportKey(subject.key, period.code)), asOf);
    return {
      subject,
      state: r.state,
      firstSubmittedAt: r.firstSubmittedAt,
      lastSubmittedAt: r.lastSubmittedAt,
      late: isLate(period, r.firstSubmittedAt, asOf),
      overdueMissing: r.firstSubmittedAt === null && asOf > period.dueOn,
    };
  });
}

export function countRows(rows: readonly MatrixRow[]): MatrixCounts {
  const c: MatrixCounts = { due: 0, reported: 0, overdueMissing: 0, pending: 0, returned: 0, approved: 0, draft: 0, none: 0 };
  for (const row of rows) {
    c.due += 1;
    if (row.firstSubmittedAt !== null) c.reported += 1;
    if (row.overdueMissing) c.overdueMissing += 1;
    switch (row.state) {
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
      a.subject.no - b.subject.no,
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
 * Counts per lead unit (a task led by two units counts for both), the units with the
 * most overdue reports first, then by fewest reported, then in the order given.
 */
export function countByUnit(rows: readonly MatrixRow[], unitOrder: readonly string[] = []): UnitCounts[] {
  const byUnit = new Map<string, MatrixRow[]>();
  for (const row of rows) {
    for (const unit of row.subject.leadUnits) {
      const list = byUnit.get(unit);
      if (list) list.push(row);
      else byUnit.set(unit, [row]);
    }
  }
  const rank = (u: string) => {
    const i = unitOrder.indexOf(u);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return [...byUnit]
    .map(([unit, list]) => ({ unit, ...countRows(list) }))
    .sort((a, b) => b.overdueMissing - a.overdueMissing || a.reported / a.due - b.reported / b.due || rank(a.unit) - rank(b.unit));
}
