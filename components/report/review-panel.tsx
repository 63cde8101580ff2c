"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/form-values";
import type { QueueReturn } from "@/lib/review-filter";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { TextArea } from "@/components/ui/text-area";

type ReviewAction = (prev: FormState | undefined, data: FormData) => Promise<FormState>;

type Props = {
  reportId: number;
  /** The hidden field naming what was reported on: `taskNo` for a task, `projectNo` for a 民生实事. */
  subject: { name: "taskNo" | "projectNo" | "itemNo"; no: number };
  quarter: string;
  version: number;
  /** Server Actions of the report's route, passed in so one panel serves tasks and projects alike. */
  approve: ReviewAction;
  reject: ReviewAction;
  /** Reviewed from the review queue: the queue comes back on the same filters with the next report open. */
  queue?: QueueReturn;
};

/** The 督查室's review of a submitted report: 通过, or 退回 with the reason. */
export function ReviewPanel({ reportId, subject, quarter, version, approve, reject, queue }: Props) {
  const [state, formAction, pending] = useActionState(
    (prev: FormState | undefined, data: FormData) => (data.get("decision") === "approve" ? approve(prev, data) : reject(prev, data)),
    undefined,
  );
  return (
    <form action={formAction} className="space-y-3">
      <FormStatus state={state} />
      <input type="hidden" name="reportId" value={reportId} />
      <input type="hidden" name={subject.name} value={subject.no} />
      <input type="hidden" name="quarter" value={quarter} />
      <input type="hidden" name="version" value={version} />
      {queue && (
        <>
          <input type="hidden" name="from" value="queue" />
          <input type="hidden" name="next" value={queue.next ?? ""} />
          <input type="hidden" name="filterQuarter" value={queue.filter.quarter ?? ""} />
          <input type="hidden" name="filterUnit" value={queue.filter.unit ?? ""} />
          <input type="hidden" name="filterLamp" value={queue.filter.lamp ?? ""} />
        </>
      )}
      <TextArea
        id={`review-comment-${reportId}`}
        label="审核意见"
        name="comment"
        rows={3}
        maxLength={1000}
        hint="退回时必填，写明需要补充或修改的内容；通过时可留空。"
        defaultValue={state?.values?.comment ?? ""}
        errors={state?.errors?.comment}
      />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" name="decision" value="approve" disabled={pending}>
          审核通过
        </Button>
        <Button type="submit" name="decision" value="return" variant="danger" disabled={pending}>
          退回修改
        </Button>
      </div>
    </form>
  );
}
