"use client";

import { CheckedNumberField } from "@/components/report/checked-number-field";
import { confirmField, type PlausibilityCheck } from "@/lib/plausibility";
import { formatWithUnit } from "@/lib/metric-values";
import { reportField } from "@/lib/report-form";

export interface MetricField {
  id: number;
  label: string;
  unit: string;
  plan: number;
  annual: string;
  previous: number | null;
  /** What the typed value is checked against (lib/plausibility.ts). */
  check: PlausibilityCheck | undefined;
}

/** A report's 量化指标 boxes, the same for a key task and a 督办事项: plan, target and last quarter beside each. */
export function MetricFields({
  metrics,
  value,
  errors,
}: {
  metrics: readonly MetricField[];
  value: (name: string) => string;
  errors: Record<string, string[] | undefined>;
}) {
  if (metrics.length === 0) return null;
  return (
    <fieldset className="space-y-3">
      <legend className="mb-2 text-base font-semibold">量化指标（截至本季度末累计完成）</legend>
      <div className="grid gap-4 sm:grid-cols-2">
        {metrics.map((m) => (
          <CheckedNumberField
            key={m.id}
            check={m.check}
            reason={value(confirmField(reportField.metric(m.id)))}
            reasonErrors={errors[confirmField(reportField.metric(m.id))]}
            label={`${m.label}（${m.unit}）`}
            name={reportField.metric(m.id)}
            defaultValue={value(reportField.metric(m.id))}
            inputMode="decimal"
            autoComplete="off"
            hint={`本季度计划累计 ${formatWithUnit(m.plan, m.unit)}；年度目标 ${m.annual}${m.previous === null ? "" : `；上季度 ${formatWithUnit(m.previous, m.unit)}`}`}
            errors={errors[reportField.metric(m.id)]}
          />
        ))}
      </div>
    </fieldset>
  );
}
