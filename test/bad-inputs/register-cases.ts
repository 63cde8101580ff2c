// Bad-input cases for the 明细台账 actions: a row saved from the register table, and a
// workbook previewed and imported. They act on 民生实事2's rural-house register, whose lead
// unit (住建局) has an account and whose 相关责任单位 reach no unit until one is named.
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { deleteRegisterItem, importRegister, previewRegisterImport, saveRegisterItem } from "@/app/projects/[no]/register/actions";
import type { Db } from "@/db/client";
import { livelihoodProjects, projectParts, registerItems } from "@/db/schema";
import { yearIdOf } from "@/db/testing/programme-year";
import { REGISTER_SHEET } from "@/lib/register-import";
import { badFiles } from "./corpus";
import { actAs, userIdOf } from "./fixture";
import type { ActionCase, Field } from "./harness";

const REGISTER_ACTIONS = "app/projects/[no]/register/actions.ts";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The rural-house register's scope as the forms send it. */
export const REGISTER_SCOPE = { year: "2026", projectNo: "2", part: "2" } as const;

async function householdWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(REGISTER_SHEET);
  sheet.addRow(["镇（街道）", "村（社区）", "户主", "状态", "完工日期", "备注"]);
  sheet.addRow(["长乐镇", "新市村", "导入户甲", "完工", "2026-05-10", ""]);
  sheet.addRow(["长乐镇", "新市村", "导入户乙", "在建", "", ""]);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export async function registerCases(db: Db): Promise<ActionCase[]> {
  const projectId = db.select({ id: livelihoodProjects.id }).from(livelihoodProjects).where(eq(livelihoodProjects.no, 2)).get()!.id;
  const partId = db
    .select({ id: projectParts.id })
    .from(projectParts)
    .where(and(eq(projectParts.projectId, projectId), eq(projectParts.position, 2)))
    .get()!.id;
  const addRow = (name: string) =>
    db
      .insert(registerItems)
      .values({
        yearId: yearIdOf(db),
        partId,
        kind: "ruralHouse",
        naturalKey: `长乐镇/新市村/${name}`,
        place: "长乐镇",
        subPlace: "新市村",
        name,
        status: "inProgress",
        updatedAt: Date.now(),
        updatedById: userIdOf(db, "zjj"),
      })
      .returning({ id: registerItems.id })
      .get().id;
  // The row every valid save edits (its version read afresh each time).
  const rowId = addRow("样例户");
  // The row a valid delete removes; put back after each accepted delete.
  let doomedId = addRow("误登户");
  const version = () => db.select({ v: registerItems.version }).from(registerItems).where(eq(registerItems.id, rowId)).get()!.v;
  const stored = (column: "note") => () => db.select({ v: registerItems[column] }).from(registerItems).where(eq(registerItems.id, rowId)).get()!.v;

  const saveValid = () => ({
    ...REGISTER_SCOPE,
    id: String(rowId),
    version: String(version()),
    place: "长乐镇",
    subPlace: "新市村",
    name: "样例户",
    status: "inProgress",
    statusOn: "",
    note: "",
  });
  const saveFields: Field[] = [
    { name: "year", kind: "id" },
    { name: "projectNo", kind: "id" },
    { name: "part", kind: "id" },
    { name: "id", kind: "id" },
    { name: "version", kind: "id" },
    { name: "place", kind: "requiredText" },
    { name: "subPlace", kind: "requiredText" },
    { name: "name", kind: "requiredText" },
    { name: "status", kind: "choice", choices: ["notStarted", "inProgress", "未开工", "在建"] },
    { name: "statusOn", kind: "date", accepts: (v) => typeof v === "string" && v.trim() === "" },
    { name: "note", kind: "text", stored: stored("note") },
  ];

  const deleteValid = () => ({ ...REGISTER_SCOPE, id: String(doomedId), version: "1", reason: "重复登记" });
  const deleteFields: Field[] = [
    { name: "year", kind: "id" },
    { name: "projectNo", kind: "id" },
    { name: "part", kind: "id" },
    { name: "id", kind: "id" },
    { name: "version", kind: "id" },
    { name: "reason", kind: "requiredText" },
  ];

  const bytes = await householdWorkbook();
  const file = () => new File([bytes.slice()], "农村危房台账.xlsx", { type: XLSX });
  const files = (await badFiles()).map((f) => ({ label: f.label, file: f.file }));
  const importValid = () => ({ ...REGISTER_SCOPE, file: file(), take: "all" });
  const importFields: Field[] = [
    { name: "year", kind: "id" },
    { name: "projectNo", kind: "id" },
    { name: "part", kind: "id" },
    { name: "take", kind: "choice", choices: ["all", "valid"] },
  ];
  const asZjj = () => actAs(db, "zjj");
  // Another project's register (民生实事1, led by 农业农村局), which 住建局 may not touch.
  const foreign = () => [{ ...importValid(), projectNo: "1", part: "1" }];

  return [
    {
      ref: `${REGISTER_ACTIONS}#saveRegisterItem`,
      signIn: asZjj,
      call: (input) => saveRegisterItem(undefined, input),
      valid: saveValid,
      fields: saveFields,
      foreign: () => [{ ...saveValid(), projectNo: "1", part: "1", id: "", severity: "轻微缺损", name: "别人的桥" }],
    },
    {
      ref: `${REGISTER_ACTIONS}#deleteRegisterItem`,
      signIn: asZjj,
      call: (input) => deleteRegisterItem(undefined, input),
      valid: deleteValid,
      fields: deleteFields,
      reset: () => {
        if (!db.select({ id: registerItems.id }).from(registerItems).where(eq(registerItems.id, doomedId)).get()) doomedId = addRow("误登户");
      },
      foreign: () => [{ ...deleteValid(), projectNo: "1", part: "1" }],
    },
    {
      ref: `${REGISTER_ACTIONS}#previewRegisterImport`,
      signIn: asZjj,
      call: (input) => previewRegisterImport(undefined, input),
      valid: importValid,
      fields: importFields,
      foreign,
      files: { field: "file", inputs: files },
    },
    {
      ref: `${REGISTER_ACTIONS}#importRegister`,
      signIn: asZjj,
      call: (input) => importRegister(undefined, input),
      valid: importValid,
      fields: importFields,
      foreign,
      files: { field: "file", inputs: files },
    },
  ];
}
