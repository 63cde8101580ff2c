import Link from "next/link";
import { ProgressBadge, ReportingBadge } from "@/components/lamp-badges";
import { reportingOf, type DashboardRow } from "@/lib/dashboard";
import { REPORT_STATE_LABEL } from "@/lib/report-labels";
import { yearHref } from "@/lib/programme-year";
import { subjectLabel, subjectPath } from "@/lib/subject";
import { PROGRESS_LABEL, REPORTING_LABEL } from "@/lib/vocabulary";

/**
 * Subjects with both lamps, the reasons for them and the report state: the list behind a
 * figure. Each links to its page, where the reports, reviews and notices are.
 */
export function SubjectStatusTable({
  rows,
  caption,
  ownLeader = null,
  showPrevious = false,
  empty = "没有符合条件的事项。",
  year = null,
  unit = null,
}: {
  rows: readonly DashboardRow[];
  caption: string;
  ownLeader?: string | null;
  showPrevious?: boolean;
  empty?: string;
  /** The year the links keep. */
  year?: number | null;
  /** A lead unit the list was drawn for: where its own 报送 differs from the subject's (a co-lead's part), it is shown too. */
  unit?: string | null;
}) {
  if (rows.length === 0) return <p className="rounded border bg-white p-4 text-sm text-gray-700">{empty}</p>;
  return (
    <div className="overflow-x-auto rounded-lg border bg-white">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-gray-100 text-gray-700">
          <tr>
            <th scope="col" className="w-20 border-b px-2 py-2 font-semibold">
              序号
            </th>
            <th scope="col" className="min-w-[16rem] border-b px-2 py-2 font-semibold">
              目标任务
            </th>
            <th scope="col" className="border-b px-2 py-2 font-semibold whitespace-nowrap">
              牵头领导 / 单位
            </th>
            <th scope="col" className="border-b px-2 py-2 font-semibold whitespace-nowrap">
              报送 / 进度
            </th>
            <th scope="col" className="min-w-[14rem] border-b px-2 py-2 font-semibold">
              原因
            </th>
            <th scope="col" className="border-b px-2 py-2 font-semibold whitespace-nowrap">
              季度报告
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const { subject, status, reportState, previous } = row;
            const own = unit === null ? status.reporting : reportingOf(row, unit);
            return (
              <tr
                key={`${subject.kind}:${subject.no}`}
                className="border-b align-top last:border-b-0"
                data-testid="status-row"
                data-subject={`${subject.kind}:${subject.no}`}
              >
                <th scope="row" className="px-2 py-2 font-normal whitespace-nowrap">
                  {subjectLabel(subject)}
                </th>
                <td className="px-2 py-2">
                  <Link
                    href={yearHref(subjectPath(subject), year)}
                    className="text-gray-900 underline decoration-gray-300 underline-offset-2 hover:decoration-brand-700"
                  >
                    {subject.title}
                  </Link>
                  <span className="mt-0.5 block text-xs text-gray-700">{subject.section}</span>
                </td>
                <td className="px-2 py-2 text-xs">
                  <span className={ownLeader && subject.leaders.includes(ownLeader) ? "font-semibold" : undefined}>{subject.leaders.join("、") || "—"}</span>
                  <span className="block text-gray-700">{subject.leadUnits.join("、") || "—"}</span>
                </td>
                <td className="px-2 py-2">
                  <span className="flex flex-col items-start gap-1">
                    <ReportingBadge lamp={status.reporting} daysLate={status.daysLate} />
                    <ProgressBadge lamp={status.progress} overridden={status.overridden} />
                  </span>
                  {own !== status.reporting && (
                    <span className="mt-1 block text-xs text-gray-800" data-testid="own-reporting">
                      {unit}本单位部分：{REPORTING_LABEL[own]}
                    </span>
                  )}
                  {showPrevious && previous && <span className="mt-1 block text-xs text-gray-700">上季度进度：{PROGRESS_LABEL[previous]}</span>}
                </td>
                <td className="px-2 py-2 text-xs">
                  {status.reasons.length ? (
                    <ul className="list-disc space-y-0.5 pl-4">
                      {status.reasons.map((r) => (
                        <li key={r.text}>{r.text}</li>
                      ))}
                    </ul>
                  ) : (
                    <span className="text-gray-700">—</span>
                  )}
                </td>
                <td className="px-2 py-2 text-xs whitespace-nowrap">{REPORT_STATE_LABEL[reportState ?? "none"]}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
