import "server-only";
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { getDb } from "../client";
import {
  leaders,
  livelihoodProjects,
  projectLeaders,
  projectMilestones,
  projectParts,
  projectUnits,
  sourceDocuments,
  taskUnits,
  tasks,
  units,
  type MilestoneTargets,
} from "../schema";
import { relocationPlan, type RelocationPlan } from "../seed/gazette-relocation";
import type { LeaderRef, UnitRef } from "./tasks";

export interface SourceRef {
  docNo: string;
  issuedOn: string;
  title: string;
}

export interface ProjectMilestone {
  due: string;
  text: string;
  targets: MilestoneTargets;
}

export interface ProjectPart {
  name: string;
  baseline: string | null;
  total: number | null;
  totalUnit: string | null;
  categories: string[];
  milestones: ProjectMilestone[];
}

/** hasTasks: whether the unit's filtered task list (/tasks?unit=) has anything to show. */
export type ProjectUnit = UnitRef & { hasTasks: boolean };

export interface Project {
  no: number;
  name: string;
  leaders: LeaderRef[];
  leadUnits: ProjectUnit[];
  relatedUnits: ProjectUnit[];
  parts: ProjectPart[];
  source: SourceRef & { sourceRef: string };
  needsVerification: boolean;
  note: string | null;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Projects matching `where` with all their parts and milestones, in five queries. */
function loadProjects(yearId: number, where: SQL | undefined): Project[] {
  const db = getDb();
  const inYear = eq(livelihoodProjects.yearId, yearId);
  const condition = where ? and(inYear, where) : inYear;
  const rows = db
    .select({
      id: livelihoodProjects.id,
      no: livelihoodProjects.no,
      name: livelihoodProjects.name,
      sourceRef: livelihoodProjects.sourceRef,
      needsVerification: livelihoodProjects.needsVerification,
      note: livelihoodProjects.note,
      docNo: sourceDocuments.docNo,
      issuedOn: sourceDocuments.issuedOn,
      docTitle: sourceDocuments.title,
    })
    .from(livelihoodProjects)
    .innerJoin(sourceDocuments, eq(sourceDocuments.id, livelihoodProjects.sourceDocumentId))
    .where(condition)
    .orderBy(asc(livelihoodProjects.no))
    .all();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);

  const leaderRows = db
    .select({ projectId: projectLeaders.projectId, name: leaders.name, title: leaders.title })
    .from(projectLeaders)
    .innerJoin(leaders, eq(leaders.id, projectLeaders.leaderId))
    .where(inArray(projectLeaders.projectId, ids))
    .orderBy(asc(projectLeaders.projectId), asc(projectLeaders.position))
    .all();
  const unitRows = db
    .select({
      projectId: projectUnits.projectId,
      name: units.name,
      kind: units.kind,
      role: projectUnits.role,
      hasTasks:
        sql<number>`exists (select 1 from ${taskUnits} join ${tasks} on ${tasks.id} = ${taskUnits.taskId} where ${taskUnits.unitId} = ${units.id} and ${tasks.yearId} = ${yearId})`.mapWith(
          Boolean,
        ),
    })
    .from(projectUnits)
    .innerJoin(units, eq(units.id, projectUnits.unitId))
    .where(inArray(projectUnits.projectId, ids))
    .orderBy(asc(projectUnits.projectId), asc(projectUnits.position))
    .all();
  const partRows = db
    .select({
      id: projectParts.id,
      projectId: projectParts.projectId,
      name: projectParts.name,
      baseline: projectParts.baseline,
      total: projectParts.total,
      totalUnit: projectParts.totalUnit,
      categories: projectParts.categories,
    })
    .from(projectParts)
    .where(inArray(projectParts.projectId, ids))
    .orderBy(asc(projectParts.projectId), asc(projectParts.position))
    .all();
  const milestoneRows = partRows.length
    ? db
        .select({
          partId: projectMilestones.partId,
          due: projectMilestones.due,
          text: projectMilestones.text,
          targets: projectMilestones.targets,
        })
        .from(projectMilestones)
        .where(
          inArray(
            projectMilestones.partId,
            partRows.map((p) => p.id),
          ),
        )
        .orderBy(asc(projectMilestones.partId), asc(projectMilestones.position))
        .all()
    : [];

  const leadersBy = new Map<number, LeaderRef[]>();
  for (const { projectId, ...leader } of leaderRows) pushTo(leadersBy, projectId, leader);
  const leadUnitsBy = new Map<number, ProjectUnit[]>();
  const relatedUnitsBy = new Map<number, ProjectUnit[]>();
  for (const { projectId, role, ...unit } of unitRows) {
    pushTo(role === "lead" ? leadUnitsBy : relatedUnitsBy, projectId, unit);
  }
  const milestonesBy = new Map<number, ProjectMilestone[]>();
  for (const { partId, ...milestone } of milestoneRows) pushTo(milestonesBy, partId, milestone);
  const partsBy = new Map<number, ProjectPart[]>();
  for (const { id, projectId, ...part } of partRows) {
    pushTo(partsBy, projectId, { ...part, milestones: milestonesBy.get(id) ?? [] });
  }

  return rows.map((r) => ({
    no: r.no,
    name: r.name,
    leaders: leadersBy.get(r.id) ?? [],
    leadUnits: leadUnitsBy.get(r.id) ?? [],
    relatedUnits: relatedUnitsBy.get(r.id) ?? [],
    parts: partsBy.get(r.id) ?? [],
    source: { docNo: r.docNo, issuedOn: r.issuedOn, title: r.docTitle, sourceRef: r.sourceRef },
    needsVerification: r.needsVerification,
    note: r.note,
  }));
}

/** The NPC-voted livelihood projects (民生实事) of the programme year, by 序号. */
export function listProjects({ yearId }: { yearId: number }): Project[] {
  return loadProjects(yearId, undefined);
}

export function getProjectByNo({ yearId, no }: { yearId: number; no: number }): Project | null {
  return loadProjects(yearId, eq(livelihoodProjects.no, no))[0] ?? null;
}

/**
 * The 解危搬迁实施方案 behind the 城市危旧房 part, quoted from the gazette. The plan
 * is reference text (not tracked data), so it is read from the curated seed file;
 * its 文号 and date come from the database like every other source.
 */
export function getRelocationPlan(): { plan: RelocationPlan; source: SourceRef | null } {
  const source =
    getDb()
      .select({ docNo: sourceDocuments.docNo, issuedOn: sourceDocuments.issuedOn, title: sourceDocuments.title })
      .from(sourceDocuments)
      .where(eq(sourceDocuments.key, relocationPlan.docKey))
      .get() ?? null;
  return { plan: relocationPlan, source };
}
