import type { Metadata } from "next";
import { mustChangePassword, requireUser } from "@/app/_lib/current-user";
import { Card } from "@/components/ui/card";
import { env } from "@/lib/env";
import { PASSWORD_RULE_TEXT } from "@/lib/password-policy";
import { PasswordForm } from "./_components/password-form";

export const metadata: Metadata = { title: "修改密码" };

export default async function PasswordPage() {
  const user = await requireUser({ gate: "password" });
  const forced = await mustChangePassword();
  return (
    <div className="mx-auto max-w-md py-4 sm:py-8">
      <Card>
        <h1 className="mb-1 text-xl font-semibold">修改密码</h1>
        <p className="mb-4 text-sm text-gray-700">
          {forced
            ? `${user.displayName}，您正在使用初始密码、管理员重置的密码或已过期的密码${env.passwordAge.maxAgeDays > 0 ? `（密码有效期 ${env.passwordAge.maxAgeDays} 天）` : ""}，请先设置新密码后再使用系统。`
            : `账号：${user.username}`}
        </p>
        <PasswordForm ruleText={PASSWORD_RULE_TEXT} />
      </Card>
    </div>
  );
}
