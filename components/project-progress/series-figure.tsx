import { ChartFigure } from "@/components/charts/chart-figure";
import { TargetActualChart } from "@/components/charts/target-actual-chart";
import { formatNumber } from "@/lib/metric-values";
import type { ProgressSeries } from "@/lib/project-progress";

const show = (v: number | null, unit: string) => (v === null ? "—" : `${formatNumber(v)} ${unit}`.trim());

/** One series (a part's total, a category, or people covered): target against actual per quarter, chart and table. */
export function SeriesFigure({ title, series, height }: { title: string; series: ProgressSeries; height?: number }) {
  const unit = series.unit;
  return (
    <ChartFigure
      title={title}
      table={{
        columns: ["季度", "目标（累计）", "实际（累计）"],
        rows: series.points.map((p) => ({ key: String(p.quarter), cells: [`第${p.quarter}季度`, show(p.target, unit), show(p.actual, unit)] })),
      }}
    >
      <TargetActualChart points={series.points.map((p) => ({ label: `Q${p.quarter}`, target: p.target, actual: p.actual }))} unit={unit} height={height} />
    </ChartFigure>
  );
}
