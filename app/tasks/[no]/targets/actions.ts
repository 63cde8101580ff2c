"use server";
import { z } from "zod";
import { ConflictError, defineAction, ValidationError } from "@/app/_lib/action";
import { appToday } from "@/app/_lib/today";
import { notify } from "@/db/queries/notifications";
import { listPeriods } from "@/db/queries/periods";
import { getReportTaskByNo } from "@/db/queries/reports";
import {
  createChangeRequest,
  decideChangeRequest,
  getChangeRequest,
  getTaskTargets,
  quarterPlanOf,
  saveTaskTargets,
  setQuarterLock,
  type TargetsWrite,
} from "@/db/queries/targets";
import { targetsChangeDecided, targetsChangeRequested } from "@/lib/notification-rules";
import { formatQuarterCode, QUARTERS, type Quarter } from "@/lib/periods";
import { keepLocked, parseQuarterTargets, quarterLock, type QuarterPlans } from "@/lib/quarter-targets";
import { subjectLabel } from "@/lib/subject";
import { currentProgrammeYear } from "@/app/_lib/programme-year";

const TARGETS_CONFLICT = "季度目标已被他人修改或已被锁定，本次未保存；您填写的内容仍在表单中，请刷新页面核对后再保存。";

async function loadTargets(no: number) {
  const task = getReportTaskByNo({ yearId: (await currentProgrammeYear()).id, no });
  if (!task) return null;
  const targets = getTaskTargets({ taskId: task.id });
  const periods = listPeriods({ yearId: task.yearId });
  const today = appToday();
  const locks = QUARTERS.map((q) => {
    const period = periods.find((p) => p.quarter === q);
    return period
      ? quarterLock(
          { explicitAt: targets.explicitLocks[q - 1]?.at ?? null, firstSubmittedAt: targets.firstSubmittedAt[q - 1] ?? null, endsOn: period.endsOn },
          today,
        )
      : null;
  });
  return { task, targets, locks, year: periods[0]?.year ?? null, leadUnitIds: task.leadUnits.map((u) => u.id) };
}

function applied(result: TargetsWrite) {
  if (result.ok) return result;
  if (result.reason === "conflict") throw new ConflictError(TARGETS_CONFLICT);
  throw new ValidationError("提交的指标与本任务不符，请刷新页面后重试");
}

const paths = (no: number) => [`/tasks/${no}/targets`, `/tasks/${no}`, "/my", "/supervision/targets"];

const fieldsOnly = (input: Record<string, unknown>) => Object.fromEntries(Object.entries(input).filter((e): e is [string, string] => typeof e[1] === "string"));

// Plan and milestone fields (plan.<metricId>.q<n>, milestone.q<n>) are single strings checked against the task's metrics in load.
const targetFields = z
  .object({ taskNo: z.coerce.number().int().positive(), version: z.coerce.number().int().min(0) })
  .catchall(z.string({ message: "该项只能填写一个值" }));

/**
 * Saves a task's quarterly targets for the quarters still open. Locked quarters keep their
 * stored plans whatever the form sent; changing them is a request to the 督查室.
 */
export const saveTargets = defineAction({
  action: "targets.save",
  entity: "targets",
  schema: targetFields,
  entityId: (input) => input.taskNo,
  load: async ({ input }) => {
    const loaded = await loadTargets(input.taskNo);
    if (!loaded) return null;
    const locked = loaded.locks.map((l) => l !== null);
    const raw = keepLocked(fieldsOnly(input), loaded.targets.metrics, loaded.targets.milestones, locked);
    const parsed = parseQuarterTargets(loaded.targets.metrics, raw, { locked });
    if (!parsed.ok) throw new ValidationError("季度目标有误，请按提示修改", parsed.errors);
    return { ...loaded, parsed };
  },
  authorize: ({ locks, leadUnitIds }) => ["targets:edit", { leadUnitIds, locked: locks.every((l) => l !== null) }],
  mutate: (tx, { task, parsed, locks }, { user, input }) => {
    const openQuarters = QUARTERS.filter((q) => locks[q - 1] === null);
    const r = applied(
      saveTaskTargets(tx, {
        taskId: task.id,
        expectedVersion: input.version,
        plans: parsed.plans,
        milestones: parsed.milestones,
        openQuarters,
        userId: user.id,
        now: Date.now(),
      }),
    );
    return { entityId: task.no, before: r.before, after: r.after };
  },
  revalidate: ({ input }) => paths(input.taskNo),
  successMessage: "季度目标已保存。",
});

/** The 督查室 locks a quarter's targets early, or lifts that early lock. */
export const setTargetsLocked = defineAction({
  action: "targets.lock",
  entity: "targets",
  schema: z.object({
    taskNo: z.coerce.number().int().positive(),
    quarter: z.coerce.number().int().min(1, "季度无效").max(4, "季度无效"),
    version: z.coerce.number().int().min(0),
    locked: z.enum(["1", "0"]).transform((v) => v === "1"),
  }),
  entityId: (input) => `${input.taskNo}:Q${input.quarter}`,
  load: ({ input }) => loadTargets(input.taskNo),
  guard: () => ["targets:lock"],
  mutate: (tx, { task, targets, locks }, { user, input }) => {
    const lock = locks[input.quarter - 1];
    if (!input.locked && lock !== "supervisor")
      throw new ConflictError(lock ? "该季度目标因报告已提交或季度已结束而锁定，不能解锁；如需调整请由牵头单位提交调整申请。" : "该季度目标未锁定。");
    if (input.locked && targets.explicitLocks[input.quarter - 1]) throw new ConflictError("该季度目标已由督查室锁定。");
    const r = applied(
      setQuarterLock(tx, { taskId: task.id, quarter: input.quarter, locked: input.locked, expectedVersion: input.version, userId: user.id, now: Date.now() }),
    );
    return { entityId: `${task.no}:Q${input.quarter}`, before: r.before, after: r.after, result: input.locked };
  },
  revalidate: ({ input }) => paths(input.taskNo),
  successMessage: (locked) => (locked ? "已锁定该季度目标，此后调整须经督查室批准。" : "已解除督查室对该季度目标的锁定。"),
});

/**
 * A lead unit asks to change a locked quarter's targets, with a reason. The proposal must
 * fit the year's other quarters (cumulative plans never go down; Q4 is the annual target).
 */
export const requestTargetsChange = defineAction({
  action: "targets.request",
  entity: "targets",
  schema: targetFields.extend({
    quarter: z.coerce.number().int().min(1, "季度无效").max(4, "季度无效"),
    reason: z.string({ message: "请写明调整理由" }).trim().min(4, "请写明调整理由（至少 4 个字）").max(500, "调整理由请控制在 500 字以内"),
  }),
  entityId: (input) => `${input.taskNo}:Q${input.quarter}`,
  load: async ({ input }) => {
    const loaded = await loadTargets(input.taskNo);
    if (!loaded) return null;
    const q = input.quarter as Quarter;
    if (loaded.locks[q - 1] === null) throw new ValidationError("该季度目标尚未锁定，可直接修改，无需申请。");
    // Every other quarter as it is, this one as proposed.
    const others = QUARTERS.map((x) => x !== q);
    const raw = keepLocked(fieldsOnly(input), loaded.targets.metrics, loaded.targets.milestones, others);
    const parsed = parseQuarterTargets(loaded.targets.metrics, raw, { locked: others });
    if (!parsed.ok) throw new ValidationError("调整后的季度目标有误，请按提示修改", parsed.errors);
    const proposed = {
      metricPlans: Object.fromEntries([...parsed.plans].map(([id, plans]) => [id, plans[q - 1]!])),
      milestone: parsed.milestones[q - 1] ?? null,
    };
    const before = quarterPlanOf(loaded.targets, q);
    if (JSON.stringify(proposed) === JSON.stringify(before)) throw new ValidationError("调整后的目标与现行目标相同，请修改后再提交申请。");
    return { ...loaded, quarter: q, proposed, before };
  },
  authorize: ({ leadUnitIds }) => ["targets:request", { leadUnitIds }],
  mutate: (tx, l, { user, input }) => {
    const now = Date.now();
    const r = createChangeRequest(tx, {
      taskId: l.task.id,
      quarter: l.quarter,
      before: l.before,
      proposed: l.proposed,
      reason: input.reason,
      userId: user.id,
      now,
    });
    if (!r.ok) throw new ConflictError("该季度已有待督查室审批的调整申请，请等待审批结果。");
    const periodCode = l.year ? formatQuarterCode(l.year, l.quarter) : `Q${l.quarter}`;
    notify(
      tx,
      targetsChangeRequested({
        requestId: r.id,
        subject: subjectLabel({ kind: "task", no: l.task.no }),
        periodCode,
        unitName: user.unitName ?? user.displayName,
        reason: input.reason,
        link: `/tasks/${l.task.no}/targets`,
      }),
    );
    return { entityId: r.id, after: { quarter: l.quarter, before: l.before, proposed: l.proposed, reason: input.reason } };
  },
  revalidate: ({ input }) => paths(input.taskNo),
  successMessage: "调整申请已提交，督查室审批后生效。",
});

/** The 督查室 approves (the plan changes and the quarter is judged again) or refuses a change request. */
export const decideTargetsChange = defineAction({
  action: "targets.decide",
  entity: "targets",
  schema: z
    .object({
      requestId: z.coerce.number().int().positive(),
      version: z.coerce.number().int().positive(),
      decision: z.enum(["approve", "refuse"], { message: "请选择同意或不同意" }),
      comment: z.string().trim().max(500, "意见请控制在 500 字以内").optional().default(""),
    })
    .refine((v) => v.decision === "approve" || v.comment.length >= 2, { path: ["comment"], message: "不同意时请写明理由" }),
  entityId: (input) => input.requestId,
  load: async ({ input }) => {
    const request = getChangeRequest({ id: input.requestId });
    if (!request) return null;
    const loaded = await loadTargets(request.taskNo);
    if (!loaded) return null;
    if (input.decision === "approve") {
      // The rest of the year may have changed since the request: check the proposal against it now.
      const q = request.quarter;
      const plans = loaded.targets.metrics.map((m) => ({
        ...m,
        plans: m.plans.map((v, i) => (i === q - 1 ? (request.proposed.metricPlans[m.id] ?? v) : v)) as QuarterPlans,
      }));
      const milestones = loaded.targets.milestones.map((t, i) => (i === q - 1 ? (request.proposed.milestone ?? null) : t));
      const others = QUARTERS.map((x) => x !== q);
      const raw = keepLocked({}, plans, milestones, [true, true, true, true]);
      const parsed = parseQuarterTargets(loaded.targets.metrics, raw, { locked: others });
      if (!parsed.ok) throw new ValidationError(`该申请与本任务其他季度的目标不相符，不能同意：${Object.values(parsed.errors).flat().join("；")}`);
    }
    return { request, ...loaded };
  },
  guard: () => ["targets:lock"],
  mutate: (tx, l, { user, input }) => {
    const approve = input.decision === "approve";
    const r = decideChangeRequest(tx, {
      request: l.request,
      expectedVersion: input.version,
      approve,
      comment: input.comment || null,
      userId: user.id,
      now: Date.now(),
    });
    if (!r.ok) throw new ConflictError("该申请已被处理或已更新，请刷新页面查看。");
    const periodCode = l.year ? formatQuarterCode(l.year, l.request.quarter as Quarter) : `Q${l.request.quarter}`;
    notify(
      tx,
      targetsChangeDecided({
        requestId: l.request.id,
        subject: subjectLabel({ kind: "task", no: l.task.no }),
        periodCode,
        approved: approve,
        comment: input.comment || null,
        leadUnitIds: l.leadUnitIds,
        link: `/tasks/${l.task.no}/targets`,
      }),
    );
    return { entityId: l.request.id, before: r.before, after: { decision: input.decision, comment: input.comment || null, plans: r.after }, result: l.task.no };
  },
  revalidate: (_ctx, taskNo) => [...(taskNo ? paths(taskNo) : []), "/supervision", "/supervision/overdue", "/dashboard"],
  successMessage: "已处理调整申请。",
});
