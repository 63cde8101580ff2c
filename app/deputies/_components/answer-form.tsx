"use client";

import { useActionState } from "react";
import { answerSuggestion } from "@/app/deputies/actions";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { TextArea } from "@/components/ui/text-area";

/** The lead unit's answer to one 建议 (it may revise it; a concurrent answer is detected by version). */
export function AnswerForm({ suggestionId, version, answer }: { suggestionId: number; version: number; answer: string | null }) {
  const [state, action, pending] = useActionState(answerSuggestion, undefined);
  return (
    <form action={action} className="space-y-2">
      <FormStatus state={state} />
      <input type="hidden" name="suggestionId" value={suggestionId} />
      <input type="hidden" name="version" value={version} />
      <TextArea
        id={`answer-${suggestionId}`}
        label={answer ? "修改答复" : "答复"}
        name="answer"
        rows={3}
        maxLength={2000}
        required
        defaultValue={state?.values?.answer ?? answer ?? ""}
        errors={state?.errors?.answer}
      />
      <Button type="submit" disabled={pending}>
        保存答复
      </Button>
    </form>
  );
}
