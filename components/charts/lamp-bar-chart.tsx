import { PROGRESS_LABEL, PROGRESS_LAMPS, type ProgressLamp } from "@/lib/vocabulary";

export interface LampBarRow {
  name: string;
  counts: Record<ProgressLamp, number>;
}

/** Fill per 进度 lamp; 已完成 is blue and 未评估 grey so no state reads as another. */
export const LAMP_FILL: Record<ProgressLamp, string> = { red: "#dc2626", amber: "#f59e0b", green: "#16a34a", done: "#2563eb", none: "#9ca3af" };

const ROW = 26;
const LABEL_CHARS = 9;

/**
 * Horizontal stacked bars of 进度 lamps per group, drawn on the server as SVG (no client
 * script). Decorative: callers put the same numbers in a table beside it.
 */
export function LampBarChart({ rows }: { rows: readonly LampBarRow[] }) {
  const max = Math.max(1, ...rows.map((r) => PROGRESS_LAMPS.reduce((sum, l) => sum + r.counts[l], 0)));
  const labelWidth = 150;
  const barWidth = 330;
  const height = rows.length * ROW + 28;
  return (
    <svg viewBox={`0 0 ${labelWidth + barWidth + 30} ${height}`} width="100%" role="presentation" className="max-w-full text-gray-900">
      {rows.map((row, i) => {
        let x = labelWidth;
        const y = i * ROW + 4;
        const label = row.name.length > LABEL_CHARS ? `${row.name.slice(0, LABEL_CHARS)}…` : row.name;
        const total = PROGRESS_LAMPS.reduce((sum, l) => sum + row.counts[l], 0);
        return (
          <g key={row.name}>
            <text x={labelWidth - 6} y={y + 14} textAnchor="end" fontSize="12" fill="currentColor">
              {label}
            </text>
            {PROGRESS_LAMPS.map((lamp) => {
              const w = (row.counts[lamp] / max) * barWidth;
              const rect = w > 0 ? <rect key={lamp} x={x} y={y} width={w} height={ROW - 8} fill={LAMP_FILL[lamp]} /> : null;
              x += w;
              return rect;
            })}
            <text x={x + 4} y={y + 14} fontSize="11" fill="currentColor">
              {total}
            </text>
          </g>
        );
      })}
      <g transform={`translate(${labelWidth}, ${rows.length * ROW + 12})`}>
        {PROGRESS_LAMPS.map((lamp, i) => (
          <g key={lamp} transform={`translate(${i * 66}, 0)`}>
            <rect width="10" height="10" fill={LAMP_FILL[lamp]} />
            <text x="14" y="9" fontSize="11" fill="currentColor">
              {PROGRESS_LABEL[lamp]}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}
