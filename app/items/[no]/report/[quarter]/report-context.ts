import "server-only";
import { getItemByNo, type ItemDetail } from "@/db/queries/items";
import { getPeriodByCode, type PeriodRow } from "@/db/queries/periods";
import { getItemUnitIds, getReportRecord, type ReportRecord } from "@/db/queries/reports";
import { parseQuarterCode } from "@/lib/periods";
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
}

/** A 督办事项's quarter, or null when the item or the quarter does not exist. */
export function loadItemReportContext(no: number, code: string): ItemReportContext | null {
  if (!parseQuarterCode(code)) return null;
  // The quarter decides the programme year; items are numbered afresh every year.
  const period = getPeriodByCode({ code });
  const item = period ? getItemByNo({ yearId: period.yearId, no }) : null;
  if (!item || !period) return null;
  return {
    item,
    period,
    report: getReportRecord({ subject: { itemId: item.id }, periodId: period.id }),
    due: itemReportsIn(item, period),
    leadUnitIds: item.leadUnits.map((u) => u.id),
    coopUnitIds: getItemUnitIds({ itemId: item.id }).coopUnitIds,
  };
}
