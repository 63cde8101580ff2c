// Loading the 2027 programme into the seeded 2026 database (the data file of
// test/fixtures/year-2027.json): the new year is created, what is left of 民生实事 1 is carried
// over, every 2026 row stays byte-identical, a second import changes nothing, and the
// dashboard works in 2027 by default once it is the newest open year, in 2026 on request.
import fs from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { DataFileError, importYear, parseDataFile, planYearImport, type DataFile } from "@/db/data-file";
import {
  livelihoodProjects,
  periods,
  programmeYears,
  projectCarryovers,
  projectParts,
  reportPartValues,
  reports,
  satisfactionRounds,
  supervisionItems,
  tasks,
  users,
} from "@/db/schema";
import { resolveProgrammeYear } from "@/db/queries/programme-years";
import { seedAll } from "@/db/seed/run";
import { tableChecksums } from "@/db/testing/checksum";
import { yearIdOf } from "@/db/testing/programme-year";
import type { SessionUser } from "@/lib/permissions";
import { migratedAppDb } from "./app-db";
import { setRequest } from "./next-request";

vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

const fixture = fs.readFileSync(path.join(import.meta.dirname, "fixtures", "year-2027.json"), "utf8");
const db = migratedAppDb();
const password = "Init-Passw0rd-2026";

/** The largest rowid of each table: rows up to it are the ones that existed before the import. */
function lastRowids(): Record<string, number> {
  const names = db.$client.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").all() as { name: string }[];
  return Object.fromEntries(
    names.map(({ name }) => [name, (db.$client.prepare(`select max(rowid) as m from "${name}"`).get() as { m: number | null }).m ?? 0]),
  );
}

const everything = () => tableChecksums(db.$client);
/** The 2026 database as it was: every row that existed before, in every table. */
const rowsUpTo = (upTo: Record<string, number>) => tableChecksums(db.$client, { upTo });

beforeAll(async () => {
  await seedAll(db);
  // The 2026 Q4 report of 民生实事 1, submitted: 92 of its 108 bridges done.
  const y2026 = yearIdOf(db, 2026);
  const project = db
    .select()
    .from(livelihoodProjects)
    .where(and(eq(livelihoodProjects.yearId, y2026), eq(livelihoodProjects.no, 1)))
    .get()!;
  const part = db.select().from(projectParts).where(eq(projectParts.projectId, project.id)).get()!;
  const q4 = db
    .select()
    .from(periods)
    .where(and(eq(periods.yearId, y2026), eq(periods.quarter, 4)))
    .get()!;
  const clerk = db.select().from(users).where(eq(users.role, "unit")).get()!;
  const report = db
    .insert(reports)
    .values({
      projectId: project.id,
      periodId: q4.id,
      status: "submitted",
      progress: "年末累计完成 92 座",
      submittedAt: 1,
      submittedById: clerk.id,
      updatedAt: 1,
    })
    .returning()
    .get();
  for (const [category, value] of [
    ["", 92],
    ["轻微缺损", 64],
    ["中等缺损", 26],
    ["严重缺损", 2],
  ] as const)
    db.insert(reportPartValues).values({ reportId: report.id, partId: part.id, category, value }).run();
});

describe("loading the next programme year", () => {
  it("previews what it will create and match, and writes nothing", () => {
    const before = everything();
    const plan = planYearImport(db, parseDataFile(fixture), { year: 2027 });
    expect(plan.refused).toEqual([]);
    expect(plan.created.join("\n")).toContain("新建 2027 年度");
    expect(plan.created.join("\n")).toMatch(/结转 民生实事1“自建桥梁隐患整治”：剩余 16 座/);
    expect(plan.matched.join("\n")).toMatch(/账号 \d+ 个已存在，保持不变/);
    expect(everything()).toEqual(before);
  });

  it("refuses a file of another year, or with filing data, and writes nothing", async () => {
    const before = everything();
    const file = parseDataFile(fixture);
    await expect(importYear(db, file, { year: 2028, initialPassword: password })).rejects.toThrow(/文件是 2027 年度的数据，与指定的 2028 年度不一致/);
    const withReports = { ...file, reporting: { ...file.reporting, periods: [{ ...file.reporting.periods[0]!, code: "2026Q1" }] } } as DataFile;
    await expect(importYear(db, withReports, { year: 2027, initialPassword: password })).rejects.toThrow(/2026Q1 不属于 2027 年度/);
    expect(everything()).toEqual(before);
  });

  it("creates 2027, carries over 民生实事 1's remaining bridges, and leaves every 2026 row as it was", async () => {
    const upTo = lastRowids();
    const before = rowsUpTo(upTo);
    const usersBefore = db.select().from(users).all();
    await importYear(db, parseDataFile(fixture), { year: 2027, initialPassword: password });

    const y2027 = yearIdOf(db, 2027);
    expect(db.select().from(tasks).where(eq(tasks.yearId, y2027)).all()).toHaveLength(69);
    expect(
      db
        .select({ code: periods.code })
        .from(periods)
        .where(eq(periods.yearId, y2027))
        .all()
        .map((p) => p.code),
    ).toEqual(["2027Q1", "2027Q2", "2027Q3", "2027Q4"]);
    const carried = db
      .select()
      .from(livelihoodProjects)
      .where(and(eq(livelihoodProjects.yearId, y2027), eq(livelihoodProjects.no, 1)))
      .get()!;
    expect(carried).toMatchObject({ name: "农村村民自建桥梁安全隐患排查整治项目（跨年度）", needsVerification: true });
    const part = db.select().from(projectParts).where(eq(projectParts.projectId, carried.id)).get()!;
    expect(part).toMatchObject({ total: 16, totalUnit: "座", categories: ["轻微缺损", "中等缺损", "严重缺损"] });
    expect(db.select().from(projectCarryovers).where(eq(projectCarryovers.toPartId, part.id)).get()).toMatchObject({
      total: 108,
      completed: 92,
      remaining: 16,
      completedByCategory: { 轻微缺损: 64, 中等缺损: 26, 严重缺损: 2 },
    });
    // No account was added or changed: the file's accounts are the seeded ones.
    expect(db.select().from(users).all()).toEqual(usersBefore);
    expect(rowsUpTo(upTo)).toEqual(before);
  });

  it("a second import of the same file changes nothing", async () => {
    const before = everything();
    const plan = await importYear(db, parseDataFile(fixture), { year: 2027, initialPassword: password });
    expect(plan.yearExists).toBe(true);
    expect(plan.created).toEqual([]);
    expect(plan.matched.join("\n")).toContain("民生实事1“自建桥梁隐患整治”已结转到 2027 年度");
    expect(everything()).toEqual(before);
  });

  it("refuses a file that differs from the 2027 already loaded, naming what differs, and writes nothing", async () => {
    const before = everything();
    const file = parseDataFile(fixture);
    const changed = { ...file, tasks: file.tasks.map((t) => (t.no === 5 ? { ...t, target: `${t.target}（改）` } : t)) };
    await expect(importYear(db, changed, { year: 2027, initialPassword: password })).rejects.toThrow(DataFileError);
    await expect(importYear(db, changed, { year: 2027, initialPassword: password })).rejects.toThrow(/第5项与文件不一致；不覆盖已有数据/);
    const stranger = {
      ...file,
      users: [...file.users, { username: "newclerk", displayName: "新单位", role: "unit" as const, unit: "不存在的局", disabled: false }],
    };
    expect(planYearImport(db, stranger, { year: 2027 }).refused.join("\n")).toContain("账号 newclerk 所属单位或领导在文件和系统中都找不到");
    expect(everything()).toEqual(before);
  });

  it("the dashboard works in 2027 by default once it is the newest open year, and in 2026 on request", async () => {
    const { resolveDashboardView } = await import("@/app/dashboard/_lib/view");
    const admin = db.select().from(users).where(eq(users.role, "admin")).get()!;
    const user: SessionUser = { ...admin, unitName: null, leaderName: null, isMayor: false, sessionId: "s" };
    // Loaded ahead, 2027 takes over when it begins…
    expect(resolveProgrammeYear({ today: "2026-12-01" })?.year).toBe(2026);
    expect(resolveProgrammeYear({ today: "2027-01-04" })?.year).toBe(2027);
    // …or as soon as 2026 is closed.
    db.update(programmeYears).set({ closedAt: Date.now() }).where(eq(programmeYears.year, 2026)).run();
    expect(resolveProgrammeYear({ today: "2026-12-01" })?.year).toBe(2027);
    setRequest({ page: "/dashboard" });
    expect((await resolveDashboardView(user, {}))?.period.code).toMatch(/^2027Q/);
    setRequest({ page: "/dashboard?year=2026" });
    expect((await resolveDashboardView(user, {}))?.period.code).toMatch(/^2026Q/);
    // A closed year is read-only, whichever code writes to it.
    expect(() => db.update(periods).set({ dueOn: "2027-01-09" }).where(eq(periods.code, "2026Q4")).run()).toThrow("programme_year_closed");
    // …the records added after the guards were first written included (督办事项, registers, nodes, 测评).
    const y2026 = db.select({ id: programmeYears.id }).from(programmeYears).where(eq(programmeYears.year, 2026)).get()!.id;
    expect(() => db.update(supervisionItems).set({ deadline: "2026-12-31" }).where(eq(supervisionItems.yearId, y2026)).run()).toThrow("programme_year_closed");
    expect(() => db.insert(satisfactionRounds).values({ yearId: y2026, opensOn: "2026-12-01", closedAt: null, updatedAt: Date.now() }).run()).toThrow(
      "programme_year_closed",
    );
  });
});
