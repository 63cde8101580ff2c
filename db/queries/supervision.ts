import "server-only";
import { and, asc, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import { daysBetween, type Quarter } from "@/lib/periods";
import type { NoticeFact, OverdueSubject, OverrideFact, ReportFacts, VersionFact } from "@/lib/overdue";
import { reportKey } from "@/lib/overdue";
import type { CoverageForQuarter, PartForProgress } from "@/lib/project-progress";
import { readSnapshot } from "@/lib/report-snapshot";
import { projectVersionContent, taskVersionContent } from "@/lib/version-content";
import { getDb, type Tx } from "../client";
import { livelihoodProjects, periods, programmeYears, ragOverrides, reports, reportVersions, tasks, users } from "../schema";
import { listNoticesAsOf, type NoticeAsOf } from "./notices";
import { listPeriods, type PeriodRow } from "./periods";
import { listProjectProgress, type ProjectProgressData } from "./project-progress";
import { listTasks } from "./tasks";

// Everything the 督查室's views are computed from, loaded set-wise (a fixed handful of
// queries whatever the number of tasks) and turned into the facts lib/overdue.ts and
// lib/submission-matrix.ts judge for any "as of" day.

const currentYearId = sql`(select ${programmeYears.id} from ${programmeYears} order by ${programmeYears.year} desc limit 1)`;

export const PROJECT_SECTION = "民生实事";
export const taskKey = (no: number) => `task:${no}`;
export const projectKey = (no: number) => `project:${no}`;

export interface SupervisionFacts {
  asOf: string;
  periods: PeriodRow[];
  subjects: OverdueSubject[];
  reports: Map<string, ReportFacts & { reportId: number }>;
  overrides: Map<string, OverrideFact>;
  notices: Map<string, NoticeFact[]>;
  /** Lead units in gazette order, for filters and the per-unit table. */
  unitOrder: string[];
  /** The livelihood projects with what was submitted by the end of `asOf` (the dashboard's panels). */
  projects: ProjectProgressData[];
  /** The whole notice register replayed to `asOf` (the dashboard's 督办 list). */
  noticeRegister: NoticeAsOf[];
}

function subjectsOf(projects: readonly ProjectProgressData[]): OverdueSubject[] {
  const taskSubjects: OverdueSubject[] = listTasks().map((t) => ({
    key: taskKey(t.no),
    kind: "task",
    no: t.no,
    label: `第${t.no}项`,
    title: t.target,
    section: t.section,
    sectionPosition: t.sectionPosition,
    leaders: t.leaders,
    leadUnits: t.leadUnits,
  }));
  const projectSubjects: OverdueSubject[] = projects.map((p) => ({
    key: projectKey(p.no),
    kind: "project",
    no: p.no,
    label: `民生实事${p.no}`,
    title: p.name,
    section: PROJECT_SECTION,
    sectionPosition: Number.MAX_SAFE_INTEGER,
    leaders: p.leaderNames,
    leadUnits: p.leadUnits.map((u) => u.name),
  }));
  return [...taskSubjects, ...projectSubjects];
}

/** Every report of the programme year with all its submitted versions (two queries). */
function loadReportFacts(projects: readonly ProjectProgressData[]): Map<string, ReportFacts & { reportId: number }> {
  const db = getDb();
  const rows = db
    .select({
      id: reports.id,
      taskNo: tasks.no,
      projectNo: livelihoodProjects.no,
      periodCode: periods.code,
      quarter: periods.quarter,
      createdAt: reports.createdAt,
    })
    .from(reports)
    .innerJoin(periods, eq(periods.id, reports.periodId))
    .leftJoin(tasks, eq(tasks.id, reports.taskId))
    .leftJoin(livelihoodProjects, eq(livelihoodProjects.id, reports.projectId))
    .where(and(eq(periods.yearId, currentYearId), or(isNotNull(tasks.id), isNotNull(livelihoodProjects.id))))
    .all();
  const versions = rows.length
    ? db
        .select({
          reportId: reportVersions.reportId,
          snapshot: reportVersions.snapshot,
          submittedAt: reportVersions.submittedAt,
          reviewStatus: reportVersions.reviewStatus,
          reviewedAt: reportVersions.reviewedAt,
        })
        .from(reportVersions)
        .where(inArray(reportVersions.reportId, db.select({ id: reports.id }).from(reports).innerJoin(periods, eq(periods.id, reports.periodId)).where(eq(periods.yearId, currentYearId))))
        .orderBy(asc(reportVersions.reportId), asc(reportVersions.versionNo))
        .all()
    : [];

  const projectByNo = new Map(projects.map((p) => [p.no, p]));
  const versionsBy = new Map<number, typeof versions>();
  for (const v of versions) {
    const list = versionsBy.get(v.reportId);
    if (list) list.push(v);
    else versionsBy.set(v.reportId, [v]);
  }

  const out = new Map<string, ReportFacts & { reportId: number }>();
  for (const r of rows) {
    const quarter = r.quarter as Quarter;
    const project = r.projectNo === null ? null : projectByNo.get(r.projectNo);
    const content = (raw: unknown) => {
      const snapshot = readSnapshot(raw);
      if (!project) return taskVersionContent(snapshot);
      return projectVersionContent(snapshot, { parts: project.parts as PartForProgress[], quarter, coverage: coverageFor(project, quarter) });
    };
    const facts: VersionFact[] = (versionsBy.get(r.id) ?? []).map((v) => ({
      submittedAt: v.submittedAt,
      reviewStatus: v.reviewStatus,
      reviewedAt: v.reviewedAt,
      content: content(v.snapshot),
    }));
    const key = r.taskNo !== null ? taskKey(r.taskNo) : projectKey(r.projectNo!);
    out.set(reportKey(key, r.periodCode), { reportId: r.id, draftCreatedAt: r.createdAt, versions: facts });
  }
  return out;
}

function coverageFor(project: ProjectProgressData, quarter: Quarter): CoverageForQuarter | null {
  const c = project.coverage;
  return c ? { partId: c.partId, unit: c.unit, plan: c.plans[quarter - 1] ?? c.target } : null;
}

function loadOverrides(): Map<string, OverrideFact> {
  const rows = getDb()
    .select({
      taskNo: tasks.no,
      periodCode: periods.code,
      color: ragOverrides.color,
      reason: ragOverrides.reason,
      at: ragOverrides.at,
      byName: users.displayName,
    })
    .from(ragOverrides)
    .innerJoin(tasks, eq(tasks.id, ragOverrides.taskId))
    .innerJoin(periods, eq(periods.id, ragOverrides.periodId))
    .innerJoin(users, eq(users.id, ragOverrides.byId))
    .where(eq(tasks.yearId, currentYearId))
    .all();
  return new Map(rows.map(({ taskNo, periodCode, ...o }) => [reportKey(taskKey(taskNo), periodCode), o]));
}

function openNoticesAsOf(register: readonly NoticeAsOf[], asOf: string): Map<string, NoticeFact[]> {
  const out = new Map<string, NoticeFact[]>();
  for (const n of register) {
    const key = n.taskNo !== null ? taskKey(n.taskNo) : n.projectNo !== null ? projectKey(n.projectNo) : null;
    if (key === null) continue;
    const state = n.stateAsOf;
    if (state !== "sent" && state !== "overdue" && state !== "replied") continue;
    const fact: NoticeFact = {
      id: n.id,
      title: n.title,
      level: n.level,
      state,
      deadline: n.deadlineAsOf,
      daysOverdue: state === "overdue" ? daysBetween(n.deadlineAsOf, asOf) : 0,
    };
    const list = out.get(key);
    if (list) list.push(fact);
    else out.set(key, [fact]);
  }
  return out;
}

/** The facts of the whole programme as known at the end of `asOf`. */
export function loadSupervisionFacts({ asOf }: { asOf: string }): SupervisionFacts {
  // Parts, coverage, names and units do not depend on the day; only the report summaries
  // do, and those are read as of `asOf` so the dashboard can use the same load.
  const projects = listProjectProgress({ asOf });
  const noticeRegister = listNoticesAsOf({ asOf });
  const subjects = subjectsOf(projects);
  const unitOrder: string[] = [];
  for (const s of subjects) for (const u of s.leadUnits) if (!unitOrder.includes(u)) unitOrder.push(u);
  return {
    asOf,
    periods: listPeriods(),
    subjects,
    reports: loadReportFacts(projects),
    overrides: loadOverrides(),
    notices: openNoticesAsOf(noticeRegister, asOf),
    unitOrder,
    projects,
    noticeRegister,
  };
}

// ───────── RAG override ─────────

export interface RagOverrideRow {
  color: "red" | "amber" | "green";
  reason: string;
  at: number;
  byId: number;
}

export function getRagOverride(tx: Tx, { taskId, periodId }: { taskId: number; periodId: number }): RagOverrideRow | null {
  return (
    tx
      .select({ color: ragOverrides.color, reason: ragOverrides.reason, at: ragOverrides.at, byId: ragOverrides.byId })
      .from(ragOverrides)
      .where(and(eq(ragOverrides.taskId, taskId), eq(ragOverrides.periodId, periodId)))
      .get() ?? null
  );
}

/** Sets (or replaces) the 督查室's colour for a task's quarter. */
export function upsertRagOverride(tx: Tx, o: { taskId: number; periodId: number } & RagOverrideRow): void {
  tx.insert(ragOverrides)
    .values(o)
    .onConflictDoUpdate({ target: [ragOverrides.taskId, ragOverrides.periodId], set: { color: o.color, reason: o.reason, at: o.at, byId: o.byId } })
    .run();
}

export function deleteRagOverride(tx: Tx, { taskId, periodId }: { taskId: number; periodId: number }): number {
  return tx.delete(ragOverrides).where(and(eq(ragOverrides.taskId, taskId), eq(ragOverrides.periodId, periodId))).run().changes;
}
