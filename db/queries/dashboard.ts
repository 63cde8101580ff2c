import "server-only";
import type { DashboardTask } from "@/lib/dashboard";
import type { NoticeDisplayState } from "@/lib/notice-state";
import { subjectQuarterAt, type SubjectQuarter } from "@/lib/overdue";
import type { PeriodLike } from "@/lib/periods";
import type { ProjectProgressData } from "./project-progress";
import { loadSupervisionFacts, projectKey, type SupervisionFacts } from "./supervision";

// The 领导驾驶舱's data, as known at the end of the "as of" day, from the same facts the
// 督查室's lists use (db/queries/supervision.ts: a fixed handful of set-based queries
// whatever the number of tasks). Every colour is lib/rag.ts's, or the 督查室's override,
// via lib/overdue.ts subjectQuarterAt, so the two screens never disagree.

function taskRow(facts: SupervisionFacts, subject: SupervisionFacts["subjects"][number], period: PeriodLike, previous: PeriodLike | null): DashboardTask {
  const now = subjectQuarterAt(facts, subject.key, period);
  const before = previous ? subjectQuarterAt(facts, subject.key, previous) : null;
  const reasons = now.override ? [`督查室认定：${now.override.reason}`, ...now.status.reasons] : now.status.reasons;
  return {
    no: subject.no,
    target: subject.title,
    section: subject.section,
    sectionPosition: subject.sectionPosition,
    leaders: subject.leaders,
    leadUnits: subject.leadUnits,
    rag: now.rag,
    reasons,
    late: now.status.late,
    reportStatus: now.report.state,
    onTime: now.report.firstSubmittedAt !== null && !now.status.late,
    done: now.report.latest?.content.selfStatus === "done",
    previousRag: before?.rag ?? null,
  };
}

export interface DashboardProject {
  data: ProjectProgressData;
  quarter: SubjectQuarter;
}

export interface DashboardNotice {
  id: number;
  title: string;
  taskNo: number;
  taskTarget: string;
  problem: string;
  deadline: string;
  state: NoticeDisplayState;
  escalated: boolean;
  units: string[];
}

export interface DashboardData {
  tasks: DashboardTask[];
  projects: DashboardProject[];
  /** 督办 still open at the end of the day, escalated ones first. */
  openDuban: DashboardNotice[];
}

export function loadDashboard({ period, previous, asOf }: { period: PeriodLike; previous: PeriodLike | null; asOf: string }): DashboardData {
  const facts = loadSupervisionFacts({ asOf });
  const tasks = facts.subjects.filter((s) => s.kind === "task").map((s) => taskRow(facts, s, period, previous));
  const projects = facts.projects.map((data) => ({ data, quarter: subjectQuarterAt(facts, projectKey(data.no), period) }));
  const openDuban = facts.noticeRegister
    .flatMap((n): DashboardNotice[] =>
      n.level === "duban" && n.taskNo !== null && (n.stateAsOf === "sent" || n.stateAsOf === "overdue" || n.stateAsOf === "replied")
        ? [
            {
              id: n.id,
              title: n.title,
              taskNo: n.taskNo,
              taskTarget: n.taskTarget ?? "",
              problem: n.problem,
              deadline: n.deadlineAsOf,
              state: n.stateAsOf,
              escalated: n.escalatedAsOf,
              units: n.units.map((u) => u.name),
            },
          ]
        : [],
    )
    .sort((a, b) => Number(b.escalated) - Number(a.escalated) || (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0));
  return { tasks, projects, openDuban };
}
