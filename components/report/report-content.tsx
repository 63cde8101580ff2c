import { formatNumber, formatWithUnit } from "@/lib/metric-values";
import { formatChineseDate } from "@/lib/format-date";
import { SELF_STATUS_LABEL } from "@/lib/report-labels";
import type { ReportSnapshot } from "@/lib/report-snapshot";
import { shortfallRatio, formatPercent } from "@/lib/quarter-status";

const EMPTY = <span className="text-gray-600">（未填写）</span>;

function Text({ value }: { value: string }) {
  return value ? <p className="whitespace-pre-wrap break-words">{value}</p> : EMPTY;
}

/** Size in KB/MB for file lists. */
export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${formatNumber(bytes / 1024 / 1024)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * A report's content read-only: the current report or any submitted version. `publicIds` are the
 * evidence photos the unit marked 可公开, which go on the public page once the version is approved.
 */
export function ReportContent({ report, canDownload, publicIds }: { report: ReportSnapshot; canDownload: boolean; publicIds?: ReadonlySet<number> }) {
  return (
    <div className="space-y-4 text-sm">
      {report.metrics.length > 0 && (
        // On a phone each metric becomes a card (指标 / 计划 / 实际 / 差距) instead of a table whose columns do not fit.
        <div className="sm:overflow-x-auto">
          <table className="w-full border-collapse text-left max-sm:block sm:min-w-[28rem]">
            <caption className="sr-only">量化指标完成情况</caption>
            <thead className="bg-gray-100 text-gray-700 max-sm:sr-only">
              <tr>
                <th scope="col" className="px-3 py-2">
                  指标
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  本季度计划（累计）
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  实际完成（累计）
                </th>
                <th scope="col" className="px-3 py-2">
                  对照计划
                </th>
              </tr>
            </thead>
            <tbody className="max-sm:block max-sm:space-y-2">
              {report.metrics.map((m) => {
                const gap = m.plan !== null && m.value !== null ? shortfallRatio(m.plan, m.value) : 0;
                const cell =
                  "px-3 py-2 max-sm:flex max-sm:justify-between max-sm:gap-3 max-sm:py-1 max-sm:text-left max-sm:before:text-gray-700 max-sm:before:content-[attr(data-label)]";
                return (
                  <tr
                    key={m.metricId}
                    className="border-b last:border-b-0 max-sm:block max-sm:rounded max-sm:border max-sm:last:border-b max-sm:py-1"
                    data-testid="metric-row"
                  >
                    <th scope="row" className="px-3 py-2 font-medium max-sm:block">
                      {m.label}
                    </th>
                    <td data-label="计划" className={`${cell} text-right tabular-nums`}>
                      {m.plan === null ? "—" : formatWithUnit(m.plan, m.unit)}
                    </td>
                    <td data-label="实际" className={`${cell} text-right tabular-nums`}>
                      {m.value === null ? "未填" : formatWithUnit(m.value, m.unit)}
                    </td>
                    <td data-label="差距" className={cell}>
                      {m.value === null ? "—" : gap > 0 ? <span className="text-red-800">低于计划 {formatPercent(gap)}</span> : "达到计划"}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[8rem_1fr]">
        {report.milestone && (
          <>
            <dt className="font-medium text-gray-700">本季度节点</dt>
            <dd>
              {report.milestone.text}：
              {report.milestone.done === null ? (
                "未填写"
              ) : report.milestone.done ? (
                `已完成${report.milestone.doneOn ? `（${formatChineseDate(report.milestone.doneOn)}）` : ""}`
              ) : (
                <strong className="text-red-800">未完成</strong>
              )}
            </dd>
          </>
        )}
        {report.projectMilestones.map((m) => (
          <div key={m.milestoneId} className="contents">
            <dt className="font-medium text-gray-700">节点（{formatChineseDate(m.due)}）</dt>
            <dd>
              {m.text}：{m.done ? `已完成${m.doneOn ? `（${formatChineseDate(m.doneOn)}）` : ""}` : "未完成"}
            </dd>
          </div>
        ))}
        {report.parts.map((p) => (
          <div key={`${p.partId}:${p.category}`} className="contents">
            <dt className="font-medium text-gray-700">
              {p.name}
              {p.category && `（${p.category}）`}
            </dt>
            <dd>累计 {formatWithUnit(p.value, p.unit ?? "")}</dd>
          </div>
        ))}
        <dt className="font-medium text-gray-700">工作进展</dt>
        <dd>
          <Text value={report.progress} />
        </dd>
        <dt className="font-medium text-gray-700">存在问题</dt>
        <dd>
          <Text value={report.problems} />
        </dd>
        <dt className="font-medium text-gray-700">下步打算</dt>
        <dd>
          <Text value={report.nextSteps} />
        </dd>
        {report.confirmations.length > 0 && (
          <>
            <dt className="font-medium text-gray-700">数字核对说明</dt>
            <dd>
              <ul className="space-y-1" aria-label="单位已确认的数字提醒">
                {report.confirmations.map((c) => (
                  <li key={`${c.field}:${c.kind}`} className="rounded border border-amber-300 bg-amber-50 px-2 py-1">
                    <span className="text-amber-950">{c.text}</span>
                    <span className="block">单位说明：{c.reason}</span>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {report.lateNote && (
          <>
            <dt className="font-medium text-gray-700">逾期说明</dt>
            <dd>
              <Text value={report.lateNote} />
            </dd>
          </>
        )}
        <dt className="font-medium text-gray-700">自评状态</dt>
        <dd>{report.selfStatus ? SELF_STATUS_LABEL[report.selfStatus] : EMPTY}</dd>
        <dt className="font-medium text-gray-700">佐证材料</dt>
        <dd>
          {report.attachments.length === 0 ? (
            "无"
          ) : (
            <ul className="space-y-1">
              {report.attachments.map((f) => (
                <li key={f.id}>
                  {canDownload ? <a href={`/api/attachments/${f.id}`}>{f.filename}</a> : f.filename}
                  <span className="text-gray-600">（{formatSize(f.size)}）</span>
                  {publicIds?.has(f.id) && <span className="ml-1 rounded bg-amber-100 px-1.5 text-xs text-amber-900">可公开</span>}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </div>
  );
}
