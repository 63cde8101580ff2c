"use client";

import { useActionState, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { inputClassName, TextField } from "@/components/ui/text-field";
import { EvidenceUploader, useEvidenceUploads } from "@/components/report/evidence-uploader";
import type { FormState } from "@/lib/form-values";
import { fieldLabel, REGISTER_STATUS_LABEL, STATUSES_OF, type RegisterField, type RegisterKind } from "@/lib/register";

export interface RegisterRowData {
  id: number;
  version: number;
  place: string;
  subPlace: string;
  name: string;
  severity: string | null;
  measure: string;
  status: string;
  statusOn: string | null;
  note: string;
  photos: { id: number; filename: string }[];
}

export interface RegisterFormScope {
  year: number;
  projectNo: number;
  part: number;
  kind: RegisterKind;
  categories: string[];
  estates: { estate: string; buildings: string[] }[];
  today: string;
}

type Save = (prev: FormState | undefined, data: FormData) => Promise<FormState>;

function Select({
  kind,
  field,
  value,
  options,
  errors,
  onChange,
}: {
  kind: RegisterKind;
  field: RegisterField;
  value: string;
  options: { value: string; label: string }[];
  errors?: string[];
  onChange?: (v: string) => void;
}) {
  const id = `field-${field}`;
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-gray-800">
        {fieldLabel(kind, field)}
      </label>
      <select
        id={id}
        name={field}
        defaultValue={value}
        className={inputClassName}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? `${id}-error` : undefined}
        onChange={(e) => onChange?.(e.currentTarget.value)}
      >
        <option value="">请选择</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {errors?.length ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-800">
          {errors.join("；")}
        </p>
      ) : null}
    </div>
  );
}

/**
 * Adds or edits one register row. A refused save keeps what was typed (the answer echoes it);
 * a row changed meanwhile by someone else is refused, not overwritten.
 */
export function RegisterRowForm({ scope, row, save, onDone }: { scope: RegisterFormScope; row: RegisterRowData | null; save: Save; onDone: () => void }) {
  const [state, action, pending] = useActionState(save, undefined);
  const uploads = useEvidenceUploads();
  const { kind } = scope;
  const v = (f: RegisterField) => state?.values?.[f] ?? (row ? String(row[f] ?? "") : "");
  const err = (f: string) => state?.errors?.[f];
  const [estate, setEstate] = useState(v("place"));
  const buildings = scope.estates.find((e) => e.estate === estate)?.buildings ?? [];

  useEffect(() => {
    if (state?.ok) onDone();
  }, [state, onDone]);

  return (
    <form action={action} className="space-y-3 rounded border border-gray-300 bg-brand-50 p-3" aria-label={row ? `修改：${row.name}` : "新增一行"}>
      <input type="hidden" name="year" value={scope.year} />
      <input type="hidden" name="projectNo" value={scope.projectNo} />
      <input type="hidden" name="part" value={scope.part} />
      <input type="hidden" name="id" value={row?.id ?? ""} />
      <input type="hidden" name="version" value={row?.version ?? 0} />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {kind === "urbanHouse" ? (
          <>
            <Select
              kind={kind}
              field="place"
              value={v("place")}
              options={scope.estates.map((e) => ({ value: e.estate, label: e.estate }))}
              errors={err("place")}
              onChange={setEstate}
            />
            <Select kind={kind} field="subPlace" value={v("subPlace")} options={buildings.map((b) => ({ value: b, label: b }))} errors={err("subPlace")} />
          </>
        ) : (
          <>
            <TextField label={fieldLabel(kind, "place")} name="place" defaultValue={v("place")} errors={err("place")} autoComplete="off" />
            <TextField label={fieldLabel(kind, "subPlace")} name="subPlace" defaultValue={v("subPlace")} errors={err("subPlace")} autoComplete="off" />
          </>
        )}
        <TextField label={fieldLabel(kind, "name")} name="name" defaultValue={v("name")} errors={err("name")} autoComplete="off" />
        {kind === "bridge" && (
          <Select kind={kind} field="severity" value={v("severity")} options={scope.categories.map((c) => ({ value: c, label: c }))} errors={err("severity")} />
        )}
        <Select
          kind={kind}
          field="status"
          value={v("status")}
          options={STATUSES_OF[kind].map((s) => ({ value: s, label: REGISTER_STATUS_LABEL[s] }))}
          errors={err("status")}
        />
        <TextField label={fieldLabel(kind, "statusOn")} name="statusOn" type="date" max={scope.today} defaultValue={v("statusOn")} errors={err("statusOn")} />
      </div>
      {kind === "bridge" && (
        <div>
          <label htmlFor="field-measure" className="mb-1 block text-sm font-medium text-gray-800">
            {fieldLabel(kind, "measure")}
          </label>
          <textarea id="field-measure" name="measure" rows={2} defaultValue={v("measure")} className={inputClassName} />
        </div>
      )}
      <TextField label={fieldLabel(kind, "note")} name="note" defaultValue={v("note")} errors={err("note")} autoComplete="off" />
      {row && row.photos.length > 0 && (
        <fieldset>
          <legend className="text-sm font-medium text-gray-800">已有照片（勾选以移除）</legend>
          <ul className="mt-1 space-y-1 text-sm">
            {row.photos.map((p) => (
              <li key={p.id}>
                <label className="inline-flex min-h-11 items-center gap-2">
                  <input type="checkbox" name="removePhoto" value={p.id} />
                  移除 {p.filename}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <EvidenceUploader uploads={uploads} errors={err("photos")} label="上传照片" attachedWhen="点“保存”时附到本行" />
      <FormStatus state={state} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending || uploads.uploading}>
          {pending ? "正在保存…" : "保存"}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          取消
        </Button>
      </div>
    </form>
  );
}
