"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { TextArea } from "@/components/ui/text-area";
import { TextField } from "@/components/ui/text-field";
import { issueNotice } from "../../actions";

/** 催办 (reminder) or 督办 (formal, numbered): the problem, what is required, and by when. */
export function IssueNoticeForm({
  subjectKey,
  periodCode,
  problem,
  deadline,
  today,
}: {
  subjectKey: string;
  periodCode: string;
  problem: string;
  deadline: string;
  today: string;
}) {
  const [state, action, pending] = useActionState(issueNotice, undefined);
  const v = state?.values;
  const level = v?.level ?? "cuiban";
  return (
    <form action={action} className="space-y-4">
      <FormStatus state={state} />
      <input type="hidden" name="subject" value={subjectKey} />
      <input type="hidden" name="periodCode" value={periodCode} />
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-gray-800">类型</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name="level" value="cuiban" defaultChecked={level === "cuiban"} />
            催办（提醒）
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="level" value="duban" defaultChecked={level === "duban"} />
            督办（正式发文，编号 督办〔年〕N号）
          </label>
        </div>
        {state?.errors?.level && <p className="mt-1 text-sm text-red-800">{state.errors.level.join("；")}</p>}
      </fieldset>
      <TextArea label="存在问题" name="problem" rows={3} maxLength={1000} required defaultValue={v?.problem ?? problem} errors={state?.errors?.problem} />
      <TextArea
        label="整改要求"
        name="requirement"
        rows={3}
        maxLength={1000}
        required
        defaultValue={v?.requirement ?? ""}
        hint="写明要求牵头单位做什么，例如：立即补报季度报告，说明逾期原因并提出整改措施。"
        errors={state?.errors?.requirement}
      />
      <TextField label="回复期限" name="deadline" type="date" min={today} required defaultValue={v?.deadline ?? deadline} errors={state?.errors?.deadline} />
      <Button type="submit" disabled={pending}>
        发出
      </Button>
    </form>
  );
}
