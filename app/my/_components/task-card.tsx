import Link from "next/link";
import { RagBadge } from "@/components/rag-badge";
import { ReportStateBadge } from "@/components/report-state-badge";
import { Badge } from "@/components/ui/badge";
import { buttonClassName } from "@/components/ui/button";
import type { BoardRow } from "@/db/queries/report-board";
import { canDraft, daysLeft, type PeriodLike } from "@/lib/periods";
import type { QuarterStatus } from "@/lib/rag";

export type TaskCardItem = { row: BoardRow; status: QuarterStatus };

function actionLabel(row: BoardRow): string {
  switch (row.report?.status) {
    case "returned":
      return "修改后重新提交";
    case "draft":
      return "继续填写";
    case "submitted":
    case "approved":
      return "查看报告";
    default:
      return "填写报告";
  }
}

/** One task of the unit for the quarter: state, due date, RAG, the 督查室's comment and one click to the form. */
export function TaskCard({ item: { row, status }, period, today }: { item: TaskCardItem; period: PeriodLike; today: string }) {
  const days = daysLeft(period, today);
  const submitted = row.report?.status === "submitted" || row.report?.status === "approved";
  const headingId = `task-${row.taskId}-heading`;
  return (
    <li className="flex flex-col gap-2 rounded-lg border bg-white p-4 shadow-sm">
      <div className="flex items-start justify-between gap-2">
        <h3 id={headingId} className="font-semibold">序号 {row.no}</h3>
        <div className="flex flex-wrap justify-end gap-1">
          <ReportStateBadge state={row.report?.status ?? null} />
          {(status.assessed || status.late) && <RagBadge rag={status.rag} />}
          {status.late && <Badge tone="danger">逾期</Badge>}
          {status.behind && <Badge tone="warning">滞后</Badge>}
        </div>
      </div>
      <p className="line-clamp-3 text-sm leading-relaxed text-gray-800">{row.target}</p>
      {!submitted && (
        <p className={`text-sm ${days < 0 ? "font-medium text-red-800" : "text-gray-700"}`}>
          {days > 0 ? `还剩 ${days} 天截止` : days === 0 ? "今天截止" : `已逾期 ${-days} 天`}
        </p>
      )}
      {row.report?.status === "returned" && row.report.reviewComment && (
        <p className="rounded border border-red-300 bg-red-50 px-2 py-1 text-sm text-red-900">退回意见：{row.report.reviewComment}</p>
      )}
      {status.reasons.length > 0 && (
        <ul className="list-inside list-disc text-sm text-gray-800">
          {status.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
      {row.targetsVersion === 0 && <p className="text-sm text-amber-900">季度攻坚目标尚未确认（暂按序时进度计算）。</p>}
      <div className="mt-auto flex flex-wrap gap-2 pt-1">
        {canDraft(period, today) && (
          <Link href={`/tasks/${row.no}/report/${period.code}`} className={`${buttonClassName(submitted ? "secondary" : "primary")} grow sm:grow-0`}>
            {actionLabel(row)}
            <span className="sr-only">（序号 {row.no}）</span>
          </Link>
        )}
        <Link href={`/tasks/${row.no}/targets`} className={`${buttonClassName("secondary")} grow sm:grow-0`}>
          季度目标
          <span className="sr-only">（序号 {row.no}）</span>
        </Link>
      </div>
    </li>
  );
}
