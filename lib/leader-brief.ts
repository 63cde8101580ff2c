// The one-page 领导简报 of a 分管领导: the tasks and projects they lead with both lamps, the
// reasons of the red ones, and the open 督办 on them. Pure: rows and notices come in.
import type { QuarterStatus } from "./quarter-status";
import { compareSubjects, type SubjectInfo, type SubjectRef } from "./subject";
import { PROGRESS_RANK } from "./quarter-status";

export interface BriefRow {
  subject: SubjectInfo;
  status: QuarterStatus;
}

export interface BriefNotice {
  id: number;
  title: string;
  subject: SubjectRef;
  deadline: string;
  state: string;
  escalated: boolean;
  units: readonly string[];
}

export interface LeaderBrief<R extends BriefRow, N extends BriefNotice> {
  leader: string;
  /** Red first, then amber, then the rest, each in gazette order. */
  rows: R[];
  red: R[];
  notices: N[];
}

export function leaderBrief<R extends BriefRow, N extends BriefNotice>(leader: string, rows: readonly R[], notices: readonly N[]): LeaderBrief<R, N> {
  const own = rows.filter((r) => r.subject.leaders.includes(leader));
  const keys = new Set(own.map((r) => `${r.subject.kind}:${r.subject.no}`));
  const sorted = [...own].sort((a, b) => PROGRESS_RANK[b.status.progress] - PROGRESS_RANK[a.status.progress] || compareSubjects(a.subject, b.subject));
  return {
    leader,
    rows: sorted,
    red: sorted.filter((r) => r.status.progress === "red"),
    notices: notices.filter((n) => keys.has(`${n.subject.kind}:${n.subject.no}`)),
  };
}
