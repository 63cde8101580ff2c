import "server-only";
import { listNoticesAsOf } from "@/db/queries/notices";
import { listPeriods } from "@/db/queries/periods";
import { listOverdueRows, openNoticeFacts } from "@/db/queries/supervision";
import { listLeaders } from "@/db/queries/tasks";
import { buildOverdueList, type OverdueEntry } from "@/lib/overdue";
import { applyOverdueQuery, parseOverdueQuery, type OverdueQuery } from "@/lib/overdue-query";
import { pageOf, parsePageParam, type ListPage } from "@/lib/pagination";
import { currentProgrammeYear } from "@/app/_lib/programme-year";

/** Entries a page shows: each is a card with its reasons and actions, so fewer than a table's rows. */
export const OVERDUE_PAGE_SIZE = 50;

export interface OverdueView {
  query: OverdueQuery;
  asOf: string;
  today: string;
  /** Every row the filters keep, in severity order (the Excel export takes them all). */
  entries: OverdueEntry[];
  /** The page of `entries` the page shows (?page=). */
  shown: ListPage<OverdueEntry>;
  total: number;
  options: { sections: string[]; leaders: string[]; units: string[] };
}

/** The 逾期与滞后清单 for a URL: the page and the Excel export both read it, so they always agree. */
export async function loadOverdueView(params: URLSearchParams | Record<string, string | string[] | undefined>, today: string): Promise<OverdueView> {
  const query = parseOverdueQuery(params, today);
  const asOf = query.asOf ?? today;
  const { id: yearId } = await currentProgrammeYear();
  const periods = listPeriods({ yearId });
  const { rows } = listOverdueRows({ periods, asOf, today, filter: { yearId } });
  const notices = openNoticeFacts(listNoticesAsOf({ asOf, today, yearId }), asOf);
  const all = buildOverdueList(rows, notices);
  const entries = applyOverdueQuery(all, query);
  const page = parsePageParam(params instanceof URLSearchParams ? params.get("page") : params.page);
  // First-seen order, as the list runs.
  const sections = new Set<string>();
  const units = new Set<string>();
  for (const { subject } of rows) {
    sections.add(subject.section);
    for (const u of subject.leadUnits) units.add(u);
  }
  return {
    query,
    asOf,
    today,
    entries,
    shown: pageOf(entries, page, OVERDUE_PAGE_SIZE),
    total: all.length,
    options: { sections: [...sections], leaders: listLeaders({ yearId }).map((l) => l.name), units: [...units] },
  };
}

/** A new notice's problem text: the subject's reasons as the list shows them (as of `asOf`, or today). */
export async function overdueProblem(subjectKey: string, asOf: string | null, today: string): Promise<string> {
  const view = await loadOverdueView(asOf ? { asOf } : {}, today);
  const entry = view.entries.find((e) => e.subject.key === subjectKey);
  return entry ? entry.reasons.map((r) => r.text).join("；") : "";
}
