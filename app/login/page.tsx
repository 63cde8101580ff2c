import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser, mustChangePassword } from "@/app/_lib/current-user";
import { Card } from "@/components/ui/card";
import { env } from "@/lib/env";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { LoginForm } from "./_components/login-form";

export const metadata: Metadata = { title: "登录" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackPath = safeCallbackPath(params.callbackUrl);
  // The form reloads this page after signing in, so the forced password change applies at once.
  if (await getCurrentUser()) redirect((await mustChangePassword()) ? "/account/password" : callbackPath);
  return (
    <div className="mx-auto max-w-sm py-6 sm:py-12">
      <Card>
        <h1 className="mb-1 text-xl font-semibold">登录</h1>
        <p className="mb-4 text-sm text-gray-700">请使用系统管理员分配的个人账号登录，不得共用账号。</p>
        <LoginForm callbackPath={callbackPath} />
        <section aria-labelledby="login-help" className="mt-5 border-t pt-3 text-sm text-gray-700">
          <h2 id="login-help" className="font-medium text-gray-900">
            需要帮助？
          </h2>
          <p className="mt-1">
            忘记密码、账号被锁定、动态口令手机丢失或需要开通账号，请联系系统管理员
            {env.HELP_CONTACT ? `：${env.HELP_CONTACT}` : "（联系方式见本单位收到的开通通知）"}。管理员核实身份后可为您重置。
          </p>
        </section>
      </Card>
    </div>
  );
}
