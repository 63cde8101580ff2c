// `npm run db:seed`: idempotent. Loads the gazette programme only when its year is
// absent, and adds missing accounts/periods only, so nothing users entered is touched.
import { and, eq, isNull } from "drizzle-orm";
import { env } from "@/lib/env";
import { openDatabase, type Db, type Tx } from "../client";
import { addCollectiveMembersByKind } from "../collective-members";
import { itemMetricWriter, loadItems } from "../data-file/items";
import { loadProgramme, lookup, type ProgrammeData } from "../data-file/programme";
import { itemMetrics, leaders, livelihoodProjects, programmeYears, sourceDocuments, supervisionItems, tasks, units } from "../schema";
import { gazetteProgramme } from "./gazette-programme";
import { seedPeriods } from "./seed-periods";
import { seedUsers } from "./seed-users";

export interface SeedSummary {
  programmeLoaded: boolean;
  periodsCreated: number;
  usersCreated: number;
}

/**
 * What later versions of the seed derive for a year loaded before them: the plain 待核实
 * explanations (only where none is stored) and the "各…" memberships by unit kind (only the
 * missing ones). Neither is something users edit, so nothing they entered is touched.
 */
function completeProgramme(tx: Tx, programme: ProgrammeData): void {
  const year = tx.select({ id: programmeYears.id }).from(programmeYears).where(eq(programmeYears.year, programme.year.year)).get();
  if (!year) return;
  for (const t of programme.tasks) {
    if (!t.verificationNote) continue;
    tx.update(tasks)
      .set({ verificationNote: t.verificationNote })
      .where(and(eq(tasks.yearId, year.id), eq(tasks.no, t.no), isNull(tasks.verificationNote)))
      .run();
  }
  for (const p of programme.livelihoodProjects) {
    if (!p.verificationNote) continue;
    tx.update(livelihoodProjects)
      .set({ verificationNote: p.verificationNote })
      .where(and(eq(livelihoodProjects.yearId, year.id), eq(livelihoodProjects.no, p.no), isNull(livelihoodProjects.verificationNote)))
      .run();
  }
  completeItems(tx, programme, year.id);
  completeItemMetrics(tx, programme, year.id);
  addCollectiveMembersByKind(tx, { yearId: year.id, now: Date.now() });
}

/**
 * A year loaded before the 督办事项 existed gets the curated ones (with the source documents and
 * units they name), once: when the year has none yet. Items users created come after them.
 */
function completeItems(tx: Tx, programme: ProgrammeData, yearId: number): void {
  if (tx.select({ id: supervisionItems.id }).from(supervisionItems).where(eq(supervisionItems.yearId, yearId)).get()) return;
  for (const d of programme.sourceDocuments) tx.insert(sourceDocuments).values(d).onConflictDoNothing().run();
  const nextUnit = (tx.select({ id: units.id }).from(units).all().length ?? 0) + 1;
  programme.units.forEach((u, i) =>
    tx
      .insert(units)
      .values({ name: u.name, kind: u.kind, position: nextUnit + i })
      .onConflictDoNothing()
      .run(),
  );
  const ids = <T extends { id: number; key: string }>(rows: T[]) => new Map(rows.map((r) => [r.key, r.id]));
  loadItems(tx, programme.supervisionItems, {
    yearId,
    docIds: ids(tx.select({ id: sourceDocuments.id, key: sourceDocuments.key }).from(sourceDocuments).all()),
    leaderIds: ids(tx.select({ id: leaders.id, key: leaders.name }).from(leaders).all()),
    unitIds: ids(tx.select({ id: units.id, key: units.name }).from(units).all()),
    lookup,
  });
}

/**
 * The curated metrics of the gazette's items, for a year whose items were loaded before they
 * were curated: only an item still as printed (same 编号, source and text) and without any.
 */
function completeItemMetrics(tx: Tx, programme: ProgrammeData, yearId: number): void {
  const stored = new Map(
    tx
      .select({ id: supervisionItems.id, no: supervisionItems.no, source: supervisionItems.source, text: supervisionItems.text })
      .from(supervisionItems)
      .where(eq(supervisionItems.yearId, yearId))
      .all()
      .map((i) => [i.no, i]),
  );
  const withMetrics = new Set(
    tx
      .selectDistinct({ itemId: itemMetrics.itemId })
      .from(itemMetrics)
      .all()
      .map((m) => m.itemId),
  );
  const add = itemMetricWriter(tx, yearId, lookup);
  for (const it of programme.supervisionItems) {
    const row = stored.get(it.no);
    if (!it.metrics.length || !row || row.source !== it.source || row.text !== it.text || withMetrics.has(row.id)) continue;
    add(row.id, it);
  }
}

export async function seedAll(db: Db): Promise<SeedSummary> {
  const programme = gazetteProgramme();
  const programmeLoaded = db.transaction(
    (tx) => {
      if (tx.select().from(programmeYears).where(eq(programmeYears.year, programme.year.year)).get()) {
        completeProgramme(tx, programme);
        return false;
      }
      loadProgramme(tx, programme);
      return true;
    },
    { behavior: "immediate" },
  );
  const periods = seedPeriods(db, { year: programme.year.year });
  const users = await seedUsers(db, { initialPassword: env.INITIAL_PASSWORD });
  return { programmeLoaded, periodsCreated: periods.created, usersCreated: users.created.length };
}

async function main() {
  const db = openDatabase(env.databasePath);
  try {
    const summary = await seedAll(db);
    console.log(summary.programmeLoaded ? "已写入 2026 年度重点工作任务与民生实事。" : "重点工作任务已存在，未改动。");
    console.log(`新增填报周期 ${summary.periodsCreated} 个，新增账号 ${summary.usersCreated} 个。`);
  } finally {
    db.$client.close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error("种子数据写入失败：", error);
    process.exit(1);
  });
}
