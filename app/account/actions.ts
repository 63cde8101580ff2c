"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction, ValidationError } from "@/app/_lib/action";
import { SESSION_COOKIE } from "@/app/_lib/session-cookie";
import { changeOwnPassword, enableSecondFactor, getUserPasswordHash, getUserSecondFactor } from "@/db/queries/users";
import { recordWrongCurrentPassword } from "@/db/queries/auth";
import { revokeSession } from "@/db/queries/sessions";
import { hashPassword, verifyPassword } from "@/lib/password-hash";
import { checkPassword } from "@/lib/password-policy";
import { checkTotp, hashRecoveryCode, newRecoveryCodes } from "@/lib/totp";
import type { SessionUser } from "@/lib/permissions";

const passwordSchema = z
  .object({
    currentPassword: z.string().min(1, "请输入当前密码。").max(256),
    newPassword: z.string().min(1, "请输入新密码。").max(256),
    confirmPassword: z.string().max(256),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "两次输入的新密码不一致。" })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "新密码不能与当前密码相同。" });

export const changePassword = defineAction({
  action: "account.changePassword",
  entity: "user",
  schema: passwordSchema,
  allowPasswordChange: true,
  entityId: () => null,
  // Hashing and verifying are async, so they happen here, before the transaction.
  load: async ({ user, input, ip }) => {
    const stored = getUserPasswordHash({ id: user.id });
    if (!stored) return null;
    const problems = checkPassword(input.newPassword, stored.username);
    if (problems.length > 0) throw new ValidationError("新密码不符合要求。", { newPassword: problems });
    if (!(await verifyPassword(stored.passwordHash, input.currentPassword))) {
      // Guessing the current password from a signed-in session counts like guessing at sign-in.
      const { locked } = recordWrongCurrentPassword({ user, ip, sessionId: user.sessionId });
      if (locked) throw new ValidationError("当前密码连续输错 5 次：已退出登录，30 分钟内不能从这台电脑登录。", { currentPassword: ["当前密码不正确。"] });
      throw new ValidationError("当前密码不正确。", { currentPassword: ["当前密码不正确。连续输错 5 次将退出登录并锁定 30 分钟。"] });
    }
    return { userId: user.id, passwordHash: await hashPassword(input.newPassword) };
  },
  authorize: (loaded) => ["account:self", { userId: loaded.userId }],
  mutate: (tx, loaded, { user }) => {
    changeOwnPassword(tx, { id: loaded.userId, passwordHash: loaded.passwordHash, now: Date.now(), sessionId: user.sessionId });
    return { entityId: loaded.userId, after: { passwordChanged: true } };
  },
  redirectTo: () => "/",
});

const endSession = defineAction({
  action: "auth.logout",
  entity: "session",
  schema: z.object({}),
  allowPasswordChange: true,
  allowSecondFactorSetup: true,
  load: ({ user }): SessionUser => user,
  authorize: (user) => ["account:self", { userId: user.id }],
  mutate: (tx, user) => {
    revokeSession(tx, { sessionId: user.sessionId, now: Date.now() });
    return { entityId: user.sessionId.slice(0, 8) };
  },
  // The server-side revocation is what ends the session; the cookie goes too for tidiness.
  after: async () => {
    (await cookies()).delete(SESSION_COOKIE);
  },
});

/** 退出登录: revokes the session on the server, whatever state the form is in. */
export async function logout(): Promise<void> {
  await endSession(undefined, {});
  redirect("/login");
}

/** 绑定动态口令: the secret shown on the page, confirmed by one code from the authenticator app. */
export const enrolSecondFactor = defineAction({
  action: "account.enrolSecondFactor",
  entity: "user",
  schema: z.object({
    secret: z.string().regex(/^[A-Z2-7]{32}$/, "页面已过期，请刷新后重新扫码。"),
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, "请输入验证器上的 6 位数字。"),
  }),
  allowSecondFactorSetup: true,
  guard: ({ user }) => ["account:self", { userId: user.id }],
  load: ({ user }) => getUserSecondFactor({ id: user.id }),
  mutate: (tx, current, { input, user }) => {
    if (current.enabled) throw new ValidationError("该账号已绑定动态口令；如需更换，请联系系统管理员重置二次验证。");
    const now = Date.now();
    const check = checkTotp({ secret: input.secret, code: input.code, now, lastStep: null });
    if (!check.ok) throw new ValidationError("动态口令不正确，请核对手机时间后输入验证器上当前显示的 6 位数字。", { code: ["动态口令不正确。"] });
    const codes = newRecoveryCodes();
    enableSecondFactor(tx, { id: user.id, secret: input.secret, step: check.step, recoveryCodeHashes: codes.map(hashRecoveryCode), now });
    // The audit row says that it happened; the secret and the codes are never recorded.
    return { entityId: user.id, after: { secondFactor: true, recoveryCodes: codes.length }, result: codes };
  },
  successMessage: (codes) => `动态口令已绑定。以下恢复码各可代替动态口令使用一次，只显示这一次，请抄下妥善保管：${(codes ?? []).join("　")}`,
});
