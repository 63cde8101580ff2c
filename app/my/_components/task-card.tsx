import Link from "next/link";
import { ProgressBadge, ReportingBadge } from "@/components/lamp-badges";
import { ReportStateBadge } from "@/components/report-state-badge";
import { buttonClassName } from "@/components/ui/button";
import type { ReportNote } from "@/db/queries/report-board";
import type { SubjectQuarter } from "@/db/queries/status-board";
import { canDraft, daysLeft, quarterShort, type PeriodLike } from "@/lib/periods";
import { reportPath, subjectLabel, subjectPath } from "@/lib/subject";
import { PART_STATUS_LABEL } from "@/lib/report-labels";
import type { LeadDuty } from "@/lib/unit-reporting";
import type { PartStatus, ReportState } from "@/lib/vocabulary";

export type TaskCardItem = {
  quarter: SubjectQuarter;
  note: ReportNote | undefined;
  /** The unit compiles the report, or sends its part of a co-led one. */
  duty: LeadDuty;
  partStatus: PartStatus | null;
};

function actionLabel(state: ReportState | null): string {
  switch (state) {
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

/** One subject of the unit for the quarter: state, due date, both lamps, the 督查室's comment and one click to the form. */
export function TaskCard({
  item: { quarter, note, duty, partStatus },
  period,
  today,
  showQuarter = false,
}: {
  item: TaskCardItem;
  period: PeriodLike;
  today: string;
  showQuarter?: boolean;
}) {
  const { subject, status, reportState } = quarter;
  const days = daysLeft(period, today);
  const submitted = duty === "part" ? partStatus === "submitted" : reportState === "submitted" || reportState === "approved";
  // Across quarters the same subject may be listed more than once: the quarter names the entry.
  const label = showQuarter ? `${subjectLabel(subject)} · ${quarterShort(quarter.period.code)}` : subjectLabel(subject);
  const headingId = `${subject.kind}-${subject.no}-heading`;
  return (
    <li className="flex flex-col gap-2 rounded-lg border bg-white p-4 shadow-sm" data-testid="my-card" data-subject={`${subject.kind}:${subject.no}`}>
      <div className="flex items-start justify-between gap-2">
        <h3 id={headingId} className="font-semibold">
          {label}
        </h3>
        <div className="flex flex-wrap justify-end gap-1">
          <ReportStateBadge state={reportState} />
          <ReportingBadge lamp={status.reporting} daysLate={status.daysLate} />
          <ProgressBadge lamp={status.progress} overridden={status.overridden} />
        </div>
      </div>
      <p className="line-clamp-3 text-sm leading-relaxed text-gray-800">{subject.title}</p>
      {duty === "part" && (
        <p className="text-sm text-gray-800">
          共同牵头：本单位报送负责部分（{partStatus ? PART_STATUS_LABEL[partStatus] : "未填写"}），由{subject.leadUnits[0]}汇总提交。
        </p>
      )}
      {!submitted && status.reporting !== "not_required" && (
        <p className={`text-sm ${days < 0 ? "font-medium text-red-800" : "text-gray-700"}`}>
          {days > 0 ? `还剩 ${days} 天截止` : days === 0 ? "今天截止" : `已逾期 ${-days} 天`}
        </p>
      )}
      {reportState === "returned" && note?.reviewComment && (
        <p className="rounded border border-red-300 bg-red-50 px-2 py-1 text-sm text-red-900">退回意见：{note.reviewComment}</p>
      )}
      {status.reasons.length > 0 && (
        <ul className="list-inside list-disc text-sm text-gray-800">
          {status.reasons.map((r) => (
            <li key={r.text}>{r.text}</li>
          ))}
        </ul>
      )}
      {subject.kind === "task" && note && !note.targetsConfirmed && <p className="text-sm text-amber-900">季度攻坚目标尚未确认（暂按序时进度计算）。</p>}
      <div className="mt-auto flex flex-wrap gap-2 pt-1">
        {canDraft(period, today) && (
          <Link
            href={`${reportPath(subject, period.code)}${duty === "part" ? "#part" : ""}`}
            className={`${buttonClassName(submitted ? "secondary" : "primary")} grow sm:grow-0`}
          >
            {duty === "part" ? (partStatus === "submitted" ? "修改本单位负责部分" : "填写本单位负责部分") : actionLabel(reportState)}
            <span className="sr-only">（{label}）</span>
          </Link>
        )}
        {subject.kind === "task" ? (
          <Link href={`${subjectPath(subject)}/targets`} className={`${buttonClassName("secondary")} grow sm:grow-0`}>
            季度目标
            <span className="sr-only">（{label}）</span>
          </Link>
        ) : (
          <Link href={subjectPath(subject)} className={`${buttonClassName("secondary")} grow sm:grow-0`}>
            {subject.kind === "item" ? "事项详情" : "项目详情"}
            <span className="sr-only">（{label}）</span>
          </Link>
        )}
      </div>
    </li>
  );
}
