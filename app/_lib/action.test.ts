import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { verifyAuditChain } from "@/db/audit";
import type { Db } from "@/db/client";
import { auditLog, units } from "@/db/schema";
import { addSession, addUnit, addUser, migratedAppDb } from "@/test/app-db";
import { revalidatedPaths, sessionCookie, setRequest } from "@/test/next-request";
import { assertVersion, defineAction } from "./action";

vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

// A throwaway action over a real table: a unit user may rename its own unit only.
const renameUnit = defineAction({
  action: "unit.rename",
  entity: "unit",
  schema: z.object({ id: z.coerce.number().int(), name: z.string().trim().min(2, "名称至少 2 个字"), version: z.coerce.number().int() }),
  entityId: (input) => input.id,
  load: ({ db, input }) => db.select().from(units).where(eq(units.id, input.id)).get(),
  authorize: (unit) => ["report:edit", { leadUnitIds: [unit.id] }],
  mutate: (tx, unit, { input }) => {
    assertVersion(input.version, 1);
    tx.update(units).set({ name: input.name }).where(eq(units.id, unit.id)).run();
    return { before: { name: unit.name }, after: { name: input.name } };
  },
  revalidate: () => ["/admin/units"],
});

let db: Db;
let ownUnit: number;
let otherUnit: number;
let unitUser: number;

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
};
const unitName = (id: number) => db.select({ name: units.name }).from(units).where(eq(units.id, id)).get()?.name;
const auditRows = () => db.select().from(auditLog).orderBy(auditLog.id).all();

async function signInAs(userId: number) {
  setRequest({ cookies: await sessionCookie({ sessionId: addSession(db, userId), userId }), ip: "10.1.2.3" });
}

beforeAll(() => {
  db = migratedAppDb();
  ownUnit = addUnit(db, "住建局");
  otherUnit = addUnit(db, "发改局");
  unitUser = addUser(db, { username: "zjj", role: "unit", unitId: ownUnit });
});

beforeEach(async () => {
  await signInAs(unitUser);
});

describe("defineAction", () => {
  it("refuses another unit's record: database unchanged, one denied audit row", async () => {
    const before = auditRows().length;
    const state = await renameUnit(undefined, form({ id: String(otherUnit), name: "改名", version: "1" }));

    expect(state).toEqual({ message: "无权限执行此操作", values: { id: String(otherUnit), name: "改名", version: "1" } });
    expect(unitName(otherUnit)).toBe("发改局");
    const rows = auditRows().slice(before);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ outcome: "denied", action: "unit.rename", entity: "unit", entityId: String(otherUnit), username: "zjj", ip: "10.1.2.3" });
  });

  it("applies an allowed change together with its audit row and revalidates", async () => {
    const before = auditRows().length;
    const state = await renameUnit(undefined, form({ id: String(ownUnit), name: "住房和城乡建设局", version: "1" }));

    expect(state.ok).toBe(true);
    expect(unitName(ownUnit)).toBe("住房和城乡建设局");
    const rows = auditRows().slice(before);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ outcome: "success", role: "unit", unitId: ownUnit });
    expect(JSON.parse(rows[0]!.before!)).toEqual({ name: "住建局" });
    expect(JSON.parse(rows[0]!.after!)).toEqual({ name: "住房和城乡建设局" });
    expect(revalidatedPaths()).toEqual(["/admin/units"]);
    expect(verifyAuditChain(db)).toEqual({ ok: true, rows: auditRows().length });
  });

  it("rolls the change back when the audit row cannot be written", async () => {
    db.$client.exec("create temp trigger audit_fail before insert on audit_log begin select raise(abort, 'disk full'); end;");
    const errorLog = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const state = await renameUnit(undefined, form({ id: String(ownUnit), name: "不应保存", version: "1" }));
      expect(state.message).toMatch(/保存失败/);
      expect(state.values?.name).toBe("不应保存");
    } finally {
      db.$client.exec("drop trigger audit_fail");
      errorLog.mockRestore();
    }
    expect(unitName(ownUnit)).not.toBe("不应保存");
  });

  it("returns Chinese field errors and the typed values for invalid input, changing nothing", async () => {
    const before = auditRows().length;
    const state = await renameUnit(undefined, { id: String(ownUnit), name: "x", version: "1" });
    expect(state.errors?.name).toEqual(["名称至少 2 个字"]);
    expect(state.values?.name).toBe("x");
    expect(auditRows()).toHaveLength(before);
  });

  it("reports a stale version as a conflict and keeps the form values", async () => {
    const state = await renameUnit(undefined, form({ id: String(ownUnit), name: "另一个名称", version: "0" }));
    expect(state.message).toBe("该内容已被他人修改，请刷新后重试；您填写的内容已保留在表单中。");
    expect(state.values?.name).toBe("另一个名称");
    expect(unitName(ownUnit)).not.toBe("另一个名称");
  });

  it("asks a request without a live session to sign in and changes nothing", async () => {
    setRequest({ cookies: { "next-auth.session-token": "forged" } });
    const state = await renameUnit(undefined, form({ id: String(ownUnit), name: "伪造会话", version: "1" }));
    expect(state.message).toMatch(/登录已失效/);
    expect(unitName(ownUnit)).not.toBe("伪造会话");
  });
});
