import { SeriesFigure } from "@/components/project-progress/series-figure";
import type { ProjectProgressData } from "@/db/queries/project-progress";
import { formatNumber } from "@/lib/metric-values";
import { coverageSeries, partSeries } from "@/lib/project-progress";

/**
 * Actual against the official milestone target per quarter, for every part with numbers:
 * the bridges as their total and each 缺损 category, rural housing as households, and the
 * water project's people covered against task No.19's quarterly plan.
 */
export function ProgressCharts({ project }: { project: ProjectProgressData }) {
  const figures = project.parts.flatMap((part) => {
    const reports = project.partReports.get(part.id) ?? [];
    const series = partSeries(part, reports).map((s) => ({
      key: `${part.id}:${s.key}`,
      title: `${part.name}：${s.label}（累计${s.unit ? `，${s.unit}` : ""}）`,
      series: s,
      total: part.total,
    }));
    const c = project.coverage?.partId === part.id ? project.coverage : null;
    if (c) {
      series.push({
        key: `${part.id}:coverage`,
        title: `覆盖人数（累计，${c.unit}；全年目标 ${formatNumber(c.target)} ${c.unit}，对应重点任务第${c.taskNo}项季度计划）`,
        series: coverageSeries(c.plans, c.unit, reports),
        total: null,
      });
    }
    return series;
  });
  if (figures.length === 0) return <p className="text-sm text-gray-700">本项目的节点均为阶段性节点，见下方节点完成情况。</p>;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {figures.map((f) => (
        <SeriesFigure key={f.key} title={f.title} series={f.series} total={f.total} />
      ))}
    </div>
  );
}
