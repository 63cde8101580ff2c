import Link from "next/link";
import { getCurrentUser } from "@/app/_lib/current-user";
import { VersionList } from "@/components/report/version-list";
import { Card, CardTitle } from "@/components/ui/card";
import { getReportTaskByNo, listReportVersions } from "@/db/queries/reports";
import { can } from "@/lib/permissions";
import { quarterLabel } from "@/lib/periods";
import { currentProgrammeYear, linkYear } from "@/app/_lib/programme-year";
import { yearHref } from "@/lib/programme-year";

/**
 * The task page's report history: every quarter's submitted versions and their
 * differences. Shown to those who may read the task's reports (not other units).
 */
export async function ReportHistory({ taskNo }: { taskNo: number }) {
  const keep = await linkYear();
  const user = await getCurrentUser();
  const task = getReportTaskByNo({ yearId: (await currentProgrammeYear()).id, no: taskNo });
  if (!task || !can(user, "report:read", { kind: "task", leadUnitIds: task.leadUnits.map((u) => u.id), coopUnitIds: task.coopUnits.map((u) => u.id) }))
    return null;
  const versions = listReportVersions({ subject: { taskId: task.id } });
  const quarters = [...new Set(versions.map((v) => v.periodCode))];
  return (
    <Card aria-labelledby="report-history-heading">
      <CardTitle id="report-history-heading">报告历史</CardTitle>
      {quarters.length === 0 ? (
        <p className="text-sm text-gray-700">尚无已提交的季度报告。</p>
      ) : (
        <div className="space-y-6">
          {quarters.map((code) => (
            <section key={code} aria-labelledby={`history-${code}`}>
              <h3 id={`history-${code}`} className="mb-2 text-sm font-semibold">
                <Link href={yearHref(`/tasks/${taskNo}/report/${code}`, keep)}>{quarterLabel(code)}</Link>
              </h3>
              <VersionList versions={versions.filter((v) => v.periodCode === code)} canDownload />
            </section>
          ))}
        </div>
      )}
    </Card>
  );
}
