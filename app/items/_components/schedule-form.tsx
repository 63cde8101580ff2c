"use client";

import { useActionState } from "react";
import { scheduleItem } from "@/app/items/actions";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { ScheduleFields } from "./schedule-fields";

/** The 督查室 sets (or clears) the time limit of a 督办事项. */
export function ScheduleForm({ itemNo, version, cadence, deadline }: { itemNo: number; version: number; cadence: string | null; deadline: string | null }) {
  const [state, action, pending] = useActionState(scheduleItem, undefined);
  const values = state?.ok ? undefined : state?.values;
  return (
    <form action={action} className="space-y-3">
      <FormStatus state={state} />
      <input type="hidden" name="itemNo" value={itemNo} />
      <input type="hidden" name="version" value={version} />
      <ScheduleFields cadence={String(values?.cadence ?? cadence ?? "none")} deadline={String(values?.deadline ?? deadline ?? "")} errors={state?.errors} />
      <Button type="submit" disabled={pending}>
        保存时限
      </Button>
    </form>
  );
}
