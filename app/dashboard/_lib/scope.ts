import "server-only";
import type { DashboardData } from "@/db/queries/dashboard";
import { subjectKey } from "@/lib/subject";
import type { DashboardView } from "./view";

/**
 * What the viewer sees of the dashboard's data: a 牵头领导 narrowed to their own subjects
 * (and the 督办 on them); everyone sees the escalations addressed to them — a 牵头领导
 * those on subjects they lead, the 市长 and the offices every one.
 */
export function inLeaderScope(data: DashboardData, view: Pick<DashboardView, "leader" | "ownLeader">) {
  const leads = (leader: string | null) => (r: DashboardData["rows"][number]) => leader === null || r.subject.leaders.includes(leader);
  const rows = data.rows.filter(leads(view.leader));
  const inScope = new Set(rows.map((r) => subjectKey(r.subject)));
  const own = new Set(data.rows.filter(leads(view.ownLeader)).map((r) => subjectKey(r.subject)));
  return {
    rows,
    projects: data.projects.filter((p) => view.leader === null || p.row.subject.leaders.includes(view.leader)),
    openDuban: data.openDuban.filter((n) => inScope.has(subjectKey(n.subject))),
    escalated: data.openDuban.filter((n) => n.escalated && own.has(subjectKey(n.subject))),
  };
}
