import "server-only";
import { and, inArray, isNotNull } from "drizzle-orm";
import { getDb } from "../client";
import { reports } from "../schema";
import { subjectPeriodKey } from "./report-parts";
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
  const lateNotes = listLateNotes({ periodIds: periods.map((p) => p.id) });
  const rows: OverdueSubjectRow[] = [];
  for (const byCode of bySubject(quarters).values()) {
    const list = periods.flatMap((p) => {
      const q = byCode.get(p.code);
      if (!q) return [];
      const lateNote = lateNotes.get(`${q.subject.kind}:${q.subject.id}:${p.id}`) ?? null;
      return [{ periodCode: p.code, status: q.status, reportState: q.reportState, lateNote }];
    });
    const first = byCode.values().next().value;
    if (first) rows.push({ subject: first.subject, quarters: list });
  }
  return { rows, quarters };
}

/** The 逾期说明 of reports submitted late, by "task:<id>:<periodId>" (project:, item:). */
function listLateNotes({ periodIds }: { periodIds: readonly number[] }): Map<string, string> {
  if (periodIds.length === 0) return new Map();
  const rows = getDb()
    .select({ taskId: reports.taskId, projectId: reports.projectId, itemId: reports.itemId, periodId: reports.periodId, lateNote: reports.lateNote })
    .from(reports)
    .where(and(inArray(reports.periodId, [...periodIds]), isNotNull(reports.lateNote), isNotNull(reports.submittedAt)))
    .all();
  return new Map(rows.map((r) => [subjectPeriodKey(r), r.lateNote!] as const));
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
