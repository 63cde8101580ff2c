"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { inputClassName } from "@/components/ui/text-field";
import { TextArea } from "@/components/ui/text-area";
import { TextField } from "@/components/ui/text-field";
import { updateTask } from "../../actions";

export interface TaskEditValues {
  no: number;
  version: number;
  target: string;
  sectionId: number;
  leaders: string;
  leadUnits: string;
  coopUnits: string;
  metrics: string;
  needsVerification: boolean;
  note: string;
}

export function TaskEditForm({ task, sections }: { task: TaskEditValues; sections: { id: number; name: string }[] }) {
  const [state, formAction, pending] = useActionState(updateTask, undefined);
  const v = state?.values;
  const e = state?.errors;
  // After a save the page re-renders with the new version; typed values are echoed only on failure.
  const value = (field: keyof TaskEditValues) => (state && !state.ok && v?.[field] !== undefined ? v[field] : String(task[field]));
  return (
    <form action={formAction} className="space-y-4" key={task.version}>
      <input type="hidden" name="no" value={task.no} />
      <input type="hidden" name="version" value={task.version} />
      <TextArea label="目标任务" name="target" rows={4} required defaultValue={value("target")} errors={e?.target} />
      <div>
        <label htmlFor="field-sectionId" className="mb-1 block text-sm font-medium text-gray-800">
          所属板块
        </label>
        <select
          id="field-sectionId"
          name="sectionId"
          defaultValue={value("sectionId")}
          className={inputClassName}
          aria-invalid={e?.sectionId ? true : undefined}
        >
          {sections.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <TextArea label="牵头领导" name="leaders" rows={2} defaultValue={value("leaders")} hint="每行一位，按公报顺序。" errors={e?.leaders} />
      <TextArea
        label="牵头单位"
        name="leadUnits"
        rows={3}
        defaultValue={value("leadUnits")}
        hint="每行一个，按公报顺序；第一个单位负责汇总填报。没有牵头单位的任务无需报送。"
        errors={e?.leadUnits}
      />
      <TextArea label="配合单位" name="coopUnits" rows={3} defaultValue={value("coopUnits")} hint="每行一个。" errors={e?.coopUnits} />
      <TextArea
        label="量化指标"
        name="metrics"
        rows={4}
        defaultValue={value("metrics")}
        hint="每行一个：标签｜数值｜单位｜以上/左右/确数/区间｜累计/比率，如“新增城镇就业｜6000｜人｜以上｜累计”。已填报的报告保持原样。"
        errors={e?.metrics}
      />
      <fieldset className="space-y-2 rounded border border-amber-300 bg-amber-50 p-3">
        <legend className="px-1 text-sm font-medium text-amber-950">待核实</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="keepFlag" value="true" defaultChecked={state && !state.ok && v ? v.keepFlag === "true" : task.needsVerification} />
          仍需核实（取消勾选即核实完成，清除“待核实”标记）
        </label>
        <TextArea label="核实说明" name="note" rows={3} defaultValue={value("note")} hint="仍需核实的，写明还需核实什么。" errors={e?.note} />
      </fieldset>
      <TextArea label="变更原因" name="reason" rows={2} required defaultValue={state && !state.ok ? (v?.reason ?? "") : ""} errors={e?.reason} />
      <TextField
        label="依据"
        name="source"
        required
        defaultValue={state && !state.ok ? (v?.source ?? "") : ""}
        hint="如“经发改局确认”或文件文号。"
        errors={e?.source}
      />
      <FormStatus state={state} />
      <Button type="submit" disabled={pending}>
        保存修改
      </Button>
    </form>
  );
}
