// Typed failures a mutation can throw from inside its transaction; the action and
// route wrappers turn them into form state or JSON. Anything else is an internal error.
import { z } from "zod";
import type { StorageFault } from "@/db/storage-health";
import { SESSION_ENDED_MESSAGE } from "@/lib/session-policy";

// Zod's own messages (for fields without a custom one) in Chinese, once for the whole server.
z.config(z.locales.zhCN());

export const MESSAGES = {
  unauthenticated: SESSION_ENDED_MESSAGE,
  passwordChangeRequired: "请先修改初始密码或已过期的密码。",
  secondFactorRequired: "请先绑定动态口令（二次验证）。",
  invalid: "提交的内容有误，请按提示修改。",
  notFound: "要操作的记录不存在或已被删除。",
  forbidden: "无权限执行此操作",
  conflict: "该内容已被他人修改，请刷新后重试；您填写的内容已保留在表单中。",
  internal: "保存失败，请稍后重试；如反复出现请联系系统管理员。",
  storageFull: "服务器存储空间不足，内容未保存，请联系管理员；您填写的内容已保留在表单中。",
  storageFault: "服务器存储出现故障，内容未保存，请联系管理员；您填写的内容已保留在表单中。",
  yearClosed: "该年度已关闭，数据只读，本次未保存；如需更正，请联系系统管理员重新开放该年度。您填写的内容已保留在表单中。",
} as const;

/** The database refused a write to a closed programme year (the triggers of the closed-year migration). */
export function isClosedYearError(error: unknown): boolean {
  return error instanceof Error && error.message === "programme_year_closed";
}

/** A staged upload the save names is gone (kept a day) or not the caller's: nothing is saved. */
export const STALE_UPLOAD_MESSAGE = "有附件已过期或不存在，本次未保存；请重新选择这些文件上传后再保存（填写的文字已保留）。";

/** What the user is told when the disk refused the write. */
export function storageMessage(fault: StorageFault): string {
  return fault === "full" ? MESSAGES.storageFull : MESSAGES.storageFault;
}

/** The record changed since the form was loaded (optimistic version check failed). */
export class ConflictError extends Error {
  constructor(message: string = MESSAGES.conflict) {
    super(message);
    this.name = "ConflictError";
  }
}

/** Input that passed the schema but breaks a rule only the database can check. */
export class ValidationError extends Error {
  constructor(
    message: string,
    readonly errors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "ValidationError";
  }
}

/** Throws ConflictError unless the row still has the version the form was loaded with. */
export function assertVersion(expected: number, actual: number | null | undefined): void {
  if (actual !== expected) throw new ConflictError();
}

/** Field errors keyed by dotted path ("" for errors about the whole form). */
export function zodFieldErrors(error: z.ZodError): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".");
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}
