import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { pickProgrammeYear, type ProgrammeYear } from "@/lib/programme-year";
import { getDb, type Tx } from "../client";
import { programmeYears } from "../schema";

export function listProgrammeYears(): ProgrammeYear[] {
  return getDb()
    .select({ id: programmeYears.id, year: programmeYears.year, closed: sql<boolean>`${programmeYears.closedAt} is not null`.mapWith(Boolean) })
    .from(programmeYears)
    .orderBy(asc(programmeYears.year))
    .all();
}

/** The programme year to work in (lib/programme-year.ts decides), or null when none is loaded. */
export function resolveProgrammeYear({ today, requested }: { today: string; requested?: number | null }): ProgrammeYear | null {
  return pickProgrammeYear(listProgrammeYears(), today, requested);
}

export function getProgrammeYear({ year }: { year: number }) {
  return getDb().select().from(programmeYears).where(eq(programmeYears.year, year)).get();
}

/** Closes (read-only from then on: the closed-year triggers) or reopens a year. */
export function setYearClosed(tx: Tx, { year, closed, byId, now }: { year: number; closed: boolean; byId: number; now: number }): boolean {
  return (
    tx
      .update(programmeYears)
      .set(closed ? { closedAt: now, closedById: byId } : { closedAt: null, closedById: null })
      .where(eq(programmeYears.year, year))
      .run().changes === 1
  );
}
