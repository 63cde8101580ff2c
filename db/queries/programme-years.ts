import "server-only";
import { asc } from "drizzle-orm";
import { pickProgrammeYear, type ProgrammeYear } from "@/lib/programme-year";
import { getDb } from "../client";
import { programmeYears } from "../schema";

export function listProgrammeYears(): ProgrammeYear[] {
  return getDb().select({ id: programmeYears.id, year: programmeYears.year }).from(programmeYears).orderBy(asc(programmeYears.year)).all();
}

/** The programme year to work in (lib/programme-year.ts decides), or null when none is loaded. */
export function resolveProgrammeYear({ today, requested }: { today: string; requested?: number | null }): ProgrammeYear | null {
  return pickProgrammeYear(listProgrammeYears(), today, requested);
}
