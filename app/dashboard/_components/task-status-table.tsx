import Link from "next/link";
import { RagBadge } from "@/components/rag-badge";
import type { DashboardTask } from "@/lib/dashboard";
import { REPORT_STATE_LABEL } from "@/lib/report-labels";
import { RAG_LABEL } from "@/lib/status-config";

/**
 * Tasks with their colour, the reasons for it and the report state: the list behind a
 * figure. Each task links to its page, where the reports, reviews and notices are.
 */
export function TaskStatusTable({
  tasks,
  caption,
  ownLeader = null,
  showPrevious = false,
  empty = "没有符合条件的任务。",
}: {
  tasks: readonly DashboardTask[];
  caption: string;
  ownLeader?: string | null;
  showPrevious?: boolean;
  empty?: string;
}) {
  if (tasks.length === 0) return <p className="rounded border bg-white p-4 text-sm text-gray-700">{empty}</p>;
  return (
    <div className="overflow-x-auto rounded-lg border bg-white">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-gray-100 text-gray-700">
          <tr>
            <th scope="col" className="w-14 border-b px-2 py-2 text-right font-semibold">
              序号
            </th>
            <th scope="col" className="min-w-[16rem] border-b px-2 py-2 font-semibold">
              目标任务
            </th>
            <th scope="col" className="border-b px-2 py-2 font-semibold whitespace-nowrap">
              牵头领导 / 单位
            </th>
            <th scope="col" className="border-b px-2 py-2 font-semibold whitespace-nowrap">
              状态
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
          {tasks.map((t) => (
            <tr key={t.no} className="border-b align-top last:border-b-0">
              <th scope="row" className="px-2 py-2 text-right font-normal tabular-nums">
                {t.no}
              </th>
              <td className="px-2 py-2">
                <Link href={`/tasks/${t.no}`} className="text-gray-900 underline decoration-gray-300 underline-offset-2 hover:decoration-brand-700">
                  {t.target}
                </Link>
                <span className="mt-0.5 block text-xs text-gray-700">{t.section}</span>
              </td>
              <td className="px-2 py-2 text-xs">
                <span className={ownLeader && t.leaders.includes(ownLeader) ? "font-semibold" : undefined}>{t.leaders.join("、") || "—"}</span>
                <span className="block text-gray-700">{t.leadUnits.join("、") || "—"}</span>
              </td>
              <td className="px-2 py-2 whitespace-nowrap">
                <RagBadge rag={t.rag} />
                {showPrevious && t.previousRag && <span className="ml-1 text-xs text-gray-700">（上季度{RAG_LABEL[t.previousRag]}）</span>}
              </td>
              <td className="px-2 py-2 text-xs">
                {t.reasons.length ? (
                  <ul className="list-disc space-y-0.5 pl-4">
                    {t.reasons.map((r) => (
                      <li key={r}>{r}</li>
                    ))}
                  </ul>
                ) : (
                  <span className="text-gray-700">—</span>
                )}
              </td>
              <td className="px-2 py-2 text-xs whitespace-nowrap">{REPORT_STATE_LABEL[t.reportStatus ?? "none"]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
