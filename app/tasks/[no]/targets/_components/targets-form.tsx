"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { TextField } from "@/components/ui/text-field";
import { milestoneField, planField } from "@/lib/quarter-targets";
import { saveTargets } from "../actions";

export interface TargetsFormMetric {
  id: number;
  label: string;
  unit: string;
  kind: "cumulative" | "rate";
  annual: string;
  /** Starting values per quarter (stored, else 序时进度 defaults), as text. */
  values: string[];
}

const Q_NAMES = ["第一季度", "第二季度", "第三季度", "第四季度"] as const;

/**
 * Quarterly plans per metric and a node per quarter. Locked quarters are shown read-only
 * (the server keeps their stored values whatever is sent); the rest start from the stored
 * plans or the 序时进度 defaults.
 */
export function TargetsForm({
  taskNo,
  version,
  metrics,
  milestones,
  locked,
}: {
  taskNo: number;
  version: number;
  metrics: TargetsFormMetric[];
  milestones: string[];
  locked: readonly boolean[];
}) {
  const [state, formAction, pending] = useActionState(saveTargets, undefined);
  const value = (name: string, fallback: string) => state?.values?.[name] ?? fallback;
  const lockHint = (i: number) => (locked[i] ? "已锁定" : undefined);
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <FormStatus state={state} />
      <input type="hidden" name="taskNo" value={taskNo} />
      <input type="hidden" name="version" value={version} />
      {metrics.map((m) => (
        <fieldset key={m.id} className="rounded border p-3">
          <legend className="px-1 text-sm font-semibold">
            {m.label}（年度目标 {m.annual}）
          </legend>
          <p className="mb-2 text-xs text-gray-700">
            {m.kind === "rate" ? "增速类指标：填写各季度应达到的数值。" : "累计指标：填写截至各季度末应累计完成的数量，第四季度即全年目标。"}
          </p>
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            {Q_NAMES.map((q, i) => (
              <TextField
                key={q}
                id={`plan-${m.id}-${i + 1}`}
                label={`${q}（${m.unit}）`}
                name={planField(m.id, i + 1)}
                defaultValue={value(planField(m.id, i + 1), m.values[i] ?? "")}
                inputMode="decimal"
                autoComplete="off"
                readOnly={locked[i]}
                hint={lockHint(i)}
                errors={state?.errors?.[planField(m.id, i + 1)]}
              />
            ))}
          </div>
        </fieldset>
      ))}
      <fieldset className="rounded border p-3">
        <legend className="px-1 text-sm font-semibold">季度节点目标{metrics.length === 0 ? "（本任务无量化指标，各季度必填）" : "（选填）"}</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          {Q_NAMES.map((q, i) => (
            <TextField
              key={q}
              label={`${q}节点目标`}
              name={milestoneField(i + 1)}
              defaultValue={value(milestoneField(i + 1), milestones[i] ?? "")}
              maxLength={200}
              readOnly={locked[i]}
              hint={lockHint(i)}
              errors={state?.errors?.[milestoneField(i + 1)]}
            />
          ))}
        </div>
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? "正在保存…" : "保存未锁定季度的目标"}
      </Button>
    </form>
  );
}
