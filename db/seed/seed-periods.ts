// Creates Q1–Q4 of a programme year with the default due dates (5th day after each
// quarter). Idempotent: existing periods are left alone, so an admin's changed due
// date survives re-seeding.
import { eq } from "drizzle-orm";
import { defaultPeriods } from "@/lib/periods";
import type { Db } from "../client";
import { periods, programmeYears } from "../schema";

export function seedPeriods(db: Db, { year }: { year: number }): { created: number } {
  return db.transaction(
    (tx) => {
      const yearRow = tx.select({ id: programmeYears.id }).from(programmeYears).where(eq(programmeYears.year, year)).get();
      if (!yearRow) throw new Error(`未找到 ${year} 年度的工作任务，无法创建季度填报期`);
      let created = 0;
      for (const p of defaultPeriods(year)) {
        const r = tx
          .insert(periods)
          .values({ yearId: yearRow.id, quarter: p.quarter, code: p.code, startsOn: p.startsOn, endsOn: p.endsOn, dueOn: p.dueOn })
          .onConflictDoNothing()
          .run();
        created += r.changes;
      }
      return { created };
    },
    { behavior: "immediate" },
  );
}
