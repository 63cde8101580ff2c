// Bad-input cases for quarterly reporting: the report form (save, submit), review (one by
// one and in bulk), 配合情况 and quarterly targets. Each case starts from a valid input for
// the current state and is reset after an accepted call.
import { and, eq } from "drizzle-orm";
import { saveTargets, setTargetsLocked } from "@/app/tasks/[no]/targets/actions";
import { approveReport, returnReport, saveCoopNoteAction, saveReport, submitReportAction } from "@/app/tasks/[no]/report/[quarter]/actions";
import { approveReports } from "@/app/supervision/review/actions";
import type { Db } from "@/db/client";
import { submitReport } from "@/db/queries/report-writes";
import { getTaskTargets, saveTaskTargets } from "@/db/queries/targets";
import { coopNotes, metricQuarterTargets, metrics, reportMetricValues, reports, targetSets, taskQuarterMilestones, units, users } from "@/db/schema";
import { defaultQuarterPlans } from "@/lib/quarter-targets";
import { SELF_STATUSES } from "@/lib/report-form";
import { badFiles } from "./corpus";
import { actAs, foreignTaskNo, periodIdOf, reportRow, taskIdOf, taskNos, unitIdOf, userIdOf } from "./fixture";
import type { ActionCase } from "./harness";

const Q = "2026Q4";
const str = (n: number | null | undefined) => String(n ?? 0);

function metricIdOf(db: Db, no: number): number {
  return db.select({ id: metrics.id }).from(metrics).where(eq(metrics.taskId, taskIdOf(db, no))).orderBy(metrics.position).get()!.id;
}

/** Saves default plans and a milestone for every quarter, as the lead unit would. */
function planTargets(db: Db, no: number, userId: number) {
  const taskId = taskIdOf(db, no);
  const t = getTaskTargets({ taskId });
  const plans = new Map(t.metrics.map((m) => [m.id, defaultQuarterPlans(m)]));
  const milestones = [1, 2, 3, 4].map((q) => `第${q}季度：完成阶段任务`);
  db.transaction((tx) => saveTaskTargets(tx, { taskId, expectedVersion: t.version, plans, milestones, userId, now: Date.now() }), { behavior: "immediate" });
}

export async function reportCases(db: Db): Promise<ActionCase[]> {
  const zjj = unitIdOf(db, "住建局");
  const zjjUser = userIdOf(db, "zjj");
  const [draftNo, submitNo, reviewNo, , , targetsNo] = taskNos(db, { unitId: zjj, role: "lead" }) as number[];
  for (const no of [draftNo!, submitNo!]) planTargets(db, no, zjjUser);
  const draftMetric = metricIdOf(db, draftNo!);
  const submitMetric = metricIdOf(db, submitNo!);
  const reviewMetric = metricIdOf(db, reviewNo!);
  const foreign = foreignTaskNo(db, zjj);
  const files = await badFiles();

  // A submitted Q3 report for the 督查室 to review.
  db.transaction(
    (tx) =>
      submitReport(tx, {
        subject: { taskId: taskIdOf(db, reviewNo!) },
        periodId: periodIdOf(db, "2026Q3"),
        expectedVersion: 0,
        content: { progress: "第三季度进展", problems: "", nextSteps: "", selfStatus: "onTrack", milestoneDone: null, milestoneDoneOn: null, metricValues: [{ metricId: reviewMetric, value: 200 }] },
        userId: zjjUser,
        now: Date.now(),
      }),
    { behavior: "immediate" },
  );
  const review = () => reportRow(db, reviewNo!, "2026Q3")!;
  const resubmit = () => db.update(reports).set({ status: "submitted" }).where(eq(reports.id, review().id)).run();
  const reviewValid = (comment: string) => ({ reportId: str(review().id), taskNo: String(reviewNo), quarter: "2026Q3", version: str(review().version), comment });

  const reportFields = (no: number, metricId: number, submitting: boolean) => {
    const row = () => reportRow(db, no, Q);
    return [
      { name: "taskNo", kind: "id" as const },
      { name: "quarter", kind: "choice" as const },
      { name: "version", kind: "id" as const },
      { name: "progress", kind: submitting ? ("requiredText" as const) : ("text" as const), stored: () => row()?.progress },
      { name: "problems", kind: "text" as const, stored: () => row()?.problems },
      { name: "nextSteps", kind: "text" as const, stored: () => row()?.nextSteps },
      { name: "selfStatus", kind: "choice" as const, choices: submitting ? SELF_STATUSES : [...SELF_STATUSES, ""] },
      {
        name: `metric.${metricId}`,
        kind: "number" as const,
        stored: () =>
          db.select({ v: reportMetricValues.value }).from(reportMetricValues).where(and(eq(reportMetricValues.reportId, row()!.id), eq(reportMetricValues.metricId, metricId))).get()?.v,
      },
      { name: "milestoneDone", kind: "choice" as const, choices: submitting ? ["done", "notDone"] : ["done", "notDone", ""] },
      { name: "milestoneDoneOn", kind: "date" as const },
    ];
  };
  const reportValid = (no: number, metricId: number) => ({
    taskNo: String(no),
    quarter: Q,
    version: str(reportRow(db, no, Q)?.version),
    progress: "本季度完成 3 条背街小巷改造，累计完成年度任务的 80%。",
    problems: "",
    nextSteps: "加快剩余路段施工。",
    selfStatus: "onTrack",
    [`metric.${metricId}`]: "7",
    milestoneDone: "done",
    milestoneDoneOn: "2026-12-01",
  });

  const coop = db
    .select({ unitId: units.id, username: users.username })
    .from(units)
    .innerJoin(users, eq(users.unitId, units.id))
    .all()
    .find((u) => taskNos(db, { unitId: u.unitId, role: "coop" }).length > 0)!;
  const coopNo = taskNos(db, { unitId: coop.unitId, role: "coop" })[0]!;
  const notCoopNo = foreignTaskNo(db, coop.unitId);
  const coopNote = () =>
    db
      .select()
      .from(coopNotes)
      .where(and(eq(coopNotes.taskId, taskIdOf(db, coopNo)), eq(coopNotes.periodId, periodIdOf(db, Q)), eq(coopNotes.unitId, coop.unitId)))
      .get();

  const targetsId = taskIdOf(db, targetsNo ?? reviewNo!);
  const targetsNoUsed = targetsNo ?? reviewNo!;
  const targetsMetric = db.select({ id: metrics.id }).from(metrics).where(eq(metrics.taskId, targetsId)).get()?.id;
  const targetsVersion = () => str(db.select({ v: targetSets.version }).from(targetSets).where(eq(targetSets.taskId, targetsId)).get()?.v);
  const targetsValid = () => {
    const input: Record<string, unknown> = { taskNo: String(targetsNoUsed), version: targetsVersion() };
    [1, 2, 3, 4].forEach((q) => (input[`milestone.q${q}`] = `第${q}季度节点：完成阶段性工作`));
    if (targetsMetric) [1, 2, 3, 4].forEach((q) => (input[`plan.${targetsMetric}.q${q}`] = String(q * 100)));
    return input;
  };
  const lockNo = reviewNo!;
  const lockState = () => db.select().from(targetSets).where(eq(targetSets.taskId, taskIdOf(db, lockNo))).get();

  const asZjj = () => actAs(db, "zjj");
  const asSupervisor = () => actAs(db, "duchashi");
  const reportsPath = "app/tasks/[no]/report/[quarter]/actions.ts";

  return [
    {
      ref: `${reportsPath}#saveReport`,
      signIn: asZjj,
      call: (input) => saveReport(undefined, input),
      valid: () => reportValid(draftNo!, draftMetric),
      fields: reportFields(draftNo!, draftMetric, false),
      foreign: () => [{ ...reportValid(draftNo!, draftMetric), taskNo: String(foreign) }],
      files: { field: "evidence", inputs: files },
    },
    {
      ref: `${reportsPath}#submitReportAction`,
      signIn: asZjj,
      call: (input) => submitReportAction(undefined, input),
      valid: () => reportValid(submitNo!, submitMetric),
      fields: reportFields(submitNo!, submitMetric, true),
      reset: () => db.update(reports).set({ status: "draft" }).where(eq(reports.id, reportRow(db, submitNo!, Q)!.id)).run(),
      foreign: () => [{ ...reportValid(submitNo!, submitMetric), taskNo: String(foreign) }],
      files: { field: "evidence", inputs: files },
    },
    {
      ref: `${reportsPath}#approveReport`,
      signIn: asSupervisor,
      call: (input) => approveReport(undefined, input),
      valid: () => reviewValid("同意。"),
      fields: [
        { name: "reportId", kind: "id" },
        { name: "taskNo", kind: "id" },
        { name: "quarter", kind: "choice" },
        { name: "version", kind: "id" },
        { name: "comment", kind: "text" },
      ],
      reset: resubmit,
    },
    {
      ref: `${reportsPath}#returnReport`,
      signIn: asSupervisor,
      call: (input) => returnReport(undefined, input),
      valid: () => reviewValid("请补充佐证材料。"),
      fields: [
        { name: "reportId", kind: "id" },
        { name: "version", kind: "id" },
        { name: "comment", kind: "requiredText", stored: () => review().reviewComment },
      ],
      reset: resubmit,
    },
    {
      ref: "app/supervision/review/actions.ts#approveReports",
      signIn: asSupervisor,
      call: (input) => approveReports(undefined, input),
      valid: () => ({ items: `${review().id}:${review().version}` }),
      fields: [{ name: "items", kind: "choice" }],
      reset: resubmit,
    },
    {
      ref: `${reportsPath}#saveCoopNoteAction`,
      signIn: () => actAs(db, coop.username),
      call: (input) => saveCoopNoteAction(undefined, input),
      valid: () => ({ taskNo: String(coopNo), quarter: Q, version: str(coopNote()?.version), text: "已配合完成现场核查。" }),
      fields: [
        { name: "taskNo", kind: "id" },
        { name: "quarter", kind: "choice" },
        { name: "version", kind: "id" },
        { name: "text", kind: "requiredText", stored: () => coopNote()?.text },
      ],
      foreign: () => [{ taskNo: String(notCoopNo), quarter: Q, version: "0", text: "越权填写" }],
    },
    {
      ref: "app/tasks/[no]/targets/actions.ts#saveTargets",
      signIn: asZjj,
      call: (input) => saveTargets(undefined, input),
      valid: targetsValid,
      fields: [
        { name: "taskNo", kind: "id" },
        { name: "version", kind: "id" },
        {
          name: "milestone.q2",
          // Without metrics a task must plan a milestone for every quarter.
          kind: targetsMetric ? "text" : "requiredText",
          stored: () => db.select({ t: taskQuarterMilestones.text }).from(taskQuarterMilestones).where(and(eq(taskQuarterMilestones.taskId, targetsId), eq(taskQuarterMilestones.quarter, 2))).get()?.t ?? "",
        },
        ...(targetsMetric
          ? [
              {
                name: `plan.${targetsMetric}.q2`,
                kind: "number" as const,
                stored: () => db.select({ v: metricQuarterTargets.value }).from(metricQuarterTargets).where(and(eq(metricQuarterTargets.metricId, targetsMetric), eq(metricQuarterTargets.quarter, 2))).get()?.v,
              },
            ]
          : []),
      ],
      foreign: () => [{ ...targetsValid(), taskNo: String(foreign) }],
    },
    {
      ref: "app/tasks/[no]/targets/actions.ts#setTargetsLocked",
      signIn: asSupervisor,
      call: (input) => setTargetsLocked(undefined, input),
      valid: () => ({ taskNo: String(lockNo), version: str(lockState()?.version), locked: lockState()?.lockedAt ? "0" : "1" }),
      fields: [
        { name: "taskNo", kind: "id" },
        { name: "version", kind: "id" },
        { name: "locked", kind: "choice", choices: ["0", "1"] },
      ],
    },
  ];
}
