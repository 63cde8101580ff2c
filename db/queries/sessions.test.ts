import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { sessions, users } from "@/db/schema";
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS } from "@/lib/session-policy";
import { addLeader, addSession, addUnit, addUser, migratedAppDb } from "@/test/app-db";
import { getSessionUser, revokeUserSessions } from "./sessions";

let db: Db;
let unitUser: number;

beforeAll(() => {
  db = migratedAppDb();
  unitUser = addUser(db, { username: "zjj", role: "unit", unitId: addUnit(db, "住建局") });
});

const lastSeen = (id: string) => db.select().from(sessions).where(eq(sessions.id, id)).get()!.lastSeenAt;

describe("getSessionUser", () => {
  it("returns the user with unit name for a live session, and no password hash", () => {
    const t0 = Date.now();
    const sessionId = addSession(db, unitUser, t0);
    const user = getSessionUser({ sessionId, userId: unitUser, now: t0 + 1000 });
    expect(user).toMatchObject({ username: "zjj", role: "unit", unitName: "住建局", isMayor: false, sessionId });
    expect(user).not.toHaveProperty("passwordHash");
  });

  it("ends a session idle for more than 30 minutes", () => {
    const t0 = Date.now();
    const sessionId = addSession(db, unitUser, t0);
    expect(getSessionUser({ sessionId, userId: unitUser, now: t0 + IDLE_TIMEOUT_MS + 1 })).toBeNull();
  });

  it("keeps an active session alive by refreshing lastSeenAt, at most once a minute", () => {
    const t0 = Date.now();
    const sessionId = addSession(db, unitUser, t0);
    getSessionUser({ sessionId, userId: unitUser, now: t0 + 30_000 });
    expect(lastSeen(sessionId)).toBe(t0);
    getSessionUser({ sessionId, userId: unitUser, now: t0 + 20 * 60_000 });
    expect(lastSeen(sessionId)).toBe(t0 + 20 * 60_000);
    expect(getSessionUser({ sessionId, userId: unitUser, now: t0 + 45 * 60_000 })).not.toBeNull();
  });

  it("still returns the user when the database refuses the lastSeenAt refresh (a full disk)", () => {
    const t0 = Date.now();
    const sessionId = addSession(db, unitUser, t0);
    db.$client.exec("create temp trigger touch_refused before update on sessions begin select raise(abort, 'database or disk is full'); end;");
    const errorLog = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect(getSessionUser({ sessionId, userId: unitUser, now: t0 + 5 * 60_000 })).toMatchObject({ username: "zjj", sessionId });
      expect(errorLog).toHaveBeenCalled();
    } finally {
      db.$client.exec("drop trigger touch_refused");
      errorLog.mockRestore();
    }
    expect(lastSeen(sessionId)).toBe(t0);
  });

  it("ends a session 12 hours after login even when active", () => {
    const t0 = Date.now();
    const sessionId = addSession(db, unitUser, t0);
    db.update(sessions)
      .set({ lastSeenAt: t0 + ABSOLUTE_TIMEOUT_MS - 1000 })
      .where(eq(sessions.id, sessionId))
      .run();
    expect(getSessionUser({ sessionId, userId: unitUser, now: t0 + ABSOLUTE_TIMEOUT_MS })).toBeNull();
  });

  it("ends every session of a disabled or revoked user", () => {
    const other = addUser(db, { username: "fgj", role: "unit", unitId: addUnit(db, "发改局") });
    const a = addSession(db, other);
    const b = addSession(db, other);
    db.transaction((tx) => revokeUserSessions(tx, { userId: other, now: Date.now(), except: b }));
    expect(getSessionUser({ sessionId: a, userId: other })).toBeNull();
    expect(getSessionUser({ sessionId: b, userId: other })).not.toBeNull();
    db.update(users).set({ disabled: true }).where(eq(users.id, other)).run();
    expect(getSessionUser({ sessionId: b, userId: other })).toBeNull();
  });

  it("marks a leader bound to the 市长 row as the mayor", () => {
    const mayor = addUser(db, { username: "mayor", role: "leader", leaderId: addLeader(db, "马慧", "市长") });
    expect(getSessionUser({ sessionId: addSession(db, mayor), userId: mayor })).toMatchObject({ isMayor: true, leaderName: "马慧" });
  });
});
