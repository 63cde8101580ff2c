import "server-only";
import { z } from "zod";
import type { ActionContext } from "@/app/_lib/action";
import { appToday } from "@/app/_lib/today";
import { loadLedger } from "@/db/queries/ledger";
import { getPeriodByCode, type PeriodRow } from "@/db/queries/periods";
import { describeError, planLedgerImport, type ImportPlan } from "@/lib/ledger-import";
import { readLedgerWorkbook } from "@/lib/ledger-workbook";
import type { Permission } from "@/lib/permissions";

/** The upload form: the filled-in workbook, its quarter, and 保存为草稿 or 提交. */
export const importSchema = z.object({
  quarter: z.string({ message: "请选择季度" }).regex(/^\d{4}Q[1-4]$/, "季度格式不正确"),
  intent: z.enum(["save", "submit"], { message: "请选择保存为草稿或提交" }),
  file: z.instanceof(File, { message: "请选择要导入的台账文件" }),
});
export type ImportInput = z.output<typeof importSchema>;

export const MAX_LEDGER_BYTES = 5 * 1024 * 1024;

/** Multipart fields as the schema reads them (a repeated field stays a list and is refused). */
export async function readImportForm(req: Request): Promise<Record<string, unknown>> {
  const form = await req.formData();
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key);
    out[key] = all.length === 1 ? all[0] : all;
  }
  return out;
}

export type LoadedImport = { period: PeriodRow; today: string } & ({ ok: true; plan: ImportPlan } | { ok: false; message: string; errors: string[] });

/** Reads the workbook and plans the saves; nothing is written here. */
export async function loadImport({ input, user }: ActionContext<ImportInput>): Promise<LoadedImport | null> {
  const period = getPeriodByCode({ code: input.quarter });
  if (!period) return null;
  const today = appToday();
  const refuse = (message: string, errors: string[] = []): LoadedImport => ({ period, today, ok: false, message, errors });
  if (input.file.size === 0) return refuse("所选文件是空的，请重新选择");
  if (input.file.size > MAX_LEDGER_BYTES) return refuse(`文件超过 ${MAX_LEDGER_BYTES / 1024 / 1024} MB，请确认上传的是本系统导出的台账`);
  const bytes = new Uint8Array(await input.file.arrayBuffer());
  // An .xlsx is a zip archive: anything else is refused before it is parsed.
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return refuse("该文件不是 .xlsx 工作簿，请上传从本系统导出的台账");
  const read = await readLedgerWorkbook(bytes);
  if (!read.ok) return refuse(read.message);
  // Every subject of the year, so a row of another unit is named and refused rather than unknown.
  const subjects = loadLedger({ period, asOf: today, today, filter: { yearId: period.yearId } });
  const plan = planLedgerImport({ main: read.main, detail: read.detail, subjects, period, user, intent: input.intent, today });
  if (plan.errors.length > 0)
    return refuse(`有 ${plan.errors.length} 处内容不能导入，本次未保存任何报告；请按提示修改后重新上传`, plan.errors.map(describeError));
  if (plan.saves.length === 0) return refuse("台账中没有与系统中已保存内容不同的行，无需导入");
  return { period, today, ok: true, plan };
}

/** Who may upload at all: a unit (its own rows) or the 督查室; each row is checked again in the plan. */
export const importPermission = (ctx: ActionContext<ImportInput>): Permission => [
  "report:import",
  { leadUnitIds: ctx.user.unitId === null ? [] : [ctx.user.unitId] },
];

/** The preview of each save: subject, what becomes of the report, and every changed cell. */
export function describePlan(plan: ImportPlan, intent: "save" | "submit") {
  return plan.saves.map((s) => ({
    subject: s.subject.ref,
    title: s.subject.title,
    outcome: intent === "submit" ? "提交" : "保存为草稿",
    changes: s.changes,
  }));
}
