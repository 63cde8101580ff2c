// Bad-input cases for the maintenance of the programme itself: editing a task (text,
// section, leaders, units, metrics, 待核实) and resolving a flagged livelihood project.
import { desc, eq } from "drizzle-orm";
import fs from "node:fs";
import path from "node:path";
import { updateTask } from "@/app/admin/tasks/actions";
import { changeUnitKindAction, mergeUnitAction, renameUnitAction, setUnitActiveAction } from "@/app/admin/units/actions";
import { importYearAction, setYearClosedAction } from "@/app/admin/years/actions";
import { resolveProject } from "@/app/admin/verification/actions";
import type { Db } from "@/db/client";
import { getTaskForEdit } from "@/db/queries/programme-maintenance";
import { getProjectForVerification } from "@/db/queries/verification";
import { livelihoodProjects, programmeChanges, programmeYears, tasks, unitFormerNames, units } from "@/db/schema";
import { yearIdOf } from "@/db/testing/programme-year";
import { formatMetricLine, nameLines } from "@/lib/programme-fields";
import { addUnit } from "@/test/app-db";
import { actAs } from "./fixture";
import type { ActionCase } from "./harness";

const TASKS = "app/admin/tasks/actions.ts";
const VERIFY = "app/admin/verification/actions.ts";
const UNITS = "app/admin/units/actions.ts";
const YEARS = "app/admin/years/actions.ts";
const YEAR_FILE = path.join(__dirname, "..", "fixtures", "year-2027.json");
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
    ...unitAndYearCases(db),
  ];
}

/** 单位维护 and 年度管理: the administrator's; each on units of its own so the others' records stay as they are. */
function unitAndYearCases(db: Db): ActionCase[] {
  const asAdmin = () => actAs(db, "admin");
  const unit = (id: number) => db.select().from(units).where(eq(units.id, id)).get()!;
  const lastFormer = () => db.select().from(unitFormerNames).orderBy(desc(unitFormerNames.id)).get();
  const renamed = addUnit(db, "改名测试单位");
  const retyped = addUnit(db, "类别测试单位");
  const toggled = addUnit(db, "停用测试单位");
  const merged = addUnit(db, "合并测试单位");
  const survivor = addUnit(db, "合并目标单位");
  const basis = { reason: "机构改革调整", source: "汨编〔2026〕1号" };
  const basisFields = [
    { name: "reason", kind: "requiredText" as const },
    { name: "source", kind: "requiredText" as const },
  ];
  let serial = 0;
  return [
    {
      ref: `${UNITS}#renameUnitAction`,
      signIn: asAdmin,
      call: (input) => renameUnitAction(undefined, input),
      valid: () => ({ unitId: String(renamed), version: String(unit(renamed).version), name: `改名测试单位${(serial += 1)}`, ...basis }),
      fields: [
        { name: "unitId", kind: "id" },
        { name: "version", kind: "id" },
        { name: "name", kind: "requiredText", stored: () => unit(renamed).name },
        { name: "reason", kind: "requiredText", stored: () => lastFormer()?.reason },
        { name: "source", kind: "requiredText", stored: () => lastFormer()?.source },
      ],
    },
    {
      ref: `${UNITS}#changeUnitKindAction`,
      signIn: asAdmin,
      call: (input) => changeUnitKindAction(undefined, input),
      valid: () => ({ unitId: String(retyped), version: String(unit(retyped).version), kind: unit(retyped).kind === "企业" ? "市直部门" : "企业", ...basis }),
      fields: [
        { name: "unitId", kind: "id" },
        { name: "version", kind: "id" },
        { name: "kind", kind: "choice", choices: ["企业", "市直部门"] },
        ...basisFields,
      ],
    },
    {
      ref: `${UNITS}#setUnitActiveAction`,
      signIn: asAdmin,
      call: (input) => setUnitActiveAction(undefined, input),
      valid: () => ({ unitId: String(toggled), version: String(unit(toggled).version), active: "false", ...basis }),
      fields: [{ name: "unitId", kind: "id" }, { name: "version", kind: "id" }, { name: "active", kind: "choice", choices: ["false"] }, ...basisFields],
      reset: () => db.update(units).set({ deactivatedAt: null }).where(eq(units.id, toggled)).run(),
    },
    {
      ref: `${UNITS}#mergeUnitAction`,
      signIn: asAdmin,
      call: (input) => mergeUnitAction(undefined, input),
      valid: () => ({ unitId: String(merged), version: String(unit(merged).version), intoId: String(survivor), ...basis }),
      fields: [{ name: "unitId", kind: "id" }, { name: "version", kind: "id" }, { name: "intoId", kind: "id" }, ...basisFields],
      // Undo the merge of the two empty test units so the next valid input merges again.
      reset: () => {
        db.update(units).set({ mergedIntoId: null, deactivatedAt: null }).where(eq(units.id, merged)).run();
        db.delete(unitFormerNames).where(eq(unitFormerNames.fromUnitId, merged)).run();
      },
    },
    {
      ref: `${YEARS}#setYearClosedAction`,
      signIn: asAdmin,
      call: (input) => setYearClosedAction(undefined, input),
      valid: () => ({ year: "2026", closed: "true" }),
      fields: [
        { name: "year", kind: "id" },
        { name: "closed", kind: "choice", choices: ["true"] },
      ],
      // Reopen: the other cases of this database work in 2026.
      reset: () => db.update(programmeYears).set({ closedAt: null, closedById: null }).run(),
    },
    {
      ref: `${YEARS}#importYearAction`,
      signIn: asAdmin,
      call: (input) => importYearAction(undefined, input),
      valid: () => ({ year: "2027", mode: "preview", content: fs.readFileSync(YEAR_FILE, "utf8") }),
      fields: [
        { name: "year", kind: "id" },
        { name: "mode", kind: "choice", choices: ["preview"] },
        { name: "content", kind: "requiredText" },
      ],
    },
  ];
}
