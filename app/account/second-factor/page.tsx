import type { Metadata } from "next";
import Link from "next/link";
import QRCode from "qrcode";
import { requireUser } from "@/app/_lib/current-user";
import { Card } from "@/components/ui/card";
import { getUserSecondFactor } from "@/db/queries/users";
import { newTotpSecret, totpUri } from "@/lib/totp";
import { EnrolForm } from "./_components/enrol-form";

export const metadata: Metadata = { title: "二次验证" };

export default async function SecondFactorPage() {
  const user = await requireUser({ gate: "second-factor" });
  const state = getUserSecondFactor({ id: user.id });
  if (state?.enabled) {
    return (
      <div className="mx-auto max-w-md py-4 sm:py-8">
        <Card>
          <h1 className="mb-2 text-xl font-semibold">二次验证</h1>
          <p className="text-sm text-gray-700">
            已绑定动态口令，登录时须输入验证器上的 6 位数字。剩余恢复码 {state.recoveryCodesLeft} 个；手机丢失且恢复码用完时，请联系系统管理员重置二次验证。
          </p>
          <p className="mt-4 text-sm">
            <Link href="/">返回首页</Link>
          </p>
        </Card>
      </div>
    );
  }
  // A fresh secret per visit; it is saved only once a code from it has been confirmed.
  const secret = newTotpSecret();
  const qr = await QRCode.toString(totpUri(secret, user.username), { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return (
    <div className="mx-auto max-w-md py-4 sm:py-8">
      <Card>
        <h1 className="mb-1 text-xl font-semibold">绑定动态口令（二次验证）</h1>
        <p className="mb-4 text-sm text-gray-700">
          {user.displayName}，按等级保护要求，系统管理员和督查室账号登录时须同时使用密码和手机验证器生成的动态口令。请用手机上的验证器（如
          “腾讯身份验证器”、Microsoft Authenticator、FreeOTP）扫描下方二维码，或手动输入密钥，然后填写验证器显示的 6 位数字。
        </p>
        {/* eslint-disable-next-line @next/next/no-img-element -- an inline SVG data URL, nothing for next/image to optimise */}
        <img src={`data:image/svg+xml;utf8,${encodeURIComponent(qr)}`} alt="动态口令二维码" width={192} height={192} className="mx-auto mb-3" />
        <p className="mb-4 text-center text-sm">
          密钥：
          <code aria-label="动态口令密钥" className="break-all font-mono">
            {secret}
          </code>
        </p>
        <EnrolForm secret={secret} />
      </Card>
    </div>
  );
}
