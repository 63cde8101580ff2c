"use client";

import Link from "next/link";
import { useActionState } from "react";
import { enrolSecondFactor } from "@/app/account/actions";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { TextField } from "@/components/ui/text-field";

export function EnrolForm({ secret }: { secret: string }) {
  const [state, action, pending] = useActionState(enrolSecondFactor, undefined);
  if (state?.ok) {
    return (
      <div className="space-y-4">
        <FormStatus state={state} />
        <Link href="/">已抄下恢复码，进入系统</Link>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-4">
      <FormStatus state={state} />
      <input type="hidden" name="secret" value={secret} />
      <TextField label="验证器上的 6 位数字" name="code" inputMode="numeric" autoComplete="one-time-code" required errors={state?.errors?.code} />
      <Button type="submit" disabled={pending}>
        {pending ? "正在验证…" : "绑定"}
      </Button>
    </form>
  );
}
