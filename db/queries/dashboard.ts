import "server-only";
import type { DashboardRow } from "@/lib/dashboard";
import type { NoticeDisplayState } from "@/lib/notice-state";
import { subjectKey, type SubjectRef } from "@/lib/subject";
import { listNoticesAsOf } from "./notices";
import type { PeriodRow } from "./periods";
import { listProjectProgress, type ProjectProgressData } from "./project-progress";
import { bySubject, listSubjectQuarters } from "./status-board";
import type { Subject } from "./subjects";

// The 领导驾驶舱's data as known at the end of the "as of" day: each subject's two lamps
// for the quarter and the previous one (db/queries/status-board.ts, the same read every
// other screen uses), the project panels and the open 督办 on tasks and projects alike.

export interface DashboardNotice {
  id: number;
  title: string;
  subject: SubjectRef & { title: string };
  problem: string;
  deadline: string;
  state: NoticeDisplayState;
  escalated: boolean;
  units: string[];
}

export interface DashboardData {
  rows: (DashboardRow & { subject: Subject })[];
  projects: { data: ProjectProgressData; row: DashboardRow }[];
  /** 督办 still open at the end of the day, escalated ones first. */
  openDuban: DashboardNotice[];
}

export function loadDashboard({
  period,
  previous,
  asOf,
  today,
}: {
  period: PeriodRow;
  previous: PeriodRow | null;
  asOf: string;
  today: string;
}): DashboardData {
  const quarters = listSubjectQuarters({ periods: previous ? [previous, period] : [period], asOf, today, filter: { yearId: period.yearId } });
  const rows: DashboardData["rows"] = [];
  for (const byCode of bySubject(quarters).values()) {
    const now = byCode.get(period.code);
    if (!now) continue;
    const before = previous ? byCode.get(previous.code) : undefined;
    rows.push({
      subject: now.subject,
      status: now.status,
      reportState: now.reportState,
      previous: before ? before.status.progress : null,
      leadReporting: now.leadReporting,
    });
  }
  const rowByKey = new Map(rows.map((r) => [subjectKey(r.subject), r]));
  const projects = listProjectProgress({ yearId: period.yearId, asOf }).flatMap((data) => {
    const row = rowByKey.get(subjectKey({ kind: "project", no: data.no }));
    return row ? [{ data, row }] : [];
  });
  const openDuban = listNoticesAsOf({ asOf, today, yearId: period.yearId })
    .flatMap((n): DashboardNotice[] => {
      const open = n.stateAsOf === "sent" || n.stateAsOf === "overdue" || n.stateAsOf === "replied";
      if (n.level !== "duban" || !open) return [];
      const subject =
        n.taskNo !== null
          ? { kind: "task" as const, no: n.taskNo, title: n.taskTarget ?? "" }
          : n.projectNo !== null
            ? { kind: "project" as const, no: n.projectNo, title: n.projectName ?? "" }
            : null;
      if (!subject) return [];
      return [
        {
          id: n.id,
          title: n.title,
          subject,
          problem: n.problem,
          deadline: n.deadlineAsOf,
          state: n.stateAsOf,
          escalated: n.escalatedAsOf,
          units: n.units.map((u) => u.name),
        },
      ];
    })
    .sort((a, b) => Number(b.escalated) - Number(a.escalated) || (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0));
  return { rows, projects, openDuban };
}
