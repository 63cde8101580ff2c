import "server-only";
import { asc, sql } from "drizzle-orm";
import { pickProgrammeYear, type ProgrammeYear } from "@/lib/programme-year";
import { getDb } from "../client";
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
