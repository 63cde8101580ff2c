"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { TextArea } from "@/components/ui/text-area";
import { TextField } from "@/components/ui/text-field";
import { remindOverdue } from "../remind-actions";
import { BULK_REMIND_FORM } from "./bulk-remind-form-id";

const defaultRequirement = (days: number) => `请于 ${days} 日内补报逾期的季度进展报告（或按清单所列问题整改），并书面说明原因。`;

/** 批量催办: the checkboxes beside each item join this form through their `form` attribute. */
export function BulkRemindBar({ query, shown }: { query: string; shown: number }) {
  const [state, action, pending] = useActionState(remindOverdue, undefined);
  const [days, setDays] = useState(Number(state?.values?.days ?? 5) || 5);
  const [requirement, setRequirement] = useState<string | null>(null);
  return (
    <details className="no-print rounded border bg-white p-3 shadow-sm">
      <summary className="cursor-pointer text-sm font-medium text-brand-700">批量催办</summary>
      <form id={BULK_REMIND_FORM} action={action} className="mt-3 space-y-3">
        <FormStatus state={state} />
        <input type="hidden" name="query" value={query} />
        <fieldset>
          <legend className="mb-1 text-sm font-medium text-gray-800">催办范围</legend>
          <div className="flex flex-wrap gap-4 text-sm">
            <label className="flex min-h-11 items-center gap-1">
              <input type="radio" name="scope" value="selected" defaultChecked={(state?.values?.scope ?? "selected") === "selected"} />
              勾选的事项
            </label>
            <label className="flex min-h-11 items-center gap-1">
              <input type="radio" name="scope" value="filter" defaultChecked={state?.values?.scope === "filter"} />
              当前筛选的全部 {shown} 项
            </label>
          </div>
        </fieldset>
        <div className="max-w-40">
          <TextField
            label="办理期限（天）"
            name="days"
            type="number"
            min={1}
            max={60}
            value={days}
            onChange={(e) => setDays(Number(e.target.value))}
            errors={state?.errors?.days}
          />
        </div>
        <TextArea
          label="整改要求"
          name="requirement"
          rows={3}
          maxLength={1000}
          value={requirement ?? state?.values?.requirement ?? defaultRequirement(days)}
          onChange={(e) => setRequirement(e.target.value)}
          errors={state?.errors?.requirement}
          hint="每个牵头单位各收到一份编号的催办；存在问题按清单所列原因逐项填写。"
        />
        <Button type="submit" disabled={pending}>
          发出催办
        </Button>
      </form>
    </details>
  );
}
