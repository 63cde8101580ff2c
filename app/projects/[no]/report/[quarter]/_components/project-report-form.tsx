"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import type { FormState } from "@/app/_lib/action";
import { formSubmitCheck, KeptFormNotices, ReportCommonFields, ReportSubmitBar } from "@/components/report/report-common-fields";
import { useKeptForm } from "@/components/report/use-kept-form";
import { useFormAction } from "@/components/use-form-action";
import { REPORT_CONFLICT_MESSAGE } from "@/lib/report-form";
import { saveProjectReport, submitProjectReport } from "../actions";
import { PartFields, type PartFieldSet } from "./part-fields";

/** Save as draft or submit: the clicked button's intent picks the Server Action. */
async function dispatch(prev: FormState | undefined, data: FormData): Promise<FormState> {
  return data.get("intent") === "submit" ? submitProjectReport(prev, data) : saveProjectReport(prev, data);
}

export interface ProjectReportFormProps {
  projectNo: number;
  quarter: string;
  version: number;
  parts: PartFieldSet[];
  initial: Record<string, string>;
  prefilledFrom: string | null;
  attachments: { id: number; filename: string; size: number }[];
  today: string;
  /** Whether submitting now needs a 逾期说明 (or one was given). */
  lateNote: boolean;
  /** 工作进展 of the previous quarter's submitted report, compared before submitting. */
  previousProgress: string | null;
  /** The number fields, so the submit check can name the empty ones. */
  numberFields: { name: string; label: string }[];
  /** Names this user's copy of the form in the browser (lib/local-draft.ts reportDraftKey). */
  draftKey: string;
}

/** The quarterly report of a livelihood project: values and milestones per part, then the common fields. */
export function ProjectReportForm(props: ProjectReportFormProps) {
  const { projectNo, quarter, parts, initial, prefilledFrom, attachments, today } = props;
  const [state, formAction, pending] = useFormAction(dispatch);
  const formRef = useRef<HTMLFormElement>(null);
  const kept = useKeptForm({ formRef, draftKey: props.draftKey, version: props.version, state });
  const router = useRouter();
  const conflict = state?.message === REPORT_CONFLICT_MESSAGE;
  // After a conflict, fetch the latest saved version (and its version number) while the form keeps what was typed.
  useEffect(() => {
    if (conflict) router.refresh();
  }, [conflict, state, router]);

  // An unchecked box sends nothing, so a failed save echoes no value for it: keep what was ticked then.
  const echoed = state?.values;
  const value = (name: string) => (echoed ? (echoed[name] ?? (name.endsWith(".done") ? "" : initial[name]) ?? "") : (initial[name] ?? ""));
  const errors = state?.errors ?? {};
  const removed = new Set((echoed?.removeAttachment ?? "").split("\n").filter(Boolean));

  return (
    <form ref={formRef} action={formAction} className="space-y-5" noValidate>
      <KeptFormNotices restored={kept.restored} onDiscard={kept.discard} sessionEnded={kept.sessionEnded} />
      {prefilledFrom && (
        <p className="rounded border border-brand-600/30 bg-brand-50 px-3 py-2 text-sm text-brand-800">
          已从{prefilledFrom}报告带入累计数、节点完成情况和文字，请在此基础上修改。
        </p>
      )}
      <input type="hidden" name="projectNo" value={projectNo} />
      <input type="hidden" name="quarter" value={quarter} />
      <input type="hidden" name="version" value={kept.formVersion} />

      <p className="text-sm text-gray-800">各项数字均填写截至本季度末的累计完成数；已完成的节点请勾选并填写完成日期。</p>
      {parts.map((part) => (
        <PartFields key={part.id} part={part} value={value} errors={errors} today={today} />
      ))}

      <ReportCommonFields
        value={value}
        errors={errors}
        attachments={attachments}
        removed={removed}
        nameFileInRemoveLabel
        uploads={kept.uploads}
        lateNote={props.lateNote}
      />
      <ReportSubmitBar
        pending={pending}
        uploading={kept.uploads.uploading}
        onSubmit={kept.leaving}
        state={state}
        check={formSubmitCheck({ previousProgress: props.previousProgress, keptAttachments: attachments.length, numberFields: props.numberFields })}
      />
    </form>
  );
}
