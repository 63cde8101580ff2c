"use server";
// 督办事项 by the 督查室: 领导交办 (a leader's 批示 recorded as a new item, with who, when, what
// and the time limit) and setting an item's time limit where none was printed. Each write is
// one transaction with its audit row.
import { z } from "zod";
import { ConflictError, defineAction, ValidationError } from "@/app/_lib/action";
import { currentProgrammeYear } from "@/app/_lib/programme-year";
import { appToday } from "@/app/_lib/today";
import { getItemRef, insertAssignedItem, listItemChoices, setItemSchedule } from "@/db/queries/items";
import { subjectLabel, subjectPath } from "@/lib/subject";
import { ITEM_CADENCES } from "@/lib/vocabulary";

/** A real calendar day, YYYY-MM-DD ("2026-02-30" is refused). */
const day = z
  .string({ message: "请填写日期（年-月-日）" })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "请填写日期（年-月-日）")
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v, "请填写有效的日期");
const idList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((x) => x.trim() !== ""))
  .refine((list) => list.every((x) => /^\d{1,10}$/.test(x.trim())), { message: "单位选择无效，请重新选择" })
  .transform((list) => list.map(Number));

/** The time limit as the form sends it: 限期 with a date, 按月 / 按季, or 未明确 (the 督查室 decides later). */
const schedule = {
  cadence: z.enum(["none", ...ITEM_CADENCES], { message: "请选择时限方式" }),
  deadline: day.optional().or(z.literal("")),
};

type Schedule = { cadence: (typeof schedule.cadence.options)[number]; deadline?: string };

function scheduleOf(input: Schedule, today: string): { cadence: (typeof ITEM_CADENCES)[number] | null; deadline: string | null } {
  if (input.cadence === "none") return { cadence: null, deadline: null };
  if (input.cadence !== "once") return { cadence: input.cadence, deadline: null };
  if (!input.deadline) throw new ValidationError("请填写完成时限", { deadline: ["限期完成的事项须填写完成日期"] });
  if (input.deadline < today) throw new ValidationError("完成日期不能早于今天", { deadline: ["完成日期不能早于今天"] });
  return { cadence: "once", deadline: input.deadline };
}

export const assignItem = defineAction({
  action: "item.assign",
  entity: "supervision_item",
  schema: z.object({
    leaderId: z.coerce.number({ message: "请选择作出批示的领导" }).int().positive("请选择作出批示的领导"),
    instructedOn: day,
    text: z.string({ message: "请填写批示内容" }).trim().min(4, "请填写批示内容").max(2000, "批示内容请控制在 2000 字以内"),
    leadUnitIds: idList.refine((l) => l.length > 0, { message: "请至少选择一个牵头单位" }),
    coopUnitIds: idList,
    ...schedule,
  }),
  guard: () => ["item:create"],
  load: async ({ input }) => {
    const choices = listItemChoices();
    const leader = choices.leaders.find((l) => l.id === input.leaderId);
    const unitIds = new Set(choices.units.map((u) => u.id));
    if (!leader || ![...input.leadUnitIds, ...input.coopUnitIds].every((id) => unitIds.has(id))) return null;
    return { leader, yearId: (await currentProgrammeYear()).id };
  },
  mutate: (tx, { leader, yearId }, { input, user }) => {
    const today = appToday();
    if (input.instructedOn > today) throw new ValidationError("批示日期不能晚于今天", { instructedOn: ["批示日期不能晚于今天"] });
    if (new Set([...input.leadUnitIds, ...input.coopUnitIds]).size !== input.leadUnitIds.length + input.coopUnitIds.length)
      throw new ValidationError("同一单位不能重复选择", { coopUnitIds: ["同一单位不能既牵头又配合，也不能重复选择"] });
    const limit = scheduleOf(input, today);
    const now = Date.now();
    const created = insertAssignedItem(tx, {
      yearId,
      leaderId: leader.id,
      instructedAt: Date.parse(`${input.instructedOn}T12:00:00+08:00`),
      text: input.text,
      leadUnitIds: input.leadUnitIds,
      coopUnitIds: input.coopUnitIds,
      ...limit,
      byId: user.id,
      now,
    });
    return {
      entityId: created.id,
      after: {
        no: created.no,
        leader: leader.name,
        instructedOn: input.instructedOn,
        text: input.text,
        leadUnitIds: input.leadUnitIds,
        coopUnitIds: input.coopUnitIds,
        ...limit,
      },
      result: { no: created.no },
    };
  },
  revalidate: (_ctx, r) => ["/items", ...(r ? [subjectPath({ kind: "item", no: r.no })] : []), "/supervision"],
  redirectTo: (_ctx, r) => (r ? subjectPath({ kind: "item", no: r.no }) : "/items"),
  successMessage: (r) => (r ? `已录入${subjectLabel({ kind: "item", no: r.no })}。` : "已录入。"),
});

export const scheduleItem = defineAction({
  action: "item.schedule",
  entity: "supervision_item",
  schema: z.object({
    itemNo: z.coerce.number({ message: "督办事项编号无效" }).int().positive("督办事项编号无效"),
    version: z.coerce.number({ message: "页面已过期，请刷新后重试" }).int().positive("页面已过期，请刷新后重试"),
    ...schedule,
  }),
  entityId: (input) => input.itemNo,
  guard: () => ["item:schedule"],
  load: async ({ input }) => getItemRef({ yearId: (await currentProgrammeYear()).id, no: input.itemNo }),
  mutate: (tx, item, { input }) => {
    const today = appToday();
    const limit = scheduleOf(input, today);
    if (!setItemSchedule(tx, { id: item.id, expectedVersion: input.version, ...limit, today })) throw new ConflictError();
    return { entityId: item.id, before: { cadence: item.cadence, deadline: item.deadline }, after: limit, result: { no: item.no } };
  },
  revalidate: (_ctx, r) => ["/items", ...(r ? [subjectPath({ kind: "item", no: r.no })] : [])],
  successMessage: "时限已保存。",
});
