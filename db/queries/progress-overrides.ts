import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { OverrideColor } from "@/lib/vocabulary";
import type { Tx } from "../client";
import { progressOverrides } from "../schema";
import { refreshQuarterStatus } from "../status/store";
import type { StatusKey } from "../status/inputs";

// The 督查室's setting of a quarter's 进度 lamp: an append-only list per subject's quarter,
// so any past day's lamp can be recomputed; the latest entry is in force.

export interface OverrideEntry {
  id: number;
  color: OverrideColor | null;
  reason: string;
  byId: number;
  at: number;
}

/** The entry in force (null when never set); a null colour means it was cleared. */
export function getProgressOverride(tx: Pick<Tx, "select">, key: StatusKey): OverrideEntry | null {
  return (
    tx
      .select({
        id: progressOverrides.id,
        color: progressOverrides.color,
        reason: progressOverrides.reason,
        byId: progressOverrides.byId,
        at: progressOverrides.at,
      })
      .from(progressOverrides)
      .where(and(eq(progressOverrides.periodId, key.periodId), eq(progressOverrides.subjectKind, key.kind), eq(progressOverrides.subjectId, key.subjectId)))
      .orderBy(desc(progressOverrides.at), desc(progressOverrides.id))
      .limit(1)
      .get() ?? null
  );
}

/** Sets (colour) or clears (null) the override from `at` on, and recomputes the quarter's judgement. */
export function setProgressOverride(tx: Tx, key: StatusKey, entry: { color: OverrideColor | null; reason: string; byId: number; at: number }): void {
  tx.insert(progressOverrides)
    .values({ subjectKind: key.kind, subjectId: key.subjectId, periodId: key.periodId, ...entry })
    .run();
  refreshQuarterStatus(tx, key, entry.at);
}
