"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { setTargetsLocked } from "../actions";

/** The 督查室's early lock of one quarter's targets (or lifting it). */
export function LockForm({ taskNo, quarter, label, version, locked }: { taskNo: number; quarter: number; label: string; version: number; locked: boolean }) {
  const [state, formAction, pending] = useActionState(setTargetsLocked, undefined);
  return (
    <form action={formAction} className="space-y-2">
      <FormStatus state={state} />
      <input type="hidden" name="taskNo" value={taskNo} />
      <input type="hidden" name="quarter" value={quarter} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="locked" value={locked ? "0" : "1"} />
      <Button type="submit" variant={locked ? "secondary" : "primary"} disabled={pending}>
        {locked ? `解除锁定（${label}）` : `锁定${label}目标`}
      </Button>
    </form>
  );
}
