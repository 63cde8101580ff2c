"use client";

import { useEffect, useRef, useState, type MouseEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { missingItems } from "@/lib/submit-check";
import { LATE_NOTE_FIELD, LATE_NOTE_MAX } from "@/lib/late-note";
import { CountedTextArea } from "@/components/ui/counted-text-area";
import { loginPathFor } from "@/lib/safe-redirect";
import { reportField, TEXT_MAX_CHARS } from "@/lib/report-form";
import { SELF_STATUS } from "@/lib/vocabulary";
import { SELF_STATUS_LABEL } from "@/lib/report-labels";
import { EvidenceUploader, type EvidenceUploads } from "./evidence-uploader";
import { formatSize } from "./report-content";
import type { LocalDraft } from "@/lib/local-draft";
import { formatDateTime } from "@/lib/format-time";

/** A field's error list, referenced by `aria-describedby` from the fieldset or input it belongs to. */
export function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <ul id={id} className="mt-1 text-sm text-red-800">
      {errors.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}

type CommonFieldsProps = {
  /** The value a field starts from (saved, prefilled or echoed back after a failed save). */
  value: (name: string) => string;
  errors: Record<string, string[]>;
  attachments: { id: number; filename: string; size: number }[];
  /** Ids (as strings) of attachments ticked for removal in the failed submission. */
  removed: Set<string>;
  /** Whether each "删除" checkbox's accessible name also says which file it removes. */
  nameFileInRemoveLabel?: boolean;
  /** Evidence chosen in this visit, uploaded one file at a time (components/report/evidence-uploader.tsx). */
  uploads: EvidenceUploads;
  /** Ask for a 逾期说明: the report is past its due day and not yet submitted (or has one). */
  lateNote?: boolean;
};

/** The fields every quarterly report has, task or livelihood project: the texts, the self-assessment and the evidence. */
export function ReportCommonFields({ value, errors, attachments, removed, nameFileInRemoveLabel = false, uploads, lateNote = false }: CommonFieldsProps) {
  return (
    <>
      <CountedTextArea
        label="工作进展（必填）"
        name={reportField.progress}
        rows={6}
        maxLength={TEXT_MAX_CHARS}
        defaultValue={value(reportField.progress)}
        errors={errors[reportField.progress]}
        required
      />
      <CountedTextArea
        label="存在问题"
        name={reportField.problems}
        rows={3}
        maxLength={TEXT_MAX_CHARS}
        hint="没有问题可留空；填写的问题会提示督查室关注。"
        defaultValue={value(reportField.problems)}
        errors={errors[reportField.problems]}
      />
      <CountedTextArea
        label="下步打算"
        name={reportField.nextSteps}
        rows={3}
        maxLength={TEXT_MAX_CHARS}
        defaultValue={value(reportField.nextSteps)}
        errors={errors[reportField.nextSteps]}
      />

      {lateNote && (
        <CountedTextArea
          label="逾期说明（逾期提交时必填）"
          name={LATE_NOTE_FIELD}
          rows={2}
          maxLength={LATE_NOTE_MAX}
          hint="本季度报告已过报送期限，请简要写明逾期原因，督查室审核和逾期名单中会看到。"
          defaultValue={value(LATE_NOTE_FIELD)}
          errors={errors[LATE_NOTE_FIELD]}
        />
      )}

      <fieldset aria-describedby={errors[reportField.selfStatus] ? "self-status-error" : undefined}>
        <legend className="mb-2 text-base font-semibold">自评状态</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
          {SELF_STATUS.map((s) => (
            <label key={s} className="inline-flex min-h-11 items-center gap-2">
              <input type="radio" name={reportField.selfStatus} value={s} defaultChecked={value(reportField.selfStatus) === s} />
              {SELF_STATUS_LABEL[s]}
            </label>
          ))}
        </div>
        <FieldErrors id="self-status-error" errors={errors[reportField.selfStatus]} />
      </fieldset>

      <fieldset className="space-y-2">
        <legend className="mb-2 text-base font-semibold">佐证材料</legend>
        {attachments.length > 0 && (
          <ul className="space-y-1 text-sm">
            {attachments.map((f) => (
              <li key={f.id} className="flex flex-wrap items-center gap-x-3">
                <a href={`/api/attachments/${f.id}`}>{f.filename}</a>
                <span className="text-gray-600">{formatSize(f.size)}</span>
                <label className="inline-flex items-center gap-1">
                  <input type="checkbox" name="removeAttachment" value={f.id} defaultChecked={removed.has(String(f.id))} />
                  删除{nameFileInRemoveLabel && <span className="sr-only">{f.filename}</span>}
                </label>
              </li>
            ))}
          </ul>
        )}
        <EvidenceUploader uploads={uploads} errors={errors.evidence} />
        <FieldErrors id="evidence-error" errors={errors.evidence} />
      </fieldset>
    </>
  );
}

/** What a submitted form answered: its message beside the buttons, and focus on the first field in error. */
type SubmitState = { ok?: boolean; message?: string; errors?: Record<string, string[]> } | undefined;

/**
 * 保存草稿 / 提交报告: the clicked button's `intent` tells the form which Server Action to run.
 * The outcome appears here, beside the button pressed. Before submitting, `check` lists what
 * looks missing (lib/submit-check.ts) and the unit confirms or goes back to the form.
 */
export function ReportSubmitBar({
  pending,
  uploading,
  onSubmit,
  state,
  check,
  submitLabel = "提交报告",
  note = "提交后报告只读，督查室退回后方可修改。",
  canSave = true,
}: {
  pending: boolean;
  uploading: boolean;
  onSubmit: () => void;
  state: SubmitState;
  check?: (form: HTMLFormElement) => string[];
  submitLabel?: string;
  note?: string;
  /** False where the report takes a submission only (a monthly item's next month). */
  canSave?: boolean;
}) {
  const bar = useRef<HTMLDivElement>(null);
  const [missing, setMissing] = useState<string[] | null>(null);
  const [pressed, setPressed] = useState<"save" | "submit">("save");
  useEffect(() => {
    if (!state) return;
    const form = bar.current?.closest("form");
    const invalid = form?.querySelector<HTMLElement>("[aria-invalid='true']");
    if (invalid) invalid.focus();
    else bar.current?.querySelector<HTMLElement>("[data-outcome]")?.focus();
  }, [state]);

  function submitClicked(e: MouseEvent<HTMLButtonElement>) {
    setPressed("submit");
    const form = e.currentTarget.form;
    const list = form && check ? check(form) : [];
    if (list.length > 0) {
      e.preventDefault();
      setMissing(list);
      return;
    }
    onSubmit();
  }

  function confirmSubmit(e: MouseEvent<HTMLButtonElement>) {
    setMissing(null);
    onSubmit();
    e.currentTarget.form?.requestSubmit(bar.current?.querySelector<HTMLButtonElement>("button[value='submit']") ?? undefined);
  }

  return (
    <div ref={bar} className="space-y-3 border-t pt-4">
      {missing && (
        <div role="alertdialog" aria-labelledby="submit-check-title" className="rounded border border-amber-400 bg-amber-50 p-3 text-sm">
          <p id="submit-check-title" className="font-medium text-amber-950">
            提交前请确认：以下内容看起来还没有填好
          </p>
          <ul className="my-2 list-disc pl-5 text-amber-950">
            {missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
          <div className="flex flex-wrap gap-3">
            <Button type="button" onClick={confirmSubmit} autoFocus>
              仍然提交
            </Button>
            <Button type="button" variant="secondary" onClick={() => setMissing(null)}>
              返回修改
            </Button>
          </div>
        </div>
      )}
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
        {canSave && (
          <Button type="submit" name="intent" value="save" variant="secondary" disabled={pending || uploading} onClick={() => setPressed("save")}>
            {pending && pressed === "save" ? "正在保存…" : "保存草稿"}
          </Button>
        )}
        <Button type="submit" name="intent" value="submit" disabled={pending || uploading} onClick={submitClicked}>
          {pending && pressed === "submit" ? "正在提交…" : submitLabel}
        </Button>
        <p className="text-xs text-gray-700">{uploading ? "附件正在上传，上传完成后即可保存或提交。" : note}</p>
      </div>
      {!pending && state?.message && (
        <div tabIndex={-1} data-outcome className="outline-none">
          <FormStatus state={state} />
        </div>
      )}
    </div>
  );
}

/** Reads the form at submit time for the missing-items check. */
export function formSubmitCheck({
  previousProgress,
  keptAttachments,
  numberFields,
}: {
  previousProgress: string | null;
  keptAttachments: number;
  numberFields: { name: string; label: string }[];
}): (form: HTMLFormElement) => string[] {
  return (form) => {
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? "");
    return missingItems({
      progress: text(reportField.progress),
      problems: text(reportField.problems),
      nextSteps: text(reportField.nextSteps),
      previousProgress,
      evidenceCount: keptAttachments - data.getAll("removeAttachment").length + data.getAll("attach").length,
      emptyValues: numberFields.filter((f) => !text(f.name).trim()).map((f) => f.label),
    });
  };
}

/**
 * What the kept form has to say: a copy restored from this browser (with a way to drop it), and
 * an ended session (sign in again and come back here: the copy is restored then).
 */
export function KeptFormNotices({ restored, onDiscard, sessionEnded }: { restored: LocalDraft | null; onDiscard: () => void; sessionEnded: boolean }) {
  return (
    <>
      {sessionEnded && (
        <div role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          登录已失效，本页填写的内容已暂存在本机浏览器。请
          <a
            href={loginPathFor(typeof window === "undefined" ? null : `${window.location.pathname}${window.location.search}`)}
            className="mx-1 font-medium underline"
          >
            重新登录
          </a>
          ，登录后会回到本页并恢复这些内容。
        </div>
      )}
      {restored && (
        <div role="status" className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          <span>已恢复您 {formatDateTime(restored.savedAt).slice(0, 16)} 在本机填写但尚未保存的内容，请核对后保存。</span>
          <button type="button" onClick={onDiscard} className="min-h-11 underline">
            放弃这些内容
          </button>
        </div>
      )}
    </>
  );
}
