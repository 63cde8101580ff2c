"use client";

import { EvidenceUploader, type EvidenceUploads } from "./evidence-uploader";
import { FieldErrors } from "./report-common-fields";
import { formatSize } from "./report-content";

/** A unit's own evidence on a part or a 配合情况: what is attached (each can be removed) and new uploads. */
export function KeptEvidence({
  legend,
  attachments,
  uploads,
  errors,
  attachedWhen,
}: {
  legend: string;
  attachments: { id: number; filename: string; size: number }[];
  uploads: EvidenceUploads;
  errors?: string[];
  attachedWhen?: string;
}) {
  return (
    <fieldset className="space-y-2">
      <legend className="mb-2 text-base font-semibold">{legend}</legend>
      {attachments.length > 0 && (
        <ul className="space-y-1 text-sm">
          {attachments.map((f) => (
            <li key={f.id} className="flex flex-wrap items-center gap-x-3">
              <a href={`/api/attachments/${f.id}`}>{f.filename}</a>
              <span className="text-gray-600">{formatSize(f.size)}</span>
              <label className="inline-flex min-h-11 items-center gap-1">
                <input type="checkbox" name="removeAttachment" value={f.id} />
                删除<span className="sr-only">{f.filename}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      <EvidenceUploader uploads={uploads} errors={errors} attachedWhen={attachedWhen} />
      <FieldErrors id="evidence-error" errors={errors} />
    </fieldset>
  );
}
