// The read queries behind 任务总览 and 民生实事, against a freshly migrated and seeded
// SQLite file, compared with the curated gazette files they were loaded from.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "../client";
import { yearIdOf } from "../testing/programme-year";
import { openTempDatabase, type TempDb } from "../testing/temp-db";
import { seedAll } from "../seed/run";
import { tasks as seedTasks } from "../seed/gazette-tasks";
import { livelihoodProjects as seedProjects } from "../seed/gazette-projects";
import { applyTaskQuery, parseTaskQuery } from "@/lib/task-filter";

const holder = vi.hoisted(() => ({ db: undefined as Db | undefined }));
vi.mock("server-only", () => ({}));
vi.mock("../client", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../client")>()),
  getDb: () => holder.db!,
}));

const { getTaskByNo, listLeaders, listTasks, listUnits } = await import("./tasks");
const { getProjectByNo, getRelocationPlan, listProjects } = await import("./projects");

let temp: TempDb;
let yearId: number;
beforeAll(async () => {
  temp = openTempDatabase();
  holder.db = temp.db;
  await seedAll(temp.db);
  yearId = yearIdOf(temp.db);
});
afterAll(() => temp.close());

describe("listTasks", () => {
  it("returns the 69 gazette tasks in 序号 order with their leaders, units and metrics", () => {
    const tasks = listTasks({ yearId });
    expect(tasks.map((t) => t.no)).toEqual(seedTasks.map((t) => t.no));
    for (const [index, task] of tasks.entries()) {
      const seed = seedTasks[index]!;
      expect(task).toMatchObject({
        section: seed.section,
        subsection: seed.subsection,
        target: seed.target,
        leaders: seed.leadLeaders,
        leadUnits: seed.leadUnits,
        coopUnits: seed.coopUnits,
        needsVerification: seed.needsVerification,
        note: seed.note,
      });
      expect(task.metrics).toEqual(seed.metrics.map((m) => ({ ...m, targetMax: m.targetMax ?? null })));
    }
  });

  it("numbers sections in gazette order", () => {
    const positions = listTasks({ yearId }).map((t) => t.sectionPosition);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it("finds exactly the tasks where 住建局 leads or cooperates", () => {
    const expected = seedTasks.filter((t) => t.leadUnits.includes("住建局") || t.coopUnits.includes("住建局")).map((t) => t.no);
    const rows = applyTaskQuery(listTasks({ yearId }), parseTaskQuery({ unit: "住建局" }));
    expect(rows.map((t) => t.no).sort((a, b) => a - b)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
  });
});

describe("getTaskByNo", () => {
  it("returns task 32 with its metrics, units by kind and source document", () => {
    const task = getTaskByNo({ yearId, no: 32 });
    expect(task?.metrics.map((m) => m.label)).toContain("充电桩");
    expect(task?.source).toMatchObject({ docNo: "汨政办函〔2026〕1号", issuedOn: "2026-01-29" });
    expect(task?.prevNo).toBe(31);
    expect(task?.nextNo).toBe(33);
  });

  it("marks collective descriptors so they are not linked as units", () => {
    const task = getTaskByNo({ yearId, no: 4 });
    expect(task?.coopUnits).toContainEqual({ name: "各镇政府、街道办", kind: "群体描述" });
    expect(task?.leadUnits).toEqual([{ name: "发改局", kind: "市直部门" }]);
  });

  it("has no previous task for the first and no next task for the last", () => {
    expect(getTaskByNo({ yearId, no: 1 })?.prevNo).toBeNull();
    expect(getTaskByNo({ yearId, no: 69 })?.nextNo).toBeNull();
  });

  it("returns null for a 序号 that does not exist", () => {
    expect(getTaskByNo({ yearId, no: 70 })).toBeNull();
    expect(getTaskByNo({ yearId, no: 0 })).toBeNull();
  });
});

describe("listLeaders / listUnits", () => {
  it("lists the leaders of tasks in rank order", () => {
    expect(listLeaders({ yearId }).map((l) => l.name)[0]).toBe("杨盛");
  });

  it("lists only units named on tasks", () => {
    const names = listUnits({ yearId }).map((u) => u.name);
    const onTasks = new Set(seedTasks.flatMap((t) => [...t.leadUnits, ...t.coopUnits]));
    expect(new Set(names)).toEqual(onTasks);
    expect(names).not.toContain("归义街道");
  });
});

describe("listProjects / getProjectByNo", () => {
  it("returns the three projects with parts and milestones as curated", () => {
    const projects = listProjects({ yearId });
    expect(projects.map((p) => p.name)).toEqual(seedProjects.map((p) => p.name));
    const bridges = projects[0]!.parts[0]!;
    expect(bridges.total).toBe(108);
    expect(bridges.categories).toEqual(["轻微缺损", "中等缺损", "严重缺损"]);
    expect(bridges.milestones.map((m) => m.targets.total)).toEqual([4, 17, 70, 90]);
    expect(bridges.milestones[1]?.targets).toEqual({ total: 17, percent: 15.7, 轻微缺损: 10, 中等缺损: 6, 严重缺损: 1 });
  });

  it("says which units have tasks to link to", () => {
    const housing = getProjectByNo({ yearId, no: 2 });
    expect(housing?.leadUnits).toEqual([
      { name: "住建局", kind: "市直部门", hasTasks: true },
      { name: "归义街道", kind: "镇街", hasTasks: false },
    ]);
    expect(housing?.parts.map((p) => p.milestones.map((m) => m.targets.percent ?? null))).toEqual([
      [null, null, null, null],
      [null, 30, 60, 100],
    ]);
  });

  it("returns null for a project that does not exist", () => {
    expect(getProjectByNo({ yearId, no: 4 })).toBeNull();
  });

  it("gives the relocation plan its 文号 and date from the database", () => {
    expect(getRelocationPlan().source).toMatchObject({ docNo: "汨政办发〔2026〕4号", issuedOn: "2026-03-31" });
  });
});
