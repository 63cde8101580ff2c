// The app's own database (getDb) seeded like production, with signed-in personas, for the
// bad-input suites. Call `process.env.APP_TODAY = …` in vi.hoisted before importing this.
import { and, eq, inArray, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { seedAll } from "@/db/seed/run";
import { periods, reports, taskUnits, tasks, units, users } from "@/db/schema";
import { addSession, addUser, migratedAppDb } from "@/test/app-db";
import { sessionCookie, setRequest } from "@/test/next-request";

export async function openSeededAppDb(): Promise<Db> {
  const db = migratedAppDb();
  // Thousands of calls; durability is tested elsewhere (test/reliability), so skip the fsyncs.
  db.$client.pragma("synchronous = OFF");
  await seedAll(db);
  // Seeded accounts must change their initial password first, and the admin and the 督查室 bind
  // a second factor; these personas already did.
  db.update(users).set({ mustChangePassword: false }).run();
  db.update(users)
    .set({ totpEnabledAt: Date.now() })
    .where(inArray(users.role, ["admin", "supervisor"]))
    .run();
  // The gazette names no 人大代表: their accounts are made by the admin, here by the test.
  // Same initial password as the seeded accounts (the password-change cells type it).
  const { passwordHash } = db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.role, "unit")).get()!;
  addUser(db, { username: DEPUTY_USERNAME, role: "deputy", passwordHash });
  return db;
}

/** The 人大代表 persona's account (created by openSeededAppDb). */
export const DEPUTY_USERNAME = "daibiao1";

export function userIdOf(db: Db, username: string): number {
  const row = db.select({ id: users.id }).from(users).where(eq(users.username, username)).get();
  if (!row) throw new Error(`no account ${username}`);
  return row.id;
}

/** Makes the following calls come from `username` (a fresh live session). */
export async function actAs(db: Db, username: string): Promise<void> {
  const userId = userIdOf(db, username);
  setRequest({ cookies: await sessionCookie({ sessionId: addSession(db, userId), userId }), ip: "10.7.7.7" });
}

export function unitIdOf(db: Db, name: string): number {
  return db.select({ id: units.id }).from(units).where(eq(units.name, name)).get()!.id;
}

/** 序号 of the tasks where `unitId` has `role`. */
export function taskNos(db: Db, { unitId, role }: { unitId: number; role: "lead" | "coop" | "compile" }): number[] {
  const rows = db
    .select({ no: tasks.no, taskId: taskUnits.taskId })
    .from(taskUnits)
    .innerJoin(tasks, eq(tasks.id, taskUnits.taskId))
    .where(and(eq(taskUnits.unitId, unitId), eq(taskUnits.role, role === "coop" ? "coop" : "lead")))
    .orderBy(tasks.no)
    .all();
  if (role !== "compile") return rows.map((r) => r.no);
  // The tasks the unit compiles: it is the first-listed lead unit (lib/unit-reporting.ts).
  const first = (taskId: number) =>
    db
      .select({ unitId: taskUnits.unitId })
      .from(taskUnits)
      .where(and(eq(taskUnits.taskId, taskId), eq(taskUnits.role, "lead")))
      .orderBy(taskUnits.position)
      .get()?.unitId;
  return rows.filter((r) => first(r.taskId) === unitId).map((r) => r.no);
}

/** A task led by some unit other than `unitId` (and not led by it). */
export function foreignTaskNo(db: Db, unitId: number): number {
  const own = new Set(taskNos(db, { unitId, role: "lead" }));
  const row = db
    .select({ no: tasks.no })
    .from(taskUnits)
    .innerJoin(tasks, eq(tasks.id, taskUnits.taskId))
    .where(and(eq(taskUnits.role, "lead"), ne(taskUnits.unitId, unitId)))
    .all()
    .find((r) => !own.has(r.no));
  return row!.no;
}

export function taskIdOf(db: Db, no: number): number {
  return db.select({ id: tasks.id }).from(tasks).where(eq(tasks.no, no)).get()!.id;
}

export function periodIdOf(db: Db, code: string): number {
  return db.select({ id: periods.id }).from(periods).where(eq(periods.code, code)).get()!.id;
}

export function reportRow(db: Db, no: number, code: string) {
  return db
    .select()
    .from(reports)
    .where(and(eq(reports.taskId, taskIdOf(db, no)), eq(reports.periodId, periodIdOf(db, code))))
    .get();
}
