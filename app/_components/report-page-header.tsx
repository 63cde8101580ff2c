import Link from "next/link";
import { linkYear } from "@/app/_lib/programme-year";
import type { ReactNode } from "react";
import { ReportQuarterLamps } from "@/app/_components/report-quarter-lamps";
import { DueText } from "@/components/report/due-text";
import { ReportStateBadge } from "@/components/report-state-badge";
import type { PeriodRow } from "@/db/queries/periods";
import { formatDateTime } from "@/lib/format-time";
import { daysLeft, quarterLabel, quarterShort } from "@/lib/periods";
import { yearHref } from "@/lib/programme-year";
import { nodesPath, reportPath, subjectPath, type SubjectRef } from "@/lib/subject";
import type { ReportState, SubjectKind } from "@/lib/vocabulary";

/** "序号 27" / "民生实事 1" / "督办事项 19": how a report page names its subject. */
const HEADING: Record<SubjectKind, string> = { task: "序号", project: "民生实事", item: "督办事项" };
/** The way back: "任务 27" / "民生实事 1" / "督办事项 19". */
const BACK: Record<SubjectKind, string> = { task: "任务", project: "民生实事", item: "督办事项" };

/**
 * The top of a quarterly report page, the same for tasks, livelihood projects and 督办事项: the way
 * back, the subject, both lamps with their reasons, the due day, the last save and the
 * quarter tabs; then the outcome of the last action and a 退回 comment.
 */
export async function ReportPageHeader({
  subject,
  title,
  leadUnits,
  period,
  periods,
  today,
  state,
  report,
  isUnit,
  outcome,
  extraLinks,
}: {
  subject: SubjectRef;
  title: string;
  leadUnits: readonly string[];
  period: PeriodRow;
  periods: readonly PeriodRow[];
  today: string;
  state: ReportState | null;
  report: { updatedAt: number; updatedByName: string | null; reviewComment: string | null } | null;
  isUnit: boolean;
  outcome: string | null;
  extraLinks?: ReactNode;
}) {
  const year = await linkYear();
  return (
    <>
      <p className="no-print text-sm">
        <Link href={yearHref(subjectPath(subject), year)}>
          ← 返回{BACK[subject.kind]} {subject.no}
        </Link>
        {isUnit && (
          <>
            <span aria-hidden="true"> · </span>
            <Link href="/my">我的任务</Link>
          </>
        )}
      </p>
      <header className="space-y-2">
        <h1 className="text-lg font-semibold sm:text-xl">
          {HEADING[subject.kind]} {subject.no} · {quarterLabel(period.code)}工作进展报告
        </h1>
        <p className="text-sm leading-relaxed text-gray-800">{title}</p>
        <p className="text-sm text-gray-700">牵头单位：{leadUnits.join("、") || "—"}</p>
        <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="report-status">
          <ReportStateBadge state={state} />
          <ReportQuarterLamps subject={subject} period={period} today={today} />
          <DueText days={daysLeft(period, today)} dueOn={period.dueOn} />
          {report && (
            <span className="text-gray-700">
              最后保存：{formatDateTime(report.updatedAt)}（{report.updatedByName ?? ""}）
            </span>
          )}
        </div>
        <nav aria-label="季度" className="flex flex-wrap gap-3 text-sm">
          {periods.map((p) =>
            p.code === period.code ? (
              <span key={p.code} aria-current="page" className="inline-flex min-h-11 items-center font-semibold">
                {quarterShort(p.code)}
              </span>
            ) : (
              <Link key={p.code} href={yearHref(reportPath(subject, p.code), year)} className="inline-flex min-h-11 items-center">
                {quarterShort(p.code)}
              </Link>
            ),
          )}
          <Link href={yearHref(nodesPath(subject, period.code), year)} className="inline-flex min-h-11 items-center">
            月度推进节点
          </Link>
          {extraLinks}
        </nav>
      </header>

      {outcome && (
        <p role="status" className="rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
          {outcome}
        </p>
      )}

      {state === "returned" && report?.reviewComment && (
        <section aria-labelledby="returned-heading" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          <h2 id="returned-heading" className="font-semibold">
            督查室已退回，请修改后重新提交
          </h2>
          <p className="mt-1 whitespace-pre-wrap">{report.reviewComment}</p>
        </section>
      )}
    </>
  );
}
