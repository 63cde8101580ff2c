import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { PeriodLike } from "@/lib/periods";
import { getDb, type Tx } from "../client";
import { periods, programmeYears } from "../schema";

export interface PeriodRow extends PeriodLike {
  id: number;
  yearId: number;
  year: number;
  quarter: number;
  version: number;
}

const columns = {
  id: periods.id,
  yearId: periods.yearId,
  year: programmeYears.year,
  quarter: periods.quarter,
  code: periods.code,
  startsOn: periods.startsOn,
  endsOn: periods.endsOn,
  dueOn: periods.dueOn,
  version: periods.version,
};

/** The four periods of a programme year, Q1 first. */
export function listPeriods({ yearId }: { yearId: number }): PeriodRow[] {
  return getDb()
    .select(columns)
    .from(periods)
    .innerJoin(programmeYears, eq(programmeYears.id, periods.yearId))
    .where(eq(periods.yearId, yearId))
    .orderBy(asc(periods.quarter))
    .all();
}

export function getPeriodByCode({ code }: { code: string }): PeriodRow | null {
  return getDb().select(columns).from(periods).innerJoin(programmeYears, eq(programmeYears.id, periods.yearId)).where(eq(periods.code, code)).get() ?? null;
}

export type PeriodUpdate = { ok: true; before: { dueOn: string }; after: { dueOn: string; version: number } } | { ok: false };

/** Moves a period's due date if nobody changed it since `expectedVersion` was read. */
export function updatePeriodDueOn(tx: Tx, { periodId, dueOn, expectedVersion }: { periodId: number; dueOn: string; expectedVersion: number }): PeriodUpdate {
  const before = tx.select({ dueOn: periods.dueOn }).from(periods).where(eq(periods.id, periodId)).get();
  if (!before) return { ok: false };
  const updated = tx
    .update(periods)
    .set({ dueOn, version: sql`${periods.version} + 1` })
    .where(and(eq(periods.id, periodId), eq(periods.version, expectedVersion)))
    .run();
  if (updated.changes === 0) return { ok: false };
  return { ok: true, before, after: { dueOn, version: expectedVersion + 1 } };
}
