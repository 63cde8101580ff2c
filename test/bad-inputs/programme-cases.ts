// Bad-input cases for the maintenance of the programme itself: editing a task (text,
// section, leaders, units, metrics, 待核实) and resolving a flagged livelihood project.
import { and, desc, eq, inArray } from "drizzle-orm";
import { handOverLeaderAction } from "@/app/admin/leaders/actions";
import { updateTask } from "@/app/admin/tasks/actions";
import { resolveProject } from "@/app/admin/verification/actions";
import type { Db } from "@/db/client";
import { getTaskForEdit } from "@/db/queries/programme-maintenance";
import { getProjectForVerification } from "@/db/queries/verification";
import { leaderHandovers, leaders, livelihoodProjects, programmeChanges, taskLeaders, tasks } from "@/db/schema";
import { addLeader } from "@/test/app-db";
import { yearIdOf } from "@/db/testing/programme-year";
import { formatMetricLine, nameLines } from "@/lib/programme-fields";
import { actAs } from "./fixture";
import type { ActionCase } from "./harness";

const TASKS = "app/admin/tasks/actions.ts";
const VERIFY = "app/admin/verification/actions.ts";
const LEADERS = "app/admin/leaders/actions.ts";
/** The task the handover case moves between two leaders of its own. */
const HANDOVER_TASK_NO = 3;

/** A task with leaders, several lead units, cooperating units and a metric. */
const TASK_NO = 49;

export async function programmeCases(db: Db): Promise<ActionCase[]> {
  const yearId = yearIdOf(db);
  const task = () => getTaskForEdit({ yearId, no: TASK_NO })!;
  const project = db.select({ no: livelihoodProjects.no }).from(livelihoodProjects).where(eq(livelihoodProjects.needsVerification, true)).get()!;
  const flagged = () => getProjectForVerification({ yearId, no: project.no })!;
  const lastChange = () => db.select().from(programmeChanges).orderBy(desc(programmeChanges.id)).get();
  let serial = 0;
  const asSupervisor = () => actAs(db, "duchashi");
  // 领导交接: two leaders of the test's own; the outgoing one is added to task 3's leaders.
  const outgoing = addLeader(db, "交接测试原领导");
  const incoming = addLeader(db, "交接测试接任领导");
  const handoverTask = db
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(eq(tasks.yearId, yearId), eq(tasks.no, HANDOVER_TASK_NO)))
    .get()!.id;
  db.insert(taskLeaders).values({ taskId: handoverTask, leaderId: outgoing, position: 9 }).run();
  const handoverLinks = db.select().from(taskLeaders).where(eq(taskLeaders.taskId, handoverTask)).all();
  const lastHandover = () => db.select().from(leaderHandovers).orderBy(desc(leaderHandovers.id)).get();

  return [
    {
      ref: `${TASKS}#updateTask`,
      signIn: asSupervisor,
      call: (input) => updateTask(undefined, input),
      // Each valid edit changes the target, so an accepted input is a real change.
      valid: () => {
        const t = task();
        return {
          no: String(t.no),
          version: String(t.version),
          target: `${t.target.replace(/（修订\d+）$/, "")}（修订${(serial += 1)}）`,
          sectionId: String(t.sectionId),
          leaders: nameLines(t.leaders),
          leadUnits: nameLines(t.leadUnits),
          coopUnits: nameLines(t.coopUnits),
          metrics: t.metrics.map(formatMetricLine).join("\n"),
          keepFlag: t.needsVerification ? "true" : "",
          note: t.note ?? "",
          reason: "经核对公报原文更正",
          source: "经卫健局确认",
        };
      },
      fields: [
        { name: "no", kind: "id" },
        { name: "version", kind: "id" },
        { name: "target", kind: "requiredText", stored: () => db.select({ t: tasks.target }).from(tasks).where(eq(tasks.no, TASK_NO)).get()!.t },
        { name: "sectionId", kind: "id" },
        { name: "leaders", kind: "text" },
        { name: "leadUnits", kind: "text" },
        { name: "coopUnits", kind: "text" },
        { name: "metrics", kind: "text" },
        { name: "keepFlag", kind: "choice", choices: ["true", "on", "false", ""] },
        { name: "note", kind: "text" },
        { name: "reason", kind: "requiredText", stored: () => lastChange()?.reason },
        { name: "source", kind: "requiredText", stored: () => lastChange()?.source },
      ],
    },
    {
      ref: `${VERIFY}#resolveProject`,
      signIn: asSupervisor,
      call: (input) => resolveProject(undefined, input),
      valid: () => ({
        no: String(project.no),
        version: String(flagged().version),
        confirmed: "经核实，公报所列内容无误。",
        keepFlag: "true",
        note: "待住建局书面确认。",
        reason: "核实公报内容",
        source: "经住建局电话确认",
      }),
      fields: [
        { name: "no", kind: "id" },
        { name: "version", kind: "id" },
        { name: "confirmed", kind: "requiredText", stored: () => lastChange()?.changes.find((c) => c.field === "核实结果")?.after },
        { name: "keepFlag", kind: "choice", choices: ["true", "on", "false", ""] },
        { name: "note", kind: "text" },
        { name: "reason", kind: "requiredText", stored: () => lastChange()?.reason },
        { name: "source", kind: "requiredText", stored: () => lastChange()?.source },
      ],
      // Keep the project flagged so the next valid input still resolves a flagged item.
      reset: () => db.update(livelihoodProjects).set({ needsVerification: true }).where(eq(livelihoodProjects.no, project.no)).run(),
    },
    {
      ref: `${LEADERS}#handOverLeaderAction`,
      signIn: asSupervisor,
      call: (input) => handOverLeaderAction(undefined, input),
      valid: () => ({
        leaderId: String(outgoing),
        version: String(db.select({ v: leaders.version }).from(leaders).where(eq(leaders.id, outgoing)).get()!.v),
        toLeaderId: String(incoming),
        effectiveOn: "2026-06-30",
        subjects: `task:${HANDOVER_TASK_NO}`,
        reason: "市政府领导分工调整",
        source: "汨政发〔2026〕9号",
      }),
      fields: [
        { name: "leaderId", kind: "id" },
        { name: "version", kind: "id" },
        { name: "toLeaderId", kind: "id" },
        { name: "newName", kind: "text" },
        { name: "post", kind: "text" },
        { name: "effectiveOn", kind: "date" },
        { name: "subjects", kind: "choice", choices: [`task:${HANDOVER_TASK_NO}`] },
        { name: "reason", kind: "requiredText", stored: () => lastHandover()?.reason },
        { name: "source", kind: "requiredText", stored: () => lastHandover()?.source },
      ],
      // Task 3 led as before (whoever took it over), the titles a handed-over post gave cleared.
      reset: () => {
        db.delete(taskLeaders).where(eq(taskLeaders.taskId, handoverTask)).run();
        db.insert(taskLeaders).values(handoverLinks).run();
        db.update(leaders)
          .set({ title: null })
          .where(inArray(leaders.id, [outgoing, incoming]))
          .run();
      },
    },
  ];
}
