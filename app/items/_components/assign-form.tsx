"use client";

import { useActionState } from "react";
import { assignItem } from "@/app/items/actions";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { TextArea } from "@/components/ui/text-area";
import { TextField, inputClassName } from "@/components/ui/text-field";
import { ScheduleFields } from "./schedule-fields";

type Choice = { id: number; name: string };

const LEAD_SLOTS = ["牵头单位（汇总填报）", "第二牵头单位（可不选）", "第三牵头单位（可不选）"];

/** 领导交办: the 督查室 records a leader's 批示 (who, when, what) and who answers for it by when. */
export function AssignForm({ leaders, units, today }: { leaders: Choice[]; units: Choice[]; today: string }) {
  const [state, action, pending] = useActionState(assignItem, undefined);
  const v = state?.ok ? undefined : state?.values;
  const errors = state?.errors;
  const leads = (v?.leadUnitIds ?? "").split("\n");
  const coops = (v?.coopUnitIds ?? "").split("\n").filter(Boolean);
  return (
    <form action={action} className="max-w-2xl space-y-4">
      <FormStatus state={state} />
      <div>
        <label htmlFor="assign-leader" className="mb-1 block text-sm font-medium text-gray-800">
          批示领导
        </label>
        <select
          id="assign-leader"
          name="leaderId"
          required
          defaultValue={v?.leaderId ?? ""}
          className={inputClassName}
          aria-invalid={errors?.leaderId ? true : undefined}
        >
          <option value="">请选择</option>
          {leaders.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
        {errors?.leaderId && <p className="mt-1 text-sm text-red-800">{errors.leaderId.join("；")}</p>}
      </div>
      <TextField
        id="assign-date"
        label="批示日期"
        name="instructedOn"
        type="date"
        required
        max={today}
        defaultValue={v?.instructedOn ?? ""}
        errors={errors?.instructedOn}
      />
      <TextArea
        id="assign-text"
        label="批示内容（照批示原文录入）"
        name="text"
        rows={5}
        maxLength={2000}
        required
        defaultValue={v?.text ?? ""}
        errors={errors?.text}
      />
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium text-gray-800">牵头单位（排在第一位的单位汇总填报）</legend>
        {LEAD_SLOTS.map((label, i) => (
          <div key={label}>
            <label htmlFor={`assign-lead-${i}`} className="mb-1 block text-sm text-gray-800">
              {label}
            </label>
            <select id={`assign-lead-${i}`} name="leadUnitIds" required={i === 0} defaultValue={leads[i] ?? ""} className={inputClassName}>
              <option value="">{i === 0 ? "请选择" : "（不选）"}</option>
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
        ))}
        {errors?.leadUnitIds && <p className="text-sm text-red-800">{errors.leadUnitIds.join("；")}</p>}
      </fieldset>
      <div>
        <label htmlFor="assign-coop" className="mb-1 block text-sm font-medium text-gray-800">
          配合单位（可多选，按住 Ctrl 键选择多个）
        </label>
        <select id="assign-coop" name="coopUnitIds" multiple size={6} defaultValue={coops} className={inputClassName}>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
        {errors?.coopUnitIds && <p className="mt-1 text-sm text-red-800">{errors.coopUnitIds.join("；")}</p>}
      </div>
      <ScheduleFields cadence={v?.cadence ?? "none"} deadline={v?.deadline ?? ""} errors={errors} />
      <Button type="submit" disabled={pending}>
        录入督办事项
      </Button>
    </form>
  );
}
