import "server-only";
import { currentProgrammeYear } from "@/app/_lib/programme-year";
import { listNoticesAsOf, type NoticeAsOf } from "@/db/queries/notices";
import { parseAsOf } from "@/lib/dashboard";
import type { NoticeDisplayState } from "@/lib/notice-state";
import { one, type SearchParams } from "../_lib/view";

export const REGISTER_STATES: NoticeDisplayState[] = ["sent", "overdue", "replied", "closed", "superseded"];

export interface NoticeRegister {
  asOf: string;
  today: string;
  state: NoticeDisplayState | null;
  all: NoticeAsOf[];
  shown: NoticeAsOf[];
}

/** The 督办台账 for a URL (状态, 数据截至): the page and its Excel export both read it. */
export async function loadNoticeRegister(sp: SearchParams, today: string): Promise<NoticeRegister> {
  const asOf = parseAsOf(one(sp, "asOf"), today);
  const rawState = one(sp, "state");
  const state = REGISTER_STATES.find((s) => s === rawState) ?? null;
  const all = listNoticesAsOf({ asOf, today, yearId: (await currentProgrammeYear()).id });
  return { asOf, today, state, all, shown: state ? all.filter((n) => n.stateAsOf === state) : all };
}
