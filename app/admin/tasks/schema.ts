import { z } from "zod";

// Fields every maintenance edit carries: why it was made and what it rests on.

export const requiredText = (label: string, max: number) =>
  z
    .string({ message: `请填写${label}。` })
    .trim()
    .min(1, `请填写${label}。`)
    .max(max, `${label}请控制在 ${max} 字以内。`);

export const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label}请控制在 ${max} 字以内。`)
    .optional()
    .transform((v) => (v ? v : null));

export const changeBasis = {
  reason: requiredText("变更原因", 500),
  source: requiredText("依据（如“经发改局确认”或文件文号）", 200),
};

/** A checkbox: present ("true"/"on") when ticked, absent otherwise. */
export const checkbox = z
  .enum(["true", "on", "false", ""], { message: "请勾选或取消勾选。" })
  .optional()
  .transform((v) => v === "true" || v === "on");

export const subjectNo = z.coerce.number({ message: "序号不正确。" }).int("序号不正确。").min(1, "序号不正确。").max(9999, "序号不正确。");
export const version = z.coerce.number().int().positive();
