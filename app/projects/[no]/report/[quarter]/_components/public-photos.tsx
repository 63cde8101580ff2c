"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { markEvidencePublic } from "../evidence-actions";

function PhotoToggle({ projectNo, quarter, photo }: { projectNo: number; quarter: string; photo: { id: number; filename: string; public: boolean } }) {
  const [state, action, pending] = useActionState(markEvidencePublic, undefined);
  const next = photo.public ? "0" : "1";
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="projectNo" value={projectNo} />
      <input type="hidden" name="quarter" value={quarter} />
      <input type="hidden" name="attachmentId" value={photo.id} />
      <input type="hidden" name="public" value={next} />
      <span className="text-sm">
        {photo.filename}：{photo.public ? "可公开" : "不公开"}
      </span>
      <Button type="submit" variant="secondary" disabled={pending}>
        {photo.public ? "取消公开" : "设为可公开"}
      </Button>
      <FormStatus state={state} />
    </form>
  );
}

/** The report's photos and whether each may appear on the 政务公开 page once the report is approved. */
export function PublicPhotos({
  projectNo,
  quarter,
  photos,
}: {
  projectNo: number;
  quarter: string;
  photos: { id: number; filename: string; public: boolean }[];
}) {
  return (
    <ul className="space-y-2">
      {photos.map((p) => (
        <li key={p.id}>
          <PhotoToggle projectNo={projectNo} quarter={quarter} photo={p} />
        </li>
      ))}
    </ul>
  );
}
