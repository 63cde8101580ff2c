// Bad-input cases for quarterly reporting: the report form (save, submit), review (one by
// one and in bulk), 配合情况 and quarterly targets. Each case starts from a valid input for
// the current state and is reset after an accepted call.
import { and, eq } from "drizzle-orm";
import { decideTargetsChange, requestTargetsChange, saveTargets, setTargetsLocked } from "@/app/tasks/[no]/targets/actions";
import {
  approveReport,
  returnReport,
  saveCoopNoteAction,
  saveReport,
  saveReportPart,
  submitReportAction,
  submitReportPart,
} from "@/app/tasks/[no]/report/[quarter]/actions";
import { partCases } from "./part-cases";
import { collectiveCases } from "./collective-cases";
import { approveReports } from "@/app/supervision/review/actions";
import { POST as uploadEvidence } from "@/app/api/evidence/uploads/route";
import { pdfBytes } from "@/lib/testing/evidence-fixtures";
import type { Db } from "@/db/client";
import { submitReport } from "@/db/queries/report-writes";
import { createChangeRequest, getTaskTargets, quarterPlanOf, saveTaskTargets } from "@/db/queries/targets";
import {
  coopNotes,
  metricQuarterTargets,
  metrics,
  reportMetricValues,
  reports,
  targetChangeRequests,
  targetLocks,
  targetSets,
  taskQuarterMilestones,
  units,
  users,
} from "@/db/schema";
import { confirmField } from "@/lib/plausibility";
import { defaultQuarterPlans } from "@/lib/quarter-targets";
import { PROGRESS_LAMPS, SELF_STATUS } from "@/lib/vocabulary";
import { badFiles } from "./corpus";
import { actAs, foreignTaskNo, periodIdOf, reportRow, taskIdOf, taskNos, unitIdOf, userIdOf } from "./fixture";
import type { ActionCase } from "./harness";

const Q = "2026Q4";
const str = (n: number | null | undefined) => String(n ?? 0);

function metricIdOf(db: Db, no: number): number {
  return db
    .select({ id: metrics.id })
    .from(metrics)
    .where(eq(metrics.taskId, taskIdOf(db, no)))
    .orderBy(metrics.position)
    .get()!.id;
}

/** Saves default plans and a milestone for every quarter, as the lead unit would. */
function planTargets(db: Db, no: number, userId: number) {
  const taskId = taskIdOf(db, no);
  const t = getTaskTargets({ taskId });
  const plans = new Map(t.metrics.map((m) => [m.id, defaultQuarterPlans(m)]));
  const milestones = [1, 2, 3, 4].map((q) => `第${q}季度：完成阶段任务`);
  db.transaction((tx) => saveTaskTargets(tx, { taskId, expectedVersion: t.version, plans, milestones, openQuarters: [1, 2, 3, 4], userId, now: Date.now() }), {
    behavior: "immediate",
  });
}

export async function reportCases(db: Db): Promise<ActionCase[]> {
  const zjj = unitIdOf(db, "住建局");
  const zjjUser = userIdOf(db, "zjj");
  const [draftNo, submitNo, reviewNo, targetsNo] = taskNos(db, { unitId: zjj, role: "compile" }) as number[];
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
        content: {
          progress: "第三季度进展",
          problems: "",
          nextSteps: "",
          selfStatus: "onTrack",
          milestoneDone: null,
          milestoneDoneOn: null,
          metricValues: [{ metricId: reviewMetric, value: 200 }],
        },
        userId: zjjUser,
        now: Date.now(),
      }),
    { behavior: "immediate" },
  );
  const review = () => reportRow(db, reviewNo!, "2026Q3")!;
  const resubmit = () => db.update(reports).set({ status: "submitted" }).where(eq(reports.id, review().id)).run();
  const reviewValid = (comment: string) => ({
    reportId: str(review().id),
    taskNo: String(reviewNo),
    quarter: "2026Q3",
    version: str(review().version),
    comment,
  });

  const reportFields = (no: number, metricId: number, submitting: boolean) => {
    const row = () => reportRow(db, no, Q);
    return [
      { name: "taskNo", kind: "id" as const },
      { name: "quarter", kind: "choice" as const },
      { name: "version", kind: "id" as const },
      { name: "progress", kind: submitting ? ("requiredText" as const) : ("text" as const), stored: () => row()?.progress },
      { name: "problems", kind: "text" as const, stored: () => row()?.problems },
      { name: "nextSteps", kind: "text" as const, stored: () => row()?.nextSteps },
      { name: "selfStatus", kind: "choice" as const, choices: submitting ? SELF_STATUS : [...SELF_STATUS, ""] },
      {
        name: `metric.${metricId}`,
        kind: "number" as const,
        stored: () =>
          db
            .select({ v: reportMetricValues.value })
            .from(reportMetricValues)
            .where(and(eq(reportMetricValues.reportId, row()!.id), eq(reportMetricValues.metricId, metricId)))
            .get()?.v,
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
    // The number cases try figures that look wrong (above the target, decimals): each is confirmed.
    [confirmField(`metric.${metricId}`)]: "数字已核实",
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
  const lockVersion = () =>
    str(
      db
        .select({ v: targetSets.version })
        .from(targetSets)
        .where(eq(targetSets.taskId, taskIdOf(db, lockNo)))
        .get()?.v,
    );
  const q4Locked = () =>
    db
      .select()
      .from(targetLocks)
      .where(and(eq(targetLocks.taskId, taskIdOf(db, lockNo)), eq(targetLocks.quarter, 4)))
      .get() !== undefined;

  // A change request of the (ended, so locked) third quarter of the targets task.
  const changeField = targetsMetric ? `plan.${targetsMetric}.q3` : "milestone.q3";
  const changeValid = () => {
    const t = getTaskTargets({ taskId: targetsId });
    const input: Record<string, unknown> = {
      taskNo: String(targetsNoUsed),
      quarter: "3",
      version: targetsVersion(),
      reason: "受用地审批影响，申请调整三季度目标。",
      "milestone.q3": t.milestones[2] ?? "",
    };
    if (targetsMetric) {
      const m = t.metrics.find((x) => x.id === targetsMetric)!;
      // Halfway between the second quarter's plan and the fourth's: always a valid, different plan.
      input[`plan.${targetsMetric}.q3`] = String(
        Math.round((m.plans[1] + m.plans[3]) / 2) === m.plans[2] ? m.plans[1] : Math.round((m.plans[1] + m.plans[3]) / 2),
      );
    } else input["milestone.q3"] = "调整后的三季度节点";
    return input;
  };
  const closeRequests = () => db.update(targetChangeRequests).set({ status: "refused" }).where(eq(targetChangeRequests.status, "pending")).run();
  const pendingRequest = () => {
    const open = db
      .select()
      .from(targetChangeRequests)
      .where(and(eq(targetChangeRequests.taskId, targetsId), eq(targetChangeRequests.status, "pending")))
      .get();
    if (open) return open;
    const t = getTaskTargets({ taskId: targetsId });
    const before = quarterPlanOf(t, 3);
    db.transaction(
      (tx) =>
        createChangeRequest(tx, {
          taskId: targetsId,
          quarter: 3,
          before,
          proposed: { ...before, milestone: "调整后的三季度节点" },
          reason: "测试申请",
          userId: zjjUser,
          now: Date.now(),
        }),
      { behavior: "immediate" },
    );
    return db
      .select()
      .from(targetChangeRequests)
      .where(and(eq(targetChangeRequests.taskId, targetsId), eq(targetChangeRequests.status, "pending")))
      .get()!;
  };

  const asZjj = () => actAs(db, "zjj");
  const asSupervisor = () => actAs(db, "duchashi");
  const reportsPath = "app/tasks/[no]/report/[quarter]/actions.ts";

  /** The upload route takes the file as its body and its name in the query. */
  const upload = (input: Record<string, unknown>) => {
    const file = input.file instanceof File ? input.file : new File([pdfBytes() as BlobPart], "佐证.pdf");
    const url = new URL("http://test/api/evidence/uploads");
    // A query string carries text only: anything else arrives as its JSON text.
    url.searchParams.set("name", typeof input.name === "string" ? input.name : (JSON.stringify(input.name) ?? ""));
    return uploadEvidence(new Request(url, { method: "POST", body: file }), { params: Promise.resolve({}) });
  };

  const [savePart, submitPart] = partCases(db, { kind: "task", no: 54, quarter: Q, save: saveReportPart, submit: submitReportPart });
  return [
    ...collectiveCases(db),
    { ...savePart, ref: `${reportsPath}#saveReportPart` },
    { ...submitPart, ref: `${reportsPath}#submitReportPart` },
    {
      ref: "app/api/evidence/uploads/route.ts#POST",
      signIn: asZjj,
      call: upload,
      valid: () => ({ name: "季度佐证.pdf" }),
      // A browser cannot put a lone surrogate in a query string at all (encodeURIComponent throws), so such a name never arrives.
      fields: [{ name: "name", kind: "text", accepts: (v) => typeof v !== "string" || !/\p{Cs}/u.test(v) }],
      files: { field: "file", inputs: files },
    },
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
      reset: () =>
        db
          .update(reports)
          .set({ status: "draft" })
          .where(eq(reports.id, reportRow(db, submitNo!, Q)!.id))
          .run(),
      foreign: () => [{ ...reportValid(submitNo!, submitMetric), taskNo: String(foreign) }],
      files: { field: "evidence", inputs: files },
    },
    {
      ref: `${reportsPath}#approveReport`,
      signIn: asSupervisor,
      call: (input) => approveReport(undefined, input),
      // From the review queue: the queue's filters and the next report travel along.
      valid: () => ({ ...reviewValid("同意。"), from: "queue", next: "0", filterQuarter: "2026Q3", filterUnit: "住建局", filterLamp: "" }),
      fields: [
        { name: "reportId", kind: "id" },
        { name: "taskNo", kind: "id" },
        { name: "quarter", kind: "choice" },
        { name: "version", kind: "id" },
        { name: "comment", kind: "text" },
        { name: "from", kind: "choice", choices: ["queue"] },
        { name: "next", kind: "id" },
        { name: "filterQuarter", kind: "choice", choices: ["2026Q1", "2026Q2", "2026Q3", "2026Q4", ""] },
        { name: "filterUnit", kind: "text" },
        { name: "filterLamp", kind: "choice", choices: [...PROGRESS_LAMPS, ""] },
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
          // The fourth quarter is the one still open on the suite's day (2026-12-31).
          name: "milestone.q4",
          // Without metrics a task must plan a milestone for every quarter.
          kind: targetsMetric ? "text" : "requiredText",
          stored: () =>
            db
              .select({ t: taskQuarterMilestones.text })
              .from(taskQuarterMilestones)
              .where(and(eq(taskQuarterMilestones.taskId, targetsId), eq(taskQuarterMilestones.quarter, 4)))
              .get()?.t ?? "",
        },
        ...(targetsMetric
          ? [
              {
                name: `plan.${targetsMetric}.q4`,
                kind: "number" as const,
                stored: () =>
                  db
                    .select({ v: metricQuarterTargets.value })
                    .from(metricQuarterTargets)
                    .where(and(eq(metricQuarterTargets.metricId, targetsMetric), eq(metricQuarterTargets.quarter, 4)))
                    .get()?.v,
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
      valid: () => ({ taskNo: String(lockNo), quarter: "4", version: lockVersion(), locked: q4Locked() ? "0" : "1" }),
      fields: [
        { name: "taskNo", kind: "id" },
        { name: "quarter", kind: "choice", choices: ["4"] },
        { name: "version", kind: "id" },
        { name: "locked", kind: "choice", choices: ["0", "1"] },
      ],
    },
    {
      ref: "app/tasks/[no]/targets/actions.ts#requestTargetsChange",
      signIn: asZjj,
      call: (input) => requestTargetsChange(undefined, input),
      valid: () => {
        closeRequests();
        return changeValid();
      },
      fields: [
        { name: "taskNo", kind: "id" },
        { name: "quarter", kind: "choice", choices: ["3"] },
        { name: "version", kind: "id" },
        {
          name: "reason",
          kind: "requiredText",
          stored: () => db.select({ r: targetChangeRequests.reason }).from(targetChangeRequests).where(eq(targetChangeRequests.status, "pending")).get()?.r,
        },
        { name: changeField, kind: targetsMetric ? "number" : "requiredText" },
      ],
      reset: closeRequests,
      foreign: () => [{ ...changeValid(), taskNo: String(foreign) }],
    },
    {
      ref: "app/tasks/[no]/targets/actions.ts#decideTargetsChange",
      signIn: asSupervisor,
      call: (input) => decideTargetsChange(undefined, input),
      valid: () => {
        const r = pendingRequest();
        return { requestId: str(r.id), version: str(r.version), decision: "refuse", comment: "理由不充分，请补充依据后再申请。" };
      },
      fields: [
        { name: "requestId", kind: "id" },
        { name: "version", kind: "id" },
        { name: "decision", kind: "choice", choices: ["approve", "refuse"] },
        { name: "comment", kind: "text" },
      ],
      reset: () => void pendingRequest(),
    },
  ];
}
