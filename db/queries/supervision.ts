import "server-only";
import type { NoticeFact, OverdueSubjectRow } from "@/lib/overdue";
import { daysBetween } from "@/lib/periods";
import { subjectKey } from "@/lib/subject";
import type { NoticeAsOf } from "./notices";
import type { PeriodRow } from "./periods";
import { bySubject, listSubjectQuarters, type SubjectQuarter } from "./status-board";
import type { SubjectFilter } from "./subjects";

// What the 督查室's lists are built from: the stored judgements of every quarter of the
// year (db/queries/status-board.ts) and the notice register, as known at the end of a day.

/** Each subject with its year's quarters in order, for lib/overdue.ts. */
export function listOverdueRows({ periods, asOf, today, filter }: { periods: readonly PeriodRow[]; asOf: string; today: string; filter: SubjectFilter }): {
  rows: OverdueSubjectRow[];
  quarters: SubjectQuarter[];
} {
  const quarters = listSubjectQuarters({ periods, asOf, today, filter });
  const rows: OverdueSubjectRow[] = [];
  for (const byCode of bySubject(quarters).values()) {
    const list = periods.flatMap((p) => {
      const q = byCode.get(p.code);
      return q ? [{ periodCode: p.code, status: q.status, reportState: q.reportState }] : [];
    });
    const first = byCode.values().next().value;
    if (first) rows.push({ subject: first.subject, quarters: list });
  }
  return { rows, quarters };
}

/** Notices open on the day (answered or not), by subject key, for "what was asked of whom". */
export function openNoticeFacts(register: readonly NoticeAsOf[], asOf: string): Map<string, NoticeFact[]> {
  const out = new Map<string, NoticeFact[]>();
  for (const n of register) {
    const key = n.taskNo !== null ? subjectKey({ kind: "task", no: n.taskNo }) : n.projectNo !== null ? subjectKey({ kind: "project", no: n.projectNo }) : null;
    if (key === null) continue;
    const state = n.stateAsOf;
    if (state !== "sent" && state !== "overdue" && state !== "replied") continue;
    const fact: NoticeFact = {
      id: n.id,
      title: n.title,
      level: n.level,
      state,
      deadline: n.deadlineAsOf,
      daysOverdue: state === "overdue" ? daysBetween(n.deadlineAsOf, asOf) : 0,
    };
    const list = out.get(key);
    if (list) list.push(fact);
    else out.set(key, [fact]);
  }
  return out;
}
