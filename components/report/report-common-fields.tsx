import { Button } from "@/components/ui/button";
import { TextArea } from "@/components/ui/text-area";
import { inputClassName } from "@/components/ui/text-field";
import { EVIDENCE_ACCEPT, MAX_EVIDENCE_MB } from "@/lib/file-sniff";
import { MAX_FILES_PER_SAVE, reportField, TEXT_MAX_CHARS } from "@/lib/report-form";
import { SELF_STATUS } from "@/lib/vocabulary";
import { SELF_STATUS_LABEL } from "@/lib/report-labels";
import { formatSize } from "./report-content";

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
};

/** The fields every quarterly report has, task or livelihood project: the texts, the self-assessment and the evidence. */
export function ReportCommonFields({ value, errors, attachments, removed, nameFileInRemoveLabel = false }: CommonFieldsProps) {
  return (
    <>
      <TextArea label="工作进展（必填）" name={reportField.progress} rows={6} maxLength={TEXT_MAX_CHARS} defaultValue={value(reportField.progress)} errors={errors[reportField.progress]} required />
      <TextArea label="存在问题" name={reportField.problems} rows={3} maxLength={TEXT_MAX_CHARS} hint="没有问题可留空；填写的问题会提示督查室关注。" defaultValue={value(reportField.problems)} errors={errors[reportField.problems]} />
      <TextArea label="下步打算" name={reportField.nextSteps} rows={3} maxLength={TEXT_MAX_CHARS} defaultValue={value(reportField.nextSteps)} errors={errors[reportField.nextSteps]} />

      <fieldset aria-describedby={errors[reportField.selfStatus] ? "self-status-error" : undefined}>
        <legend className="mb-2 text-base font-semibold">自评状态</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
          {SELF_STATUS.map((s) => (
            <label key={s} className="inline-flex items-center gap-2">
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
        <label htmlFor="field-evidence" className="block text-sm font-medium text-gray-800">
          上传附件
        </label>
        <input
          id="field-evidence"
          name="evidence"
          type="file"
          multiple
          accept={EVIDENCE_ACCEPT}
          aria-describedby={errors.evidence ? "evidence-hint evidence-error" : "evidence-hint"}
          className={inputClassName}
        />
        <p id="evidence-hint" className="text-xs text-gray-700">
          支持 PDF、图片、Word、Excel，单个不超过 {MAX_EVIDENCE_MB} MB，每次最多 {MAX_FILES_PER_SAVE} 个；随“保存草稿”或“提交”一并上传。
        </p>
        <FieldErrors id="evidence-error" errors={errors.evidence} />
      </fieldset>
    </>
  );
}

/** 保存草稿 / 提交报告: the clicked button's `intent` tells the form which Server Action to run. */
export function ReportSubmitBar({ pending }: { pending: boolean }) {
  return (
    <div className="flex flex-col gap-3 border-t pt-4 sm:flex-row sm:items-center">
      <Button type="submit" name="intent" value="save" variant="secondary" disabled={pending}>
        {pending ? "正在保存…" : "保存草稿"}
      </Button>
      <Button type="submit" name="intent" value="submit" disabled={pending}>
        提交报告
      </Button>
      <p className="text-xs text-gray-700">提交后报告只读，督查室退回后方可修改。</p>
    </div>
  );
}
