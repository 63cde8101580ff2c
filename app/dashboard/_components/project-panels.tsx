import Link from "next/link";
import { yearHref } from "@/lib/programme-year";
import { SeriesFigure } from "@/components/project-progress/series-figure";
import { MilestoneMarks } from "@/components/project-progress/milestone-marks";
import { QuarterLamps } from "@/components/lamp-badges";
import type { DashboardData } from "@/db/queries/dashboard";
import { partReportsUpTo } from "@/db/queries/project-progress";
import { formatNumber } from "@/lib/metric-values";
import type { PeriodLike } from "@/lib/periods";
import { coverageSeries, formatShare, milestoneMarks, partSeries, shareOfTotal, type ProgressSeries } from "@/lib/project-progress";
import { REPORT_STATE_LABEL } from "@/lib/report-labels";

const show = (v: number | null, unit: string) => (v === null ? "—" : `${formatNumber(v)} ${unit}`.trim());

/** This quarter's target and actual of every series of a part, per category for bridges. */
function QuarterFigures({ series, quarter, total }: { series: readonly ProgressSeries[]; quarter: number; total: number | null }) {
  return (
    <table className="mt-2 w-full border-collapse text-left text-xs tabular-nums">
      <caption className="sr-only">第{quarter}季度目标与实际</caption>
      <thead className="text-gray-700">
        <tr>
          <th scope="col" className="py-0.5 font-semibold">
            项目
          </th>
          <th scope="col" className="py-0.5 text-right font-semibold">
            本季度目标
          </th>
          <th scope="col" className="py-0.5 text-right font-semibold">
            实际
          </th>
          {total !== null && (
            <th scope="col" className="py-0.5 text-right font-semibold">
              占总数
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {series.map((s) => {
          const point = s.points[quarter - 1];
          return (
            <tr key={s.key} className="border-t">
              <th scope="row" className="py-0.5 font-normal">
                {s.label}
              </th>
              <td className="py-0.5 text-right">{show(point?.target ?? null, s.unit)}</td>
              <td className="py-0.5 text-right">{show(point?.actual ?? null, s.unit)}</td>
              {total !== null && <td className="py-0.5 text-right">{s.key === "" ? formatShare(shareOfTotal({ total }, point?.actual ?? null)) : ""}</td>}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The three livelihood projects at the selected quarter: colour, target against actual, milestones. */
export function ProjectPanels({
  projects,
  period,
  periods,
  asOf,
  year = null,
}: {
  projects: DashboardData["projects"];
  period: PeriodLike & { quarter: number };
  periods: readonly PeriodLike[];
  asOf: string;
  year?: number | null;
}) {
  return (
    <section aria-labelledby="projects-heading" className="space-y-3">
      <h2 id="projects-heading" className="text-base font-semibold">
        民生实事
      </h2>
      <div className="grid gap-3 lg:grid-cols-3">
        {projects.map(({ data, row }) => {
          const upTo = partReportsUpTo(data, period.quarter);
          return (
            <article key={data.no} aria-labelledby={`project-${data.no}`} className="break-inside-avoid rounded-lg border bg-white p-4 shadow-sm">
              <h3 id={`project-${data.no}`} className="text-sm font-semibold">
                <Link href={yearHref(`/projects/${data.no}`, year)}>
                  {data.no}. {data.name}
                </Link>
              </h3>
              <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-gray-800">
                <QuarterLamps status={row.status} />
                <span>季度报告：{REPORT_STATE_LABEL[row.reportState ?? "none"]}</span>
                <span>牵头：{data.leadUnits.map((u) => u.name).join("、")}</span>
              </p>
              {row.status.reasons.length > 0 && (
                <ul className="mt-1 list-disc pl-4 text-xs text-gray-800">
                  {row.status.reasons.slice(0, 3).map((r) => (
                    <li key={r.text}>{r.text}</li>
                  ))}
                </ul>
              )}
              {data.parts.map((part) => {
                const reports = upTo.get(part.id) ?? [];
                const series = partSeries(part, reports);
                const main = series[0];
                return (
                  <div key={part.id} className="mt-3 border-t pt-2">
                    <h4 className="text-sm font-medium text-gray-900">{part.name}</h4>
                    {main ? (
                      <>
                        <SeriesFigure title={`${main.label}：目标与实际（${main.unit}）`} series={main} height={170} total={part.total} />
                        <QuarterFigures series={series} quarter={period.quarter} total={part.total} />
                      </>
                    ) : (
                      <MilestoneMarks marks={milestoneMarks(part, reports, { asOf, periods })} compact />
                    )}
                    {data.coverage?.partId === part.id && (
                      <SeriesFigure
                        title={`覆盖人数（参考：重点任务第${data.coverage.taskNo}项全年 ${formatNumber(data.coverage.target)} ${data.coverage.unit}，不作为节点目标）`}
                        series={coverageSeries(data.coverage.plans, data.coverage.unit, reports)}
                        height={150}
                      />
                    )}
                  </div>
                );
              })}
            </article>
          );
        })}
      </div>
    </section>
  );
}
