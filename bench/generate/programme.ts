// Larger programmes built from the gazette's own: more programme years, and within each
// year more tasks led by more units. Everything is loaded through db/data-file's
// loadProgramme, exactly as the seed and `data:import` load the real programme.
import type { FileTask, ProgrammeData } from "@/db/data-file/programme";

export interface ScalePlan {
  /** Programme years, oldest first; the last is the current one (2026). */
  years: number[];
  /** Each year holds the gazette's tasks this many times, led by as many sets of units. */
  copies: number;
}

/** ×1 = the seeded 2026 programme; ×10 and ×100 grow both the years and the tasks per year. */
export function scalePlan(scale: number): ScalePlan {
  const table: Record<number, [number, number]> = { 1: [1, 1], 10: [5, 2], 100: [10, 10] };
  const [yearCount, copies] = table[scale] ?? [Math.min(10, Math.ceil(Math.sqrt(scale))), 0];
  const n = Math.max(1, yearCount);
  return {
    years: Array.from({ length: n }, (_, i) => 2026 - n + 1 + i),
    copies: copies || Math.max(1, Math.ceil(scale / n)),
  };
}

/** The k-th copy of a unit (k ≥ 2), e.g. 住建局（2）; group descriptions are shared. */
const unitCopy = (name: string, k: number, shared: Set<string>) => (k === 1 || shared.has(name) ? name : `${name}（${k}）`);

/**
 * The gazette programme for `year`, with its tasks repeated `copies` times. Copy k is
 * numbered after copy k−1 and led by the k-th copy of each unit, so every unit account
 * leads about as many tasks as a real one does.
 */
export function scaledProgramme(base: ProgrammeData, { year, copies }: { year: number; copies: number }): ProgrammeData {
  const shared = new Set(base.units.filter((u) => u.kind === "群体描述").map((u) => u.name));
  const current = year === base.year.year;
  const docKey = (key: string) => (current ? key : `${key}-${year}`);
  const tasks: FileTask[] = [];
  for (let k = 1; k <= copies; k++) {
    for (const t of base.tasks) {
      tasks.push({
        ...t,
        no: (k - 1) * base.tasks.length + t.no,
        leadUnits: t.leadUnits.map((u) => unitCopy(u, k, shared)),
        coopUnits: t.coopUnits.map((u) => unitCopy(u, k, shared)),
        sourceDocument: docKey(t.sourceDocument),
      });
    }
  }
  const units = [];
  for (let k = 1; k <= copies; k++) {
    for (const u of base.units) if (k === 1 || !shared.has(u.name)) units.push({ name: unitCopy(u.name, k, shared), kind: u.kind });
  }
  return {
    year: { year, title: base.year.title.replace(String(base.year.year), String(year)) },
    sourceDocuments: base.sourceDocuments.map((d) => ({
      ...d,
      key: docKey(d.key),
      docNo: d.docNo.replace(String(base.year.year), String(year)),
      issuedOn: d.issuedOn.replace(String(base.year.year), String(year)),
      title: d.title.replace(String(base.year.year), String(year)),
    })),
    leaders: base.leaders,
    units,
    tasks,
    livelihoodProjects: base.livelihoodProjects.map((p) => ({
      ...p,
      sourceDocument: docKey(p.sourceDocument),
      parts: p.parts.map((part) => ({
        ...part,
        milestones: part.milestones.map((m) => ({ ...m, due: m.due.replace(String(base.year.year), String(year)) })),
      })),
    })),
    // The benchmark measures the programme's own screens; 督办事项 are not multiplied.
    supervisionItems: [],
  };
}
