import "server-only";
import { loadSupervisionFacts } from "@/db/queries/supervision";
import { listLeaders } from "@/db/queries/tasks";
import { buildOverdueList, type OverdueEntry } from "@/lib/overdue";
import { applyOverdueQuery, parseOverdueQuery, type OverdueQuery } from "@/lib/overdue-query";

export interface OverdueView {
  query: OverdueQuery;
  asOf: string;
  today: string;
  /** The rows shown (filters applied), in severity order. */
  entries: OverdueEntry[];
  total: number;
  options: { sections: string[]; leaders: string[]; units: string[] };
}

/** The 逾期与滞后清单 for a URL: the page and the Excel export both read it, so they always agree. */
export function loadOverdueView(params: URLSearchParams | Record<string, string | string[] | undefined>, today: string): OverdueView {
  const query = parseOverdueQuery(params, today);
  const asOf = query.asOf ?? today;
  const facts = loadSupervisionFacts({ asOf });
  const all = buildOverdueList(facts);
  const sections: string[] = [];
  for (const s of facts.subjects) if (!sections.includes(s.section)) sections.push(s.section);
  return {
    query,
    asOf,
    today,
    entries: applyOverdueQuery(all, query),
    total: all.length,
    options: { sections, leaders: listLeaders().map((l) => l.name), units: facts.unitOrder },
  };
}
