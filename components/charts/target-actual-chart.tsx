import { niceTicks } from "@/lib/chart-scale";
import { formatNumber } from "@/lib/metric-values";

export interface TargetActualPoint {
  label: string;
  target: number | null;
  actual: number | null;
}

// Gray for the plan, brand blue for what was done: readable in colour and in black-and-white print.
const TARGET_FILL = "#9ca3af";
const ACTUAL_FILL = "#1e40af";

const WIDTH = 360;
const LEFT = 44;
const RIGHT = 8;
const TOP = 18;
const BOTTOM = 40;

/**
 * Grouped bars of target against actual per period, with the values written on the bars.
 * Drawn on the server as SVG: no chart library and no script reach the browser. Callers
 * wrap it in ChartFigure, which gives the same numbers as a table.
 */
export function TargetActualChart({ points, unit, height = 220 }: { points: readonly TargetActualPoint[]; unit: string; height?: number }) {
  const values = points.flatMap((p) => [p.target, p.actual]).filter((v): v is number => v !== null);
  const ticks = niceTicks(Math.max(0, ...values));
  const top = ticks[ticks.length - 1] ?? 1;
  const plotHeight = height - TOP - BOTTOM;
  const plotWidth = WIDTH - LEFT - RIGHT;
  const y = (v: number) => TOP + plotHeight - (Math.max(0, v) / top) * plotHeight;
  const band = plotWidth / Math.max(1, points.length);
  const bar = Math.min(28, band * 0.32);
  const bars = [
    { key: "target" as const, name: "目标", fill: TARGET_FILL, text: "#374151" },
    { key: "actual" as const, name: "实际", fill: ACTUAL_FILL, text: "#1e3a8a" },
  ];
  const legendUnit = unit ? `（${unit}）` : "";
  // 12px CJK glyphs are about 12 units wide: room for the swatch, the words and a gap.
  const legendItem = 30 + (2 + legendUnit.length) * 12;
  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} role="presentation" className="block h-auto w-full" fontSize="11">
      {ticks.map((t) => (
        <g key={t}>
          <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(t)} y2={y(t)} stroke="#d1d5db" strokeDasharray={t === 0 ? undefined : "3 3"} />
          <text x={LEFT - 5} y={y(t) + 4} textAnchor="end" fill="#374151">
            {formatNumber(t)}
          </text>
        </g>
      ))}
      {points.map((p, i) => {
        const centre = LEFT + band * i + band / 2;
        return (
          <g key={p.label}>
            {bars.map((b, j) => {
              const value = p[b.key];
              if (value === null) return null;
              const x = centre + (j === 0 ? -bar - 1 : 1);
              return (
                <g key={b.key}>
                  <rect x={x} y={y(value)} width={bar} height={y(0) - y(value)} fill={b.fill}>
                    <title>{`${p.label} ${b.name}：${formatNumber(value)} ${unit}`.trim()}</title>
                  </rect>
                  <text x={x + bar / 2} y={y(value) - 3} textAnchor="middle" fill={b.text} fontSize="10">
                    {formatNumber(value)}
                  </text>
                </g>
              );
            })}
            <text x={centre} y={TOP + plotHeight + 15} textAnchor="middle" fill="#111827" fontSize="12">
              {p.label}
            </text>
          </g>
        );
      })}
      <g transform={`translate(${LEFT + plotWidth / 2 - legendItem}, ${height - 10})`}>
        {bars.map((b, i) => (
          <g key={b.key} transform={`translate(${i * legendItem}, 0)`}>
            <rect y={-9} width="10" height="10" fill={b.fill} />
            <text x="14" fill="#111827" fontSize="12">
              {b.name + legendUnit}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}
