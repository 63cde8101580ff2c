"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { inputClassName, TextField } from "@/components/ui/text-field";
import { monthLabel, NODE_FIGURE_MAX, NODE_TEXT_MAX, nodeFigureField, nodeTextField, nodeUnitField, type NodeUnitChoice } from "@/lib/monthly-nodes";
import { saveMonthlyNodes } from "./actions";

export interface NodeFormMonth {
  month: number;
  text: string;
  figure: string;
  unitId: number | null;
  /** The month has ended and its node is set: shown, not editable. */
  fixed: boolean;
}

/** One node per month of the quarter: what is to be done by the month's end, by whom. */
export function NodeSetForm({
  subject,
  quarter,
  version,
  months,
  units,
}: {
  subject: string;
  quarter: string;
  version: number;
  months: NodeFormMonth[];
  units: NodeUnitChoice[];
}) {
  const [state, formAction, pending] = useActionState(saveMonthlyNodes, undefined);
  const value = (name: string, fallback: string) => state?.values?.[name] ?? fallback;
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="设定月度推进节点">
      <FormStatus state={state} />
      <input type="hidden" name="subject" value={subject} />
      <input type="hidden" name="quarter" value={quarter} />
      <input type="hidden" name="version" value={version} />
      {months.map((m) => (
        <fieldset key={m.month} className="rounded border p-3">
          <legend className="px-1 text-sm font-semibold">{monthLabel(m.month)}节点</legend>
          {m.fixed ? (
            <p className="text-sm text-gray-700">本月已结束，节点不再调整：{m.text}</p>
          ) : (
            <div className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr]">
              <TextField
                label={`${monthLabel(m.month)}底前完成（不设节点请留空）`}
                name={nodeTextField(m.month)}
                defaultValue={value(nodeTextField(m.month), m.text)}
                maxLength={NODE_TEXT_MAX}
                autoComplete="off"
                errors={state?.errors?.[nodeTextField(m.month)]}
              />
              <TextField
                label="指标值（选填）"
                name={nodeFigureField(m.month)}
                defaultValue={value(nodeFigureField(m.month), m.figure)}
                maxLength={NODE_FIGURE_MAX}
                autoComplete="off"
                errors={state?.errors?.[nodeFigureField(m.month)]}
              />
              <div>
                <label htmlFor={`field-${nodeUnitField(m.month)}`} className="mb-1 block text-sm font-medium text-gray-800">
                  责任单位
                </label>
                <select
                  id={`field-${nodeUnitField(m.month)}`}
                  name={nodeUnitField(m.month)}
                  defaultValue={value(nodeUnitField(m.month), String(m.unitId ?? units[0]?.id ?? ""))}
                  className={inputClassName}
                  aria-invalid={state?.errors?.[nodeUnitField(m.month)] ? true : undefined}
                >
                  {units.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name}
                    </option>
                  ))}
                </select>
                {state?.errors?.[nodeUnitField(m.month)]?.map((e) => (
                  <p key={e} className="mt-1 text-sm text-red-800">
                    {e}
                  </p>
                ))}
              </div>
            </div>
          )}
        </fieldset>
      ))}
      <Button type="submit" disabled={pending}>
        保存推进节点
      </Button>
    </form>
  );
}
