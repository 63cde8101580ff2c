// The parts of livelihood projects with their milestones: read by the project pages and
// by the status engine (db/status), which also runs from the command line.
import { asc, inArray } from "drizzle-orm";
import type { PartForProgress } from "@/lib/project-progress";
import type { Tx } from "./client";
import { projectMilestones, projectParts } from "./schema";
import { groupBy } from "@/lib/group-by";

export interface ProgressPart extends PartForProgress {
  position: number;
  baseline: string | null;
}

/** The parts of the projects with their milestones, by project id (two queries). */
export function listProjectParts(db: Pick<Tx, "select">, projectIds: readonly number[]): Map<number, ProgressPart[]> {
  if (projectIds.length === 0) return new Map();
  const partRows = db
    .select({
      id: projectParts.id,
      projectId: projectParts.projectId,
      position: projectParts.position,
      name: projectParts.name,
      baseline: projectParts.baseline,
      total: projectParts.total,
      totalUnit: projectParts.totalUnit,
      categories: projectParts.categories,
    })
    .from(projectParts)
    .where(inArray(projectParts.projectId, [...projectIds]))
    .orderBy(asc(projectParts.projectId), asc(projectParts.position))
    .all();
  const milestoneRows = partRows.length
    ? db
        .select({
          id: projectMilestones.id,
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
  const milestonesBy = groupBy(milestoneRows, (r) => r.partId);
  const out = new Map<number, ProgressPart[]>();
  for (const p of partRows) {
    const { projectId, ...part } = p;
    const list = out.get(projectId) ?? [];
    list.push({ ...part, milestones: (milestonesBy.get(p.id) ?? []).map((m) => ({ id: m.id, due: m.due, text: m.text, targets: m.targets })) });
    out.set(projectId, list);
  }
  return out;
}
