import "server-only";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { dayOfTimestamp, type Quarter } from "@/lib/periods";
import { COVERAGE_LINKS, type PartReport } from "@/lib/project-progress";
import { effectivePlans, type QuarterPlans } from "@/lib/quarter-targets";
import { readSnapshot } from "@/lib/report-snapshot";
import { partReportFromSnapshot } from "@/lib/submitted-quarter";
import type { ReportState, SelfStatus } from "@/lib/vocabulary";
import { getDb } from "../client";
import { listProjectParts, type ProgressPart } from "../project-parts";
import { groupBy } from "@/lib/group-by";
import {
  leaders,
  livelihoodProjects,
  metricQuarterTargets,
  metrics,
  periods,
  projectLeaders,
  projectUnits,
  reports,
  reportVersions,
  tasks,
  units,
} from "../schema";

// Read side of livelihood-project progress: the parts and milestones (with ids), the
// quarterly reports and the values they stated, for the project page and the dashboard.
// Progress counts what was SUBMITTED: the latest submitted version's snapshot, so an
// edit in progress after a 退回 never shows as an actual before it is resubmitted.

export type { ProgressPart } from "../project-parts";

export interface CoverageLink {
  partId: number;
  taskNo: number;
  label: string;
  unit: string;
  target: number;
  /** The task metric's plans Q1–Q4 (stored, else 序时进度 defaults). */
  plans: QuarterPlans;
}

export interface ProjectReportSummary {
  id: number;
  periodCode: string;
  quarter: Quarter;
  status: ReportState;
  version: number;
  selfStatus: SelfStatus | null;
  problems: string;
  firstSubmittedAt: number | null;
  lastSubmittedAt: number | null;
  submittedVersions: number;
  /** When the 督查室 last approved a version of it (null: never). */
  lastApprovedAt: number | null;
  reviewComment: string | null;
  updatedAt: number;
}

export interface ProjectProgressData {
  id: number;
  no: number;
  name: string;
  leaderNames: string[];
  leadUnits: { id: number; name: string }[];
  /** 相关责任单位: may read the reports, like a task's cooperating units. */
  relatedUnits: { id: number; name: string }[];
  parts: ProgressPart[];
  coverage: CoverageLink | null;
  reports: ProjectReportSummary[];
  /** Per part: what the submitted reports stated, one entry per reported quarter. */
  partReports: Map<number, PartReport[]>;
}

function loadCoverage(yearId: number, projectNo: number, parts: readonly ProgressPart[]): CoverageLink | null {
  const link = COVERAGE_LINKS.find((l) => l.projectNo === projectNo);
  const part = link && parts.find((p) => p.position === link.partPosition);
  if (!link || !part) return null;
  const db = getDb();
  const metric = db
    .select({
      id: metrics.id,
      label: metrics.label,
      unit: metrics.unit,
      kind: metrics.kind,
      target: metrics.target,
      targetMax: metrics.targetMax,
      comparator: metrics.comparator,
    })
    .from(metrics)
    .innerJoin(tasks, eq(tasks.id, metrics.taskId))
    .where(and(eq(tasks.yearId, yearId), eq(tasks.no, link.taskNo), eq(metrics.label, link.metricLabel)))
    .get();
  if (!metric) return null;
  const stored: (number | undefined)[] = [undefined, undefined, undefined, undefined];
  for (const p of db.select().from(metricQuarterTargets).where(eq(metricQuarterTargets.metricId, metric.id)).all()) {
    if (p.quarter >= 1 && p.quarter <= 4) stored[p.quarter - 1] = p.value;
  }
  return { partId: part.id, taskNo: link.taskNo, label: metric.label, unit: metric.unit, target: metric.target, plans: effectivePlans(metric, stored) };
}

/**
 * Every livelihood project of the programme year (or the one numbered `no`) with its
 * reports, in a handful of queries. With `asOf`, only versions submitted by the end of
 * that day count (the dashboard's "as of" view).
 */
export function listProjectProgress({
  yearId,
  no,
  asOf,
  approvedOnly = false,
}: {
  yearId: number;
  no?: number;
  asOf?: string;
  /** Only versions the 督查室 approved count (the public page): never drafts, unreviewed or returned ones. */
  approvedOnly?: boolean;
}): ProjectProgressData[] {
  const db = getDb();
  const inYear = eq(livelihoodProjects.yearId, yearId);
  const projects = db
    .select({ id: livelihoodProjects.id, no: livelihoodProjects.no, name: livelihoodProjects.name })
    .from(livelihoodProjects)
    .where(no === undefined ? inYear : and(inYear, eq(livelihoodProjects.no, no)))
    .orderBy(asc(livelihoodProjects.no))
    .all();
  if (projects.length === 0) return [];
  const ids = projects.map((p) => p.id);

  const leaderRows = db
    .select({ projectId: projectLeaders.projectId, name: leaders.name })
    .from(projectLeaders)
    .innerJoin(leaders, eq(leaders.id, projectLeaders.leaderId))
    .where(inArray(projectLeaders.projectId, ids))
    .orderBy(asc(projectLeaders.position))
    .all();
  const unitRows = db
    .select({ projectId: projectUnits.projectId, id: units.id, name: units.name, role: projectUnits.role })
    .from(projectUnits)
    .innerJoin(units, eq(units.id, projectUnits.unitId))
    .where(inArray(projectUnits.projectId, ids))
    .orderBy(asc(projectUnits.position))
    .all();
  const partsByProject = listProjectParts(db, ids);
  const reportRows = db
    .select({
      id: reports.id,
      projectId: reports.projectId,
      periodCode: periods.code,
      quarter: periods.quarter,
      status: reports.status,
      version: reports.version,
      selfStatus: reports.selfStatus,
      problems: reports.problems,
      reviewComment: reports.reviewComment,
      updatedAt: reports.updatedAt,
    })
    .from(reports)
    .innerJoin(periods, eq(periods.id, reports.periodId))
    .where(inArray(reports.projectId, ids))
    .orderBy(asc(periods.quarter))
    .all();
  const versionRows = reportRows.length
    ? db
        .select({
          reportId: reportVersions.reportId,
          versionNo: reportVersions.versionNo,
          snapshot: reportVersions.snapshot,
          submittedAt: reportVersions.submittedAt,
          reviewStatus: reportVersions.reviewStatus,
          reviewedAt: reportVersions.reviewedAt,
        })
        .from(reportVersions)
        .where(
          inArray(
            reportVersions.reportId,
            reportRows.map((r) => r.id),
          ),
        )
        .orderBy(asc(reportVersions.reportId), desc(reportVersions.versionNo))
        .all()
    : [];

  const leadersBy = groupBy(leaderRows, (r) => r.projectId);
  const unitsBy = groupBy(unitRows, (r) => r.projectId);
  const reportsBy = groupBy(reportRows, (r) => r.projectId);
  const versionsBy = groupBy(versionRows, (r) => r.reportId);

  return projects.map((project) => {
    const parts = partsByProject.get(project.id) ?? [];
    const partReports = new Map<number, PartReport[]>(parts.map((p) => [p.id, []]));
    const summaries = (reportsBy.get(project.id) ?? []).map((r): ProjectReportSummary => {
      const versions = (versionsBy.get(r.id) ?? []).filter(
        (v) => (asOf === undefined || dayOfTimestamp(v.submittedAt) <= asOf) && (!approvedOnly || v.reviewStatus === "approved"),
      );
      const approvedAt = versions.filter((v) => v.reviewStatus === "approved").map((v) => v.reviewedAt ?? 0);
      const latest = versions[0];
      if (latest) {
        const snapshot = readSnapshot(latest.snapshot);
        for (const part of parts) partReports.get(part.id)?.push(partReportFromSnapshot(part, r.quarter as Quarter, snapshot));
      }
      return {
        id: r.id,
        periodCode: r.periodCode,
        quarter: r.quarter as Quarter,
        status: r.status,
        version: r.version,
        selfStatus: r.selfStatus,
        problems: r.problems,
        firstSubmittedAt: versions.at(-1)?.submittedAt ?? null,
        lastSubmittedAt: latest?.submittedAt ?? null,
        submittedVersions: versions.length,
        lastApprovedAt: approvedAt.length ? Math.max(...approvedAt) : null,
        reviewComment: r.reviewComment,
        updatedAt: r.updatedAt,
      };
    });
    return {
      id: project.id,
      no: project.no,
      name: project.name,
      leaderNames: (leadersBy.get(project.id) ?? []).map((l) => l.name),
      leadUnits: (unitsBy.get(project.id) ?? []).filter((u) => u.role === "lead").map(({ id, name }) => ({ id, name })),
      relatedUnits: (unitsBy.get(project.id) ?? []).filter((u) => u.role === "related").map(({ id, name }) => ({ id, name })),
      parts,
      coverage: loadCoverage(yearId, project.no, parts),
      reports: summaries,
      partReports,
    };
  });
}

/** The report of a quarter, if any. */
export function reportOfQuarter(project: ProjectProgressData, quarter: number): ProjectReportSummary | null {
  return project.reports.find((r) => r.quarter === quarter) ?? null;
}

/** What the submitted reports stated for each part, up to and including `quarter`. */
export function partReportsUpTo(project: ProjectProgressData, quarter: number): Map<number, PartReport[]> {
  return new Map([...project.partReports].map(([partId, list]) => [partId, list.filter((r) => r.quarter <= quarter)]));
}
