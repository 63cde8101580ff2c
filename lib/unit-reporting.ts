// A subject's quarter has one pair of lamps (lib/quarter-status.ts). When several units lead
// it, the first-listed one compiles and submits the report and every other one sends its own
// part; each unit's own 报送 record is then what it did: the compiler's is the subject's
// 报送 lamp, a co-lead's is judged by the same calendar rule on its part's first submission.
// Every count of reports per unit (submission matrix, dashboard, /my) goes through here.
import { dayOfTimestamp } from "./periods";
import { judgeReporting } from "./quarter-status";
import type { PeriodLike } from "./periods";
import type { ReportingLamp } from "./vocabulary";

export type LeadDuty = "compile" | "part";

/** The unit that compiles and submits the report: the first-listed lead unit. */
export function compilerOf(leadUnitIds: readonly number[]): number | null {
  return leadUnitIds[0] ?? null;
}

/** What a unit owes on a subject it leads; null when it does not lead it. */
export function leadDuty(leadUnitIds: readonly number[], unitId: number | null): LeadDuty | null {
  if (unitId === null || !leadUnitIds.includes(unitId)) return null;
  return compilerOf(leadUnitIds) === unitId ? "compile" : "part";
}

export interface UnitReporting {
  lamp: ReportingLamp;
  daysLate: number;
}

/**
 * The unit's own 报送 on a subject's quarter as known at the end of `asOf`: the subject's lamp
 * for the compiler; for a co-lead, its part's first submission against the same due day.
 */
export function unitReporting({
  duty,
  subject,
  period,
  partFirstSubmittedAt,
  asOf,
}: {
  duty: LeadDuty;
  subject: UnitReporting;
  period: PeriodLike;
  partFirstSubmittedAt: number | null;
  asOf: string;
}): UnitReporting {
  if (duty === "compile") return { lamp: subject.lamp, daysLate: subject.daysLate };
  const day = partFirstSubmittedAt === null ? null : dayOfTimestamp(partFirstSubmittedAt);
  const judged = judgeReporting({ period, required: true, firstSubmittedDay: day !== null && day <= asOf ? day : null }, asOf);
  return { lamp: judged.lamp, daysLate: judged.daysLate };
}

export interface LeadUnitReporting extends UnitReporting {
  unit: string;
}

/**
 * Each lead unit's own 报送 on a subject's quarter, in gazette order: the compiler (listed first)
 * by the report, every co-lead unit by its own part (`partFirstSubmittedAt`, by unit name), never
 * by the compiler's filing. Every per-unit count (督查室 填报情况, 通报) reads this.
 */
export function leadUnitsReporting({
  leadUnits,
  subject,
  period,
  partFirstSubmittedAt,
  asOf,
}: {
  leadUnits: readonly string[];
  subject: UnitReporting;
  period: PeriodLike;
  partFirstSubmittedAt: ReadonlyMap<string, number>;
  asOf: string;
}): LeadUnitReporting[] {
  return leadUnits.map((unit, i) => ({
    unit,
    ...unitReporting({ duty: i === 0 ? "compile" : "part", subject, period, partFirstSubmittedAt: partFirstSubmittedAt.get(unit) ?? null, asOf }),
  }));
}
