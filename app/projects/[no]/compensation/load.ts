import "server-only";
import { notFound } from "next/navigation";
import { requirePermission } from "@/app/_lib/current-user";
import { currentProgrammeYear } from "@/app/_lib/programme-year";
import { getProjectByNo, getRelocationPlan } from "@/db/queries/projects";
import { getProjectUnitIds } from "@/db/queries/reports";
import { listProjectProgress } from "@/db/queries/project-progress";

/** The project with the relocation plan (城市危旧房), for the units handling it, the 督查室 and leaders. */
export async function loadCompensationPage(rawNo: string) {
  const no = /^\d{1,3}$/.test(rawNo) ? Number(rawNo) : null;
  const yearId = (await currentProgrammeYear()).id;
  const project = no === null ? null : getProjectByNo({ yearId, no });
  const progress = no === null ? undefined : listProjectProgress({ yearId, no })[0];
  const relocates = project?.parts.some((part) => part.milestones.some((m) => m.text.includes("解危搬迁")));
  if (!project || !progress || !relocates) notFound();
  const units = getProjectUnitIds({ projectId: progress.id });
  await requirePermission(["compensation:read", { projectUnitIds: [...units.leadUnitIds, ...units.coopUnitIds] }], { entity: "project", entityId: project.no });
  return { project, ...getRelocationPlan() };
}
