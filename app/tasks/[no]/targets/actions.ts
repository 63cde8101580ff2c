"use server";
import { z } from "zod";
import { ConflictError, defineAction, ValidationError } from "@/app/_lib/action";
import { getReportTaskByNo } from "@/db/queries/reports";
import { getTaskTargets, saveTaskTargets, setTargetsLock, type TargetsWrite } from "@/db/queries/targets";
import { parseQuarterTargets } from "@/lib/quarter-targets";

const TARGETS_CONFLICT = "季度目标已被他人修改或已被锁定，本次未保存；您填写的内容仍在表单中，请刷新页面核对后再保存。";

function loadTargets(no: number) {
  const task = getReportTaskByNo({ no });
  if (!task) return null;
  return { task, targets: getTaskTargets({ taskId: task.id }), leadUnitIds: task.leadUnits.map((u) => u.id) };
}

function applied(result: TargetsWrite) {
  if (result.ok) return result;
  if (result.reason === "conflict") throw new ConflictError(TARGETS_CONFLICT);
  throw new ValidationError("提交的指标与本任务不符，请刷新页面后重试");
}

const paths = (no: number) => [`/tasks/${no}/targets`, `/tasks/${no}`, "/my"];

/**
 * Saves a task's quarterly targets. While unlocked the lead unit edits them; once the
 * 督查室 has locked them, only the 督查室 may change them (every change is audited).
 */
export const saveTargets = defineAction({
  action: "targets.save",
  entity: "targets",
  // Plan and milestone fields (plan.<metricId>.q<n>, milestone.q<n>) are checked against the task's metrics in load.
  schema: z
    .object({ taskNo: z.coerce.number().int().positive(), version: z.coerce.number().int().min(0) })
    // Plan and milestone fields are single strings: a repeated field is refused, not dropped.
    .catchall(z.string({ message: "该项只能填写一个值" })),
  entityId: (input) => input.taskNo,
  load: ({ input }) => {
    const loaded = loadTargets(input.taskNo);
    if (!loaded) return null;
    const raw = Object.fromEntries(Object.entries(input).filter((e): e is [string, string] => typeof e[1] === "string"));
    const parsed = parseQuarterTargets(loaded.targets.metrics, raw);
    if (!parsed.ok) throw new ValidationError("季度目标有误，请按提示修改", parsed.errors);
    return { ...loaded, parsed };
  },
  authorize: ({ targets, leadUnitIds }) =>
    targets.lockedAt !== null ? ["targets:lock"] : ["targets:edit", { leadUnitIds, locked: false }],
  mutate: (tx, { task, parsed }, { user, input }) => {
    const r = applied(saveTaskTargets(tx, { taskId: task.id, expectedVersion: input.version, plans: parsed.plans, milestones: parsed.milestones, userId: user.id, now: Date.now() }));
    return { entityId: task.no, before: r.before, after: r.after };
  },
  revalidate: ({ input }) => paths(input.taskNo),
  successMessage: "季度目标已保存。",
});

/** The 督查室 locks or unlocks a task's quarterly targets. */
export const setTargetsLocked = defineAction({
  action: "targets.lock",
  entity: "targets",
  schema: z.object({
    taskNo: z.coerce.number().int().positive(),
    version: z.coerce.number().int().min(0),
    locked: z.enum(["1", "0"]).transform((v) => v === "1"),
  }),
  entityId: (input) => input.taskNo,
  load: ({ input }) => loadTargets(input.taskNo),
  guard: () => ["targets:lock"],
  mutate: (tx, { task }, { user, input }) => {
    const r = applied(setTargetsLock(tx, { taskId: task.id, locked: input.locked, expectedVersion: input.version, userId: user.id, now: Date.now() }));
    return { entityId: task.no, before: r.before, after: r.after, result: input.locked };
  },
  revalidate: ({ input }) => paths(input.taskNo),
  successMessage: (locked) => (locked ? "季度目标已锁定，此后修改须由督查室进行。" : "季度目标已解锁，牵头单位可以修改。"),
});
