import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { applyDrill, EMPTY_DRILL, groupTasks, ragChanges, summarize } from "@/lib/dashboard";
import { defaultPeriods } from "@/lib/periods";
import { addUser, migratedAppDb } from "@/test/app-db";
import type { Db } from "../client";
import { loadProgramme } from "../data-file/programme";
import { livelihoodProjects, periods, projectParts, tasks } from "../schema";
import { gazetteProgramme } from "../seed/gazette-programme";
import { seedPeriods } from "../seed/seed-periods";
import { loadDashboard } from "./dashboard";
import { submitReport } from "./report-writes";

const [Q1, Q2] = defaultPeriods(2026) as [ReturnType<typeof defaultPeriods>[0], ReturnType<typeof defaultPeriods>[0]];
const at = (isoLocal: string) => Date.parse(`${isoLocal}+08:00`);

let db: Db;
let userId: number;

function periodId(code: string) {
  return db.select({ id: periods.id }).from(periods).where(eq(periods.code, code)).get()!.id;
}

function submit(subject: { taskId: number } | { projectId: number }, code: string, now: number, extra: Partial<Parameters<typeof submitReport>[1]["content"]> = {}) {
  db.transaction(
    (tx) =>
      submitReport(tx, {
        subject,
        periodId: periodId(code),
        expectedVersion: 0,
        content: { progress: "按计划推进", problems: "", nextSteps: "", selfStatus: "onTrack", milestoneDone: null, milestoneDoneOn: null, metricValues: [], ...extra },
        userId,
        now,
      }),
    { behavior: "immediate" },
  );
}

beforeAll(() => {
  db = migratedAppDb();
  db.transaction((tx) => loadProgramme(tx, gazetteProgramme()), { behavior: "immediate" });
  seedPeriods(db, { year: 2026 });
  userId = addUser(db, { username: "tester", role: "supervisor" });
  const taskId = (no: number) => db.select({ id: tasks.id }).from(tasks).where(eq(tasks.no, no)).get()!.id;
  // Task 20 (no metrics, no planned milestone): on time in Q1 and Q2 → green both quarters.
  submit({ taskId: taskId(20) }, "2026Q1", at("2026-04-03T10:00:00"));
  submit({ taskId: taskId(20) }, "2026Q2", at("2026-07-02T10:00:00"));
  // Task 21: late in Q1 (red), on time in Q2 (green) → turned green.
  submit({ taskId: taskId(21) }, "2026Q1", at("2026-04-20T10:00:00"));
  submit({ taskId: taskId(21) }, "2026Q2", at("2026-07-03T10:00:00"), { selfStatus: "done" });
  // The bridge project: Q1 submitted on time with 4 bridges (2 minor, 2 medium) = the milestone.
  const project = db.select({ id: livelihoodProjects.id }).from(livelihoodProjects).where(eq(livelihoodProjects.no, 1)).get()!.id;
  const part = db.select({ id: projectParts.id }).from(projectParts).where(and(eq(projectParts.projectId, project), eq(projectParts.position, 1))).get()!.id;
  submit({ projectId: project }, "2026Q1", at("2026-04-02T09:00:00"), {
    partValues: [
      { partId: part, category: "轻微缺损", value: 2 },
      { partId: part, category: "中等缺损", value: 2 },
      { partId: part, category: "严重缺损", value: 0 },
    ],
  });
});

describe("dashboard data as of a day", () => {
  it("counts every task unreported by the as-of day as red, and the one reported on time green", () => {
    const { tasks: rows } = loadDashboard({ period: { ...Q1 }, previous: null, asOf: "2026-04-10" });
    expect(rows).toHaveLength(69);
    expect(summarize(rows)).toMatchObject({ total: 69, red: 68, green: 1, submitted: 1, onTime: 1 });
    expect(applyDrill(rows, { ...EMPTY_DRILL, rag: "green" }).map((t) => t.no)).toEqual([20]);
    expect(rows.find((t) => t.no === 1)?.reasons).toEqual(["Q1 未报，已逾期 5 天"]);
  });

  it("knows nothing of a report submitted after the as-of day", () => {
    const { tasks: rows } = loadDashboard({ period: { ...Q1 }, previous: null, asOf: "2026-04-02" });
    expect(rows.find((t) => t.no === 20)).toMatchObject({ reportStatus: null, onTime: false });
    expect(summarize(rows)).toMatchObject({ red: 0, submitted: 0 });
  });

  it("compares with the previous quarter and counts a self-assessed 已完成", () => {
    const { tasks: rows } = loadDashboard({ period: { ...Q2 }, previous: { ...Q1 }, asOf: "2026-07-10" });
    const changes = ragChanges(rows);
    expect(changes.turnedGreen.map((t) => t.no)).toEqual([21]);
    expect(changes.turnedRed).toEqual([]);
    expect(summarize(rows).done).toBe(1);
    const section = groupTasks(rows, "section").find((r) => r.name === "聚力增活力");
    expect(section?.summary.green).toBe(2);
  });

  it("judges the bridge project's quarter by the same rules: the 4-bridge milestone met on time is green", () => {
    const { projects } = loadDashboard({ period: { ...Q1 }, previous: null, asOf: "2026-04-10" });
    const bridges = projects.find((p) => p.data.no === 1)!;
    expect(bridges.quarter.rag).toBe("green");
    expect(bridges.quarter.report.state).toBe("submitted");
    const water = projects.find((p) => p.data.no === 3)!;
    expect(water.quarter.rag).toBe("red");
    expect(water.quarter.status.reasons).toEqual(["Q1 未报，已逾期 5 天"]);
  });
});
