"use client";

import { useActionState } from "react";
import { writeInstruction } from "@/app/instructions/actions";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { TextArea } from "@/components/ui/text-area";

/** A leader's 批示 on a subject (or one of its escalated 督办). */
export function InstructionForm({ subject, noticeId }: { subject: string; noticeId?: number }) {
  const [state, action, pending] = useActionState(writeInstruction, undefined);
  const id = `instruction-${subject.replace(":", "-")}-${noticeId ?? 0}`;
  return (
    <form action={action} className="space-y-2">
      <FormStatus state={state} />
      <input type="hidden" name="subject" value={subject} />
      {noticeId ? <input type="hidden" name="noticeId" value={noticeId} /> : null}
      <TextArea
        id={id}
        label="批示内容"
        name="text"
        rows={3}
        maxLength={1000}
        required
        defaultValue={state?.ok ? "" : (state?.values?.text ?? "")}
        errors={state?.errors?.text}
      />
      <Button type="submit" disabled={pending}>
        提交批示
      </Button>
    </form>
  );
}
