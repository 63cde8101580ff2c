"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { TextField } from "@/components/ui/text-field";
import { monthLabel, NODE_EVIDENCE_MAX, NODE_NOTE_MAX } from "@/lib/monthly-nodes";
import { markNodeDone } from "./actions";

/** The responsible unit marks its node done: a short note, and where the evidence is if any. */
export function NodeDoneForm({ subject, quarter, version, month }: { subject: string; quarter: string; version: number; month: number }) {
  const [state, formAction, pending] = useActionState(markNodeDone, undefined);
  const id = (f: string) => `node-${month}-${f}`;
  return (
    <form action={formAction} className="mt-2 space-y-2" noValidate aria-label={`${monthLabel(month)}节点标记完成`}>
      <FormStatus state={state} />
      <input type="hidden" name="subject" value={subject} />
      <input type="hidden" name="quarter" value={quarter} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="month" value={month} />
      <div className="grid gap-2 sm:grid-cols-2">
        <TextField
          id={id("note")}
          label="完成情况"
          name="note"
          defaultValue={state?.values?.note ?? ""}
          maxLength={NODE_NOTE_MAX}
          autoComplete="off"
          errors={state?.errors?.note}
        />
        <TextField
          id={id("evidence")}
          label="佐证（文号或材料名称，选填）"
          name="evidence"
          defaultValue={state?.values?.evidence ?? ""}
          maxLength={NODE_EVIDENCE_MAX}
          autoComplete="off"
          errors={state?.errors?.evidence}
        />
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        标记{monthLabel(month)}节点完成
      </Button>
    </form>
  );
}
