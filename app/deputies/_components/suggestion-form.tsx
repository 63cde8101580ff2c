"use client";

import { useActionState } from "react";
import { leaveSuggestion } from "@/app/deputies/actions";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { TextArea } from "@/components/ui/text-area";

/** A 人大代表's 建议 on a livelihood project. */
export function SuggestionForm({ projectNo }: { projectNo: number }) {
  const [state, action, pending] = useActionState(leaveSuggestion, undefined);
  return (
    <form action={action} className="space-y-2">
      <FormStatus state={state} />
      <input type="hidden" name="projectNo" value={projectNo} />
      <TextArea
        id={`suggestion-${projectNo}`}
        label="我的建议"
        name="text"
        rows={3}
        maxLength={2000}
        required
        defaultValue={state?.ok ? "" : (state?.values?.text ?? "")}
        errors={state?.errors?.text}
        key={state?.ok ? state.message : "editing"}
      />
      <Button type="submit" disabled={pending}>
        提交建议
      </Button>
    </form>
  );
}
