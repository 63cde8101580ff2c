// A refused caller learns nothing from the lookups an action makes: whether a username is
// taken, an id exists, or a version is current. Real Server Actions, forged sessions.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createUser, updateUser } from "@/app/admin/users/actions";
import { changePassword } from "@/app/account/actions";
import { authOptions } from "@/app/_lib/auth-options";
import { closeNotice } from "@/app/supervision/notices/actions";
import type { Db } from "@/db/client";
import { hashPassword } from "@/lib/password-hash";
import { addSession, addUnit, addUser, lastAuditRow, migratedAppDb, snapshotDatabase } from "@/test/app-db";
import { sessionCookie, setRequest } from "@/test/next-request";

vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

const FORBIDDEN = "无权限执行此操作";
let db: Db;
let unitUser: number;
let unitId: number;

const form = (fields: Record<string, string | number>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, String(v));
  return data;
};
async function signIn(userId: number, ip = "10.9.9.9") {
  const sessionId = addSession(db, userId);
  setRequest({ cookies: await sessionCookie({ sessionId, userId }), ip });
  return sessionId;
}

beforeAll(async () => {
  db = migratedAppDb();
  unitId = addUnit(db, "住建局");
  unitUser = addUser(db, { username: "zjj", role: "unit", unitId, passwordHash: await hashPassword("Miluo@2026x") });
  addUser(db, { username: "taken", role: "unit", unitId });
});

describe("authorize before looking anything up", () => {
  it("does not tell a unit user whether a username is taken", async () => {
    await signIn(unitUser);
    const before = snapshotDatabase(db);
    const state = await createUser(undefined, form({ username: "taken", displayName: "x", role: "unit", unitId }));
    expect(state.message).toBe(FORBIDDEN);
    expect(JSON.stringify(state)).not.toMatch(/已被使用/);
    expect(snapshotDatabase(db)).toEqual(before);
    expect(lastAuditRow(db)).toMatchObject({ action: "users.create", outcome: "denied", username: "zjj" });
  });

  it("does not tell a unit user whether a unit or a user id exists", async () => {
    await signIn(unitUser);
    const missingUnit = await createUser(undefined, form({ username: "fresh", displayName: "x", role: "unit", unitId: 99_999 }));
    const missingUser = await updateUser(undefined, form({ id: 99_999, version: 1, displayName: "x", role: "unit", unitId }));
    expect([missingUnit.message, missingUser.message]).toEqual([FORBIDDEN, FORBIDDEN]);
  });

  it("does not tell a unit user whether a notice exists or which version it is at", async () => {
    await signIn(unitUser);
    const state = await closeNotice(undefined, form({ noticeId: 99_999, version: 7 }));
    expect(state.message).toBe(FORBIDDEN);
  });
});

describe("audited account events", () => {
  it("audits a wrong current password in the password change", async () => {
    await signIn(unitUser, "10.44.0.1");
    const state = await changePassword(undefined, form({ currentPassword: "Wrong#2026x", newPassword: "Brand#New2026", confirmPassword: "Brand#New2026" }));
    expect(state.errors?.currentPassword?.[0]).toMatch(/当前密码不正确/);
    expect(lastAuditRow(db)).toMatchObject({ action: "account.changePassword", outcome: "failure", username: "zjj" });
  });

  it("audits a logout through /api/auth/signout and revokes its session", async () => {
    const sessionId = await signIn(unitUser, "10.44.0.2");
    await authOptions.events!.signOut!({ token: { sid: sessionId, uid: unitUser }, session: null as never });
    expect(lastAuditRow(db)).toMatchObject({ action: "auth.logout", outcome: "success", username: "zjj" });
    const row = db.$client.prepare("select revoked_at from sessions where id = ?").get(sessionId) as { revoked_at: number | null };
    expect(row.revoked_at).not.toBeNull();
  });
});
