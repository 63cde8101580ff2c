"use client";

import { useActionState } from "react";
import { changePassword } from "@/app/account/actions";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { TextField } from "@/components/ui/text-field";

export function PasswordForm({ ruleText }: { ruleText: string }) {
  const [state, action, pending] = useActionState(changePassword, undefined);
  return (
    <form action={action} className="space-y-4">
      <FormStatus state={state} />
      <TextField label="当前密码" name="currentPassword" type="password" autoComplete="current-password" required errors={state?.errors?.currentPassword} />
      <TextField label="新密码" name="newPassword" type="password" autoComplete="new-password" required hint={ruleText} errors={state?.errors?.newPassword} />
      <TextField label="确认新密码" name="confirmPassword" type="password" autoComplete="new-password" required errors={state?.errors?.confirmPassword} />
      <Button type="submit" disabled={pending}>
        {pending ? "正在保存…" : "保存新密码"}
      </Button>
    </form>
  );
}
