// Pure rules of the 督办事项: which source a URL asks for, and the one wording of an item's
// time limit that every screen and export shows (never a date nobody printed or set).
import { formatChineseDate } from "./format-date";
import {
  ITEM_CADENCE_LABEL,
  ITEM_SOURCES,
  NO_DEADLINE_LABEL,
  SUPERVISION_SOURCES,
  type ItemCadence,
  type ItemSource,
  type SupervisionSource,
} from "./vocabulary";

const first = (raw: string | string[] | null | undefined) => (Array.isArray(raw) ? raw[0] : raw) ?? "";

/** `?source=` of a 督办 screen: one of SUPERVISION_SOURCES, anything else is 全部 (null). */
export function parseSourceParam(raw: string | string[] | null | undefined): SupervisionSource | null {
  const value = first(raw);
  return (SUPERVISION_SOURCES as readonly string[]).includes(value) ? (value as SupervisionSource) : null;
}

/** The 督办事项 source a filter means, or null when it means tasks / projects / 全部. */
export function itemSourceOf(source: SupervisionSource | null): ItemSource | null {
  return source && (ITEM_SOURCES as readonly string[]).includes(source) ? (source as ItemSource) : null;
}

/** "限期 2026年12月31日前完成" · "按月推进" · "未明确时限，由督查室确定". */
export function itemTimeLimit(item: { cadence: ItemCadence | null; deadline: string | null }): string {
  if (item.cadence === "once" && item.deadline) return `限期 ${formatChineseDate(item.deadline)}前完成`;
  if (item.cadence === "monthly" || item.cadence === "quarterly") return ITEM_CADENCE_LABEL[item.cadence];
  return NO_DEADLINE_LABEL;
}

/** An item's 编号 from the URL: digits only, within a sane range. */
export function parseItemNo(raw: string): number | null {
  return /^\d{1,4}$/.test(raw) ? Number(raw) : null;
}

/** Why a quarter of an item cannot be reported (see itemReportsIn). */
export const ITEM_NOT_DUE_MESSAGE = "本事项本季度无需报送：尚未明确时限、本季度在事项交办（或明确时限）之前、已过完成时限所在季度，或通过所关联的重点任务报送";

/**
 * Whether an item reports in a quarter. Nothing is due before the quarter the item was given
 * in (`dueFrom`: the meeting's or plan's date, the 批示's day, or the day the 督查室 set a time
 * limit the source did not print), so a 领导交办 of November is not 逾期未报 for March. From
 * then on monthly and quarterly items report every quarter; a one-off item reports up to the
 * quarter that contains its deadline; an item without a time limit (未明确时限) reports nowhere
 * until the 督查室 sets one, and one that repeats a key task is reported through that task.
 */
export function itemReportsIn(
  item: { cadence: ItemCadence | null; deadline: string | null; linkedTaskNo: number | null; dueFrom: string | null },
  period: { startsOn: string; endsOn: string },
): boolean {
  if (item.linkedTaskNo !== null) return false;
  if (item.dueFrom !== null && period.endsOn < item.dueFrom) return false;
  if (item.cadence === "monthly" || item.cadence === "quarterly") return true;
  if (item.cadence === "once" && item.deadline) return period.startsOn <= item.deadline;
  return false;
}
