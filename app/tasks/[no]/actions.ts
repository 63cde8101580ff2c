"use server";
import { z } from "zod";
import { defineAction, ValidationError } from "@/app/_lib/action";
import { currentProgrammeYear } from "@/app/_lib/programme-year";
import { listNamedDescriptors, nameCollectiveMembers } from "@/db/collective-members";
import { getReportTaskByNo } from "@/db/queries/reports";

const unitIds = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
  .refine((list) => list.every((id) => /^\d{1,10}$/.test(id.trim())), { message: "所选单位无效，请刷新页面后重新勾选" })
  .transform((list) => [...new Set(list.map(Number))]);

/**
 * The lead unit (or the 督查室) names the units a "相关镇政府、街道办" / "市直相关单位" descriptor
 * of the task reaches: they then see the task as cooperating; the gazette text is unchanged.
 */
export const nameCollectiveUnits = defineAction({
  action: "collective.name",
  entity: "collectiveMembers",
  schema: z.object({
    taskNo: z.coerce.number().int().positive(),
    descriptorUnitId: z.coerce.number().int().positive(),
    unitId: unitIds,
  }),
  entityId: (input) => `task${input.taskNo}/${input.descriptorUnitId}`,
  load: async ({ input, db }) => {
    const yearId = (await currentProgrammeYear()).id;
    const task = getReportTaskByNo({ yearId, no: input.taskNo });
    const descriptor =
      task && listNamedDescriptors(db, { kind: "task", subjectId: task.id, yearId }).find((d) => d.descriptorUnitId === input.descriptorUnitId);
    return task && descriptor ? { task, descriptor } : null;
  },
  authorize: ({ task }) => ["collective:name", { leadUnitIds: task.leadUnits.map((u) => u.id) }],
  prepare: (loaded, { input }) => {
    const allowed = new Set(loaded.descriptor.candidates.map((c) => c.id));
    if (!input.unitId.every((id) => allowed.has(id)))
      throw new ValidationError(`只能从“${loaded.descriptor.descriptor}”所指的单位中选择`, { unitId: ["所选单位不在可选范围内，请刷新页面后重新勾选"] });
    return loaded;
  },
  mutate: (tx, { task, descriptor }, { user, input }) => {
    const r = nameCollectiveMembers(tx, {
      kind: "task",
      subjectId: task.id,
      descriptorUnitId: descriptor.descriptorUnitId,
      unitIds: input.unitId,
      userId: user.id,
      now: Date.now(),
    });
    return { before: { descriptor: descriptor.descriptor, unitIds: r.before }, after: { descriptor: descriptor.descriptor, unitIds: r.after } };
  },
  revalidate: ({ input }) => [`/tasks/${input.taskNo}`, `/tasks/${input.taskNo}/named`, "/tasks", "/my"],
  successMessage: "已保存，所选单位将在“我的待办”和任务列表中看到本任务（配合）。",
});
