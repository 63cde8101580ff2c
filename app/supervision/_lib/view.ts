import "server-only";
import { appToday } from "@/app/_lib/today";
import type { PeriodRow } from "@/db/queries/periods";
import { defaultQuarter, parseAsOf } from "@/lib/dashboard";

export type SearchParams = Record<string, string | string[] | undefined>;

export const one = (sp: SearchParams, key: string): string | undefined => {
  const v = sp[key];
  return Array.isArray(v) ? v[0] : v;
};

/** The quarter (default: the latest one past due) and the "as of" day (default: today) from the URL. */
export function resolveQuarterView(periods: readonly PeriodRow[], sp: SearchParams) {
  const today = appToday();
  const period = periods.find((p) => p.code === one(sp, "quarter")) ?? defaultQuarter(periods, today);
  return { today, period, asOf: parseAsOf(one(sp, "asOf"), today) };
}
