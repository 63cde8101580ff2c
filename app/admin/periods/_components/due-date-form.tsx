"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { TextField } from "@/components/ui/text-field";
import { updateDueDate } from "../actions";

export function DueDateForm({
  code,
  label,
  version,
  dueOn,
  defaultDueOn,
}: {
  code: string;
  label: string;
  version: number;
  dueOn: string;
  defaultDueOn: string;
}) {
  const [state, formAction, pending] = useActionState(updateDueDate, undefined);
  return (
    <form action={formAction} className="space-y-2">
      <FormStatus state={state} />
      <input type="hidden" name="code" value={code} />
      <input type="hidden" name="version" value={version} />
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="sm:w-56">
          <TextField
            id={`due-${code}`}
            label={`${label}报告截止日期`}
            name="dueOn"
            type="date"
            required
            defaultValue={state?.values?.dueOn ?? dueOn}
            hint={`默认 ${defaultDueOn}（季度结束后第 5 天）`}
            errors={state?.errors?.dueOn}
          />
        </div>
        <Button type="submit" variant="secondary" disabled={pending} className="sm:mb-6">
          保存<span className="sr-only">{label}截止日期</span>
        </Button>
      </div>
    </form>
  );
}
