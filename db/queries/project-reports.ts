import "server-only";
import { and, asc, desc, eq, sql, type SQLWrapper } from "drizzle-orm";
import { readSnapshot } from "@/lib/report-snapshot";
import { getDb } from "../client";
import { periods, reportPartValues, reportProjectMilestones, reports, reportVersions, users, type ReportStatus, type SelfStatus } from "../schema";
import type { ReportVersionItem } from "./reports";

// A livelihood project's quarterly report as its form and page need it. Writes go through
// db/queries/report-writes.ts (the one report lifecycle for tasks and projects).

export interface ProjectReportRecord {
  id: number;
  status: ReportStatus;
  version: number;
  progress: string;
  problems: string;
  nextSteps: string;
  selfStatus: SelfStatus | null;
  submittedAt: number | null;
  reviewComment: string | null;
  updatedAt: number;
  updatedByName: string | null;
  firstSubmittedAt: number | null;
  /** partId → category → cumulative value ("" = a counted part's total). */
  partValues: Record<number, Record<string, number>>;
  milestones: Record<number, { done: boolean; doneOn: string | null }>;
}

const nameOf = (id: SQLWrapper) => sql<string | null>`(select ${users.displayName} from ${users} where ${users.id} = ${id})`;

/** The project's report for a period with its values and milestone states, or null when none was saved yet. */
export function getProjectReport({ projectId, periodId }: { projectId: number; periodId: number }): ProjectReportRecord | null {
  const db = getDb();
  const row = db
    .select({
      id: reports.id,
      status: reports.status,
      version: reports.version,
      progress: reports.progress,
      problems: reports.problems,
      nextSteps: reports.nextSteps,
      selfStatus: reports.selfStatus,
      submittedAt: reports.submittedAt,
      reviewComment: reports.reviewComment,
      updatedAt: reports.updatedAt,
      updatedByName: nameOf(reports.updatedById),
      // The outer id is spelled out: in a one-table select drizzle leaves columns unqualified,
      // and a bare "id" inside the subquery would mean report_versions.id.
      firstSubmittedAt: sql<number | null>`(select min(${reportVersions.submittedAt}) from ${reportVersions} where ${reportVersions.reportId} = ${sql.identifier("reports")}.${sql.identifier("id")})`,
    })
    .from(reports)
    .where(and(eq(reports.projectId, projectId), eq(reports.periodId, periodId)))
    .get();
  if (!row) return null;
  const partValues: ProjectReportRecord["partValues"] = {};
  for (const v of db.select().from(reportPartValues).where(eq(reportPartValues.reportId, row.id)).all()) {
    (partValues[v.partId] ??= {})[v.category] = v.value;
  }
  const milestones: ProjectReportRecord["milestones"] = {};
  for (const m of db.select().from(reportProjectMilestones).where(eq(reportProjectMilestones.reportId, row.id)).all()) {
    milestones[m.milestoneId] = { done: m.done, doneOn: m.doneOn };
  }
  return { ...row, partValues, milestones };
}

/** Every submitted version of every quarterly report of a project, by quarter then newest version. */
export function listProjectReportVersions({ projectId }: { projectId: number }): ReportVersionItem[] {
  return getDb()
    .select({
      reportId: reportVersions.reportId,
      periodCode: periods.code,
      versionNo: reportVersions.versionNo,
      snapshot: reportVersions.snapshot,
      submittedAt: reportVersions.submittedAt,
      submittedByName: sql<string>`${nameOf(reportVersions.submittedById)}`,
      reviewStatus: reportVersions.reviewStatus,
      reviewComment: reportVersions.reviewComment,
      reviewedAt: reportVersions.reviewedAt,
      reviewedByName: nameOf(reportVersions.reviewedById),
    })
    .from(reportVersions)
    .innerJoin(reports, eq(reports.id, reportVersions.reportId))
    .innerJoin(periods, eq(periods.id, reports.periodId))
    .where(eq(reports.projectId, projectId))
    .orderBy(asc(periods.quarter), desc(reportVersions.versionNo))
    .all()
    .map((v) => ({ ...v, snapshot: readSnapshot(v.snapshot) }));
}
