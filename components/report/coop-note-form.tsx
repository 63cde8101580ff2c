"use client";

import { useRef } from "react";
import type { FormState } from "@/lib/form-values";
import { Button } from "@/components/ui/button";
import { CountedTextArea } from "@/components/ui/counted-text-area";
import { FormStatus } from "@/components/ui/form-status";
import { useFormAction } from "@/components/use-form-action";
import { COOP_NOTE_MAX_CHARS } from "@/lib/report-form";
import { KeptFormNotices } from "./report-common-fields";
import { KeptEvidence } from "./kept-evidence";
import { useKeptForm } from "./use-kept-form";

type Props = {
  /** The hidden field naming the subject: `taskNo` for a task, `projectNo` for a 民生实事, `itemNo` for a 督办事项. */
  subject: { name: "taskNo" | "projectNo" | "itemNo"; no: number };
  quarter: string;
  version: number;
  text: string;
  attachments: { id: number; filename: string; size: number }[];
  draftKey: string;
  /** The route's Server Action, passed in so one form serves every kind of subject. */
  save: (prev: FormState | undefined, data: FormData) => Promise<FormState>;
};

/** A cooperating unit's 配合情况 for the quarter, with its evidence; the lead units read it while writing the report. */
export function CoopNoteForm({ subject, quarter, version, text, attachments, draftKey, save }: Props) {
  const [state, formAction, pending] = useFormAction(save);
  const formRef = useRef<HTMLFormElement>(null);
  const kept = useKeptForm({ formRef, draftKey, version, state });
  return (
    <form ref={formRef} action={formAction} className="space-y-3" noValidate>
      <KeptFormNotices restored={kept.restored} onDiscard={kept.discard} sessionEnded={kept.sessionEnded} />
      <input type="hidden" name={subject.name} value={subject.no} />
      <input type="hidden" name="quarter" value={quarter} />
      <input type="hidden" name="version" value={kept.formVersion} />
      <CountedTextArea
        label="本单位配合情况（必填）"
        name="text"
        id="coop-note-text"
        rows={4}
        maxLength={COOP_NOTE_MAX_CHARS}
        defaultValue={state?.values?.text ?? text}
        errors={state?.errors?.text}
        required
      />
      <KeptEvidence
        legend="配合情况佐证材料"
        attachments={attachments}
        uploads={kept.uploads}
        errors={state?.errors?.evidence}
        attachedWhen="点“保存配合情况”时附上"
      />
      <div className="flex flex-col gap-3 border-t pt-4 sm:flex-row sm:items-center">
        <Button type="submit" disabled={pending || kept.uploads.uploading}>
          {pending ? "正在保存…" : "保存配合情况"}
        </Button>
        <p className="text-xs text-gray-700">{kept.uploads.uploading ? "附件正在上传，上传完成后即可保存。" : "首次保存后牵头单位会收到提醒。"}</p>
      </div>
      {!pending && <FormStatus state={state} />}
    </form>
  );
}
