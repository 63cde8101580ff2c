"use client";

import { useActionState } from "react";
import { replyNotice } from "@/app/supervision/notices/actions";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { TextArea } from "@/components/ui/text-area";
import { EVIDENCE_ACCEPT, MAX_EVIDENCE_MB } from "@/lib/file-sniff";

/** A unit's answer to a notice: what was done, with optional supporting files. */
export function NoticeReplyForm({ noticeId, version, title }: { noticeId: number; version: number; title: string }) {
  const [state, action, pending] = useActionState(replyNotice, undefined);
  const id = `reply-${noticeId}`;
  return (
    <form action={action} className="space-y-3" aria-label={`回复${title}`}>
      <FormStatus state={state} />
      <input type="hidden" name="noticeId" value={noticeId} />
      <input type="hidden" name="version" value={version} />
      <TextArea
        id={`${id}-text`}
        label="回复内容"
        name="reply"
        rows={3}
        maxLength={2000}
        required
        hint="写明整改措施、完成情况和下一步安排。"
        defaultValue={state?.ok ? "" : (state?.values?.reply ?? "")}
        errors={state?.errors?.reply}
      />
      <div>
        <label htmlFor={`${id}-files`} className="mb-1 block text-sm font-medium text-gray-800">
          附件（可选）
        </label>
        <input
          id={`${id}-files`}
          type="file"
          name="files"
          multiple
          accept={EVIDENCE_ACCEPT}
          aria-describedby={`${id}-files-hint`}
          className="block w-full text-sm"
        />
        <p id={`${id}-files-hint`} className="mt-1 text-xs text-gray-700">
          PDF、图片、Word、Excel，每个不超过 {MAX_EVIDENCE_MB} MB。
        </p>
        {state?.errors?.files && <p className="mt-1 text-sm text-red-800">{state.errors.files.join("；")}</p>}
      </div>
      <Button type="submit" disabled={pending}>
        提交回复
      </Button>
    </form>
  );
}
