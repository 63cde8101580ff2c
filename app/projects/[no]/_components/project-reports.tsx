import Link from "next/link";
import { RagBadge } from "@/components/rag-badge";
import { ReportStateBadge } from "@/components/report-state-badge";
import { projectQuarterStatus, reportOfQuarter, type ProjectProgressData } from "@/db/queries/project-progress";
import type { PeriodRow } from "@/db/queries/periods";
import { formatChineseDate } from "@/lib/format-date";
import { formatDateTime } from "@/lib/format-time";
import { canDraft, quarterLabel } from "@/lib/periods";

/** The four quarterly reports: state, colour and reasons, submission, and the way in to fill or read each. */
export function ProjectReports({ project, periods, today, canEdit }: { project: ProjectProgressData; periods: readonly PeriodRow[]; today: string; canEdit: boolean }) {
  return (
    <ul className="divide-y">
      {periods.map((period) => {
        const report = reportOfQuarter(project, period.quarter);
        const started = canDraft(period, today);
        const status = projectQuarterStatus(project, period, today);
        const editable = canEdit && started && (!report || report.status === "draft" || report.status === "returned");
        return (
          <li key={period.code} className="flex flex-col gap-1 py-3 text-sm sm:flex-row sm:items-start sm:gap-4">
            <div className="w-40 shrink-0 font-medium">{quarterLabel(period.code)}</div>
            <div className="flex-1 space-y-1">
              <p className="flex flex-wrap items-center gap-2">
                <ReportStateBadge state={report?.status ?? null} />
                {(status.assessed || status.late) && <RagBadge rag={status.rag} />}
                <span className="text-gray-700">截止 {formatChineseDate(period.dueOn)}</span>
                {report?.firstSubmittedAt && <span className="text-gray-700">首次提交 {formatDateTime(report.firstSubmittedAt)}</span>}
              </p>
              {status.reasons.length > 0 && <p className="text-xs text-gray-800">{status.reasons.join("；")}</p>}
            </div>
            <div className="shrink-0">
              {!started ? (
                <span className="text-gray-700">未开始</span>
              ) : (
                <Link href={`/projects/${project.no}/report/${period.code}`}>
                  {editable ? (report ? "继续填报" : "填报") : "查看报告"}
                  <span className="sr-only">（{quarterLabel(period.code)}）</span>
                </Link>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
