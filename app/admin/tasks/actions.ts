"use server";
import { z } from "zod";
import { ConflictError, defineAction, ValidationError } from "@/app/_lib/action";
import { currentProgrammeYear } from "@/app/_lib/programme-year";
import { getTaskForEdit, updateTaskProgramme } from "@/db/queries/programme-maintenance";
import { parseMetricLines, parseNameList, repeatedNames } from "@/lib/programme-fields";
import { changeBasis, checkbox, optionalText, requiredText, subjectNo, version } from "./schema";

const names = (label: string) =>
  z
    .string()
    .max(500, `${label}请控制在 500 字以内。`)
    .optional()
    .transform((v, ctx) => {
      const list = parseNameList(v ?? "");
      const twice = repeatedNames(list);
      if (twice.length) ctx.addIssue({ code: "custom", message: `${label}中重复填写了：${twice.join("、")}。` });
      return list;
    });

/** The administrator or the 督查室 edits a task's text, section, leaders, units and metrics. */
export const updateTask = defineAction({
  action: "task.maintain",
  entity: "task",
  schema: z.object({
    no: subjectNo,
    version,
    target: requiredText("目标任务", 2000),
    sectionId: z.coerce.number({ message: "请选择板块。" }).int("请选择板块。").positive("请选择板块。"),
    leaders: names("牵头领导"),
    leadUnits: names("牵头单位"),
    coopUnits: names("配合单位"),
    metrics: z
      .string()
      .max(5000, "量化指标请控制在 5000 字以内。")
      .optional()
      .transform((v, ctx) => {
        const parsed = parseMetricLines(v ?? "");
        if (!parsed.ok) {
          for (const message of parsed.errors) ctx.addIssue({ code: "custom", message });
          return [];
        }
        return parsed.metrics;
      }),
    keepFlag: checkbox,
    note: optionalText("核实说明", 2000),
    ...changeBasis,
  }),
  entityId: (input) => input.no,
  guard: () => ["programme:edit"],
  load: async ({ input }) => {
    const yearId = (await currentProgrammeYear()).id;
    const task = getTaskForEdit({ yearId, no: input.no });
    return task && { task, yearId };
  },
  mutate: (tx, { task, yearId }, { input, user }) => {
    if (input.keepFlag && !input.note) throw new ValidationError("仍需核实的，请写明还需核实什么。", { note: ["请写明还需核实什么。"] });
    const r = updateTaskProgramme(
      tx,
      task,
      { ...input, needsVerification: input.keepFlag, note: input.note, expectedVersion: input.version },
      { byId: user.id, now: Date.now(), yearId },
    );
    if (!r.ok && r.kind === "conflict") throw new ConflictError();
    if (!r.ok) throw new ValidationError(r.message, { [r.field]: [r.message] });
    return { entityId: task.no, before: r.before, after: r.after };
  },
  revalidate: ({ input }) => [
    "/admin/tasks",
    `/admin/tasks/${input.no}`,
    "/admin/verification",
    `/tasks/${input.no}`,
    "/tasks",
    "/my",
    "/supervision",
    "/dashboard",
  ],
  successMessage: "任务信息已更新，变更已记录。",
});
