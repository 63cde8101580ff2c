import "server-only";
import { listDerivedPartValues } from "@/db/queries/register";
import { getPeriodByCode, listPeriods, type PeriodRow } from "@/db/queries/periods";
import { listProjectProgress, type ProjectProgressData } from "@/db/queries/project-progress";
import { getProjectUnitIds, getReportRecord, getSubmittedReportRecord, listEarlierSubmittedValues, type ReportRecord } from "@/db/queries/reports";
import { parseQuarterCode, previousPeriod } from "@/lib/periods";
import { partChecks, type PlausibilityCheck } from "@/lib/plausibility";

/** 序号 from the URL: digits only, within a sane range. */
export function parseProjectNo(raw: string): number | null {
  return /^\d{1,3}$/.test(raw) ? Number(raw) : null;
}

export interface ProjectReportContext {
  project: ProjectProgressData;
  period: PeriodRow;
  report: ReportRecord | null;
  /** The previous quarter's submitted report, to start the form from (never an unsubmitted draft). */
  previous: { period: PeriodRow; report: ReportRecord } | null;
  leadUnitIds: number[];
  relatedUnitIds: number[];
  /**
   * Per part kept in a 明细台账: its values derived from the register as of the quarter's last
   * day. Written into the report on every save and submit (so a submitted version keeps the
   * figures it was judged on); never typed.
   */
  derived: Map<number, Record<string, number>>;
  /** What each typed value is checked against (the part's total, earlier submitted quarters). */
  checks: PlausibilityCheck[];
}

/** Everything a project report page or action needs, or null when the project or quarter does not exist. */
export function loadProjectReportContext(no: number, code: string): ProjectReportContext | null {
  if (!parseQuarterCode(code)) return null;
  // The quarter decides the programme year; projects are numbered afresh every year.
  const period = getPeriodByCode({ code });
  const project = period ? listProjectProgress({ yearId: period.yearId, no })[0] : undefined;
  if (!project || !period) return null;
  const periods = listPeriods({ yearId: period.yearId });
  const prevPeriod = previousPeriod(periods, period);
  const prevReport = prevPeriod ? getSubmittedReportRecord({ subject: { projectId: project.id }, periodId: prevPeriod.id }) : null;
  const derived = listDerivedPartValues({ yearId: period.yearId, projectNo: project.no, parts: project.parts, asOf: period.endsOn });
  // A figure counted from a register is not typed, so there is nothing for the clerk to confirm.
  const typedParts = project.parts.filter((part) => !derived.has(part.id));
  return {
    project,
    period,
    report: getReportRecord({ subject: { projectId: project.id }, periodId: period.id }),
    previous: prevPeriod && prevReport ? { period: prevPeriod, report: prevReport } : null,
    leadUnitIds: project.leadUnits.map((u) => u.id),
    // The named 相关责任单位 and the units a descriptor of the row reaches.
    relatedUnitIds: getProjectUnitIds({ projectId: project.id }).coopUnitIds,
    derived,
    checks: partChecks(typedParts, listEarlierSubmittedValues({ subject: { projectId: project.id }, yearId: period.yearId, quarter: period.quarter })),
  };
}
