import { afterEach, describe, expect, it } from "vitest";
import { writeNodeSet } from "../queries/monthly-nodes";
import { submitReport } from "../queries/report-writes";
import { seedAll } from "../seed/run";
import { openTempDatabase, type TempDb } from "../testing/temp-db";
import { DataFileError, exportDataFile, importDataFile, parseDataFile, serializeDataFile } from ".";

const open: TempDb[] = [];
const fresh = () => {
  const t = openTempDatabase();
  open.push(t);
  return t;
};
afterEach(() => {
  while (open.length) open.pop()?.close();
});

function tableCounts(t: TempDb): Record<string, number> {
  const names = t.db.$client
    .prepare("select name from sqlite_master where type='table' and name not like 'sqlite_%' and name <> '__drizzle_migrations'")
    .all() as { name: string }[];
  return Object.fromEntries(names.map(({ name }) => [name, (t.db.$client.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n]));
}

describe("data file", () => {
  it("round-trips export → import → export byte-identically", async () => {
    const a = fresh();
    await seedAll(a.db);
    // A 月度推进节点 set of task 30, by its lead unit's account.
    const row = a.db.$client
      .prepare(
        "select t.id as taskId, p.id as periodId, u.id as unitId, u.name as unitName, s.id as userId from tasks t join task_units tu on tu.task_id = t.id and tu.role = 'lead' join units u on u.id = tu.unit_id join users s on s.unit_id = u.id join periods p on p.code = '2026Q4' where t.no = 30",
      )
      .get() as { taskId: number; periodId: number; unitId: number; unitName: string; userId: number };
    a.db.transaction((tx) =>
      writeNodeSet(tx, {
        key: { kind: "task", subjectId: row.taskId, periodId: row.periodId },
        expectedVersion: 0,
        nodes: [{ month: 10, text: "完成改造方案审定", figure: null, unitId: row.unitId, unitName: row.unitName, done: null }],
        userId: row.userId,
        now: Date.parse("2026-10-08T10:00:00+08:00"),
      }),
    );
    const first = serializeDataFile(exportDataFile(a.db));
    expect(JSON.parse(first).monthlyNodes).toHaveLength(1);
    const b = fresh();
    await importDataFile(b.db, parseDataFile(first), { initialPassword: "Miluo@2026" });
    expect(serializeDataFile(exportDataFile(b.db))).toBe(first);
  });

  it("round-trips a 督办事项's metrics and its report's values byte-identically", async () => {
    const a = fresh();
    await seedAll(a.db);
    // 督办事项173: “完成 15 年以上的住宅老旧电梯更新 8 台”, reported by its lead unit 住建局.
    const row = a.db.$client
      .prepare(
        "select si.id as itemId, m.id as metricId, p.id as periodId, s.id as userId from supervision_items si join item_metrics m on m.item_id = si.id join item_units iu on iu.item_id = si.id and iu.role = 'lead' join users s on s.unit_id = iu.unit_id join periods p on p.code = '2026Q2' where si.no = 173",
      )
      .get() as { itemId: number; metricId: number; periodId: number; userId: number };
    a.db.transaction((tx) =>
      submitReport(tx, {
        subject: { itemId: row.itemId },
        periodId: row.periodId,
        expectedVersion: 0,
        content: {
          progress: "已完成 3 台",
          problems: "",
          nextSteps: "",
          selfStatus: "onTrack",
          milestoneDone: null,
          milestoneDoneOn: null,
          metricValues: [{ metricId: row.metricId, value: 3 }],
        },
        userId: row.userId,
        now: Date.parse("2026-07-03T10:00:00+08:00"),
      }),
    );
    const first = serializeDataFile(exportDataFile(a.db));
    const file = JSON.parse(first) as {
      supervisionItems: { no: number; metrics: unknown[] }[];
      reporting: { reports: { itemNo?: number; metricValues: unknown[] }[] };
    };
    expect(file.supervisionItems.find((i) => i.no === 173)?.metrics).toEqual([
      { label: "住宅老旧电梯更新", target: 8, unit: "台", comparator: "exact", kind: "cumulative" },
    ]);
    expect(file.supervisionItems.reduce((n, i) => n + i.metrics.length, 0)).toBe(101);
    expect(file.reporting.reports.find((r) => r.itemNo === 173)?.metricValues).toEqual([{ metric: 1, value: 3 }]);
    const b = fresh();
    await importDataFile(b.db, parseDataFile(first), { initialPassword: "Miluo@2026" });
    expect(serializeDataFile(exportDataFile(b.db))).toBe(first);
    expect(tableCounts(b).report_item_metric_values).toBe(1);
  });

  it("carries every 督办事项 with its source, units, flag and task link", async () => {
    const t = fresh();
    await seedAll(t.db);
    const items = exportDataFile(t.db).supervisionItems;
    expect(items.filter((i) => i.source === "meeting")).toHaveLength(30);
    expect(items.filter((i) => i.source === "kaiju")).toHaveLength(149);
    expect(items.find((i) => i.no === 5)).toMatchObject({ sourceDocument: "meeting51", leadUnits: ["应安委办"], needsVerification: true });
    expect(items.find((i) => i.linkedTask !== null)?.linkedTask).toBe(46);
  });

  it("adds the 督办事项 to a year seeded before they existed, once", async () => {
    const t = fresh();
    await seedAll(t.db);
    const full = serializeDataFile(exportDataFile(t.db));
    for (const table of ["item_metrics", "item_units", "item_leaders", "supervision_items"]) t.db.$client.prepare(`delete from ${table}`).run();
    expect(exportDataFile(t.db).supervisionItems).toEqual([]);
    await seedAll(t.db);
    expect(serializeDataFile(exportDataFile(t.db))).toBe(full);
  });

  it("adds the curated metrics to the items of a year seeded before them, once", async () => {
    const t = fresh();
    await seedAll(t.db);
    const full = serializeDataFile(exportDataFile(t.db));
    t.db.$client.prepare("delete from item_metrics").run();
    await seedAll(t.db);
    expect(serializeDataFile(exportDataFile(t.db))).toBe(full);
    expect(tableCounts(t).item_metrics).toBe(101);
    await seedAll(t.db);
    expect(tableCounts(t).item_metrics).toBe(101);
  });

  it("exports all 69 tasks and 3 livelihood projects with gazette names", async () => {
    const t = fresh();
    await seedAll(t.db);
    const file = exportDataFile(t.db);
    expect(file.tasks.map((x) => x.no)).toEqual(Array.from({ length: 69 }, (_, i) => i + 1));
    expect(file.livelihoodProjects).toHaveLength(3);
    const t32 = file.tasks.find((x) => x.no === 32);
    expect(t32?.metrics.map((m) => m.target)).toEqual([500, 168, 100]);
  });

  it("seeding twice changes nothing", async () => {
    const t = fresh();
    await seedAll(t.db);
    const before = tableCounts(t);
    const exported = serializeDataFile(exportDataFile(t.db));
    const again = await seedAll(t.db);
    expect(again.programmeLoaded).toBe(false);
    expect(tableCounts(t)).toEqual(before);
    expect(serializeDataFile(exportDataFile(t.db))).toBe(exported);
  });

  it("refuses to import into a database that already holds the year, changing nothing", async () => {
    const t = fresh();
    await seedAll(t.db);
    const before = tableCounts(t);
    const file = exportDataFile(t.db);
    await expect(importDataFile(t.db, file, { initialPassword: "Miluo@2026" })).rejects.toThrow(DataFileError);
    expect(tableCounts(t)).toEqual(before);
  });

  it("rejects a file with an unknown unit and leaves the database empty", async () => {
    const t = fresh();
    const file = {
      format: "miluo-key-tasks",
      formatVersion: 1,
      year: { year: 2026, title: "测试" },
      sourceDocuments: [{ key: "tasks", docNo: "x", issuedOn: "2026-01-29", title: "x" }],
      leaders: [],
      units: [],
      tasks: [
        {
          no: 1,
          section: "主要经济目标",
          subsection: null,
          target: "x",
          leadLeaders: [],
          leadUnits: ["不存在的局"],
          coopUnits: [],
          metrics: [],
          sourceDocument: "tasks",
          sourceRef: "",
          needsVerification: false,
          note: null,
        },
      ],
      livelihoodProjects: [],
      users: [],
      reporting: { periods: [], targets: [], reports: [], coopNotes: [] },
    };
    await expect(importDataFile(t.db, parseDataFile(JSON.stringify(file)), { initialPassword: "Miluo@2026" })).rejects.toThrow(/不存在的局/);
    expect(tableCounts(t).tasks).toBe(0);
    expect(tableCounts(t).programme_years).toBe(0);
  });

  it("reads a version-1 file's whole-year lock as a lock of each quarter", async () => {
    const t = fresh();
    await seedAll(t.db);
    const file = exportDataFile(t.db);
    const v1 = {
      ...file,
      formatVersion: 1,
      reporting: {
        ...file.reporting,
        targets: [{ taskNo: 1, version: 1, lockedAt: 5, lockedBy: "admin", updatedAt: 5, updatedBy: "admin", plans: [], milestones: [] }],
      },
    };
    const parsed = parseDataFile(JSON.stringify(v1));
    expect(parsed.formatVersion).toBe(4);
    expect(parsed.reporting.targets[0]?.locks.map((l) => [l.quarter, l.lockedBy])).toEqual([
      [1, "admin"],
      [2, "admin"],
      [3, "admin"],
      [4, "admin"],
    ]);
  });

  it("rejects malformed JSON and wrong formats with Chinese messages", () => {
    expect(() => parseDataFile("{")).toThrow("文件不是有效的 JSON");
    expect(() => parseDataFile(JSON.stringify({ format: "other" }))).toThrow(/数据文件格式不正确/);
  });
});
