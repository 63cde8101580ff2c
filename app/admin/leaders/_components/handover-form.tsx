"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { inputClassName, TextField } from "@/components/ui/text-field";
import { handOverLeaderAction } from "../actions";

type Props = {
  leader: { id: number; name: string; title: string | null; version: number };
  subjects: { key: string; label: string; title: string }[];
  others: { id: number; name: string }[];
  today: string;
};

const errorText = (errors?: string[]) => errors?.length && <p className="mt-1 text-sm text-red-800">{errors.join("；")}</p>;

/** The handover of one leader: to whom, from when, which subjects (all by default), why and on what basis. */
export function HandoverForm({ leader, subjects, others, today }: Props) {
  const [state, action, pending] = useActionState(handOverLeaderAction, undefined);
  const v = state?.ok ? undefined : state?.values;
  // After a refusal the ticks are as sent; otherwise every subject moves.
  const ticked = v ? new Set((v.subjects ?? "").split("\n")) : null;
  return (
    <form action={action} aria-labelledby="handover-title" className="space-y-4 rounded border bg-white p-4">
      <h2 id="handover-title" className="text-base font-semibold">
        办理交接
      </h2>
      <FormStatus state={state} />
      <input type="hidden" name="leaderId" value={leader.id} />
      <input type="hidden" name="version" value={leader.version} />
      <div className="grid gap-4 md:grid-cols-2">
        <div>
          <label htmlFor="handover-to" className="mb-1 block text-sm font-medium text-gray-800">
            接任领导
          </label>
          <select id="handover-to" name="toLeaderId" defaultValue={v?.toLeaderId ?? ""} className={inputClassName}>
            <option value="">新增领导（在右侧填写姓名和职务）</option>
            {others.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
          {errorText(state?.errors?.toLeaderId)}
        </div>
        <fieldset className="space-y-2">
          <legend className="mb-1 text-sm font-medium text-gray-800">新增领导（接任的是系统中还没有的领导时填写）</legend>
          <TextField id="handover-new-name" label="新领导姓名" name="newName" defaultValue={v?.newName} errors={state?.errors?.newName} />
          <TextField
            id="handover-new-title"
            label="新领导职务（不填则用交接的职务）"
            name="newTitle"
            defaultValue={v?.newTitle}
            errors={state?.errors?.newTitle}
          />
        </fieldset>
        <TextField
          id="handover-post"
          label="交接的职务（如“市长”；只调整分工时可不填）"
          name="post"
          defaultValue={v?.post ?? leader.title ?? ""}
          errors={state?.errors?.post}
        />
        <TextField
          id="handover-from-title"
          label={`${leader.name}今后的职务（交出该职务后；可不填）`}
          name="fromTitleAfter"
          defaultValue={v?.fromTitleAfter}
          errors={state?.errors?.fromTitleAfter}
        />
        <TextField
          id="handover-date"
          label="交接日期（自该日起由接任领导牵头）"
          name="effectiveOn"
          type="date"
          max={today}
          required
          defaultValue={v?.effectiveOn ?? today}
          errors={state?.errors?.effectiveOn}
        />
      </div>
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-gray-800">移交的牵头事项（默认全部）</legend>
        {subjects.length === 0 ? (
          <p className="text-sm text-gray-700">{leader.name}本年度没有牵头事项，可只交接职务。</p>
        ) : (
          <ul className="space-y-1">
            {subjects.map((s) => (
              <li key={s.key}>
                <label className="flex min-h-11 items-start gap-2 text-sm sm:min-h-0">
                  <input type="checkbox" name="subjects" value={s.key} defaultChecked={ticked ? ticked.has(s.key) : true} className="mt-1" />
                  <span>
                    <span className="font-medium">{s.label}</span> {s.title.length > 60 ? `${s.title.slice(0, 60)}…` : s.title}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
        {errorText(state?.errors?.subjects)}
      </fieldset>
      <TextField id="handover-reason" label="变更原因" name="reason" required defaultValue={v?.reason} errors={state?.errors?.reason} />
      <TextField id="handover-source" label="依据（如任免文件文号或会议纪要）" name="source" required defaultValue={v?.source} errors={state?.errors?.source} />
      <Button type="submit" disabled={pending}>
        确认交接
      </Button>
    </form>
  );
}
