import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { verifyAuditChain } from "@/db/audit";
import { probeStorage, storageStatus } from "@/db/storage-health";
import type { Db } from "@/db/client";
import { auditLog, units } from "@/db/schema";
import { addSession, addUnit, addUser, migratedAppDb } from "@/test/app-db";
import { revalidatedPaths, sessionCookie, setRequest } from "@/test/next-request";
import { REQUEST_ID_FIELD } from "@/lib/request-id";
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

// Adds a unit with a long description: enough new pages that a database which may not grow refuses it.
const addUnitAction = defineAction({
  action: "unit.add",
  entity: "unit",
  schema: z.object({ name: z.string().min(2), note: z.string() }),
  load: () => ({}),
  authorize: () => ["report:edit", { leadUnitIds: [ownUnit] }],
  mutate: (tx, _l, { input }) => {
    const id = tx
      .insert(units)
      .values({ name: `${input.name}${input.note}`, kind: "市直部门", position: 99 })
      .returning({ id: units.id })
      .get().id;
    return { entityId: id, after: { name: input.name } };
  },
  successMessage: "已添加。",
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

describe("defineAction when the disk is full", () => {
  const unitCount = () => db.select().from(units).all().length;
  const longNote = "说明".repeat(20_000);

  it("answers in Chinese with the typed text kept, saves nothing, and audits the failure once a write works again", async () => {
    const units0 = unitCount();
    const audit0 = auditRows().length;
    const pages = db.$client.pragma("page_count", { simple: true }) as number;
    // SQLite's own limit on the file's size: growing past it fails with a real SQLITE_FULL.
    db.$client.pragma(`max_page_count = ${pages}`);
    const errorLog = vi.spyOn(console, "error").mockImplementation(() => {});
    let state;
    let logged: string[];
    try {
      state = await addUnitAction(undefined, form({ name: "新单位", note: longNote }));
    } finally {
      db.$client.pragma("max_page_count = 4294967294");
      logged = errorLog.mock.calls.map(([line]) => String(line));
      errorLog.mockRestore();
    }
    expect(state.message).toBe("服务器存储空间不足，内容未保存，请联系管理员；您填写的内容已保留在表单中。");
    expect(state.values).toEqual({ name: "新单位", note: longNote });
    expect(unitCount()).toBe(units0);
    expect(logged.some((line) => /\[storage\] 写入失败，累计第 \d+ 次（unit\.add，SQLITE_FULL/.test(line))).toBe(true);
    expect(storageStatus()).toMatchObject({ healthy: false, fault: "full", failures: 1 });
    expect(auditRows()).toHaveLength(audit0);

    expect(probeStorage(db, process.env.DATA_DIR!)).toMatchObject({ writable: true });
    const rows = auditRows().slice(audit0);
    expect(rows.map((r) => [r.action, r.outcome, r.username])).toEqual([
      ["unit.add", "failure", "zjj"],
      ["storage.fault", "failure", null],
    ]);
    expect(JSON.parse(rows[0]!.after!)).toMatchObject({ reason: "storage" });
    expect(JSON.parse(rows[1]!.after!)).toMatchObject({ fault: "full", failures: 1, actionsAudited: 1 });
    expect(storageStatus().healthy).toBe(true);
    expect(verifyAuditChain(db).ok).toBe(true);
  });
});

describe("defineAction with a request id", () => {
  it("answers a repeat of a committed request with the original success and applies it once", async () => {
    const units0 = db.select().from(units).all().length;
    const send = () => addUnitAction(undefined, form({ name: "重复提交的单位", note: "", [REQUEST_ID_FIELD]: "req-0123456789abcdef" }));
    const first = await send();
    const again = await send();
    expect(first).toEqual({ ok: true, message: "已添加。" });
    expect(again).toEqual(first);
    expect(db.select().from(units).all()).toHaveLength(units0 + 1);
    expect(auditRows().filter((r) => r.action === "unit.add" && r.outcome === "success")).toHaveLength(1);
  });

  it("refuses a malformed request id and changes nothing", async () => {
    const units0 = db.select().from(units).all().length;
    const state = await addUnitAction(undefined, form({ name: "坏的请求号", note: "", [REQUEST_ID_FIELD]: "<script>" }));
    expect(state.message).toBe("提交的内容有误，请按提示修改。");
    expect(state.values).toEqual({ name: "坏的请求号", note: "" });
    expect(db.select().from(units).all()).toHaveLength(units0);
  });
});
