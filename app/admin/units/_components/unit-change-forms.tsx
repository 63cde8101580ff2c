"use client";
import { useActionState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { inputClassName, TextField } from "@/components/ui/text-field";
import type { FormState } from "@/lib/form-values";
import { UNIT_KINDS } from "@/lib/vocabulary";
import { changeUnitKindAction, mergeUnitAction, renameUnitAction, setUnitActiveAction } from "../actions";

type Action = (prev: FormState | undefined, data: FormData) => Promise<FormState>;
type Unit = { id: number; name: string; kind: string; version: number; active: boolean };

/** One change of a unit: its own fields, then the reason and source every change needs. */
function ChangeForm({
  action,
  unit,
  id,
  title,
  submit,
  children,
}: {
  action: Action;
  unit: Unit;
  id: string;
  title: string;
  submit: string;
  children: (state: FormState | undefined) => ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, undefined);
  return (
    <form action={formAction} aria-labelledby={`${id}-title`} className="space-y-3 rounded border bg-white p-4">
      <h2 id={`${id}-title`} className="text-base font-semibold">
        {title}
      </h2>
      <FormStatus state={state} />
      <input type="hidden" name="unitId" value={unit.id} />
      <input type="hidden" name="version" value={unit.version} />
      {children(state)}
      <TextField id={`${id}-reason`} label="变更原因" name="reason" required defaultValue={state?.values?.reason} errors={state?.errors?.reason} />
      <TextField
        id={`${id}-source`}
        label="依据（如“经编办确认”或文件文号）"
        name="source"
        required
        defaultValue={state?.values?.source}
        errors={state?.errors?.source}
      />
      <Button type="submit" disabled={pending}>
        {submit}
      </Button>
    </form>
  );
}

export function UnitChangeForms({ unit, others }: { unit: Unit; others: { id: number; name: string }[] }) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <ChangeForm action={renameUnitAction} unit={unit} id="rename" title="改名" submit="保存新名称">
        {(state) => (
          <TextField id="rename-name" label="新名称" name="name" required defaultValue={state?.values?.name ?? unit.name} errors={state?.errors?.name} />
        )}
      </ChangeForm>
      <ChangeForm action={changeUnitKindAction} unit={unit} id="kind" title="单位类别" submit="保存类别">
        {(state) => (
          <div>
            <label htmlFor="kind-kind" className="mb-1 block text-sm font-medium text-gray-800">
              类别
            </label>
            <select id="kind-kind" name="kind" defaultValue={state?.values?.kind ?? unit.kind} className={inputClassName}>
              {UNIT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
            {state?.errors?.kind && <p className="mt-1 text-sm text-red-800">{state.errors.kind.join("；")}</p>}
          </div>
        )}
      </ChangeForm>
      <ChangeForm
        action={setUnitActiveAction}
        unit={unit}
        id="active"
        title={unit.active ? "停用" : "重新启用"}
        submit={unit.active ? "停用该单位" : "重新启用该单位"}
      >
        {(state) => (
          <>
            <input type="hidden" name="active" value={unit.active ? "false" : "true"} />
            <p className="text-sm text-gray-700">{unit.active ? "停用后不能再承担新的任务，已有的任务和填报记录保留。" : "启用后可以重新承担任务。"}</p>
            {state?.errors?.active && <p className="text-sm text-red-800">{state.errors.active.join("；")}</p>}
          </>
        )}
      </ChangeForm>
      <ChangeForm action={mergeUnitAction} unit={unit} id="merge" title="合并到其他单位" submit="合并">
        {(state) => (
          <div>
            <label htmlFor="merge-into" className="mb-1 block text-sm font-medium text-gray-800">
              并入的单位
            </label>
            <select id="merge-into" name="intoId" defaultValue={state?.values?.intoId ?? ""} className={inputClassName} required>
              <option value="">请选择</option>
              {others.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
            <p className="mt-1 text-sm text-gray-700">
              {unit.name}的任务、账号、填报和督办记录将归入所选单位，“{unit.name}”记为其曾用名。
            </p>
            {state?.errors?.intoId && <p className="mt-1 text-sm text-red-800">{state.errors.intoId.join("；")}</p>}
          </div>
        )}
      </ChangeForm>
    </div>
  );
}
