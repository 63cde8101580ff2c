import Link from "next/link";
import { getCurrentUser } from "@/app/_lib/current-user";
import { appToday } from "@/app/_lib/today";
import { RagBadge } from "@/components/rag-badge";
import { ReportStateBadge } from "@/components/report-state-badge";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { listPeriods } from "@/db/queries/periods";
import { boardRowStatus, listQuarterBoard } from "@/db/queries/report-board";
import { getReportTaskByNo } from "@/db/queries/reports";
import { formatChineseDate } from "@/lib/format-date";
import { can } from "@/lib/permissions";
import { canDraft, quarterLabel } from "@/lib/periods";

/**
 * The task's four quarters at a glance: report state, due date, RAG with its reasons,
 * and a link to the report (for those who may read it) and to the quarterly targets.
 */
export async function QuarterStatus({ taskNo }: { taskNo: number }) {
  const user = await getCurrentUser();
  const task = getReportTaskByNo({ no: taskNo });
  if (!task) return null;
  const taskId = task.id;
  const mayRead = can(user, "report:read", { leadUnitIds: task.leadUnits.map((u) => u.id), coopUnitIds: task.coopUnits.map((u) => u.id) });
  const today = appToday();
  const rows = listPeriods().map((period) => {
    const row = listQuarterBoard({ periodId: period.id, quarter: period.quarter, taskId })[0];
    return { period, row, status: row ? boardRowStatus(row, period, today) : null };
  });

  return (
    <Card aria-labelledby="quarter-status-heading">
      <CardTitle id="quarter-status-heading">季度填报情况</CardTitle>
      <ul className="divide-y">
        {rows.map(({ period, row, status }) => {
          const started = canDraft(period, today);
          return (
            <li key={period.code} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 text-sm">
              <span className="w-36 font-medium">{quarterLabel(period.code)}</span>
              {started ? <ReportStateBadge state={row?.report?.status ?? null} /> : <Badge>未开始</Badge>}
              {status && (status.assessed || status.late) && <RagBadge rag={status.rag} />}
              {status?.late && <Badge tone="danger">逾期</Badge>}
              {status?.behind && <Badge tone="warning">滞后</Badge>}
              <span className="text-gray-700">截止 {formatChineseDate(period.dueOn)}</span>
              {mayRead && started && <Link href={`/tasks/${taskNo}/report/${period.code}`}>查看报告</Link>}
              {status && status.reasons.length > 0 && (
                <span className="basis-full text-gray-700">{status.reasons.join("；")}</span>
              )}
            </li>
          );
        })}
      </ul>
      {mayRead && (
        <p className="mt-3 text-sm">
          <Link href={`/tasks/${taskNo}/targets`}>季度攻坚目标</Link>
        </p>
      )}
    </Card>
  );
}
