// A small programme for reporting tests: task 27 (lead 住建局, coop 发改局) with a count
// and a rate metric, task 28 for "another task", users per role, and the four 2026 periods.
import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { metrics, periods, programmeYears, sections, sourceDocuments, tasks, taskUnits, units, users } from "../schema";
import { seedPeriods } from "../seed/seed-periods";

export interface ReportingFixture {
  yearId: number;
  taskId: number;
  otherTaskId: number;
  metricIds: { houses: number; growth: number; otherTask: number };
  units: { lead: number; coop: number; other: number };
  users: { lead: number; coop: number; other: number; supervisor: number; admin: number };
  periods: { q1: number; q2: number; q3: number; q4: number };
}

export function seedReportingFixture(db: Db): ReportingFixture {
  const yearId = db.insert(programmeYears).values({ year: 2026, title: "2026 年市政府重点工作任务" }).returning().get().id;
  const docId = db
    .insert(sourceDocuments)
    .values({ key: "tasks", docNo: "汨政办函〔2026〕1号", issuedOn: "2026-01-20", title: "重点工作" })
    .returning()
    .get().id;
  const sectionId = db.insert(sections).values({ yearId, name: "聚力提品质", position: 1 }).returning().get().id;
  const task = (no: number, target: string) =>
    db.insert(tasks).values({ yearId, no, sectionId, target, sourceDocumentId: docId, sourceRef: "测试" }).returning().get().id;
  const taskId = task(27, "改造城市危旧房 132 套");
  const otherTaskId = task(28, "建设保障性住房 408 套");
  const unit = (name: string, position: number) => db.insert(units).values({ name, kind: "市直部门", position }).returning().get().id;
  const lead = unit("住建局", 1);
  const coop = unit("发改局", 2);
  const other = unit("教育局", 3);
  db.insert(taskUnits)
    .values([
      { taskId, unitId: lead, role: "lead", position: 1 },
      { taskId, unitId: coop, role: "coop", position: 2 },
      { taskId: otherTaskId, unitId: other, role: "lead", position: 1 },
    ])
    .run();
  const metric = (
    taskIdFor: number,
    position: number,
    m: { label: string; target: number; unit: string; kind: "cumulative" | "rate"; comparator: "exact" | "about" },
  ) =>
    db
      .insert(metrics)
      .values({ taskId: taskIdFor, position, ...m })
      .returning()
      .get().id;
  const houses = metric(taskId, 1, { label: "改造城市危旧房", target: 132, unit: "套", kind: "cumulative", comparator: "exact" });
  const growth = metric(taskId, 2, { label: "固定资产投资增长", target: 6, unit: "%", kind: "rate", comparator: "about" });
  const otherTask = metric(otherTaskId, 1, { label: "保障性住房", target: 408, unit: "套", kind: "cumulative", comparator: "exact" });
  const user = (username: string, role: "unit" | "supervisor" | "admin", unitId: number | null = null) =>
    db
      .insert(users)
      // The 督查室 and the admin have their second factor set up, as in production.
      .values({ username, displayName: username, role, unitId, passwordHash: "x", mustChangePassword: false, totpEnabledAt: role === "unit" ? null : 1 })
      .returning()
      .get().id;
  seedPeriods(db, { year: 2026 });
  const periodId = (code: string) => db.select({ id: periods.id }).from(periods).where(eq(periods.code, code)).get()!.id;
  return {
    yearId,
    taskId,
    otherTaskId,
    metricIds: { houses, growth, otherTask },
    units: { lead, coop, other },
    users: {
      lead: user("zjj", "unit", lead),
      coop: user("fgj", "unit", coop),
      other: user("jyj", "unit", other),
      supervisor: user("dcs", "supervisor"),
      admin: user("admin", "admin"),
    },
    periods: { q1: periodId("2026Q1"), q2: periodId("2026Q2"), q3: periodId("2026Q3"), q4: periodId("2026Q4") },
  };
}
