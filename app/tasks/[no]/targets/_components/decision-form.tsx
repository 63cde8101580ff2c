"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { TextArea } from "@/components/ui/text-area";
import { decideTargetsChange } from "../actions";

/** The 督查室's decision on a change request: 同意 applies it at once, 不同意 needs a reason. */
export function DecisionForm({ requestId, version, label }: { requestId: number; version: number; label: string }) {
  const [state, formAction, pending] = useActionState(decideTargetsChange, undefined);
  return (
    <form action={formAction} className="space-y-2">
      <FormStatus state={state} />
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="version" value={version} />
      <TextArea
        id={`decision-${requestId}`}
        label={`审批意见（${label}）`}
        name="comment"
        rows={2}
        maxLength={500}
        defaultValue={state?.values?.comment ?? ""}
        errors={state?.errors?.comment}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="decision" value="approve" disabled={pending}>
          同意调整
        </Button>
        <Button type="submit" name="decision" value="refuse" variant="secondary" disabled={pending}>
          不同意
        </Button>
      </div>
    </form>
  );
}
