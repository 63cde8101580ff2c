import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import { getDb } from "../client";
import { leaders } from "../schema";

/** The gazette's title of the city's mayor (leaders.title). */
export const MAYOR_TITLE = "市长";

/** The leader record(s) holding the 市长 title: copied on every escalation. */
export function findMayorLeaderIds(): number[] {
  return getDb()
    .select({ id: leaders.id })
    .from(leaders)
    .where(eq(leaders.title, MAYOR_TITLE))
    .all()
    .map((l) => l.id);
}

/** Names of the given leaders, each once, in the gazette's order. */
export function leaderNames(ids: readonly number[]): string[] {
  if (ids.length === 0) return [];
  return getDb()
    .select({ name: leaders.name })
    .from(leaders)
    .where(inArray(leaders.id, [...new Set(ids)]))
    .orderBy(asc(leaders.position))
    .all()
    .map((l) => l.name);
}
