// Where a collective descriptor of a gazette row (lib/collective-units.ts) reaches real units:
// stored per subject in collective_members, so pages read memberships instead of re-deriving
// them. "各…" descriptors are resolved by unit kind when the programme is loaded (and for a
// database loaded before this existed, by the seed); "相关…" ones when someone names a unit.
import { and, eq, exists, inArray, isNull, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { candidatesFor, collectiveRule, membershipsByKind, type RegistryUnit } from "@/lib/collective-units";
import { SUBJECT_KINDS, type SubjectKind } from "@/lib/vocabulary";
import type { Tx } from "./client";
import { collectiveMembers, itemUnits, livelihoodProjects, projectUnits, supervisionItems, tasks, taskUnits, units } from "./schema";

type Reader = Pick<Tx, "select" | "selectDistinct">;

interface RowUnit {
  subjectId: number;
  unitId: number;
  name: string;
  kind: RegistryUnit["kind"];
}

/** Every unit on each subject's row (lead, 配合, 相关责任), by subject id; only `subjectId`'s when given. */
function rowUnits(db: Reader, kind: SubjectKind, yearId: number, subjectId?: number): Map<number, RowUnit[]> {
  const one = (column: AnyColumn) => (subjectId === undefined ? undefined : eq(column, subjectId));
  const rows: RowUnit[] =
    kind === "task"
      ? db
          .select({ subjectId: taskUnits.taskId, unitId: units.id, name: units.name, kind: units.kind })
          .from(taskUnits)
          .innerJoin(units, eq(units.id, taskUnits.unitId))
          .innerJoin(tasks, eq(tasks.id, taskUnits.taskId))
          .where(and(eq(tasks.yearId, yearId), one(taskUnits.taskId)))
          .all()
      : kind === "project"
        ? db
            .select({ subjectId: projectUnits.projectId, unitId: units.id, name: units.name, kind: units.kind })
            .from(projectUnits)
            .innerJoin(units, eq(units.id, projectUnits.unitId))
            .innerJoin(livelihoodProjects, eq(livelihoodProjects.id, projectUnits.projectId))
            .where(and(eq(livelihoodProjects.yearId, yearId), one(projectUnits.projectId)))
            .all()
        : db
            .select({ subjectId: itemUnits.itemId, unitId: units.id, name: units.name, kind: units.kind })
            .from(itemUnits)
            .innerJoin(units, eq(units.id, itemUnits.unitId))
            .innerJoin(supervisionItems, eq(supervisionItems.id, itemUnits.itemId))
            .where(and(eq(supervisionItems.yearId, yearId), one(itemUnits.itemId)))
            .all();
  const out = new Map<number, RowUnit[]>();
  for (const r of rows) out.set(r.subjectId, [...(out.get(r.subjectId) ?? []), r]);
  return out;
}

/** The unit registry in its order (the candidates a descriptor may reach). */
export function registryUnits(db: Reader): RegistryUnit[] {
  return db.select({ id: units.id, name: units.name, kind: units.kind }).from(units).orderBy(units.position, units.id).all();
}

/**
 * Adds the memberships every "各…" descriptor of the year's tasks, projects and 督办事项 gives
 * by unit kind ("各镇（街道）" as an item's 配合单位 reaches every 镇街), or of one subject
 * when `only` names it (an item just made by hand). Idempotent: a membership already stored
 * (even one the 督查室 removed) is left as it is. Returns how many were added.
 */
export function addCollectiveMembersByKind(
  tx: Tx,
  { yearId, now, only }: { yearId: number; now: number; only?: { kind: SubjectKind; subjectId: number } },
): number {
  const registry = registryUnits(tx);
  let added = 0;
  for (const kind of only ? [only.kind] : SUBJECT_KINDS) {
    for (const [subjectId, onRowUnits] of rowUnits(tx, kind, yearId, only?.subjectId)) {
      const onRow = new Set(onRowUnits.map((u) => u.unitId));
      for (const descriptor of onRowUnits.filter((u) => u.kind === "群体描述")) {
        for (const m of membershipsByKind(descriptor.name, registry, onRow)) {
          added += tx
            .insert(collectiveMembers)
            .values({
              subjectKind: kind,
              subjectId,
              descriptorUnitId: descriptor.unitId,
              unitId: m.unitId,
              basis: "kind",
              needsVerification: m.needsVerification,
              note: m.note,
              addedAt: now,
            })
            .onConflictDoNothing()
            .run().changes;
        }
      }
    }
  }
  return added;
}

/** The units (not removed) each subject reaches through its descriptors, by subject id. */
export function collectiveMemberIds(db: Reader, { kind, subjectIds }: { kind: SubjectKind; subjectIds: readonly number[] }): Map<number, number[]> {
  const out = new Map<number, number[]>();
  if (subjectIds.length === 0) return out;
  const rows = db
    .select({ subjectId: collectiveMembers.subjectId, unitId: collectiveMembers.unitId })
    .from(collectiveMembers)
    .where(and(eq(collectiveMembers.subjectKind, kind), inArray(collectiveMembers.subjectId, [...subjectIds]), isNull(collectiveMembers.removedAt)))
    .all();
  for (const r of rows) {
    const list = out.get(r.subjectId) ?? [];
    if (!list.includes(r.unitId)) list.push(r.unitId);
    out.set(r.subjectId, list);
  }
  return out;
}

/**
 * Where the subject in `subjectId` (a query's id column) reaches the unit through a descriptor
 * (not removed): a correlated EXISTS, so a query kept to one year looks up only that year's
 * subjects instead of listing the unit's memberships of every year.
 */
export function reachesUnit(db: Reader, { kind, unitId, subjectId }: { kind: SubjectKind; unitId: number; subjectId: AnyColumn }): SQL {
  return exists(
    db
      .select({ one: sql`1` })
      .from(collectiveMembers)
      .where(
        and(
          eq(collectiveMembers.unitId, unitId),
          eq(collectiveMembers.subjectKind, kind),
          isNull(collectiveMembers.removedAt),
          eq(collectiveMembers.subjectId, subjectId),
        ),
      ),
  );
}

/** A "相关…" descriptor of a subject's row and the units named for it so far, in registry order. */
export interface NamedChoice {
  descriptorUnitId: number;
  descriptor: string;
  chosen: { id: number; name: string }[];
}

/** A named descriptor with the units it may name: what the naming form offers. */
export interface NamedDescriptor extends NamedChoice {
  candidates: { id: number; name: string }[];
}

type SubjectInYear = { kind: SubjectKind; subjectId: number; yearId: number };

const isNamedDescriptor = (u: RowUnit) => u.kind === "群体描述" && collectiveRule(u.name)?.scope === "named";

function choicesOf(db: Reader, kind: SubjectKind, subjectId: number, descriptors: readonly RowUnit[]): NamedChoice[] {
  return descriptors.map((d) => ({
    descriptorUnitId: d.unitId,
    descriptor: d.name,
    chosen: db
      .select({ id: units.id, name: units.name })
      .from(collectiveMembers)
      .innerJoin(units, eq(units.id, collectiveMembers.unitId))
      .where(
        and(
          eq(collectiveMembers.subjectKind, kind),
          eq(collectiveMembers.subjectId, subjectId),
          eq(collectiveMembers.descriptorUnitId, d.unitId),
          isNull(collectiveMembers.removedAt),
        ),
      )
      .orderBy(units.position, units.id)
      .all(),
  }));
}

/**
 * The "相关…" descriptors of one subject with the units named for them: what a subject's page
 * shows. It reads no candidates, so its cost does not grow with the unit registry.
 */
export function listNamedChoices(db: Reader, { kind, subjectId, yearId }: SubjectInYear): NamedChoice[] {
  const onRowUnits = rowUnits(db, kind, yearId, subjectId).get(subjectId) ?? [];
  return choicesOf(db, kind, subjectId, onRowUnits.filter(isNamedDescriptor));
}

/** The same descriptors with every unit each may name (the registry's units of its kinds not already on the row). */
export function listNamedDescriptors(db: Reader, { kind, subjectId, yearId }: SubjectInYear): NamedDescriptor[] {
  const onRowUnits = rowUnits(db, kind, yearId, subjectId).get(subjectId) ?? [];
  const onRow = new Set(onRowUnits.map((u) => u.unitId));
  const registry = registryUnits(db);
  return choicesOf(db, kind, subjectId, onRowUnits.filter(isNamedDescriptor)).map((choice) => ({
    ...choice,
    candidates: candidatesFor(choice.descriptor, registry, onRow).map((u) => ({ id: u.id, name: u.name })),
  }));
}

/**
 * Names the units a "相关…" descriptor reaches on one subject: those listed are added (or
 * restored), the others named before are removed (kept with who removed them). Returns the
 * unit ids before and after, for the audit row.
 */
export function nameCollectiveMembers(
  tx: Tx,
  {
    kind,
    subjectId,
    descriptorUnitId,
    unitIds,
    userId,
    now,
  }: { kind: SubjectKind; subjectId: number; descriptorUnitId: number; unitIds: readonly number[]; userId: number; now: number },
): { before: number[]; after: number[] } {
  const mine = and(
    eq(collectiveMembers.subjectKind, kind),
    eq(collectiveMembers.subjectId, subjectId),
    eq(collectiveMembers.descriptorUnitId, descriptorUnitId),
  );
  const current = tx.select({ unitId: collectiveMembers.unitId, removedAt: collectiveMembers.removedAt }).from(collectiveMembers).where(mine).all();
  const before = current.filter((r) => r.removedAt === null).map((r) => r.unitId);
  const wanted = new Set(unitIds);
  for (const r of current) {
    if (r.removedAt === null && !wanted.has(r.unitId))
      tx.update(collectiveMembers)
        .set({ removedAt: now, removedById: userId })
        .where(and(mine, eq(collectiveMembers.unitId, r.unitId)))
        .run();
    if (r.removedAt !== null && wanted.has(r.unitId))
      tx.update(collectiveMembers)
        .set({ removedAt: null, removedById: null, basis: "named", addedById: userId, addedAt: now })
        .where(and(mine, eq(collectiveMembers.unitId, r.unitId)))
        .run();
  }
  const known = new Set(current.map((r) => r.unitId));
  for (const unitId of wanted) {
    if (!known.has(unitId))
      tx.insert(collectiveMembers).values({ subjectKind: kind, subjectId, descriptorUnitId, unitId, basis: "named", addedById: userId, addedAt: now }).run();
  }
  return { before, after: [...wanted] };
}
