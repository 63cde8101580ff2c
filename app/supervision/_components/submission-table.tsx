import Link from "next/link";
import { linkYear } from "@/app/_lib/programme-year";
import { yearHref } from "@/lib/programme-year";
import { ProgressBadge, ReportingBadge } from "@/components/lamp-badges";
import { ReportStateBadge } from "@/components/report-state-badge";
import { formatDateTime } from "@/lib/format-time";
import type { PeriodLike } from "@/lib/periods";
import { reportPath, subjectPath } from "@/lib/subject";
import type { MatrixSection } from "@/lib/submission-matrix";

/** Every task's report state for the quarter, grouped by section; each state links to the report. */
export async function SubmissionTable({ sections, period }: { sections: readonly MatrixSection[]; period: PeriodLike }) {
  const year = await linkYear();
  return (
    <div className="overflow-x-auto rounded border bg-white">
      <table className="w-full min-w-[44rem] text-left text-sm">
        <caption className="sr-only">各任务本季度报告填报情况</caption>
        <thead className="bg-gray-50 text-gray-800">
          <tr>
            <th scope="col" className="px-3 py-2">
              序号
            </th>
            <th scope="col" className="px-3 py-2">
              任务
            </th>
            <th scope="col" className="px-3 py-2">
              牵头单位
            </th>
            <th scope="col" className="px-3 py-2">
              报告
            </th>
            <th scope="col" className="px-3 py-2">
              报送 / 进度
            </th>
            <th scope="col" className="px-3 py-2">
              提交时间
            </th>
          </tr>
        </thead>
        {sections.map((section) => (
          <tbody key={section.section}>
            <tr className="border-t bg-brand-50">
              <th scope="colgroup" colSpan={6} className="px-3 py-1.5 font-semibold text-brand-800">
                {section.section}（{section.rows.length} 项）
              </th>
            </tr>
            {section.rows.map((row) => (
              <tr key={row.subject.key} className="border-t align-top" data-testid={`matrix-${row.subject.key}`}>
                <th scope="row" className="whitespace-nowrap px-3 py-2 font-medium">
                  {row.subject.label}
                </th>
                <td className="px-3 py-2">
                  <Link href={yearHref(subjectPath(row.subject), year)} className="line-clamp-2">
                    {row.subject.title}
                  </Link>
                </td>
                <td className="px-3 py-2">{row.subject.leadUnits.join("、") || "—"}</td>
                <td className="whitespace-nowrap px-3 py-2">
                  <Link href={yearHref(reportPath(row.subject, period.code), year)} className="hover:no-underline">
                    <ReportStateBadge state={row.reportState} />
                    <span className="sr-only">（打开{row.subject.label}报告）</span>
                  </Link>
                </td>
                <td className="px-3 py-2">
                  <span className="flex flex-wrap gap-1">
                    <ReportingBadge lamp={row.status.reporting} daysLate={row.status.daysLate} />
                    <ProgressBadge lamp={row.status.progress} overridden={row.status.overridden} />
                  </span>
                </td>
                <td className="whitespace-nowrap px-3 py-2 text-gray-800">{row.lastSubmittedAt ? formatDateTime(row.lastSubmittedAt) : "—"}</td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
