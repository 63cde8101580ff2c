// Collective descriptors in the gazette's 配合单位 ("各镇政府、街道办") reach real units: a 镇街
// sees those tasks as cooperating, may open their reports and write its 配合情况, while the
// gazette text keeps the descriptor as written.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { collectiveMembers, coopNotes, periods, units, users } from "@/db/schema";
import { nameCollectiveMembers } from "@/db/collective-members";
import { openSeededAppDb, taskIdOf, unitIdOf } from "@/test/bad-inputs/fixture";
import { getReportTaskByNo, getTaskUnitIds } from "./reports";
import { listCoopTasks } from "./report-board";
import { listTaskNamedChoices, listTaskNamedDescriptors } from "./tasks";
import { yearIdOf } from "@/db/testing/programme-year";

let db: Db;
beforeAll(async () => {
  db = await openSeededAppDb();
});

describe("collective descriptors reach units", () => {
  it("lets 新市街道办 see task 37, whose 配合单位 say 各镇政府、街道办, as a cooperating task", () => {
    const xinshi = unitIdOf(db, "新市街道办");
    const period = db.select({ id: periods.id }).from(periods).where(eq(periods.code, "2026Q4")).get()!;
    const coop = listCoopTasks({ unitId: xinshi, periodId: period.id }).rows.map((t) => t.no);
    expect(coop).toEqual(expect.arrayContaining([35, 37, 38]));
    // Still the tasks that name it outright.
    expect(coop).toEqual(expect.arrayContaining([10, 30]));
    expect(getTaskUnitIds({ taskId: taskIdOf(db, 37) }).coopUnitIds).toContain(xinshi);
  });

  it("keeps the descriptor as written in the task's own unit list", () => {
    const task = getReportTaskByNo({ yearId: yearIdOf(db, 2026), no: 37 })!;
    expect(task.coopUnits.map((u) => u.name)).toContain("各镇政府、街道办");
  });

  it("does not reach a 市直部门 through 各镇政府、街道办", () => {
    expect(getTaskUnitIds({ taskId: taskIdOf(db, 37) }).coopUnitIds).not.toContain(unitIdOf(db, "发改局"));
  });

  it("reaches nobody through a 相关… descriptor until someone names the units", () => {
    const xinshi = unitIdOf(db, "新市街道办");
    const task27 = getTaskUnitIds({ taskId: taskIdOf(db, 27) });
    expect(task27.coopUnitIds).not.toContain(xinshi);
  });
});

describe("a unit's 配合任务 by page", () => {
  it("reads one page at a time, the ones still to write first, and counts all of them", () => {
    const xinshi = unitIdOf(db, "新市街道办");
    const period = db.select({ id: periods.id }).from(periods).where(eq(periods.code, "2026Q4")).get()!;
    const all = listCoopTasks({ unitId: xinshi, periodId: period.id, size: 1000 });
    expect(all.total).toBeGreaterThan(4);
    expect(all.open).toBe(all.total);
    const byNo = all.rows.map((t) => t.no);
    expect(byNo).toEqual([...byNo].sort((a, b) => a - b));

    // A 配合情况 written for the first task sends it to the end and out of the open count.
    const written = all.rows[0]!;
    const writer = db.select({ id: users.id }).from(users).where(eq(users.unitId, xinshi)).get()!;
    db.insert(coopNotes).values({ taskId: written.taskId, periodId: period.id, unitId: xinshi, text: "已配合", updatedAt: 1, updatedById: writer.id }).run();
    try {
      const first = listCoopTasks({ unitId: xinshi, periodId: period.id, page: 1, size: 2 });
      expect(first).toMatchObject({ page: 1, pages: Math.ceil(all.total / 2), total: all.total, open: all.total - 1, first: 1, last: 2 });
      expect(first.rows.map((t) => t.no)).toEqual(byNo.slice(1, 3));
      // A page past the end shows the last page, whose last row is the one already written.
      const last = listCoopTasks({ unitId: xinshi, periodId: period.id, page: 999, size: 2 });
      expect(last.page).toBe(last.pages);
      expect(last.last).toBe(all.total);
      expect(last.rows.at(-1)).toEqual({ ...written, hasNote: true });
    } finally {
      db.delete(coopNotes).where(eq(coopNotes.unitId, xinshi)).run();
    }
  });
});

describe("the units named for a 相关… descriptor", () => {
  it("shows who is named, in registry order, without reading the candidates; the naming form offers every 镇街 not on the row", () => {
    const task27 = { yearId: yearIdOf(db, 2026), taskId: taskIdOf(db, 27) };
    const [choice] = listTaskNamedChoices(task27);
    expect(choice).toMatchObject({ descriptor: "相关镇政府、街道办", chosen: [] });
    expect(choice).not.toHaveProperty("candidates");
    const [form] = listTaskNamedDescriptors(task27);
    const towns = db.select({ id: units.id, name: units.name }).from(units).where(eq(units.kind, "镇街")).orderBy(units.position, units.id).all();
    expect(form!.candidates).toEqual(towns);

    // Named in the opposite order to the registry's, listed in the registry's.
    const [first, second] = [towns[0]!, towns[1]!];
    const writer = db.select({ id: users.id }).from(users).where(eq(users.role, "supervisor")).get()!;
    db.transaction((tx) =>
      nameCollectiveMembers(tx, {
        kind: "task",
        subjectId: task27.taskId,
        descriptorUnitId: choice!.descriptorUnitId,
        unitIds: [second.id, first.id],
        userId: writer.id,
        now: Date.now(),
      }),
    );
    try {
      expect(listTaskNamedChoices(task27)[0]!.chosen).toEqual([first, second]);
      expect(listTaskNamedDescriptors(task27)[0]!.chosen).toEqual([first, second]);
      expect(getTaskUnitIds({ taskId: task27.taskId }).coopUnitIds).toEqual(expect.arrayContaining([first.id, second.id]));
    } finally {
      db.delete(collectiveMembers).where(eq(collectiveMembers.subjectId, task27.taskId)).run();
    }
  });
});
