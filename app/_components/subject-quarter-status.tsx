import Link from "next/link";
import { getCurrentUser } from "@/app/_lib/current-user";
import { appToday } from "@/app/_lib/today";
import { QuarterStatusList } from "@/components/report/quarter-status-list";
import { Card, CardTitle } from "@/components/ui/card";
import { listPeriods } from "@/db/queries/periods";
import { listSubjectQuarters } from "@/db/queries/status-board";
import { can } from "@/lib/permissions";
import { nodesPath, reportPath, type SubjectRef } from "@/lib/subject";
import { currentProgrammeYear, linkYear } from "@/app/_lib/programme-year";
import { yearHref } from "@/lib/programme-year";
import { quarterShort } from "@/lib/periods";

/**
 * A task's, livelihood project's or 督办事项's four quarters: report state, due date, both lamps
 * with their reasons, and a link to each report for those who may read it (none to a 督办事项's
 * quarter that takes no report and has none).
 */
export async function SubjectQuarterStatus({
  subject,
  targetsLink = false,
  nodesLinks = false,
}: {
  subject: SubjectRef;
  targetsLink?: boolean;
  /** Links to each quarter's 月度推进节点 (a 督办事项 has no 季度攻坚目标 page to reach them from). */
  nodesLinks?: boolean;
}) {
  const user = await getCurrentUser();
  const periods = listPeriods({ yearId: (await currentProgrammeYear()).id });
  const today = appToday();
  const keep = await linkYear();
  const quarters = periods.length ? listSubjectQuarters({ periods, asOf: today, today, filter: { yearId: periods[0]!.yearId, only: subject } }) : [];
  const own = quarters[0]?.subject;
  if (!own) return null;
  const mayRead = can(user, "report:read", { kind: subject.kind, leadUnitIds: own.leadUnitIds, coopUnitIds: own.coopUnitIds });
  const mayEdit = can(user, "report:edit", { leadUnitIds: own.leadUnitIds });
  const linkLabel = (state: string | null) => (!mayEdit || state === "submitted" || state === "approved" ? "查看报告" : state ? "继续填写" : "填写报告");

  return (
    <Card aria-labelledby="quarter-status-heading">
      <CardTitle id="quarter-status-heading">季度填报情况</CardTitle>
      <QuarterStatusList
        today={today}
        items={quarters.map((q) => ({
          period: q.period,
          reportState: q.reportState,
          status: q.status,
          link:
            mayRead && !(subject.kind === "item" && q.reportState === null && q.status.reporting === "not_required")
              ? { href: yearHref(reportPath(subject, q.period.code), keep), label: linkLabel(q.reportState) }
              : null,
        }))}
      />
      {mayRead && targetsLink && (
        <p className="mt-3 text-sm">
          <Link href={yearHref(`/tasks/${subject.no}/targets`, keep)}>季度攻坚目标</Link>
        </p>
      )}
      {mayRead && nodesLinks && (
        <nav aria-label="月度推进节点" className="mt-3 flex flex-wrap gap-3 text-sm">
          <span className="inline-flex min-h-11 items-center text-gray-700">月度推进节点：</span>
          {quarters.map((q) => (
            <Link key={q.period.code} href={yearHref(nodesPath(subject, q.period.code), keep)} className="inline-flex min-h-11 items-center">
              {quarterShort(q.period.code)}
            </Link>
          ))}
        </nav>
      )}
    </Card>
  );
}
