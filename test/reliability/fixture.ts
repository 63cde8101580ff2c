// A seeded programme in a temp SQLite file, with a signed-in account for each lead unit,
// shared by the reliability tests whose child processes open the same file.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import { auditKeyPath } from "@/db/audit-key";
import { openDatabase, type Db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { taskUnits, tasks, units } from "@/db/schema";
import { seedAll } from "@/db/seed/run";
import { addSession, addUser } from "@/test/app-db";

/** Inside Q4 2026, so every quarter of the year can be drafted. */
export const TODAY = "2026-12-31";

export interface UnitAccount {
  unitId: number;
  userId: number;
  sessionId: string;
  /** 序号 of the tasks this unit compiles (it is the first-listed lead unit). */
  taskNos: number[];
}

export interface ReportingDb {
  db: Db;
  dir: string;
  file: string;
  accounts: UnitAccount[];
  /** Environment for child processes working on this database. */
  env: Record<string, string>;
  close: () => void;
}

export async function openReportingDb(): Promise<ReportingDb> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "miluo-reliability-"));
  const file = path.join(dir, "app.db");
  const db = openDatabase(file);
  migrateDatabase(db);
  await seedAll(db);

  const leads = db
    .select({ unitId: taskUnits.unitId, no: tasks.no, position: taskUnits.position })
    .from(taskUnits)
    .innerJoin(tasks, eq(tasks.id, taskUnits.taskId))
    .innerJoin(units, eq(units.id, taskUnits.unitId))
    .where(eq(taskUnits.role, "lead"))
    .orderBy(asc(tasks.no), asc(taskUnits.position))
    .all()
    .filter((r) => r.unitId !== null);
  // Only the first-listed lead unit compiles (and so saves and submits) a task's report.
  const byUnit = new Map<number, number[]>();
  const compiled = new Set<number>();
  for (const r of leads) {
    if (compiled.has(r.no)) continue;
    compiled.add(r.no);
    byUnit.set(r.unitId, [...(byUnit.get(r.unitId) ?? []), r.no]);
  }
  const kinds = new Map(
    db
      .select({ id: units.id, kind: units.kind })
      .from(units)
      .all()
      .map((u) => [u.id, u.kind]),
  );
  const accounts = [...byUnit]
    .filter(([unitId]) => kinds.get(unitId) !== "群体描述")
    .sort((a, b) => b[1].length - a[1].length)
    .map(([unitId, taskNos], i) => {
      const userId = addUser(db, { username: `lead${i + 1}`, role: "unit", unitId });
      return { unitId, userId, sessionId: addSession(db, userId), taskNos };
    });

  return {
    db,
    dir,
    file,
    accounts,
    // One audit key for the workers and this process, so this process can verify their chain.
    env: {
      DATABASE_PATH: file,
      DATA_DIR: dir,
      APP_TODAY: TODAY,
      DEMO_MODE: "0",
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET!,
      AUDIT_KEY_FILE: auditKeyPath(),
    },
    close: () => {
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
