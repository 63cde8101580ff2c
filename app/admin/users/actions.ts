"use server";
import crypto from "node:crypto";
import { z } from "zod";
import { ConflictError, defineAction, ValidationError } from "@/app/_lib/action";
import { ROLES } from "@/lib/vocabulary";
import {
  getUserById,
  getUserByUsername,
  insertUser,
  listLeaderOptions,
  listUnitOptions,
  resetUserPassword,
  resetUserSecondFactor,
  setUserDisabled,
  unlockUser,
  updateUserBinding,
  type AdminUserRow,
} from "@/db/queries/users";
import { env } from "@/lib/env";
import { hashPassword } from "@/lib/password-hash";
import { checkPassword } from "@/lib/password-policy";
import { USERNAME_PATTERN } from "@/lib/usernames";

// Only strings are converted: Number() on a forged object can throw instead of failing validation.
const optionalId = z.preprocess(
  (v) => (v === "" || v === undefined || v === null ? null : typeof v === "string" ? Number(v) : v),
  z.number().int().positive().nullable(),
);

const bindingFields = {
  displayName: z.string().trim().min(1, "请填写姓名或名称。").max(50, "名称不超过 50 个字。"),
  role: z.enum(ROLES, { error: "请选择角色。" }),
  unitId: optionalId,
  leaderId: optionalId,
};

type Binding = { role: (typeof ROLES)[number]; unitId: number | null; leaderId: number | null };

/** A unit account is bound to exactly one unit, a leader account to one leader, others to neither. */
function checkBinding(v: Binding, ctx: z.RefinementCtx) {
  if (v.role === "unit" && v.unitId === null) ctx.addIssue({ code: "custom", path: ["unitId"], message: "单位填报账号须绑定一个单位。" });
  if (v.role === "leader" && v.leaderId === null) ctx.addIssue({ code: "custom", path: ["leaderId"], message: "市领导账号须绑定一位领导。" });
}

/** Drops the binding that does not belong to the role (a hidden field may still be filled in). */
const normalise = <T extends Binding>(v: T): T => ({
  ...v,
  unitId: v.role === "unit" ? v.unitId : null,
  leaderId: v.role === "leader" ? v.leaderId : null,
});

/** The chosen unit and leader must exist (a forged id would otherwise fail on the foreign key). */
function checkBindingTargets(v: Binding): void {
  if (v.unitId !== null && !listUnitOptions().some((u) => u.id === v.unitId)) {
    throw new ValidationError("所选单位不存在，请刷新页面后重新选择。", { unitId: ["所选单位不存在。"] });
  }
  if (v.leaderId !== null && !listLeaderOptions().some((l) => l.id === v.leaderId)) {
    throw new ValidationError("所选领导不存在，请刷新页面后重新选择。", { leaderId: ["所选领导不存在。"] });
  }
}

const usersPaths = (id?: number) => ["/admin/users", ...(id ? [`/admin/users/${id}`] : [])];

const auditView = (u: AdminUserRow) => ({
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  unitId: u.unitId,
  leaderId: u.leaderId,
  disabled: u.disabled,
});

export const createUser = defineAction({
  action: "users.create",
  entity: "user",
  schema: z
    .object({
      username: z.string().trim().toLowerCase().regex(USERNAME_PATTERN, "用户名为 2–32 位小写字母、数字、点、下划线或连字符，以字母开头。"),
      ...bindingFields,
    })
    .superRefine(checkBinding)
    .transform(normalise),
  entityId: (input) => input.username,
  load: async ({ input }) => {
    checkBindingTargets(input);
    if (getUserByUsername({ username: input.username })) {
      throw new ValidationError("该用户名已被使用。", { username: ["该用户名已被使用。"] });
    }
    return { passwordHash: await hashPassword(env.INITIAL_PASSWORD) };
  },
  guard: () => ["users:manage"],
  mutate: (tx, { passwordHash }, { input }) => {
    const id = insertUser(tx, { ...input, passwordHash });
    return { entityId: id, after: input };
  },
  revalidate: () => usersPaths(),
  successMessage: "账号已创建，初始密码为系统设定的初始密码，首次登录须修改。",
});

const byId = { id: z.coerce.number().int().positive(), version: z.coerce.number().int() };
const loadUser = ({ input }: { input: { id: number } }) => getUserById({ id: input.id });

export const updateUser = defineAction({
  action: "users.update",
  entity: "user",
  schema: z
    .object({ ...byId, ...bindingFields })
    .superRefine(checkBinding)
    .transform(normalise),
  entityId: (input) => input.id,
  load: (ctx) => {
    checkBindingTargets(ctx.input);
    return loadUser(ctx);
  },
  guard: () => ["users:manage"],
  mutate: (tx, user, { input, user: me }) => {
    if (user.id === me.id && input.role !== user.role) throw new ValidationError("不能修改自己的角色。", { role: ["不能修改自己的角色。"] });
    const { id, version, ...fields } = input;
    if (!updateUserBinding(tx, { id, version, ...fields })) throw new ConflictError();
    return { before: auditView(user), after: { ...auditView(user), ...fields } };
  },
  revalidate: ({ input }) => usersPaths(input.id),
});

export const setDisabled = defineAction({
  action: "users.setDisabled",
  entity: "user",
  schema: z.object({ ...byId, disabled: z.enum(["true", "false"]).transform((v) => v === "true") }),
  entityId: (input) => input.id,
  load: loadUser,
  guard: () => ["users:manage"],
  mutate: (tx, user, { input, user: me }) => {
    if (user.id === me.id) throw new ValidationError("不能停用自己的账号。");
    if (!setUserDisabled(tx, { id: input.id, version: input.version, disabled: input.disabled, now: Date.now() })) throw new ConflictError();
    return { before: { disabled: user.disabled }, after: { disabled: input.disabled } };
  },
  revalidate: ({ input }) => usersPaths(input.id),
  successMessage: "账号状态已更新；停用的账号已被强制下线。",
});

export const unlock = defineAction({
  action: "users.unlock",
  entity: "user",
  schema: z.object(byId),
  entityId: (input) => input.id,
  load: loadUser,
  guard: () => ["users:manage"],
  mutate: (tx, user, { input }) => {
    if (!unlockUser(tx, input)) throw new ConflictError();
    return { before: { lockedUntil: user.lockedUntil }, after: { lockedUntil: null } };
  },
  revalidate: ({ input }) => usersPaths(input.id),
  successMessage: "账号已解锁。",
});

/** 12 random characters that always satisfy the password policy. */
function temporaryPassword(username: string): string {
  for (;;) {
    const candidate = `${crypto.randomBytes(9).toString("base64url")}#7a`;
    if (checkPassword(candidate, username).length === 0) return candidate;
  }
}

export const resetPassword = defineAction({
  action: "users.resetPassword",
  entity: "user",
  schema: z.object(byId),
  entityId: (input) => input.id,
  load: async (ctx) => {
    const user = loadUser(ctx);
    if (!user) return null;
    const password = temporaryPassword(user.username);
    return { user, password, passwordHash: await hashPassword(password) };
  },
  guard: () => ["users:manage"],
  mutate: (tx, { user, password, passwordHash }, { input }) => {
    if (!resetUserPassword(tx, { id: user.id, version: input.version, passwordHash, now: Date.now() })) throw new ConflictError();
    // The audit row records that a reset happened, never the password itself.
    return { after: { passwordReset: true, mustChangePassword: true }, result: password };
  },
  revalidate: ({ input }) => usersPaths(input.id),
  successMessage: (password) => `密码已重置，临时密码：${password}（只显示这一次，请当面或电话告知本人）。该账号已被强制下线，登录后须修改密码。`,
});

export const resetSecondFactor = defineAction({
  action: "users.resetSecondFactor",
  entity: "user",
  schema: z.object(byId),
  entityId: (input) => input.id,
  guard: () => ["users:manage"],
  load: loadUser,
  mutate: (tx, user, { input }) => {
    if (!resetUserSecondFactor(tx, { id: user.id, version: input.version, now: Date.now() })) throw new ConflictError();
    return { before: { secondFactor: user.secondFactor }, after: { secondFactor: false } };
  },
  revalidate: ({ input }) => usersPaths(input.id),
  successMessage: "二次验证已重置：该账号已被强制下线，下次登录时须重新绑定动态口令。",
});
