// Typed failures a mutation can throw from inside its transaction; the action and
// route wrappers turn them into form state or JSON. Anything else is an internal error.
import { z } from "zod";

// Zod's own messages (for fields without a custom one) in Chinese, once for the whole server.
z.config(z.locales.zhCN());

export const MESSAGES = {
  unauthenticated: "登录已失效，请重新登录。",
  passwordChangeRequired: "请先修改初始密码或已过期的密码。",
  secondFactorRequired: "请先绑定动态口令（二次验证）。",
  invalid: "提交的内容有误，请按提示修改。",
  notFound: "要操作的记录不存在或已被删除。",
  forbidden: "无权限执行此操作",
  conflict: "该内容已被他人修改，请刷新后重试；您填写的内容已保留在表单中。",
  internal: "保存失败，请稍后重试；如反复出现请联系系统管理员。",
} as const;

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

/** FormData as a plain object: repeated keys become arrays, files stay File objects. */
export function formDataToObject(data: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(data.keys())) {
    if (key.startsWith("$ACTION")) continue; // React's own hidden fields
    const all = data.getAll(key);
    out[key] = all.length > 1 ? all : all[0];
  }
  return out;
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

/** Submitted text values to put back into the form; secrets are never echoed. */
export function echoValues(raw: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (/password|secret|token/i.test(key)) continue;
    if (typeof value === "string") values[key] = value;
    else if (Array.isArray(value)) values[key] = value.filter((v) => typeof v === "string").join("\n");
  }
  return values;
}
