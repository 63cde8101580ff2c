"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { TextArea } from "@/components/ui/text-area";
import { saveCoopNoteAction } from "../actions";

/** A cooperating unit's 配合情况 for the quarter; the lead unit sees it while writing its report. */
export function CoopNoteForm({ taskNo, quarter, version, text }: { taskNo: number; quarter: string; version: number; text: string }) {
  const [state, formAction, pending] = useActionState(saveCoopNoteAction, undefined);
  return (
    <form action={formAction} className="space-y-3">
      <FormStatus state={state} />
      <input type="hidden" name="taskNo" value={taskNo} />
      <input type="hidden" name="quarter" value={quarter} />
      <input type="hidden" name="version" value={version} />
      <TextArea label="本单位配合情况" name="text" rows={4} maxLength={2000} defaultValue={state?.values?.text ?? text} errors={state?.errors?.text} required />
      <Button type="submit" disabled={pending}>
        {pending ? "正在保存…" : "保存配合情况"}
      </Button>
    </form>
  );
}
