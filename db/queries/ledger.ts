import "server-only";
import { listDerivedPartValues } from "./register";
import { and, asc, eq, inArray } from "drizzle-orm";
import { writeAudit, type AuditActor } from "@/db/audit";
import type { LedgerReport, LedgerSubject } from "@/lib/ledger";
import type { PlannedSave } from "@/lib/ledger-import";
import { effectivePlans } from "@/lib/quarter-targets";
import { subjectKey } from "@/lib/subject";
import { groupBy } from "@/lib/group-by";
import { getDb, type Tx } from "../client";
import {
  metricQuarterTargets,
  metrics,
  reportMetricValues,
  reportPartValues,
  reportProjectMilestones,
  reports,
  subsections,
  taskQuarterMilestones,
  tasks,
  taskUnits,
  projectUnits,
  units,
} from "../schema";
import type { PeriodRow } from "./periods";
import { listProjectProgress } from "./project-progress";
import { saveReportDraft, submitReport } from "./report-writes";
import { listSubjectQuarters } from "./status-board";
import type { SubjectFilter } from "./subjects";

// The 台账's data: every subject of the year (or those a unit leads) in one quarter, with
// the gazette columns, the quarter's plan, the saved report and the two lamps from the one
// status read (status-board.ts). A handful of set-wise queries, whatever the number of rows.

function savedReports(periodId: number): Map<string, LedgerReport> {
  const db = getDb();
  const rows = db
    .select({
      id: reports.id,
      taskId: reports.taskId,
      projectId: reports.projectId,
      status: reports.status,
      version: reports.version,
      progress: reports.progress,
      problems: reports.problems,
      nextSteps: reports.nextSteps,
      selfStatus: reports.selfStatus,
      milestoneDone: reports.milestoneDone,
      milestoneDoneOn: reports.milestoneDoneOn,
    })
    .from(reports)
    .where(eq(reports.periodId, periodId))
    .all();
  const ids = rows.map((r) => r.id);
  const values = ids.length
    ? groupBy(db.select().from(reportMetricValues).where(inArray(reportMetricValues.reportId, ids)).all(), (v) => v.reportId)
    : new Map();
  const parts = ids.length ? groupBy(db.select().from(reportPartValues).where(inArray(reportPartValues.reportId, ids)).all(), (v) => v.reportId) : new Map();
  const nodes = ids.length
    ? groupBy(db.select().from(reportProjectMilestones).where(inArray(reportProjectMilestones.reportId, ids)).all(), (v) => v.reportId)
    : new Map();
  const out = new Map<string, LedgerReport>();
  for (const r of rows) {
    const key = r.taskId !== null ? `task:${r.taskId}` : `project:${r.projectId}`;
    out.set(key, {
      id: r.id,
      status: r.status,
      version: r.version,
      content: {
        progress: r.progress,
        problems: r.problems,
        nextSteps: r.nextSteps,
        selfStatus: r.selfStatus,
        milestoneDone: r.milestoneDone,
        milestoneDoneOn: r.milestoneDoneOn,
        metricValues: (values.get(r.id) ?? []).map((v: { metricId: number; value: number }) => ({ metricId: v.metricId, value: v.value })),
        partValues: (parts.get(r.id) ?? []).map((v: { partId: number; category: string; value: number }) => ({
          partId: v.partId,
          category: v.category,
          value: v.value,
        })),
        projectMilestones: (nodes.get(r.id) ?? []).map((v: { milestoneId: number; done: boolean; doneOn: string | null }) => ({
          milestoneId: v.milestoneId,
          done: v.done,
          doneOn: v.doneOn,
        })),
      },
    });
  }
  return out;
}

function taskFacts(yearId: number, quarter: number) {
  const db = getDb();
  const subs = db
    .select({ taskId: tasks.id, name: subsections.name })
    .from(tasks)
    .innerJoin(subsections, eq(subsections.id, tasks.subsectionId))
    .where(eq(tasks.yearId, yearId))
    .all();
  const coop = db
    .select({ taskId: taskUnits.taskId, name: units.name })
    .from(taskUnits)
    .innerJoin(units, eq(units.id, taskUnits.unitId))
    .innerJoin(tasks, eq(tasks.id, taskUnits.taskId))
    .where(and(eq(tasks.yearId, yearId), eq(taskUnits.role, "coop")))
    .orderBy(asc(taskUnits.position))
    .all();
  const metricRows = db
    .select({
      id: metrics.id,
      taskId: metrics.taskId,
      label: metrics.label,
      unit: metrics.unit,
      kind: metrics.kind,
      target: metrics.target,
      targetMax: metrics.targetMax,
      comparator: metrics.comparator,
    })
    .from(metrics)
    .innerJoin(tasks, eq(tasks.id, metrics.taskId))
    .where(eq(tasks.yearId, yearId))
    .orderBy(asc(metrics.taskId), asc(metrics.position))
    .all();
  const stored = groupBy(
    metricRows.length
      ? db
          .select()
          .from(metricQuarterTargets)
          .where(
            inArray(
              metricQuarterTargets.metricId,
              metricRows.map((m) => m.id),
            ),
          )
          .all()
      : [],
    (p) => p.metricId,
  );
  const milestones = db
    .select({ taskId: taskQuarterMilestones.taskId, text: taskQuarterMilestones.text })
    .from(taskQuarterMilestones)
    .innerJoin(tasks, eq(tasks.id, taskQuarterMilestones.taskId))
    .where(and(eq(tasks.yearId, yearId), eq(taskQuarterMilestones.quarter, quarter)))
    .all();
  const planned = (m: (typeof metricRows)[number]) => {
    const byQuarter: (number | undefined)[] = [undefined, undefined, undefined, undefined];
    for (const p of stored.get(m.id) ?? []) if (p.quarter >= 1 && p.quarter <= 4) byQuarter[p.quarter - 1] = p.value;
    return effectivePlans(m, byQuarter)[quarter - 1]!;
  };
  return {
    subsection: new Map(subs.map((s) => [s.taskId, s.name])),
    coopUnits: groupBy(coop, (c) => c.taskId),
    metrics: groupBy(
      metricRows.map((m) => ({ ...m, plan: planned(m) })),
      (m) => m.taskId,
    ),
    milestone: new Map(milestones.map((m) => [m.taskId, m.text])),
  };
}

/** The 台账 of one quarter: what the export writes and what the import checks against. */
export function loadLedger({ period, asOf, today, filter }: { period: PeriodRow; asOf: string; today: string; filter: SubjectFilter }): LedgerSubject[] {
  // 督办事项 have a sheet of their own (ledger-items).
  const quarters = listSubjectQuarters({ periods: [period], asOf, today, filter: { kinds: ["task", "project"], ...filter } });
  const saved = savedReports(period.id);
  const t = taskFacts(period.yearId, period.quarter);
  const projects = new Map(listProjectProgress({ yearId: period.yearId }).map((p) => [p.no, p]));
  const related = groupBy(
    getDb()
      .select({ projectId: projectUnits.projectId, name: units.name })
      .from(projectUnits)
      .innerJoin(units, eq(units.id, projectUnits.unitId))
      .where(eq(projectUnits.role, "related"))
      .orderBy(asc(projectUnits.position))
      .all(),
    (r) => r.projectId,
  );
  return quarters.map(({ subject, status }): LedgerSubject => {
    const base = {
      ref: { kind: subject.kind, no: subject.no },
      id: subject.id,
      section: subject.section,
      title: subject.title,
      leaders: subject.leaders,
      leadUnits: subject.leadUnits,
      leadUnitIds: subject.leadUnitIds,
      status,
      report: saved.get(`${subject.kind}:${subject.id}`) ?? null,
    };
    if (subject.kind === "task") {
      return {
        ...base,
        subsection: t.subsection.get(subject.id) ?? null,
        coopUnits: (t.coopUnits.get(subject.id) ?? []).map((c) => c.name),
        metrics: (t.metrics.get(subject.id) ?? []).map(({ id, label, unit, kind, target, targetMax, plan }) => ({
          id,
          label,
          unit,
          kind,
          target,
          targetMax,
          plan,
        })),
        milestoneText: t.milestone.get(subject.id) ?? null,
        parts: [],
        coverage: null,
      };
    }
    const project = projects.get(subject.no);
    const coverage = project?.coverage ?? null;
    return {
      ...base,
      subsection: null,
      coopUnits: (related.get(subject.id) ?? []).map((r) => r.name),
      metrics: [],
      milestoneText: null,
      parts: project?.parts ?? [],
      coverage: coverage && { partId: coverage.partId, unit: coverage.unit, target: coverage.target },
      derived: project && listDerivedPartValues({ yearId: period.yearId, projectNo: project.no, parts: project.parts, asOf: period.endsOn }),
    };
  });
}

/**
 * Saves the planned reports through the report form's own writes (saveReportDraft /
 * submitReport), each audited as the form audits it. Inside the caller's transaction: a
 * report that changed meanwhile throws, and nothing of the file is kept.
 */
export function applyLedgerImport(
  tx: Tx,
  {
    saves,
    periodId,
    intent,
    actor,
    ip,
    userId,
    now,
  }: { saves: readonly PlannedSave[]; periodId: number; intent: "save" | "submit"; actor: AuditActor; ip: string | null; userId: number; now: number },
): { key: string; reportId: number; version: number; versionNo: number | null; status: string }[] {
  const write = intent === "submit" ? submitReport : saveReportDraft;
  return saves.map((s) => {
    const result = write(tx, {
      subject: s.subject.ref.kind === "task" ? { taskId: s.subject.id } : { projectId: s.subject.id },
      periodId,
      expectedVersion: s.expectedVersion,
      content: s.content,
      userId,
      now,
    });
    if (!result.ok) throw new LedgerImportConflict(subjectKey(s.subject.ref), result.reason);
    writeAudit(tx, {
      actor,
      ip,
      action: intent === "submit" ? "report.submit" : "report.save",
      entity: "report",
      entityId: result.reportId,
      outcome: "success",
      before: result.before,
      after: { ...result.after, via: "ledger-import" },
    });
    return { key: subjectKey(s.subject.ref), reportId: result.reportId, version: result.version, versionNo: result.versionNo ?? null, status: result.status };
  });
}

/** A planned save that the database refused (changed since the plan was made). */
export class LedgerImportConflict extends Error {
  constructor(
    readonly subjectKey: string,
    readonly reason: string,
  ) {
    super(`ledger import: ${subjectKey} ${reason}`);
  }
}
