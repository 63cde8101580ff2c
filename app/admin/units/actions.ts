"use server";
import { z } from "zod";
import { ConflictError, defineAction, ValidationError } from "@/app/_lib/action";
import { changeUnitKind, getUnitForEdit, mergeUnits, renameUnit, setUnitActive, type UnitChangeResult } from "@/db/queries/unit-maintenance";
import { UNIT_KINDS } from "@/lib/vocabulary";
import { changeBasis, requiredText, version } from "../tasks/schema";

const unitId = z.coerce.number({ message: "单位不正确。" }).int("单位不正确。").positive("单位不正确。");
const base = { unitId, version, ...changeBasis };
const REVALIDATE = ["/admin/units", "/tasks", "/projects", "/admin/tasks", "/admin/users", "/supervision", "/dashboard", "/my"];

/** A refused change as the form's error; a stale version as a conflict. */
function settle(r: UnitChangeResult, field: string) {
  if (!r.ok && r.kind === "conflict") throw new ConflictError();
  if (!r.ok) throw new ValidationError(r.message, { [field]: [r.message] });
  return r;
}

const shared = {
  entity: "unit",
  entityId: (input: { unitId: number }) => input.unitId,
  guard: () => ["units:manage"] as ["units:manage"],
  load: ({ input }: { input: { unitId: number } }) => getUnitForEdit({ id: input.unitId }),
  revalidate: () => REVALIDATE,
};

/** 改名: the unit keeps everything it filed; the old name becomes a former name. */
export const renameUnitAction = defineAction({
  ...shared,
  action: "unit.rename",
  schema: z.object({ ...base, name: requiredText("新名称", 60) }),
  mutate: (tx, unit, { input, user }) => {
    const r = settle(renameUnit(tx, unit, { ...input, expectedVersion: input.version, byId: user.id, now: Date.now() }), "name");
    return { before: r.before, after: r.after };
  },
  successMessage: "单位已改名，原名已记录。",
});

/** 改类别 (镇街 / 市直部门 / 企业 …): decides which collective descriptors reach the unit. */
export const changeUnitKindAction = defineAction({
  ...shared,
  action: "unit.kind",
  schema: z.object({ ...base, kind: z.enum(UNIT_KINDS, { message: "请选择单位类别。" }) }),
  mutate: (tx, unit, { input, user }) => {
    const r = settle(changeUnitKind(tx, unit, { ...input, expectedVersion: input.version, byId: user.id, now: Date.now() }), "kind");
    return { before: r.before, after: r.after };
  },
  successMessage: "单位类别已更新。",
});

/** 停用 / 启用: a deactivated unit takes on no new tasks; what it filed stays. */
export const setUnitActiveAction = defineAction({
  ...shared,
  action: "unit.active",
  schema: z.object({ ...base, active: z.enum(["true", "false"], { message: "操作不正确。" }).transform((v) => v === "true") }),
  mutate: (tx, unit, { input, user }) => {
    const r = settle(setUnitActive(tx, unit, { ...input, expectedVersion: input.version, byId: user.id, now: Date.now() }), "active");
    return { before: r.before, after: r.after, result: input.active };
  },
  successMessage: (active) => (active ? "单位已重新启用。" : "单位已停用。"),
});

/** 合并: the unit's tasks, accounts and filings move to the other unit, which records its name. */
export const mergeUnitAction = defineAction({
  ...shared,
  action: "unit.merge",
  schema: z.object({ ...base, intoId: z.coerce.number({ message: "请选择并入的单位。" }).int().positive("请选择并入的单位。") }),
  load: ({ input }) => {
    const from = getUnitForEdit({ id: input.unitId });
    const into = getUnitForEdit({ id: input.intoId });
    if (from && !into) throw new ValidationError("请选择并入的单位。", { intoId: ["请选择并入的单位。"] });
    return from && into ? { from, into } : null;
  },
  mutate: (tx, { from, into }, { input, user }) => {
    const r = settle(mergeUnits(tx, from, into, { ...input, expectedVersion: input.version, byId: user.id, now: Date.now() }), "intoId");
    return { before: r.before, after: r.after };
  },
  successMessage: "单位已合并，原名已记录在并入的单位下。",
});
