import "server-only";
import { appToday } from "@/app/_lib/today";
import { listPeriods, type PeriodRow } from "@/db/queries/periods";
import { dashboardScope, defaultQuarter, drillSearch, parseAsOf, type DrillFilter } from "@/lib/dashboard";
import type { SessionUser } from "@/lib/permissions";
import { previousPeriod } from "@/lib/periods";
import { currentProgrammeYear, linkYear } from "@/app/_lib/programme-year";

type SearchParams = Record<string, string | string[] | undefined>;

const one = (sp: SearchParams, key: string) => {
  const v = sp[key];
  return Array.isArray(v) ? v[0] : v;
};

/** The view state of /dashboard and its drill-down lists, all from the URL. */
export interface DashboardView {
  periods: PeriodRow[];
  period: PeriodRow;
  previous: PeriodRow | null;
  today: string;
  asOf: string;
  /** The leader the page is narrowed to (a 牵头领导 by default), or null for everything. */
  leader: string | null;
  /** True for a 牵头领导, who can switch between their own tasks and all. */
  canNarrow: boolean;
  /** The signed-in leader's name (their tasks are listed first even when showing all). */
  ownLeader: string | null;
  /** The year every link keeps (null: the default year). */
  year: number | null;
  /** Query parameters every link of the page keeps. */
  base: Record<string, string | null>;
}

export async function resolveDashboardView(user: SessionUser, sp: SearchParams): Promise<DashboardView | null> {
  const periods = listPeriods({ yearId: (await currentProgrammeYear()).id });
  const today = appToday();
  const period = periods.find((p) => p.code === one(sp, "quarter")) ?? defaultQuarter(periods, today);
  if (!period) return null;
  const rawAsOf = one(sp, "asOf");
  const asOf = parseAsOf(rawAsOf, today);
  const wantsAll = one(sp, "all") === "1";
  const scope = dashboardScope(user, wantsAll);
  const year = await linkYear();
  return {
    year,
    periods,
    period,
    previous: previousPeriod(periods, period),
    today,
    asOf,
    leader: scope.leader,
    canNarrow: scope.canNarrow,
    ownLeader: scope.canNarrow ? user.leaderName : null,
    base: {
      quarter: period.code,
      asOf: asOf !== today ? asOf : null,
      all: wantsAll && scope.canNarrow ? "1" : null,
      year: year === null ? null : String(year),
    },
  };
}

/** A link to the list behind a figure, keeping the quarter, day and scope. */
export function drillHref(view: DashboardView, filter: Partial<DrillFilter>): string {
  return `/dashboard/tasks${drillSearch(filter, view.base)}`;
}

/** The same page with some view parameters changed. */
export function viewHref(view: DashboardView, path: string, change: Record<string, string | null>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...view.base, ...change })) if (v) params.set(k, v);
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}
