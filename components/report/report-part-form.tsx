"use client";

import { useRef } from "react";
import type { FormState } from "@/lib/form-values";
import { CountedTextArea } from "@/components/ui/counted-text-area";
import { useFormAction } from "@/components/use-form-action";
import { reportField, TEXT_MAX_CHARS } from "@/lib/report-form";
import { KeptFormNotices, ReportSubmitBar } from "./report-common-fields";
import { KeptEvidence } from "./kept-evidence";
import { useKeptForm } from "./use-kept-form";

type PartAction = (prev: FormState | undefined, data: FormData) => Promise<FormState>;

type Props = {
  /** The hidden field naming the subject: `taskNo` for a task, `projectNo` for a 民生实事. */
  subject: { name: "taskNo" | "projectNo" | "itemNo"; no: number };
  quarter: string;
  version: number;
  progress: string;
  problems: string;
  attachments: { id: number; filename: string; size: number }[];
  compilerName: string;
  draftKey: string;
  /** Server Actions of the report's route, passed in so one form serves tasks and projects alike. */
  save: PartAction;
  submit: PartAction;
};

/** A co-lead unit's own part of the report, saved or sent to the unit that compiles the report. */
export function ReportPartForm({ subject, quarter, version, progress, problems, attachments, compilerName, draftKey, save, submit }: Props) {
  const [state, formAction, pending] = useFormAction((prev: FormState | undefined, data: FormData) =>
    data.get("intent") === "submit" ? submit(prev, data) : save(prev, data),
  );
  const formRef = useRef<HTMLFormElement>(null);
  const kept = useKeptForm({ formRef, draftKey, version, state });
  const value = (name: string, initial: string) => state?.values?.[name] ?? initial;
  const errors = state?.errors ?? {};
  return (
    <form ref={formRef} action={formAction} className="space-y-4" noValidate>
      <KeptFormNotices restored={kept.restored} onDiscard={kept.discard} sessionEnded={kept.sessionEnded} />
      <p className="text-sm text-gray-800">
        本事项由{compilerName}汇总并提交报告。请填写本单位负责部分的进展和问题、附上佐证，报送后{compilerName}
        即可看到并收到提醒；汇总报告提交前可以修改后再次报送。
      </p>
      <input type="hidden" name={subject.name} value={subject.no} />
      <input type="hidden" name="quarter" value={quarter} />
      <input type="hidden" name="version" value={kept.formVersion} />
      <CountedTextArea
        label="本单位负责部分的工作进展（报送时必填）"
        name={reportField.progress}
        id="part-progress"
        rows={5}
        maxLength={TEXT_MAX_CHARS}
        defaultValue={value(reportField.progress, progress)}
        errors={errors[reportField.progress]}
      />
      <CountedTextArea
        label="存在问题"
        name={reportField.problems}
        id="part-problems"
        rows={3}
        maxLength={TEXT_MAX_CHARS}
        defaultValue={value(reportField.problems, problems)}
        errors={errors[reportField.problems]}
      />
      <KeptEvidence legend="本单位佐证材料" attachments={attachments} uploads={kept.uploads} errors={errors.evidence} />
      <ReportSubmitBar
        pending={pending}
        uploading={kept.uploads.uploading}
        onSubmit={() => undefined}
        state={state}
        submitLabel="报送牵头单位"
        note={`报送后${compilerName}会收到提醒。`}
      />
    </form>
  );
}
