"use client";

import { Bar, BarChart, CartesianGrid, LabelList, Legend, Tooltip, XAxis, YAxis } from "recharts";

export interface TargetActualPoint {
  label: string;
  target: number | null;
  actual: number | null;
}

// Gray for the plan, brand blue for what was done: readable in colour and in black-and-white print.
const TARGET_FILL = "#9ca3af";
const ACTUAL_FILL = "#1e40af";

/** Grouped bars of target against actual per period, with the values written on the bars. */
export function TargetActualChart({ points, unit, height = 220 }: { points: readonly TargetActualPoint[]; unit: string; height?: number }) {
  return (
    <BarChart
      data={[...points]}
      responsive
      style={{ width: "100%", height }}
      margin={{ top: 18, right: 8, bottom: 0, left: 0 }}
      accessibilityLayer={false}
    >
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="label" tick={{ fontSize: 12 }} />
      <YAxis tick={{ fontSize: 12 }} width={40} allowDecimals />
      <Tooltip formatter={(value) => `${value as number} ${unit}`} />
      <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
      <Bar dataKey="target" name="目标" fill={TARGET_FILL} isAnimationActive={false}>
        <LabelList dataKey="target" position="top" fontSize={11} fill="#374151" />
      </Bar>
      <Bar dataKey="actual" name="实际" fill={ACTUAL_FILL} isAnimationActive={false}>
        <LabelList dataKey="actual" position="top" fontSize={11} fill="#1e3a8a" />
      </Bar>
    </BarChart>
  );
}
