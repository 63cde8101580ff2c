"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { setTargetsLocked } from "../actions";

/** The 督查室's lock switch for a task's quarterly targets. */
export function LockForm({ taskNo, version, locked }: { taskNo: number; version: number; locked: boolean }) {
  const [state, formAction, pending] = useActionState(setTargetsLocked, undefined);
  return (
    <form action={formAction} className="space-y-2">
      <FormStatus state={state} />
      <input type="hidden" name="taskNo" value={taskNo} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="locked" value={locked ? "0" : "1"} />
      <Button type="submit" variant={locked ? "secondary" : "primary"} disabled={pending}>
        {locked ? "解锁季度目标" : "锁定季度目标"}
      </Button>
    </form>
  );
}
