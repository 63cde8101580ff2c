// The programme part of the portable data file (docs/data-format.md): export reads
// it back in a fixed order so that export → import → export is byte-identical.
import { asc, eq } from "drizzle-orm";
import type { Db, Tx } from "../client";
import {
  leaders,
  livelihoodProjects,
  metrics,
  programmeYears,
  projectLeaders,
  projectMilestones,
  projectParts,
  projectUnits,
  sections,
  sourceDocuments,
  subsections,
  taskLeaders,
  tasks,
  taskUnits,
  units,
} from "../schema";
import type { UnitKind } from "@/lib/vocabulary";
import type { SeedMetric, SeedSourceDocument, SeedUnit } from "../seed/types";
import { groupBy } from "@/lib/group-by";
import { addCollectiveMembersByKind } from "../collective-members";
import { exportItems, loadItems, type FileItem } from "./items";

export interface FileLeader {
  name: string;
  title: string | null;
}

export interface FileTask {
  no: number;
  section: string;
  subsection: string | null;
  target: string;
  leadLeaders: string[];
  leadUnits: string[];
  coopUnits: string[];
  metrics: SeedMetric[];
  sourceDocument: string;
  sourceRef: string;
  needsVerification: boolean;
  note: string | null;
  /** What the 待核实 badge says (plain words); absent in files written before it existed. */
  verificationNote?: string | null;
}

export interface FileMilestone {
  due: string;
  text: string;
  targets: Record<string, number>;
}

export interface FileProject {
  no: number;
  name: string;
  leadLeaders: string[];
  leadUnits: string[];
  relatedUnits: string[];
  sourceDocument: string;
  sourceRef: string;
  needsVerification: boolean;
  note: string | null;
  verificationNote?: string | null;
  parts: {
    name: string;
    baseline: string | null;
    total: number | null;
    totalUnit: string | null;
    categories: string[];
    milestones: FileMilestone[];
  }[];
}

export interface ProgrammeData {
  year: { year: number; title: string };
  sourceDocuments: SeedSourceDocument[];
  leaders: FileLeader[];
  units: SeedUnit[];
  tasks: FileTask[];
  livelihoodProjects: FileProject[];
  /** 督办事项 (meeting decisions, “开局八好” measures, 领导交办); absent in files before format 4. */
  supervisionItems: FileItem[];
}

/** Exports one programme year (the only one, or the given year). */
export function exportProgramme(db: Db | Tx, yearNumber?: number): ProgrammeData | null {
  const year = yearNumber
    ? db.select().from(programmeYears).where(eq(programmeYears.year, yearNumber)).get()
    : db.select().from(programmeYears).orderBy(asc(programmeYears.year)).get();
  if (!year) return null;

  const docs = db.select().from(sourceDocuments).orderBy(asc(sourceDocuments.id)).all();
  const docKey = new Map(docs.map((d) => [d.id, d.key]));
  const leaderRows = db.select().from(leaders).orderBy(asc(leaders.position), asc(leaders.id)).all();
  const leaderName = new Map(leaderRows.map((l) => [l.id, l.name]));
  const unitRows = db.select().from(units).orderBy(asc(units.position), asc(units.id)).all();
  const unitName = new Map(unitRows.map((u) => [u.id, u.name]));
  const sectionName = new Map(
    db
      .select()
      .from(sections)
      .all()
      .map((s) => [s.id, s.name]),
  );
  const subsectionName = new Map(
    db
      .select()
      .from(subsections)
      .all()
      .map((s) => [s.id, s.name]),
  );

  const taskRows = db.select().from(tasks).where(eq(tasks.yearId, year.id)).orderBy(asc(tasks.no)).all();
  const tLeaders = groupBy(db.select().from(taskLeaders).orderBy(asc(taskLeaders.position)).all(), (r) => r.taskId);
  const tUnits = groupBy(db.select().from(taskUnits).orderBy(asc(taskUnits.position)).all(), (r) => r.taskId);
  const tMetrics = groupBy(db.select().from(metrics).orderBy(asc(metrics.position)).all(), (r) => r.taskId);

  const names = (ids: number[], map: Map<number, string>) => ids.map((id) => map.get(id) ?? "");

  const fileTasks: FileTask[] = taskRows.map((t) => {
    const links = tUnits.get(t.id) ?? [];
    return {
      no: t.no,
      section: sectionName.get(t.sectionId) ?? "",
      subsection: t.subsectionId ? (subsectionName.get(t.subsectionId) ?? null) : null,
      target: t.target,
      leadLeaders: names(
        (tLeaders.get(t.id) ?? []).map((r) => r.leaderId),
        leaderName,
      ),
      leadUnits: names(
        links.filter((r) => r.role === "lead").map((r) => r.unitId),
        unitName,
      ),
      coopUnits: names(
        links.filter((r) => r.role === "coop").map((r) => r.unitId),
        unitName,
      ),
      metrics: (tMetrics.get(t.id) ?? []).map((m) => ({
        label: m.label,
        target: m.target,
        ...(m.targetMax !== null ? { targetMax: m.targetMax } : {}),
        unit: m.unit,
        comparator: m.comparator,
        kind: m.kind,
      })),
      sourceDocument: docKey.get(t.sourceDocumentId) ?? "",
      sourceRef: t.sourceRef,
      needsVerification: t.needsVerification,
      note: t.note,
      verificationNote: t.verificationNote,
    };
  });

  const projectRows = db.select().from(livelihoodProjects).where(eq(livelihoodProjects.yearId, year.id)).orderBy(asc(livelihoodProjects.no)).all();
  const pLeaders = groupBy(db.select().from(projectLeaders).orderBy(asc(projectLeaders.position)).all(), (r) => r.projectId);
  const pUnits = groupBy(db.select().from(projectUnits).orderBy(asc(projectUnits.position)).all(), (r) => r.projectId);
  const parts = groupBy(db.select().from(projectParts).orderBy(asc(projectParts.position)).all(), (r) => r.projectId);
  const milestones = groupBy(db.select().from(projectMilestones).orderBy(asc(projectMilestones.position)).all(), (r) => r.partId);

  const fileProjects: FileProject[] = projectRows.map((p) => {
    const links = pUnits.get(p.id) ?? [];
    return {
      no: p.no,
      name: p.name,
      leadLeaders: names(
        (pLeaders.get(p.id) ?? []).map((r) => r.leaderId),
        leaderName,
      ),
      leadUnits: names(
        links.filter((r) => r.role === "lead").map((r) => r.unitId),
        unitName,
      ),
      relatedUnits: names(
        links.filter((r) => r.role === "related").map((r) => r.unitId),
        unitName,
      ),
      sourceDocument: docKey.get(p.sourceDocumentId) ?? "",
      sourceRef: p.sourceRef,
      needsVerification: p.needsVerification,
      note: p.note,
      verificationNote: p.verificationNote,
      parts: (parts.get(p.id) ?? []).map((part) => ({
        name: part.name,
        baseline: part.baseline,
        total: part.total,
        totalUnit: part.totalUnit,
        categories: part.categories,
        milestones: (milestones.get(part.id) ?? []).map((m) => ({ due: m.due, text: m.text, targets: m.targets })),
      })),
    };
  });

  return {
    year: { year: year.year, title: year.title },
    sourceDocuments: docs.map((d) => ({ key: d.key, docNo: d.docNo, issuedOn: d.issuedOn, title: d.title })),
    leaders: leaderRows.map((l) => ({ name: l.name, title: l.title })),
    units: unitRows.map((u) => ({ name: u.name, kind: u.kind as UnitKind })),
    tasks: fileTasks,
    livelihoodProjects: fileProjects,
    supervisionItems: exportItems(db, year.id),
  };
}

export class DataFileError extends Error {}

export function lookup(map: ReadonlyMap<string, number>, name: string, what: string): number {
  const id = map.get(name);
  if (id === undefined) throw new DataFileError(`${what}“${name}”不在登记表中`);
  return id;
}

/**
 * Loads a programme into a database that does not have that year yet. Runs inside
 * the caller's transaction; any unknown reference aborts the whole load.
 */
export function loadProgramme(tx: Tx, data: ProgrammeData): void {
  if (tx.select().from(programmeYears).where(eq(programmeYears.year, data.year.year)).get()) {
    throw new DataFileError(`${data.year.year} 年度的工作任务已存在，导入只能用于空数据库`);
  }
  const year = tx.insert(programmeYears).values(data.year).returning().get();

  const docIds = new Map<string, number>();
  for (const d of data.sourceDocuments) {
    const existing = tx.select().from(sourceDocuments).where(eq(sourceDocuments.key, d.key)).get();
    docIds.set(d.key, existing?.id ?? tx.insert(sourceDocuments).values(d).returning().get().id);
  }
  const leaderIds = new Map<string, number>();
  data.leaders.forEach((l, i) => {
    const existing = tx.select().from(leaders).where(eq(leaders.name, l.name)).get();
    leaderIds.set(
      l.name,
      existing?.id ??
        tx
          .insert(leaders)
          .values({ name: l.name, title: l.title, position: i + 1 })
          .returning()
          .get().id,
    );
  });
  const unitIds = new Map<string, number>();
  data.units.forEach((u, i) => {
    const existing = tx.select().from(units).where(eq(units.name, u.name)).get();
    unitIds.set(
      u.name,
      existing?.id ??
        tx
          .insert(units)
          .values({ name: u.name, kind: u.kind, position: i + 1 })
          .returning()
          .get().id,
    );
  });

  const sectionIds = new Map<string, number>();
  const subsectionIds = new Map<string, number>();
  for (const t of data.tasks) {
    let sectionId = sectionIds.get(t.section);
    if (sectionId === undefined) {
      sectionId = tx
        .insert(sections)
        .values({ yearId: year.id, name: t.section, position: sectionIds.size + 1 })
        .returning()
        .get().id;
      sectionIds.set(t.section, sectionId);
    }
    let subsectionId: number | null = null;
    if (t.subsection !== null) {
      const key = `${sectionId}\u0000${t.subsection}`;
      subsectionId = subsectionIds.get(key) ?? null;
      if (subsectionId === null) {
        subsectionId = tx
          .insert(subsections)
          .values({ sectionId, name: t.subsection, position: subsectionIds.size + 1 })
          .returning()
          .get().id;
        subsectionIds.set(key, subsectionId);
      }
    }
    const task = tx
      .insert(tasks)
      .values({
        yearId: year.id,
        no: t.no,
        sectionId,
        subsectionId,
        target: t.target,
        sourceDocumentId: lookup(docIds, t.sourceDocument, "来源文件"),
        sourceRef: t.sourceRef,
        needsVerification: t.needsVerification,
        note: t.note,
        verificationNote: t.verificationNote ?? null,
      })
      .returning()
      .get();
    t.leadLeaders.forEach((name, i) =>
      tx
        .insert(taskLeaders)
        .values({ taskId: task.id, leaderId: lookup(leaderIds, name, "牵头领导"), position: i + 1 })
        .run(),
    );
    const link = (names: string[], role: "lead" | "coop") =>
      names.forEach((name, i) =>
        tx
          .insert(taskUnits)
          .values({ taskId: task.id, unitId: lookup(unitIds, name, "单位"), role, position: i + 1 })
          .run(),
      );
    link(t.leadUnits, "lead");
    link(t.coopUnits, "coop");
    t.metrics.forEach((m, i) =>
      tx
        .insert(metrics)
        .values({
          taskId: task.id,
          position: i + 1,
          label: m.label,
          target: m.target,
          targetMax: m.targetMax ?? null,
          unit: m.unit,
          comparator: m.comparator,
          kind: m.kind,
        })
        .run(),
    );
  }

  for (const p of data.livelihoodProjects) {
    const project = tx
      .insert(livelihoodProjects)
      .values({
        yearId: year.id,
        no: p.no,
        name: p.name,
        sourceDocumentId: lookup(docIds, p.sourceDocument, "来源文件"),
        sourceRef: p.sourceRef,
        needsVerification: p.needsVerification,
        note: p.note,
        verificationNote: p.verificationNote ?? null,
      })
      .returning()
      .get();
    p.leadLeaders.forEach((name, i) =>
      tx
        .insert(projectLeaders)
        .values({ projectId: project.id, leaderId: lookup(leaderIds, name, "牵头领导"), position: i + 1 })
        .run(),
    );
    const link = (names: string[], role: "lead" | "related") =>
      names.forEach((name, i) =>
        tx
          .insert(projectUnits)
          .values({ projectId: project.id, unitId: lookup(unitIds, name, "单位"), role, position: i + 1 })
          .run(),
      );
    link(p.leadUnits, "lead");
    link(p.relatedUnits, "related");
    p.parts.forEach((part, i) => {
      const row = tx
        .insert(projectParts)
        .values({
          projectId: project.id,
          position: i + 1,
          name: part.name,
          baseline: part.baseline,
          total: part.total,
          totalUnit: part.totalUnit,
          categories: part.categories,
        })
        .returning()
        .get();
      part.milestones.forEach((m, j) =>
        tx
          .insert(projectMilestones)
          .values({ partId: row.id, position: j + 1, due: m.due, text: m.text, targets: m.targets })
          .run(),
      );
    });
  }
  loadItems(tx, data.supervisionItems, { yearId: year.id, docIds, leaderIds, unitIds, lookup });
  addCollectiveMembersByKind(tx, { yearId: year.id, now: Date.now() });
}
