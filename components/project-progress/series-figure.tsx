import { ChartFigure } from "@/components/charts/chart-figure";
import { TargetActualChart } from "@/components/charts/target-actual-chart";
import { formatNumber } from "@/lib/metric-values";
import { formatShare, shareOfTotal, TOTAL_KEY, type ProgressSeries } from "@/lib/project-progress";
import { quarterName } from "@/lib/periods";

const show = (v: number | null, unit: string) => (v === null ? "—" : `${formatNumber(v)} ${unit}`.trim());

/**
 * One series (a part's total, a category, or people covered): target against actual per
 * quarter, chart and table. Given the part's total (108 座, 165 户), the total series also
 * shows the share of it reached.
 */
export function SeriesFigure({ title, series, height, total = null }: { title: string; series: ProgressSeries; height?: number; total?: number | null }) {
  const unit = series.unit;
  const withShare = total !== null && series.key === TOTAL_KEY;
  return (
    <ChartFigure
      title={title}
      table={{
        columns: ["季度", "目标（累计）", "实际（累计）", ...(withShare ? [`实际占总数 ${formatNumber(total)} ${unit}`] : [])],
        rows: series.points.map((p) => ({
          key: String(p.quarter),
          cells: [`第${p.quarter}季度`, show(p.target, unit), show(p.actual, unit), ...(withShare ? [formatShare(shareOfTotal({ total }, p.actual))] : [])],
        })),
      }}
    >
      <TargetActualChart
        points={series.points.map((p) => ({ label: quarterName(p.quarter), target: p.target, actual: p.actual }))}
        unit={unit}
        height={height}
      />
    </ChartFigure>
  );
}
