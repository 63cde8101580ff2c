"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";

export interface RagBarRow {
  name: string;
  red: number;
  amber: number;
  green: number;
}

export const RAG_FILL = { red: "#dc2626", amber: "#f59e0b", green: "#16a34a" } as const;

/** Horizontal stacked bars: how many tasks of each group are 红 / 黄 / 绿. */
export function RagBarChart({ rows, labelWidth = 120 }: { rows: readonly RagBarRow[]; labelWidth?: number }) {
  const height = Math.max(120, rows.length * 30 + 50);
  return (
    <BarChart
      data={[...rows]}
      layout="vertical"
      responsive
      style={{ width: "100%", height }}
      margin={{ top: 4, right: 12, bottom: 0, left: 0 }}
      accessibilityLayer={false}
    >
      <CartesianGrid strokeDasharray="3 3" horizontal={false} />
      <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
      <YAxis type="category" dataKey="name" width={labelWidth} tick={{ fontSize: 12 }} interval={0} />
      <Tooltip />
      <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
      <Bar dataKey="red" name="红" stackId="rag" fill={RAG_FILL.red} isAnimationActive={false} />
      <Bar dataKey="amber" name="黄" stackId="rag" fill={RAG_FILL.amber} isAnimationActive={false} />
      <Bar dataKey="green" name="绿" stackId="rag" fill={RAG_FILL.green} isAnimationActive={false} />
    </BarChart>
  );
}
