import "server-only";
import type { PeriodRow } from "@/db/queries/periods";
import { listReportNotes } from "@/db/queries/report-board";
import { listUnitParts } from "@/db/queries/report-parts";
import { subjectKindId, subjectOfRow } from "@/db/queries/report-subject";
import { listSubjectQuarters } from "@/db/queries/status-board";
import { subjectDueIn } from "@/db/queries/subjects";
import { canDraft } from "@/lib/periods";
import { subjectKey } from "@/lib/subject";
import { leadDuty, unitReporting } from "@/lib/unit-reporting";
import { needsAction, todoGroup, type TodoGroup } from "@/lib/unit-todo";
import type { TaskCardItem } from "./_components/task-card";

export type TodoEntry = TaskCardItem & { group: TodoGroup | null };

/**
 * Every subject the unit leads × every quarter that has started, with the unit's own duty on it
 * (compile the report, or send its part) and the to-do group that follows (lib/unit-todo.ts).
 */
export function listUnitTodo({
  unitId,
  periods,
  current,
  today,
}: {
  unitId: number;
  periods: PeriodRow[];
  current: PeriodRow | null;
  today: string;
}): TodoEntry[] {
  const started = periods.filter((p) => canDraft(p, today));
  if (started.length === 0) return [];
  // A 督办事项 is on the list only in the quarters it reports in (its time limit decides them).
  const quarters = listSubjectQuarters({ periods: started, asOf: today, today, filter: { yearId: started[0]!.yearId, leadUnitId: unitId } }).filter(
    (q) => q.subject.kind !== "item" || subjectDueIn(q.subject, q.period),
  );
  const partKey = (p: { taskId: number | null; projectId: number | null; itemId: number | null }) => {
    const { kind, subjectId } = subjectKindId(subjectOfRow(p));
    return `${kind}:${subjectId}`;
  };
  const parts = new Map(listUnitParts({ unitId, periodIds: started.map((p) => p.id) }).map((p) => [`${partKey(p)}@${p.periodId}`, p]));
  const notes = new Map(
    started.map((p) => {
      const here = quarters.filter((q) => q.period.id === p.id);
      return [
        p.id,
        listReportNotes({
          periodId: p.id,
          taskIds: here.filter((q) => q.subject.kind === "task").map((q) => q.subject.id),
          projectIds: here.filter((q) => q.subject.kind === "project").map((q) => q.subject.id),
          itemIds: here.filter((q) => q.subject.kind === "item").map((q) => q.subject.id),
        }),
      ];
    }),
  );
  return quarters.map((quarter) => {
    const duty = leadDuty(quarter.subject.leadUnitIds, unitId) ?? "compile";
    const part = parts.get(`${quarter.subject.kind}:${quarter.subject.id}@${quarter.period.id}`) ?? null;
    const own = unitReporting({
      duty,
      subject: { lamp: quarter.status.reporting, daysLate: quarter.status.daysLate },
      period: quarter.period,
      partFirstSubmittedAt: part?.firstSubmittedAt ?? null,
      asOf: today,
    });
    const group = todoGroup(
      { duty, periodCode: quarter.period.code, reportState: quarter.reportState, reporting: own.lamp, partStatus: part?.status ?? null },
      current?.code ?? null,
    );
    return { quarter, note: notes.get(quarter.period.id)?.get(subjectKey(quarter.subject)), duty, partStatus: part?.status ?? null, group };
  });
}

/** Per quarter code: how many entries need action (the quarter tabs' counts). */
export function openCounts(entries: readonly TodoEntry[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of entries) if (needsAction(e.group)) out.set(e.quarter.period.code, (out.get(e.quarter.period.code) ?? 0) + 1);
  return out;
}
