// Bad-input cases for a co-lead unit's own part of a report (save, send), for tasks, projects
// and 督办事项 alike: signed in as the second-listed lead unit of a co-led subject. The caller
// names each case's `ref` where the coverage test reads it.
import { and, asc, eq } from "drizzle-orm";
import type { FormState } from "@/app/_lib/action";
import type { Db } from "@/db/client";
import { itemUnits, livelihoodProjects, periods, projectUnits, reportParts, reports, supervisionItems, tasks, taskUnits, users } from "@/db/schema";
import { actAs } from "./fixture";
import type { ActionCase } from "./harness";

type PartAction = (prev: FormState | undefined, data: Record<string, unknown>) => Promise<FormState>;

export function partCases(
  db: Db,
  { kind, no, quarter, save, submit }: { kind: "task" | "project" | "item"; no: number; quarter: string; save: PartAction; submit: PartAction },
): [Omit<ActionCase, "ref">, Omit<ActionCase, "ref">] {
  const field = `${kind}No`;
  const subjectId =
    kind === "task"
      ? db.select({ id: tasks.id }).from(tasks).where(eq(tasks.no, no)).get()!.id
      : kind === "project"
        ? db.select({ id: livelihoodProjects.id }).from(livelihoodProjects).where(eq(livelihoodProjects.no, no)).get()!.id
        : db.select({ id: supervisionItems.id }).from(supervisionItems).where(eq(supervisionItems.no, no)).get()!.id;
  const leads =
    kind === "item"
      ? db
          .select({ unitId: itemUnits.unitId })
          .from(itemUnits)
          .where(and(eq(itemUnits.itemId, subjectId), eq(itemUnits.role, "lead")))
          .orderBy(asc(itemUnits.position))
          .all()
      : kind === "task"
        ? db
            .select({ unitId: taskUnits.unitId })
            .from(taskUnits)
            .where(and(eq(taskUnits.taskId, subjectId), eq(taskUnits.role, "lead")))
            .orderBy(asc(taskUnits.position))
            .all()
        : db
            .select({ unitId: projectUnits.unitId })
            .from(projectUnits)
            .where(and(eq(projectUnits.projectId, subjectId), eq(projectUnits.role, "lead")))
            .orderBy(asc(projectUnits.position))
            .all();
  const coLead = leads[1]!.unitId;
  const username = db
    .select({ username: users.username })
    .from(users)
    .where(and(eq(users.unitId, coLead), eq(users.role, "unit")))
    .get()!.username;
  const periodId = db.select({ id: periods.id }).from(periods).where(eq(periods.code, quarter)).get()!.id;
  const subjectCol = kind === "task" ? reportParts.taskId : kind === "project" ? reportParts.projectId : reportParts.itemId;
  const part = () =>
    db
      .select()
      .from(reportParts)
      .where(and(eq(subjectCol, subjectId), eq(reportParts.periodId, periodId), eq(reportParts.unitId, coLead)))
      .get();
  // The compiled report must stay open for parts to be written.
  const reportCol = kind === "task" ? reports.taskId : kind === "project" ? reports.projectId : reports.itemId;
  const reopen = () =>
    db
      .update(reports)
      .set({ status: "draft" })
      .where(and(eq(reportCol, subjectId), eq(reports.periodId, periodId)))
      .run();
  reopen();
  const valid = () => ({ [field]: String(no), quarter, version: String(part()?.version ?? 0), progress: "本单位负责部分进展", problems: "" });
  const fields: ActionCase["fields"] = [
    { name: field, kind: "id" },
    { name: "quarter", kind: "choice" },
    { name: "version", kind: "id" },
    { name: "problems", kind: "text", stored: () => part()?.problems },
    { name: "attach", kind: "id" },
  ];
  return [
    {
      signIn: () => actAs(db, username),
      call: (input) => save(undefined, input),
      valid,
      fields: [...fields, { name: "progress", kind: "text", stored: () => part()?.progress }],
    },
    {
      signIn: () => actAs(db, username),
      call: (input) => submit(undefined, input),
      valid,
      fields: [...fields, { name: "progress", kind: "requiredText", stored: () => part()?.progress }],
    },
  ];
}
