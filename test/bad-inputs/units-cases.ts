// Bad-input cases for 单位维护 (rename, kind, deactivate, merge) and 年度管理 (close, import).
import fs from "node:fs";
import path from "node:path";
import { desc, eq } from "drizzle-orm";
import { changeUnitKindAction, mergeUnitAction, renameUnitAction, setUnitActiveAction } from "@/app/admin/units/actions";
import { importYearAction, setYearClosedAction } from "@/app/admin/years/actions";
import type { Db } from "@/db/client";
import { programmeYears, unitFormerNames, units } from "@/db/schema";
import { addUnit } from "@/test/app-db";
import { actAs } from "./fixture";
import type { ActionCase } from "./harness";

const UNITS = "app/admin/units/actions.ts";
const YEARS = "app/admin/years/actions.ts";
const YEAR_FILE = path.join(__dirname, "..", "fixtures", "year-2027.json");

/** 单位维护 and 年度管理: the administrator's; each on units of its own so the others' records stay as they are. */
export async function unitCases(db: Db): Promise<ActionCase[]> {
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
