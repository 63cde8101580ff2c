"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import type { FormState } from "@/app/_lib/action";
import { formSubmitCheck, KeptFormNotices, ReportCommonFields, ReportSubmitBar } from "@/components/report/report-common-fields";
import { MetricFields, type MetricField } from "@/components/report/metric-fields";
import { ReportContent } from "@/components/report/report-content";
import { useKeptForm } from "@/components/report/use-kept-form";
import { useFormAction } from "@/components/use-form-action";
import { REPORT_CONFLICT_MESSAGE, reportField } from "@/lib/report-form";
import type { ReportSnapshot } from "@/lib/report-snapshot";
import { saveItemReport, submitItemReport } from "../actions";

/** Save as draft or submit: the clicked button's intent picks the Server Action. */
async function dispatch(prev: FormState | undefined, data: FormData): Promise<FormState> {
  return data.get("intent") === "submit" ? submitItemReport(prev, data) : saveItemReport(prev, data);
}

export interface ItemReportFormProps {
  itemNo: number;
  quarter: string;
  version: number;
  /** The item's metrics (the plan's figures), filled in as a task's are. */
  metrics: MetricField[];
  /** Field values to start from: the saved report, or the previous quarter's (prefill). */
  initial: Record<string, string>;
  prefilledFrom: string | null;
  attachments: { id: number; filename: string; size: number }[];
  /** The content currently saved, shown next to the form after a version conflict. */
  latest: ReportSnapshot | null;
  /** Whether submitting now needs a 逾期说明 (or one was given). */
  lateNote: boolean;
  /** 工作进展 of the previous quarter's submitted report, compared before submitting. */
  previousProgress: string | null;
  /** Names this user's copy of the form in the browser (lib/local-draft.ts reportDraftKey). */
  draftKey: string;
  /** A monthly item whose quarterly report was already submitted: the month now owed ("11月"), submitted without a draft. */
  reopenedFor?: string | null;
}

/** A 督办事项's report: its metrics (if the plan printed any) and the fields every report has (进展, 问题, 下步打算, 自评, 佐证材料). */
export function ItemReportForm(props: ItemReportFormProps) {
  const { itemNo, quarter, metrics, initial, prefilledFrom, attachments, latest } = props;
  const [state, formAction, pending] = useFormAction(dispatch);
  const formRef = useRef<HTMLFormElement>(null);
  const kept = useKeptForm({ formRef, draftKey: props.draftKey, version: props.version, state });
  const router = useRouter();
  const conflict = state?.message === REPORT_CONFLICT_MESSAGE;
  // After a conflict, fetch the latest saved version (and its version number) while the form keeps what was typed.
  useEffect(() => {
    if (conflict) router.refresh();
  }, [conflict, state, router]);

  const value = (name: string) => state?.values?.[name] ?? initial[name] ?? "";
  const errors = state?.errors ?? {};
  const removed = new Set((state?.values?.removeAttachment ?? "").split("\n").filter(Boolean));

  return (
    <form ref={formRef} action={formAction} className="space-y-5" noValidate>
      <KeptFormNotices restored={kept.restored} onDiscard={kept.discard} sessionEnded={kept.sessionEnded} />
      {conflict && latest && (
        <details open className="rounded border border-amber-300 bg-amber-50 p-3">
          <summary className="cursor-pointer text-sm font-medium">最新保存的内容（供对照）</summary>
          <div className="mt-2">
            <ReportContent report={latest} canDownload />
          </div>
        </details>
      )}
      {prefilledFrom && (
        <p className="rounded border border-brand-600/30 bg-brand-50 px-3 py-2 text-sm text-brand-800">
          已从{prefilledFrom}报告带入{metrics.length ? "数据和文字" : "文字"}，请在此基础上修改。
        </p>
      )}
      <input type="hidden" name="itemNo" value={itemNo} />
      <input type="hidden" name="quarter" value={quarter} />
      <input type="hidden" name="version" value={kept.formVersion} />

      <MetricFields metrics={metrics} value={value} errors={errors} />
      <ReportCommonFields value={value} errors={errors} attachments={attachments} removed={removed} uploads={kept.uploads} lateNote={props.lateNote} />
      <ReportSubmitBar
        pending={pending}
        uploading={kept.uploads.uploading}
        onSubmit={kept.leaving}
        state={state}
        check={formSubmitCheck({
          previousProgress: props.previousProgress,
          keptAttachments: attachments.length,
          numberFields: metrics.map((m) => ({ name: reportField.metric(m.id), label: m.label })),
        })}
        {...(props.reopenedFor
          ? { canSave: false, submitLabel: `提交${props.reopenedFor}报告`, note: `按月报送：在本季度报告基础上更新后直接提交，作为${props.reopenedFor}报告。` }
          : {})}
      />
    </form>
  );
}
