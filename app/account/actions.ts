"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction, ValidationError } from "@/app/_lib/action";
import { SESSION_COOKIE } from "@/app/_lib/session-cookie";
import { getUserPasswordHash, changeOwnPassword } from "@/db/queries/users";
import { revokeSession } from "@/db/queries/sessions";
import { hashPassword, verifyPassword } from "@/lib/password-hash";
import { checkPassword } from "@/lib/password-policy";
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
  load: async ({ user, input }) => {
    const stored = getUserPasswordHash({ id: user.id });
    if (!stored) return null;
    const problems = checkPassword(input.newPassword, stored.username);
    if (problems.length > 0) throw new ValidationError("新密码不符合要求。", { newPassword: problems });
    if (!(await verifyPassword(stored.passwordHash, input.currentPassword))) {
      throw new ValidationError("当前密码不正确。", { currentPassword: ["当前密码不正确。"] });
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
