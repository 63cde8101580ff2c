import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { SubjectInfo, SubjectRef } from "@/lib/subject";
import { getDb } from "../client";
import { groupBy } from "@/lib/group-by";
import { itemReportsIn } from "@/lib/supervision-items";
import { ITEM_SOURCE_LABEL, type ItemCadence, type SubjectKind } from "@/lib/vocabulary";
import { listItems } from "./items";
import { leaders, livelihoodProjects, projectLeaders, projectUnits, sections, taskLeaders, tasks, taskUnits, units } from "../schema";

/** The section livelihood projects are listed under, after the task sections. */
export const PROJECT_SECTION = "民生实事";

/** A task or livelihood project of a programme year, with what every status screen shows about it. */
export interface Subject extends SubjectInfo {
  /** tasks.id or livelihood_projects.id */
  id: number;
  leaders: string[];
  leaderIds: number[];
  leadUnits: string[];
  /** In gazette order: the first compiles the report. */
  leadUnitIds: number[];
  /** Cooperating units (a project's 相关责任单位). */
  coopUnitIds: number[];
  /** False when nobody is due to report (no lead unit): its quarters are 无需报送. */
  required: boolean;
  /** A 督办事项's time limit: it decides which quarters it reports in (lib/supervision-items.ts). */
  schedule?: { cadence: ItemCadence | null; deadline: string | null; linkedTaskNo: number | null; dueFrom: string | null };
}

export interface SubjectFilter {
  yearId: number;
  /** Only subjects this unit leads. */
  leadUnitId?: number;
  /** Only this subject. */
  only?: SubjectRef;
  /** Only subjects of these kinds (all kinds when absent). */
  kinds?: readonly SubjectKind[];
}

function listTaskSubjects({ yearId, leadUnitId, only }: SubjectFilter): Subject[] {
  if (only && only.kind !== "task") return [];
  const db = getDb();
  const ledBy =
    leadUnitId === undefined
      ? undefined
      : inArray(
          tasks.id,
          db
            .select({ id: taskUnits.taskId })
            .from(taskUnits)
            .where(and(eq(taskUnits.unitId, leadUnitId), eq(taskUnits.role, "lead"))),
        );
  const chosen = and(eq(tasks.yearId, yearId), ledBy, only ? eq(tasks.no, only.no) : undefined);
  const rows = db
    .select({ id: tasks.id, no: tasks.no, title: tasks.target, section: sections.name, sectionPosition: sections.position })
    .from(tasks)
    .innerJoin(sections, eq(sections.id, tasks.sectionId))
    .where(chosen)
    .orderBy(asc(tasks.no))
    .all();
  if (rows.length === 0) return [];
  // The same choice as a subquery, not a list of ids: the statement stays the same size however large the year.
  const ids = db.select({ id: tasks.id }).from(tasks).where(chosen);
  const leaderRows = db
    .select({ taskId: taskLeaders.taskId, id: leaders.id, name: leaders.name })
    .from(taskLeaders)
    .innerJoin(leaders, eq(leaders.id, taskLeaders.leaderId))
    .where(inArray(taskLeaders.taskId, ids))
    .orderBy(asc(taskLeaders.position))
    .all();
  const unitRows = db
    .select({ taskId: taskUnits.taskId, id: units.id, name: units.name, role: taskUnits.role })
    .from(taskUnits)
    .innerJoin(units, eq(units.id, taskUnits.unitId))
    .where(inArray(taskUnits.taskId, ids))
    .orderBy(asc(taskUnits.position))
    .all();
  const leadersBy = groupBy(leaderRows, (r) => r.taskId);
  const unitsBy = groupBy(unitRows, (r) => r.taskId);
  return rows.map((r) => {
    const own = unitsBy.get(r.id) ?? [];
    const lead = own.filter((u) => u.role === "lead");
    return {
      kind: "task",
      ...r,
      leaders: (leadersBy.get(r.id) ?? []).map((l) => l.name),
      leaderIds: (leadersBy.get(r.id) ?? []).map((l) => l.id),
      leadUnits: lead.map((u) => u.name),
      leadUnitIds: lead.map((u) => u.id),
      coopUnitIds: own.filter((u) => u.role === "coop").map((u) => u.id),
      required: lead.length > 0,
    };
  });
}

function listProjectSubjects({ yearId, leadUnitId, only }: SubjectFilter): Subject[] {
  if (only && only.kind !== "project") return [];
  const db = getDb();
  const ledBy =
    leadUnitId === undefined
      ? undefined
      : inArray(
          livelihoodProjects.id,
          db
            .select({ id: projectUnits.projectId })
            .from(projectUnits)
            .where(and(eq(projectUnits.unitId, leadUnitId), eq(projectUnits.role, "lead"))),
        );
  const chosen = and(eq(livelihoodProjects.yearId, yearId), ledBy, only ? eq(livelihoodProjects.no, only.no) : undefined);
  const rows = db
    .select({ id: livelihoodProjects.id, no: livelihoodProjects.no, title: livelihoodProjects.name })
    .from(livelihoodProjects)
    .where(chosen)
    .orderBy(asc(livelihoodProjects.no))
    .all();
  if (rows.length === 0) return [];
  const ids = db.select({ id: livelihoodProjects.id }).from(livelihoodProjects).where(chosen);
  const leaderRows = db
    .select({ projectId: projectLeaders.projectId, id: leaders.id, name: leaders.name })
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
  const leadersBy = groupBy(leaderRows, (r) => r.projectId);
  const unitsBy = groupBy(unitRows, (r) => r.projectId);
  return rows.map((r) => {
    const own = unitsBy.get(r.id) ?? [];
    const lead = own.filter((u) => u.role === "lead");
    return {
      kind: "project",
      ...r,
      section: PROJECT_SECTION,
      sectionPosition: Number.MAX_SAFE_INTEGER,
      leaders: (leadersBy.get(r.id) ?? []).map((l) => l.name),
      leaderIds: (leadersBy.get(r.id) ?? []).map((l) => l.id),
      leadUnits: lead.map((u) => u.name),
      leadUnitIds: lead.map((u) => u.id),
      coopUnitIds: own.filter((u) => u.role === "related").map((u) => u.id),
      required: lead.length > 0,
    };
  });
}

function listItemSubjects({ yearId, leadUnitId, only }: SubjectFilter): Subject[] {
  if (only && only.kind !== "item") return [];
  return listItems({ yearId })
    .filter((r) => (!only || r.no === only.no) && (leadUnitId === undefined || r.leadUnits.some((u) => u.id === leadUnitId)))
    .map((r) => ({
      kind: "item",
      id: r.id,
      no: r.no,
      title: r.text,
      section: ITEM_SOURCE_LABEL[r.source],
      sectionPosition: Number.MAX_SAFE_INTEGER,
      leaders: r.leaders,
      leaderIds: [],
      leadUnits: r.leadUnits.map((u) => u.name),
      leadUnitIds: r.leadUnits.map((u) => u.id),
      coopUnitIds: r.coopUnits.map((u) => u.id),
      required: r.leadUnits.length > 0,
      schedule: { cadence: r.cadence, deadline: r.deadline, linkedTaskNo: r.linkedTaskNo, dueFrom: r.dueFrom },
    }));
}

/** Every task (序号 order), every livelihood project, then every 督办事项 of the year, narrowed by the filter. */
export function listSubjects(filter: SubjectFilter): Subject[] {
  const wants = (kind: SubjectKind) => !filter.kinds || filter.kinds.includes(kind);
  return [
    ...(wants("task") ? listTaskSubjects(filter) : []),
    ...(wants("project") ? listProjectSubjects(filter) : []),
    ...(wants("item") ? listItemSubjects(filter) : []),
  ];
}

/** A monthly 督办事项 reports every month of its quarters (lib/quarter-status.ts judgeMonthlyReporting): from when. */
export function subjectMonthly(subject: Subject): { dueFrom: string | null } | null {
  return subject.schedule?.cadence === "monthly" && subject.schedule.linkedTaskNo === null ? { dueFrom: subject.schedule.dueFrom } : null;
}

/** Whether the subject reports in the quarter: it has a lead unit, and a 督办事项 is due in it. */
export function subjectDueIn(subject: Subject, period: { startsOn: string; endsOn: string }): boolean {
  return subject.required && (!subject.schedule || itemReportsIn(subject.schedule, period));
}
