import "server-only";
import { getItemByNo, type ItemDetail } from "@/db/queries/items";
import { getPeriodByCode, type PeriodRow } from "@/db/queries/periods";
import { getItemUnitIds, getReportRecord, listEarlierSubmittedValues, listReportVersions, type ReportRecord } from "@/db/queries/reports";
import { metricChecks, type PlausibilityCheck } from "@/lib/plausibility";
import { defaultQuarterPlans } from "@/lib/quarter-targets";
import { appToday } from "@/app/_lib/today";
import { dayOfTimestamp, parseQuarterCode } from "@/lib/periods";
import { judgeMonthlyReporting, type MonthReporting } from "@/lib/quarter-status";
import { itemReportsIn } from "@/lib/supervision-items";

export interface ItemReportContext {
  item: ItemDetail;
  period: PeriodRow;
  report: ReportRecord | null;
  /** False for a quarter the item is not due in (lib/supervision-items.ts itemReportsIn). */
  due: boolean;
  leadUnitIds: number[];
  /** The named 配合单位 and the units a descriptor of the row ("各镇（街道）") reaches. */
  coopUnitIds: number[];
  /** The metrics its report carries: those repeating a key task's are reported through that task. */
  metrics: ItemDetail["metrics"];
  /** Each metric's planned value for this quarter: the 序时进度 default of its target (items set no quarterly plans). */
  plans: Record<number, number>;
  /** What each metric's typed value is checked against, as for a task. */
  checks: PlausibilityCheck[];
  /**
   * A monthly item (按月推进): each month of the quarter as the one status rule judges it today,
   * and the first month begun without a report, which reopens a submitted report for it.
   */
  monthly: { months: MonthReporting[]; owed: MonthReporting | null } | null;
}

/** A 督办事项's quarter, or null when the item or the quarter does not exist. */
export function loadItemReportContext(no: number, code: string): ItemReportContext | null {
  if (!parseQuarterCode(code)) return null;
  // The quarter decides the programme year; items are numbered afresh every year.
  const period = getPeriodByCode({ code });
  const item = period ? getItemByNo({ yearId: period.yearId, no }) : null;
  if (!item || !period) return null;
  const metrics = item.metrics.filter((m) => m.sameAs === null);
  const due = itemReportsIn(item, period);
  return {
    item,
    period,
    report: getReportRecord({ subject: { itemId: item.id }, periodId: period.id }),
    due,
    monthly: due && item.cadence === "monthly" ? monthlyOf(item, period) : null,
    leadUnitIds: item.leadUnits.map((u) => u.id),
    coopUnitIds: getItemUnitIds({ itemId: item.id }).coopUnitIds,
    metrics,
    plans: Object.fromEntries(metrics.map((m) => [m.id, defaultQuarterPlans(m)[period.quarter - 1]!])),
    checks: metricChecks(metrics, listEarlierSubmittedValues({ subject: { itemId: item.id }, yearId: period.yearId, quarter: period.quarter })),
  };
}

function monthlyOf(item: ItemDetail, period: PeriodRow): ItemReportContext["monthly"] {
  const today = appToday();
  const submittedDays = listReportVersions({ subject: { itemId: item.id } })
    .filter((v) => v.periodCode === period.code)
    .map((v) => dayOfTimestamp(v.submittedAt))
    .sort();
  const months = judgeMonthlyReporting({ period, required: true, dueFrom: item.dueFrom, submittedDays }, today).months ?? [];
  return { months, owed: months.find((m) => m.reportedOn === null && m.startsOn <= today) ?? null };
}
