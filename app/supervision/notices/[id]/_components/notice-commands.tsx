"use client";

import { useActionState, type ReactNode } from "react";
import type { FormState } from "@/app/_lib/action";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { TextArea } from "@/components/ui/text-area";
import { TextField } from "@/components/ui/text-field";
import type { NoticeCommand } from "@/lib/notice-state";
import { closeNotice, escalateNoticeToLeader, raiseNoticeToDuban, sendBackNotice } from "../../actions";

type Action = (prev: FormState | undefined, data: FormData) => Promise<FormState>;
type NoticeRef = { id: number; version: number; problem: string; requirement: string };

function CommandForm({
  notice,
  action,
  title,
  submit,
  variant = "primary",
  children,
}: {
  notice: NoticeRef;
  action: Action;
  title: string;
  submit: string;
  variant?: "primary" | "secondary" | "danger";
  children: (state: FormState | undefined) => ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, undefined);
  return (
    <form action={formAction} className="space-y-3 rounded border p-3" aria-label={title}>
      <h3 className="text-sm font-semibold">{title}</h3>
      <FormStatus state={state} />
      <input type="hidden" name="noticeId" value={notice.id} />
      <input type="hidden" name="version" value={notice.version} />
      {children(state)}
      <Button type="submit" variant={variant} disabled={pending}>
        {submit}
      </Button>
    </form>
  );
}

/** The commands the state machine allows on this notice today, each with what it needs. */
export function NoticeCommands({
  notice,
  commands,
  today,
  defaultDeadline,
}: {
  notice: NoticeRef;
  commands: NoticeCommand[];
  today: string;
  defaultDeadline: string;
}) {
  return (
    <div className="grid gap-3 lg:grid-cols-2">
      {commands.includes("close") && (
        <CommandForm notice={notice} action={closeNotice} title="销号" submit="销号">
          {(s) => (
            <TextArea
              id="close-comment"
              label="销号意见（可选）"
              name="comment"
              rows={2}
              maxLength={500}
              defaultValue={s?.values?.comment ?? ""}
              errors={s?.errors?.comment}
            />
          )}
        </CommandForm>
      )}
      {commands.includes("sendBack") && (
        <CommandForm notice={notice} action={sendBackNotice} title="退回重办" submit="退回" variant="danger">
          {(s) => (
            <>
              <TextArea
                id="back-comment"
                label="退回理由（必填）"
                name="comment"
                rows={2}
                maxLength={500}
                required
                defaultValue={s?.values?.comment ?? ""}
                errors={s?.errors?.comment}
              />
              <TextField
                id="back-deadline"
                label="新的回复期限"
                name="deadline"
                type="date"
                min={today}
                required
                defaultValue={s?.values?.deadline ?? defaultDeadline}
                errors={s?.errors?.deadline}
              />
            </>
          )}
        </CommandForm>
      )}
      {commands.includes("raiseToDuban") && (
        <CommandForm notice={notice} action={raiseNoticeToDuban} title="升级为督办" submit="升级为督办" variant="danger">
          {(s) => (
            <>
              <TextArea
                id="raise-problem"
                label="存在问题"
                name="problem"
                rows={2}
                maxLength={1000}
                required
                defaultValue={s?.values?.problem ?? `催办逾期未回复。${notice.problem}`}
                errors={s?.errors?.problem}
              />
              <TextArea
                id="raise-requirement"
                label="整改要求"
                name="requirement"
                rows={2}
                maxLength={1000}
                required
                defaultValue={s?.values?.requirement ?? notice.requirement}
                errors={s?.errors?.requirement}
              />
              <TextField
                id="raise-deadline"
                label="回复期限"
                name="deadline"
                type="date"
                min={today}
                required
                defaultValue={s?.values?.deadline ?? defaultDeadline}
                errors={s?.errors?.deadline}
              />
            </>
          )}
        </CommandForm>
      )}
      {commands.includes("escalateToLeader") && (
        <CommandForm notice={notice} action={escalateNoticeToLeader} title="呈报牵头领导" submit="呈报牵头领导" variant="secondary">
          {(s) => (
            <TextArea
              id="escalate-comment"
              label="呈报说明（可选）"
              name="comment"
              rows={2}
              maxLength={500}
              defaultValue={s?.values?.comment ?? ""}
              errors={s?.errors?.comment}
            />
          )}
        </CommandForm>
      )}
    </div>
  );
}
