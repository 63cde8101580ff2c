"use client";

import { useActionState } from "react";
import { recordSatisfaction } from "@/app/deputies/actions";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { SATISFACTION_LABEL, SATISFACTION_LEVELS, type SatisfactionLevel } from "@/lib/vocabulary";

/** One deputy's 测评 of one project: 满意 / 基本满意 / 不满意, changeable until the round closes. */
export function VoteForm({ projectNo, projectName, current }: { projectNo: number; projectName: string; current: SatisfactionLevel | null }) {
  const [state, action, pending] = useActionState(recordSatisfaction, undefined);
  const chosen = (state?.values?.level as string | undefined) ?? current ?? "";
  return (
    <form action={action} className="space-y-2">
      <FormStatus state={state} />
      <input type="hidden" name="projectNo" value={projectNo} />
      <fieldset>
        <legend className="mb-1 font-medium">
          第 {projectNo} 项 · {projectName}
        </legend>
        <div className="flex flex-wrap gap-4 text-sm">
          {SATISFACTION_LEVELS.map((l) => (
            <label key={l} className="flex items-center gap-1">
              <input type="radio" name="level" value={l} defaultChecked={chosen === l} required />
              {SATISFACTION_LABEL[l]}
            </label>
          ))}
        </div>
      </fieldset>
      <Button type="submit" disabled={pending}>
        {current ? "修改测评" : "提交测评"}
      </Button>
    </form>
  );
}
