"use client";

import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";

const MESSAGES: Record<string, string> = {
  throttled: "登录尝试过于频繁，请 15 分钟后再试。",
  invalid: "用户名或密码错误，或账号已被锁定、停用。连续输错 5 次密码将锁定 30 分钟，如需解锁请联系系统管理员。",
  storage: "服务器存储空间不足或存储故障，暂时无法登录，请联系管理员。",
};
const OTP_PROMPT = "该账号须二次验证：请输入手机验证器（动态口令）上的 6 位数字，手机不在身边时可输入一个恢复码。";

export function LoginForm({ callbackPath }: { callbackPath: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [needOtp, setNeedOtp] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      username: String(data.get("username") ?? ""),
      password: String(data.get("password") ?? ""),
      otp: String(data.get("otp") ?? ""),
      redirect: false,
    });
    if (result?.ok && !result.error) {
      // A full navigation (a client-side push could replay a prefetched redirect to /login):
      // reloading /login lets the server send the user on, or to the forced password change.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- deliberate full navigation, see above
      window.location.assign(`/login?callbackUrl=${encodeURIComponent(callbackPath)}`);
      return;
    }
    if (result?.error === "otp_required") {
      setNeedOtp(true);
      setPending(false);
      return;
    }
    setError(MESSAGES[result?.error ?? ""] ?? MESSAGES.invalid!);
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          {error}
        </p>
      )}
      <TextField label="用户名" name="username" autoComplete="username" autoCapitalize="none" spellCheck={false} required />
      <TextField label="密码" name="password" type="password" autoComplete="current-password" required />
      {needOtp && (
        <>
          <p className="rounded border border-blue-300 bg-blue-50 px-3 py-2 text-sm text-blue-950">{OTP_PROMPT}</p>
          <TextField label="动态口令" name="otp" inputMode="numeric" autoComplete="one-time-code" required />
        </>
      )}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "正在登录…" : "登录"}
      </Button>
    </form>
  );
}
