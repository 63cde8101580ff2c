import "server-only";
import { listProgrammeYears } from "@/db/queries/programme-years";
import { getRelocationPlan } from "@/db/queries/projects";
import type { ProgressPart } from "@/db/queries/project-progress";
import { getProjectUnitIds } from "@/db/queries/reports";
import { getRegisterProject, listRegisterItems, type RegisterItemRow } from "@/db/queries/register";
import type { ProgrammeYear } from "@/lib/programme-year";
import { registerKindOf, type RegisterKind, type RegisterRules } from "@/lib/register";

export interface RegisterSection {
  part: ProgressPart;
  kind: RegisterKind;
  items: RegisterItemRow[];
}

export interface RegisterContext {
  year: ProgrammeYear;
  project: { id: number; no: number; name: string };
  sections: RegisterSection[];
  leadUnitIds: number[];
  relatedUnitIds: number[];
  /** The relocation plan's 小区 and 栋 (汨政办发〔2026〕4号), for urban households. */
  estates: { estate: string; buildings: string[] }[];
}

/** A project's registers in a programme year, or null when the project keeps none. */
export function loadRegisterContext({ year, no }: { year: ProgrammeYear; no: number }): RegisterContext | null {
  const project = getRegisterProject({ yearId: year.id, no });
  if (!project) return null;
  const parts = project.parts.flatMap((part) => {
    const kind = registerKindOf(project.no, part.position);
    return kind ? [{ part, kind }] : [];
  });
  if (parts.length === 0) return null;
  const items = listRegisterItems({ yearId: year.id, partIds: parts.map((p) => p.part.id) });
  const units = getProjectUnitIds({ projectId: project.id });
  return {
    year,
    project: { id: project.id, no: project.no, name: project.name },
    sections: parts.map((p) => ({ ...p, items: items.get(p.part.id) ?? [] })),
    leadUnitIds: units.leadUnitIds,
    relatedUnitIds: units.coopUnitIds,
    estates: parts.some((p) => p.kind === "urbanHouse") ? getRelocationPlan().plan.buildings.map((b) => ({ estate: b.estate, buildings: b.buildings })) : [],
  };
}

/** The context of a form or import naming its year, project and part position. */
export function loadRegisterSection({ year, no, part }: { year: number; no: number; part: number }): { ctx: RegisterContext; section: RegisterSection } | null {
  const y = listProgrammeYears().find((p) => p.year === year);
  const ctx = y ? loadRegisterContext({ year: y, no }) : null;
  const section = ctx?.sections.find((s) => s.part.position === part);
  return ctx && section ? { ctx, section } : null;
}

export function registerRules(ctx: RegisterContext, section: RegisterSection, today: string): RegisterRules {
  return { kind: section.kind, categories: section.part.categories, estates: ctx.estates, year: ctx.year.year, today };
}

export const registerPath = (no: number) => `/projects/${no}/register`;
