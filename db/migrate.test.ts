// Migrating a database that already holds reports to the 督办事项 report columns: drizzle rebuilds
// reports, report_parts and coop_notes (a new table, then a rename), which drops their triggers.
// After the migration every closed-year guard is still there, the rows are kept, and a closed
// year's 督办事项 report, part, 配合情况 and notice are refused.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadProgramme } from "./data-file/programme";
import { openDatabase, type Db } from "./client";
import { migrateDatabase } from "./migrate";
import {
  coopNotes,
  noticeEvents,
  notices,
  periods,
  programmeYears,
  reportParts,
  reports,
  reportVersions,
  supervisionItems,
  tasks,
  units,
  users,
} from "./schema";
import { gazetteProgramme } from "./seed/gazette-programme";
import { seedPeriods } from "./seed/seed-periods";
import { yearIdOf } from "./testing/programme-year";

const ROOT = path.join(import.meta.dirname, "..", "drizzle");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "miluo-migrate-"));
let db: Db;

/** The committed migrations up to the one before `tag`'s (same files, shorter journal). */
function migrationsBefore(suffix: string): string {
  const folder = path.join(dir, "drizzle");
  fs.cpSync(ROOT, folder, { recursive: true });
  const journalFile = path.join(folder, "meta", "_journal.json");
  const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag.endsWith(suffix));
  expect(at).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, at);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

type Trigger = { name: string; tbl_name: string; sql: string };
const triggers = (): Trigger[] => db.$client.prepare("select name, tbl_name, sql from sqlite_master where type = 'trigger' order by name").all() as Trigger[];
const closedYearTriggers = () => triggers().filter((t) => /_closed_year_(insert|update|delete)$/.test(t.name));

let before: Trigger[];
const ids = { task: 0, period: 0, user: 0, unit: 0, item: 0, report: 0 };

/**
 * The seeded programme as a database at an older schema holds it: seeded into a fully migrated
 * copy, then the columns both schemas have copied over (later migrations add columns the
 * current schema code would write).
 */
function seedAtOlderSchema(target: Db) {
  const file = path.join(dir, "seeded.db");
  const seeded = openDatabase(file);
  migrateDatabase(seeded);
  seeded.transaction((tx) => loadProgramme(tx, gazetteProgramme()), { behavior: "immediate" });
  seedPeriods(seeded, { year: 2026 });
  seeded.$client.close();
  const sqlite = target.$client;
  sqlite.pragma("foreign_keys = OFF");
  sqlite.prepare("attach database ? as seeded").run(file);
  const columns = (schema: string, table: string) => (sqlite.pragma(`${schema}.table_info(${table})`) as { name: string }[]).map((c) => c.name);
  const tables = sqlite
    .prepare("select name from main.sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'")
    .all() as {
    name: string;
  }[];
  for (const { name } of tables) {
    const theirs = new Set(columns("seeded", name));
    const common = columns("main", name).filter((c) => theirs.has(c));
    if (common.length === 0) continue;
    const list = common.map((c) => `"${c}"`).join(", ");
    sqlite.exec(`insert into main."${name}" (${list}) select ${list} from seeded."${name}"`);
  }
  sqlite.exec("detach database seeded");
  sqlite.pragma("foreign_keys = ON");
}

beforeAll(() => {
  db = openDatabase(path.join(dir, "app.db"));
  db.$client.pragma("foreign_keys = OFF");
  migrate(db, { migrationsFolder: migrationsBefore("_item_reports") });
  db.$client.pragma("foreign_keys = ON");
  seedAtOlderSchema(db);
  ids.task = db.select({ id: tasks.id }).from(tasks).where(eq(tasks.no, 27)).get()!.id;
  ids.period = db.select({ id: periods.id }).from(periods).where(eq(periods.code, "2026Q3")).get()!.id;
  ids.unit = db.select({ id: units.id }).from(units).where(eq(units.name, "住建局")).get()!.id;
  ids.user = db
    .insert(users)
    .values({ username: "zjj", displayName: "住建局", passwordHash: "x", role: "unit", unitId: ids.unit })
    .returning({ id: users.id })
    .get().id;
  ids.item = db.select({ id: supervisionItems.id }).from(supervisionItems).where(eq(supervisionItems.no, 19)).get()!.id;
  // A task's report with a frozen version, a co-lead part and a 配合情况, written before the
  // migration in that schema's columns (no item_id yet).
  const sqlite = db.$client;
  ids.report = Number(
    sqlite
      .prepare(
        "insert into reports (task_id, period_id, status, progress, submitted_at, submitted_by_id, updated_at) values (?, ?, 'submitted', '三季度进展', 1, ?, 1)",
      )
      .run(ids.task, ids.period, ids.user).lastInsertRowid,
  );
  db.insert(reportVersions)
    .values({ reportId: ids.report, versionNo: 1, snapshot: { progress: "三季度进展" }, submittedAt: 1, submittedById: ids.user })
    .run();
  sqlite
    .prepare("insert into report_parts (task_id, period_id, unit_id, progress, updated_at, updated_by_id) values (?, ?, ?, '本单位部分', 1, ?)")
    .run(ids.task, ids.period, ids.unit, ids.user);
  sqlite
    .prepare("insert into coop_notes (task_id, period_id, unit_id, text, updated_at, updated_by_id) values (?, ?, ?, '配合情况', 1, ?)")
    .run(ids.task, ids.period, ids.unit, ids.user);
  before = closedYearTriggers();
  migrateDatabase(db);
});

afterAll(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the 督办事项 report migration", () => {
  it("keeps every closed-year guard of every table, those on rebuilt tables included", () => {
    expect(before.length).toBeGreaterThan(60);
    const after = new Map(closedYearTriggers().map((t) => [t.name, t]));
    for (const t of before) expect(after.get(t.name)?.tbl_name, t.name).toBe(t.tbl_name);
    // Later migrations may guard more tables; the rebuilt ones keep exactly the guards they had.
    const rebuilt = (t: Trigger) => ["reports", "report_parts", "coop_notes"].includes(t.tbl_name);
    expect(
      [...after.values()]
        .filter(rebuilt)
        .map((t) => t.name)
        .sort(),
    ).toEqual(
      before
        .filter(rebuilt)
        .map((t) => t.name)
        .sort(),
    );
    for (const table of ["reports", "report_parts", "coop_notes", "notices", "notice_events"])
      expect(
        closedYearTriggers()
          .filter((t) => t.tbl_name === table)
          .map((t) => t.name.replace(`${table}_closed_year_`, "")),
        table,
      ).toEqual(["delete", "insert", "update"]);
    // Guards that found the year through a task or a project find it through a 督办事项 too.
    for (const t of closedYearTriggers().filter((t) => t.tbl_name === "notices" || t.tbl_name === "notice_events"))
      expect(t.sql, t.name).toContain("supervision_items");
    // The rest are as 0014 and 0015 made them, word for word.
    const adapted = /^(notices|notice_events|report_parts_closed_year_update|coop_notes_closed_year_update)/;
    for (const t of before.filter((t) => !adapted.test(t.name))) expect(after.get(t.name)!.sql, t.name).toBe(t.sql);
  });

  it("keeps the rows and their references", () => {
    expect(db.select().from(reports).where(eq(reports.id, ids.report)).get()).toMatchObject({ taskId: ids.task, itemId: null, progress: "三季度进展" });
    expect(db.select().from(reportVersions).where(eq(reportVersions.reportId, ids.report)).all()).toHaveLength(1);
    expect(db.select().from(reportParts).where(eq(reportParts.taskId, ids.task)).get()).toMatchObject({ itemId: null, progress: "本单位部分" });
    expect(db.select().from(coopNotes).where(eq(coopNotes.taskId, ids.task)).get()).toMatchObject({ itemId: null, text: "配合情况" });
    expect(db.$client.pragma("foreign_key_check")).toEqual([]);
  });

  it("refuses every write to a closed year's 督办事项 report, part, 配合情况 and notice", () => {
    const q4 = db
      .select({ id: periods.id })
      .from(periods)
      .where(and(eq(periods.code, "2026Q4"), eq(periods.yearId, yearIdOf(db, 2026))))
      .get()!.id;
    const base = { periodId: q4, updatedAt: 2, updatedById: ids.user };
    const report = db
      .insert(reports)
      .values({ ...base, itemId: ids.item, status: "draft", progress: "已报审" })
      .returning()
      .get();
    const part = db
      .insert(reportParts)
      .values({ ...base, itemId: ids.item, unitId: ids.unit, progress: "本单位部分" })
      .returning()
      .get();
    const note = db
      .insert(coopNotes)
      .values({ ...base, itemId: ids.item, unitId: ids.unit, text: "已配合" })
      .returning()
      .get();
    const notice = db
      .insert(notices)
      .values({ itemId: ids.item, level: "duban", problem: "进度滞后", requirement: "按期报审", deadline: "2026-12-20", createdById: ids.user })
      .returning()
      .get();
    db.insert(noticeEvents).values({ noticeId: notice.id, kind: "issued", byId: ids.user, at: 2, deadline: "2026-12-20" }).run();

    db.update(programmeYears).set({ closedAt: 3 }).where(eq(programmeYears.year, 2026)).run();
    const closed = "programme_year_closed";
    expect(() => db.update(reports).set({ progress: "改" }).where(eq(reports.id, report.id)).run()).toThrow(closed);
    expect(() => db.delete(reports).where(eq(reports.id, report.id)).run()).toThrow(closed);
    expect(() =>
      db
        .insert(reports)
        .values({ ...base, itemId: ids.item + 1 })
        .run(),
    ).toThrow(closed);
    expect(() => db.insert(reportVersions).values({ reportId: report.id, versionNo: 1, snapshot: {}, submittedAt: 3, submittedById: ids.user }).run()).toThrow(
      closed,
    );
    expect(() => db.update(reportParts).set({ progress: "改" }).where(eq(reportParts.id, part.id)).run()).toThrow(closed);
    expect(() => db.update(reportParts).set({ itemId: null, taskId: ids.task }).where(eq(reportParts.id, part.id)).run()).toThrow(closed);
    expect(() => db.update(coopNotes).set({ text: "改" }).where(eq(coopNotes.id, note.id)).run()).toThrow(closed);
    expect(() => db.delete(coopNotes).where(eq(coopNotes.id, note.id)).run()).toThrow(closed);
    // A notice about an item names no period: its year comes from the item.
    expect(() => db.update(notices).set({ status: "closed" }).where(eq(notices.id, notice.id)).run()).toThrow(closed);
    expect(() =>
      db
        .insert(notices)
        .values({ itemId: ids.item, level: "cuiban", problem: "未报送", requirement: "即报", deadline: "2026-12-21", createdById: ids.user })
        .run(),
    ).toThrow(closed);
    expect(() => db.insert(noticeEvents).values({ noticeId: notice.id, kind: "replied", text: "已办", byId: ids.user, at: 4 }).run()).toThrow(closed);
    // Re-pointing a merged unit stays possible, as 0014 allows.
    expect(() => db.update(coopNotes).set({ unitId: ids.unit }).where(eq(coopNotes.id, note.id)).run()).not.toThrow();
    expect(db.select({ progress: reports.progress }).from(reports).where(eq(reports.id, report.id)).get()).toEqual({ progress: "已报审" });
  });
});
