"use client";

import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { useFormAction } from "@/components/use-form-action";
import { nameCollectiveUnits } from "../actions";

/** Ticks the units a "相关…" descriptor of the task reaches (the lead unit or the 督查室). */
export function CollectiveNamesForm({
  taskNo,
  descriptorUnitId,
  descriptor,
  candidates,
  chosen,
}: {
  taskNo: number;
  descriptorUnitId: number;
  descriptor: string;
  candidates: { id: number; name: string }[];
  chosen: { id: number }[];
}) {
  const [state, formAction, pending] = useFormAction(nameCollectiveUnits);
  const ticked = state?.values?.unitId !== undefined ? new Set(state.values.unitId.split("\n")) : new Set(chosen.map((c) => String(c.id)));
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="taskNo" value={taskNo} />
      <input type="hidden" name="descriptorUnitId" value={descriptorUnitId} />
      <fieldset>
        <legend className="mb-1 text-sm font-semibold">“{descriptor}”具体是哪些单位</legend>
        <div className="grid gap-x-4 sm:grid-cols-3">
          {candidates.map((c) => (
            <label key={c.id} className="inline-flex min-h-11 items-center gap-2 text-sm">
              <input type="checkbox" name="unitId" value={c.id} defaultChecked={ticked.has(String(c.id))} />
              {c.name}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "正在保存…" : `保存“${descriptor}”`}
        </Button>
        <FormStatus state={state} />
      </div>
    </form>
  );
}
