// Bad-input cases for the livelihood-project (民生实事) quarterly report: save, submit,
// approve and return, with the project's own part values and stage milestones.
import { and, eq } from "drizzle-orm";
import {
  approveProjectReport,
  returnProjectReport,
  saveProjectReport,
  saveProjectReportPart,
  submitProjectReport,
  submitProjectReportPart,
} from "@/app/projects/[no]/report/[quarter]/actions";
import { partCases } from "./part-cases";
import type { Db } from "@/db/client";
import { yearIdOf } from "@/db/testing/programme-year";
import { listProjectProgress } from "@/db/queries/project-progress";
import { submitReport } from "@/db/queries/report-writes";
import { livelihoodProjects, reports } from "@/db/schema";
import { valueKeys } from "@/lib/project-progress";
import { projectField, stageMilestones } from "@/lib/project-report-input";
import { badFiles } from "./corpus";
import { actAs, periodIdOf, unitIdOf, userIdOf } from "./fixture";
import type { ActionCase, Field } from "./harness";

const ACTIONS = "app/projects/[no]/report/[quarter]/actions.ts";
const Q = "2026Q4";

export async function projectCases(db: Db): Promise<ActionCase[]> {
  const zjj = unitIdOf(db, "住建局");
  const own = listProjectProgress({ yearId: yearIdOf(db) }).find((p) => p.leadUnits.some((u) => u.id === zjj))!;
  const foreign = listProjectProgress({ yearId: yearIdOf(db) }).find((p) => !p.leadUnits.some((u) => u.id === zjj))!;
  const counted = own.parts.find((p) => valueKeys(p).length > 0)!;
  const stages = own.parts.flatMap((p) => stageMilestones(p));
  const lastStage = stages.at(-1)!;
  const files = await badFiles();

  const projectId = (no: number) => db.select({ id: livelihoodProjects.id }).from(livelihoodProjects).where(eq(livelihoodProjects.no, no)).get()!.id;
  const row = (code: string) =>
    db
      .select()
      .from(reports)
      .where(and(eq(reports.projectId, projectId(own.no)), eq(reports.periodId, periodIdOf(db, code))))
      .get();
  // The counted part (农村危房) takes its value from its 明细台账, not from the form: no value field here.

  const valid = () => {
    const input: Record<string, unknown> = {
      projectNo: String(own.no),
      quarter: Q,
      version: String(row(Q)?.version ?? 0),
      progress: "本季度完成农村危房改造 40 户，累计完成年度任务的 90%。",
      problems: "",
      nextSteps: "年底前全部完成验收。",
      selfStatus: "onTrack",
    };
    for (const m of stages) {
      input[projectField.milestoneDone(m.id)] = "1";
      input[projectField.milestoneDoneOn(m.id)] = m.due <= "2026-12-31" ? m.due : "2026-12-31";
    }
    return input;
  };
  const fields = (submitting: boolean): Field[] => [
    { name: "projectNo", kind: "id" },
    { name: "quarter", kind: "choice" },
    { name: "version", kind: "id" },
    { name: "progress", kind: submitting ? "requiredText" : "text", stored: () => row(Q)?.progress },
    { name: "problems", kind: "text", stored: () => row(Q)?.problems },
    { name: projectField.milestoneDone(lastStage.id), kind: "choice", choices: ["1", "on", "true", "", "0", "false"] },
    { name: projectField.milestoneDoneOn(lastStage.id), kind: "date" },
  ];

  // A submitted Q3 report for the 督查室 to review.
  db.transaction(
    (tx) =>
      submitReport(tx, {
        subject: { projectId: projectId(own.no) },
        periodId: periodIdOf(db, "2026Q3"),
        expectedVersion: 0,
        content: {
          progress: "第三季度进展",
          problems: "",
          nextSteps: "",
          selfStatus: "onTrack",
          milestoneDone: null,
          milestoneDoneOn: null,
          metricValues: [],
          partValues: [{ partId: counted.id, category: "", value: 100 }],
        },
        userId: userIdOf(db, "zjj"),
        now: Date.now(),
      }),
    { behavior: "immediate" },
  );
  const review = () => row("2026Q3")!;
  const resubmit = () => db.update(reports).set({ status: "submitted" }).where(eq(reports.id, review().id)).run();
  const reviewValid = (comment: string) => ({
    reportId: String(review().id),
    projectNo: String(own.no),
    quarter: "2026Q3",
    version: String(review().version),
    comment,
  });
  const asZjj = () => actAs(db, "zjj");
  const asSupervisor = () => actAs(db, "duchashi");

  const [savePart, submitPart] = partCases(db, { kind: "project", no: 2, quarter: Q, save: saveProjectReportPart, submit: submitProjectReportPart });
  return [
    { ...savePart, ref: `${ACTIONS}#saveProjectReportPart` },
    { ...submitPart, ref: `${ACTIONS}#submitProjectReportPart` },
    {
      ref: `${ACTIONS}#saveProjectReport`,
      signIn: asZjj,
      call: (input) => saveProjectReport(undefined, input),
      valid,
      fields: fields(false),
      foreign: () => [{ ...valid(), projectNo: String(foreign.no) }],
      files: { field: "evidence", inputs: files },
    },
    {
      ref: `${ACTIONS}#submitProjectReport`,
      signIn: asZjj,
      call: (input) => submitProjectReport(undefined, input),
      valid,
      fields: fields(true),
      reset: () =>
        db
          .update(reports)
          .set({ status: "draft" })
          .where(eq(reports.id, row(Q)!.id))
          .run(),
      foreign: () => [{ ...valid(), projectNo: String(foreign.no) }],
      files: { field: "evidence", inputs: files },
    },
    {
      ref: `${ACTIONS}#approveProjectReport`,
      signIn: asSupervisor,
      call: (input) => approveProjectReport(undefined, input),
      valid: () => reviewValid("同意。"),
      fields: [
        { name: "reportId", kind: "id" },
        { name: "projectNo", kind: "id" },
        { name: "version", kind: "id" },
        { name: "comment", kind: "text" },
      ],
      reset: resubmit,
    },
    {
      ref: `${ACTIONS}#returnProjectReport`,
      signIn: asSupervisor,
      call: (input) => returnProjectReport(undefined, input),
      valid: () => reviewValid("请补充入户核查照片。"),
      fields: [
        { name: "reportId", kind: "id" },
        { name: "version", kind: "id" },
        { name: "comment", kind: "requiredText", stored: () => review().reviewComment },
      ],
      reset: resubmit,
    },
  ];
}
