import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { programmeYears } from "../schema";

/** The id of a loaded programme year (default: the gazette's 2026), for tests that pass a year to queries. */
export function yearIdOf(db: Pick<Db, "select">, year = 2026): number {
  const row = db.select({ id: programmeYears.id }).from(programmeYears).where(eq(programmeYears.year, year)).get();
  if (!row) throw new Error(`no programme year ${year} in the test database`);
  return row.id;
}
