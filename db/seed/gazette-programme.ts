// The curated gazette files, put into the portable data-file shape so that seeding
// and `data:import` load through the same code (db/data-file/programme.ts).
import type { ProgrammeData } from "../data-file/programme";
import { sourceDocuments } from "./gazette-documents";
import { livelihoodProjects } from "./gazette-projects";
import { tasks } from "./gazette-tasks";
import { supervisionItems } from "./gazette-items";
import { leaders, units } from "./gazette-units";
import { projectVerificationNotes, taskVerificationNotes } from "./gazette-verification";

function definedOnly(targets: Record<string, number | undefined>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(targets)) if (value !== undefined) out[key] = value;
  return out;
}

export function gazetteProgramme(): ProgrammeData {
  return {
    year: { year: 2026, title: "汨罗市 2026 年市政府重点工作任务" },
    sourceDocuments,
    leaders: leaders.map((name) => ({ name, title: null })),
    units,
    tasks: tasks.map((t) => ({
      no: t.no,
      section: t.section,
      subsection: t.subsection,
      target: t.target,
      leadLeaders: t.leadLeaders,
      leadUnits: t.leadUnits,
      coopUnits: t.coopUnits,
      metrics: t.metrics,
      sourceDocument: "tasks",
      sourceRef: t.sourceRef,
      needsVerification: t.needsVerification,
      note: t.note,
      verificationNote: taskVerificationNotes[t.no] ?? null,
    })),
    livelihoodProjects: livelihoodProjects.map((p) => ({
      no: p.no,
      name: p.name,
      leadLeaders: p.leadLeaders,
      leadUnits: p.leadUnits,
      relatedUnits: p.relatedUnits,
      sourceDocument: "livelihood",
      sourceRef: p.sourceRef,
      needsVerification: p.needsVerification,
      note: p.note,
      verificationNote: projectVerificationNotes[p.no] ?? null,
      parts: p.parts.map((part) => ({
        name: part.name,
        baseline: part.baseline,
        total: part.total,
        totalUnit: part.totalUnit,
        categories: part.categories,
        milestones: part.milestones.map((m) => ({ due: m.due, text: m.text, targets: definedOnly(m.targets) })),
      })),
    })),
    supervisionItems: supervisionItems.map((it) => ({ ...it, metrics: it.metrics.map((m) => ({ ...m })) })),
  };
}
