"use server";
import { z } from "zod";
import { ConflictError, defineAction, ValidationError, type ActionContext } from "@/app/_lib/action";
import { STALE_UPLOAD_MESSAGE } from "@/app/_lib/errors";
import { appToday } from "@/app/_lib/today";
import {
  applyRegisterImport,
  deleteRegisterItem as removeRegisterItem,
  REGISTER_ITEM_ENTITY,
  type RegisterImportResult,
  saveRegisterItem as writeRegisterItem,
} from "@/db/queries/register";
import { reportPath } from "@/lib/subject";
import type { Permission } from "@/lib/permissions";
import { parseRegisterRow } from "@/lib/register";
import { classifyImport, describeRegisterError, planRegisterImport, readRegisterWorkbook, type RegisterImportPlan } from "@/lib/register-import";
import { loadRegisterSection, registerPath, registerRules, type RegisterContext, type RegisterSection } from "./register-context";

// 明细台账 rows: saved one at a time from the register table (version-checked), or imported
// from a workbook (preview first; all rows or, when chosen, only the valid ones).

const MAX_REGISTER_BYTES = 5 * 1024 * 1024;

const scope = {
  year: z.coerce.number().int().min(2000).max(2100),
  projectNo: z.coerce.number().int().positive(),
  part: z.coerce.number().int().positive(),
};
const idList = (message: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .refine((list) => list.every((id) => /^\d{1,10}$/.test(id.trim())), { message })
    .transform((list) => list.map(Number));

const text = z.string({ message: "该项只能填写一个值" }).max(2000, "内容过长").optional().default("");

const saveSchema = z.object({
  ...scope,
  id: z
    .union([z.literal(""), z.string().regex(/^\d{1,10}$/, "行编号无效")])
    .optional()
    .transform((v) => (v ? Number(v) : null)),
  version: z.coerce.number().int().min(0),
  place: text,
  subPlace: text,
  name: text,
  severity: text,
  measure: text,
  status: text,
  statusOn: text,
  note: text,
  attach: idList("照片编号无效，请重新上传照片"),
  removePhoto: idList("要移除的照片编号无效"),
});

/** Every register action works on one part's register of one project in one year. */
const sectionOf = ({ input }: { input: { year: number; projectNo: number; part: number } }) =>
  loadRegisterSection({ year: input.year, no: input.projectNo, part: input.part });

const editPermission = ({ ctx }: { ctx: RegisterContext }): Permission => [
  "register:edit",
  { leadUnitIds: ctx.leadUnitIds, relatedUnitIds: ctx.relatedUnitIds },
];

const WRITE_REFUSAL = {
  conflict: "该行已被他人修改，本次未保存；请刷新页面查看最新内容（您填写的内容仍在表单中）。",
  duplicate: "台账中已有同一地点、同一名称的行，请修改那一行，不要重复登记。",
  notFound: "要修改的行不存在，请刷新页面。",
} as const;

/** Adds a row to a register or changes one, with its photos. */
export const saveRegisterItem = defineAction({
  action: "register.save",
  entity: REGISTER_ITEM_ENTITY,
  schema: saveSchema,
  entityId: (input) => input.id,
  load: sectionOf,
  authorize: editPermission,
  prepare: ({ ctx, section }, { input }) => {
    const parsed = parseRegisterRow(input, registerRules(ctx, section, appToday()));
    if (!parsed.ok) throw new ValidationError("有内容填写有误，请按提示修改", parsed.errors);
    return { ctx, section, row: parsed.row };
  },
  mutate: (tx, { ctx, section, row }, { input, user }) => {
    const result = writeRegisterItem(tx, {
      yearId: ctx.year.id,
      partId: section.part.id,
      kind: section.kind,
      id: input.id,
      expectedVersion: input.version,
      row,
      photos: { attach: input.attach, removeIds: input.removePhoto },
      userId: user.id,
      now: Date.now(),
    });
    if (!result.ok) {
      if (result.reason === "staleUpload") throw new ValidationError(STALE_UPLOAD_MESSAGE, { photos: [STALE_UPLOAD_MESSAGE] });
      if (result.reason === "duplicate") throw new ValidationError(WRITE_REFUSAL.duplicate, { name: [WRITE_REFUSAL.duplicate] });
      throw new ConflictError(WRITE_REFUSAL[result.reason]);
    }
    return { entityId: result.id, before: result.before, after: result.after };
  },
  revalidate: ({ input }) => registerPaths(input.projectNo, input.year),
  successMessage: "已保存。",
});

const deleteSchema = z.object({
  ...scope,
  id: z.coerce.number({ message: "行编号无效" }).int("行编号无效").positive("行编号无效"),
  version: z.coerce.number().int().min(1),
  reason: z.string({ message: "请填写删除原因" }).trim().min(2, "请填写删除原因（如：重复登记、登记错误）").max(200, "删除原因请控制在 200 字以内"),
});

/**
 * Deletes a row entered by mistake, with a reason. Counts derived from the register follow at
 * once; submitted report versions keep the figures they were judged on.
 */
export const deleteRegisterItem = defineAction({
  action: "register.delete",
  entity: REGISTER_ITEM_ENTITY,
  schema: deleteSchema,
  entityId: (input) => input.id,
  load: sectionOf,
  authorize: editPermission,
  mutate: (tx, { section }, { input }) => {
    const result = removeRegisterItem(tx, { partId: section.part.id, id: input.id, expectedVersion: input.version, now: Date.now() });
    if (!result.ok) {
      if (result.reason === "carried") throw new ValidationError("该行已结转到下一年度，不能删除；如登记有误，请修改该行。");
      throw new ConflictError(WRITE_REFUSAL[result.reason]);
    }
    return { entityId: input.id, before: result.before, after: { deleted: true, reason: input.reason } };
  },
  revalidate: ({ input }) => registerPaths(input.projectNo, input.year),
  successMessage: "已删除该行。",
});

const importSchema = z.object({
  ...scope,
  file: z.instanceof(File, { message: "请选择要导入的 Excel 文件" }),
  /** all: every row must be valid; valid: the valid rows only, chosen after a preview. */
  take: z.enum(["all", "valid"], { message: "请选择导入方式" }).optional().default("all"),
});
type ImportInput = z.output<typeof importSchema>;

/** Reads and checks the workbook: for an authorized caller only (it reads the file). */
async function planImport({ ctx, section }: { ctx: RegisterContext; section: RegisterSection }, { input }: ActionContext<ImportInput>) {
  const refuse = (message: string): never => {
    throw new ValidationError(message, { file: [message] });
  };
  if (input.file.size === 0) refuse("所选文件是空的，请重新选择");
  if (input.file.size > MAX_REGISTER_BYTES) refuse(`文件超过 ${MAX_REGISTER_BYTES / 1024 / 1024} MB，请确认上传的是明细台账`);
  const bytes = new Uint8Array(await input.file.arrayBuffer());
  // An .xlsx is a zip archive: anything else is refused before it is parsed.
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) refuse("该文件不是 .xlsx 工作簿，请用本台账导出的模板填写");
  const read = await readRegisterWorkbook(section.kind, bytes);
  if (!read.ok) return refuse(read.message);
  if (read.rows.length === 0) refuse("文件中没有可导入的行");
  const plan = planRegisterImport(read.rows, registerRules(ctx, section, appToday()));
  return {
    ctx,
    section,
    plan,
    outcome: classifyImport(
      plan.rows.map((r) => r.row),
      section.items,
    ),
  };
}

function refuseInvalid(plan: RegisterImportPlan): never {
  const message = `有 ${plan.errors.length} 行不能导入，本次未导入任何行；请修改后重新上传${plan.rows.length ? `，或选择“只导入无误的 ${plan.rows.length} 行”` : ""}。`;
  throw new ValidationError(message, { file: plan.errors.map(describeRegisterError) });
}

const outcomeText = (o: { add: unknown[]; update: unknown[]; unchanged: number }) =>
  `新增 ${o.add.length} 行、更新 ${o.update.length} 行、无变化 ${o.unchanged} 行`;

/** What importing the workbook would do, row by row; writes nothing but its audit entry. */
export const previewRegisterImport = defineAction({
  action: "register.import.preview",
  entity: "register",
  schema: importSchema,
  entityId: (input) => `${input.projectNo}/${input.part}/${input.year}`,
  load: sectionOf,
  authorize: editPermission,
  prepare: planImport,
  mutate: (_tx, { plan, outcome }, { input }) => {
    if (plan.errors.length > 0) refuseInvalid(plan);
    return { after: { file: input.file.name, rows: plan.read }, result: outcomeText(outcome) };
  },
  successMessage: (r: string | undefined) => `预览：全部 ${r ?? ""} 可以导入；确认无误后点“确认导入”。`,
});

/** Imports the workbook: every row valid, or (take=valid) the valid rows only; by natural key. */
export const importRegister = defineAction({
  action: "register.import",
  entity: "register",
  schema: importSchema,
  entityId: (input) => `${input.projectNo}/${input.part}/${input.year}`,
  load: sectionOf,
  authorize: editPermission,
  prepare: planImport,
  mutate: (tx, { ctx, section, plan }, { input, user, ip }) => {
    if (plan.errors.length > 0 && input.take === "all") refuseInvalid(plan);
    if (plan.rows.length === 0) throw new ValidationError("没有无误的行可导入", { file: plan.errors.map(describeRegisterError) });
    const result = applyRegisterImport(tx, {
      yearId: ctx.year.id,
      partId: section.part.id,
      kind: section.kind,
      rows: plan.rows.map((r) => r.row),
      actor: user,
      ip,
      now: Date.now(),
    });
    return { after: { file: input.file.name, ...result, skipped: plan.errors.length }, result: { ...result, skipped: plan.errors.length } };
  },
  revalidate: ({ input }) => registerPaths(input.projectNo, input.year),
  successMessage: (r: (RegisterImportResult & { skipped: number }) | undefined) =>
    r ? `已导入：新增 ${r.added} 行、更新 ${r.updated} 行、无变化 ${r.unchanged} 行${r.skipped ? `；有误的 ${r.skipped} 行未导入` : ""}。` : "已导入。",
});

/** The register, the project page and the year's report pages show the derived figures. */
function registerPaths(no: number, year: number): string[] {
  const ref = { kind: "project" as const, no };
  return [registerPath(no), `/projects/${no}`, ...[1, 2, 3, 4].map((q) => reportPath(ref, `${year}Q${q}`))];
}
