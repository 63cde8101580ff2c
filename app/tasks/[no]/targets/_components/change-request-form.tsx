"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { TextArea } from "@/components/ui/text-area";
import { TextField } from "@/components/ui/text-field";
import { milestoneField, planField } from "@/lib/quarter-targets";
import { requestTargetsChange } from "../actions";

export interface ChangeFormMetric {
  id: number;
  label: string;
  unit: string;
  /** The quarter's plan in force, as text. */
  value: string;
}

/** A lead unit's request to change a locked quarter's targets; the 督查室 approves or refuses it. */
export function ChangeRequestForm({
  taskNo,
  quarter,
  label,
  version,
  metrics,
  milestone,
}: {
  taskNo: number;
  quarter: number;
  label: string;
  version: number;
  metrics: ChangeFormMetric[];
  milestone: string;
}) {
  const [state, formAction, pending] = useActionState(requestTargetsChange, undefined);
  const value = (name: string, fallback: string) => state?.values?.[name] ?? fallback;
  return (
    <details className="rounded border p-3 text-sm" open={Boolean(state?.message && !state.ok)}>
      <summary className="cursor-pointer font-medium">申请调整{label}目标</summary>
      <form action={formAction} className="mt-3 space-y-3" noValidate>
        <FormStatus state={state} />
        <input type="hidden" name="taskNo" value={taskNo} />
        <input type="hidden" name="quarter" value={quarter} />
        <input type="hidden" name="version" value={version} />
        <div className="grid gap-3 sm:grid-cols-2">
          {metrics.map((m) => (
            <TextField
              key={m.id}
              id={`change-${quarter}-${m.id}`}
              label={`${label}${m.label}（${m.unit}，现为 ${m.value}）`}
              name={planField(m.id, quarter)}
              defaultValue={value(planField(m.id, quarter), m.value)}
              inputMode="decimal"
              autoComplete="off"
              errors={state?.errors?.[planField(m.id, quarter)]}
            />
          ))}
          <TextField
            id={`change-${quarter}-milestone`}
            label={`${label}节点目标`}
            name={milestoneField(quarter)}
            defaultValue={value(milestoneField(quarter), milestone)}
            maxLength={200}
            errors={state?.errors?.[milestoneField(quarter)]}
          />
        </div>
        <TextArea
          id={`change-${quarter}-reason`}
          label={`${label}调整理由（必填，督查室据此审批）`}
          name="reason"
          rows={3}
          maxLength={500}
          defaultValue={value("reason", "")}
          errors={state?.errors?.reason}
        />
        <Button type="submit" disabled={pending}>
          {pending ? "正在提交…" : "提交调整申请"}
        </Button>
      </form>
    </details>
  );
}
