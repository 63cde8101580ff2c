// The same subject's quarter through every screen's data path — /my, the task and project
// pages, the report page, /supervision, the 逾期与滞后清单 and its Excel export, the
// dashboard and its drill-down, the quarter-status API, the 台账 export, the 季度通报's
// counts and lists and the 领导简报 — must show the same two lamps; a 督办事项's quarter goes
// through its pages, /my, the review queue and /supervision.
// Then the stored judgements must equal a rebuild from the stored events.
import ExcelJS from "exceljs";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.APP_TODAY = "2026-12-01";
});
vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

import { GET as statusApi } from "@/app/api/v1/quarters/[code]/status/route";
import { GET as overdueExport } from "@/app/api/supervision/overdue/export/route";
import { GET as ledgerExport } from "@/app/api/exports/ledger/route";
import { loadBulletinInput } from "@/db/queries/bulletins";
import { bulletinCounts, bulletinSections, unitsWith } from "@/lib/bulletin";
import { groupRows, summarize } from "@/lib/dashboard";
import { leaderBrief } from "@/lib/leader-brief";
import { PRINT_FIRST_DATA_ROW, PRINT_HEADER_ROW } from "@/lib/excel-print";
import { subjectLabel } from "@/lib/subject";
import { loadOverdueView, overdueProblem, OVERDUE_PAGE_SIZE } from "@/app/supervision/overdue/overdue-view";
import type { Db } from "@/db/client";
import { yearIdOf } from "@/db/testing/programme-year";
import { loadDashboard } from "@/db/queries/dashboard";
import { listPeriods, type PeriodRow } from "@/db/queries/periods";
import { setProgressOverride } from "@/db/queries/progress-overrides";
import { listProjectProgress } from "@/db/queries/project-progress";
import { writeNodeSet } from "@/db/queries/monthly-nodes";
import { reviewReport, saveReportDraft, submitReport, type DraftContent } from "@/db/queries/report-writes";
import { setItemSchedule } from "@/db/queries/items";
import { savePart } from "@/db/queries/report-parts";
import { listReviewQueue } from "@/db/queries/review-queue";
import { bySubject, listSubjectQuarters } from "@/db/queries/status-board";
import { listUnitTodo } from "@/app/my/todo-view";
import { listSubjects } from "@/db/queries/subjects";
import { rebuildQuarterStatus } from "@/db/status/store";
import { metrics, supervisionItems, tasks, users } from "@/db/schema";
import { seedAll } from "@/db/seed/run";
import { applyDrill, EMPTY_DRILL } from "@/lib/dashboard";
import { subjectKey, type SubjectRef } from "@/lib/subject";
import { countByUnit, countRows, matrixRows } from "@/lib/submission-matrix";
import { PROGRESS_LABEL, REPORTING_LABEL, type ProgressLamp, type ReportingLamp } from "@/lib/vocabulary";
import { addSession, migratedAppDb, TEST_TOTP_SECRET } from "@/test/app-db";
import { sessionCookie, setRequest } from "@/test/next-request";

const TODAY = "2026-12-01";
const at = (day: string) => Date.parse(`${day}T10:00:00+08:00`);

let db: Db;
let q3: PeriodRow;
let q4: PeriodRow;
let supervisorId: number;

interface Case {
  name: string;
  subject: SubjectRef;
  quarter: "2026Q3" | "2026Q4";
  reporting: ReportingLamp;
  progress: ProgressLamp;
  overridden?: boolean;
  /** The reason the 逾期与滞后清单 must give (and its Excel export, in the same words). */
  overdueReason?: string;
}

const CASES: Case[] = [
  {
    name: "late but on target (task 1: 5.6% against 5.5%, filed 10-20)",
    subject: { kind: "task", no: 1 },
    quarter: "2026Q3",
    reporting: "late",
    progress: "green",
  },
  { name: "done and approved (task 46: 6120 of 6000, 已完成)", subject: { kind: "task", no: 46 }, quarter: "2026Q3", reporting: "on_time", progress: "done" },
  { name: "a rate metric 1.9 points below target (task 5)", subject: { kind: "task", no: 5 }, quarter: "2026Q3", reporting: "on_time", progress: "red" },
  {
    name: "the 督查室's override (task 26 computed red, set green)",
    subject: { kind: "task", no: 26 },
    quarter: "2026Q3",
    reporting: "on_time",
    progress: "green",
    overridden: true,
  },
  {
    name: "a returned report being edited (task 32, judged on the submitted version)",
    subject: { kind: "task", no: 32 },
    quarter: "2026Q3",
    reporting: "on_time",
    progress: "green",
  },
  { name: "no lead unit (task 47)", subject: { kind: "task", no: 47 }, quarter: "2026Q3", reporting: "not_required", progress: "none" },
  {
    name: "the water project at 40% by September, every node on time",
    subject: { kind: "project", no: 3 },
    quarter: "2026Q3",
    reporting: "on_time",
    progress: "green",
  },
  { name: "a quarter not yet due (task 1 in Q4)", subject: { kind: "task", no: 1 }, quarter: "2026Q4", reporting: "not_due", progress: "none" },
  {
    name: "two monthly nodes missed in Q4, nothing yet due (task 3: October and November not done by 12-01)",
    subject: { kind: "task", no: 3 },
    quarter: "2026Q4",
    reporting: "not_due",
    progress: "red",
    overdueReason: "四季度：11月节点未完成：完成十一月推进节点",
  },
  { name: "overdue and never submitted (task 2)", subject: { kind: "task", no: 2 }, quarter: "2026Q3", reporting: "missing", progress: "none" },
];

const base = (patch: Partial<DraftContent> = {}): DraftContent => ({
  progress: "按计划推进",
  problems: "无",
  nextSteps: "继续推进",
  selfStatus: "onTrack",
  milestoneDone: null,
  milestoneDoneOn: null,
  metricValues: [],
  ...patch,
});

function taskIdOf(no: number): number {
  return db.select({ id: tasks.id }).from(tasks).where(eq(tasks.no, no)).get()!.id;
}
function metricOf(no: number, label: string): number {
  return db
    .select({ id: metrics.id, label: metrics.label })
    .from(metrics)
    .where(eq(metrics.taskId, taskIdOf(no)))
    .all()
    .find((m) => m.label === label)!.id;
}
function leadUserOf(no: number): number {
  const subject = listSubjects({ yearId: q3.yearId, only: { kind: "task", no } })[0]!;
  return db.select({ id: users.id }).from(users).where(eq(users.unitId, subject.leadUnitIds[0]!)).get()!.id;
}

function submitTask(no: number, day: string, content: DraftContent, period = q3) {
  return db.transaction(
    (tx) => submitReport(tx, { subject: { taskId: taskIdOf(no) }, periodId: period.id, expectedVersion: 0, content, userId: leadUserOf(no), now: at(day) }),
    { behavior: "immediate" },
  );
}
function approve(reportId: number, version: number, day: string, decision: "approve" | "return" = "approve") {
  return db.transaction(
    (tx) =>
      reviewReport(tx, {
        reportId,
        expectedVersion: version,
        decision,
        comment: decision === "return" ? "请补充佐证" : null,
        userId: supervisorId,
        now: at(day),
      }),
    { behavior: "immediate" },
  );
}

beforeAll(async () => {
  db = migratedAppDb();
  await seedAll(db);
  const periods = listPeriods({ yearId: yearIdOf(db) });
  q3 = periods.find((p) => p.code === "2026Q3")!;
  q4 = periods.find((p) => p.code === "2026Q4")!;
  supervisorId = db.select({ id: users.id }).from(users).where(eq(users.role, "supervisor")).get()!.id;
  // A real 督查室 account has changed its password and enrolled its second factor.
  db.update(users).set({ mustChangePassword: false, totpSecret: TEST_TOTP_SECRET, totpEnabledAt: Date.now() }).where(eq(users.id, supervisorId)).run();

  submitTask(1, "2026-10-20", base({ metricValues: [{ metricId: metricOf(1, "地区生产总值增长"), value: 5.6 }] }));

  const done = submitTask(46, "2026-10-03", base({ selfStatus: "done", metricValues: [{ metricId: metricOf(46, "新增城镇就业"), value: 6120 }] }));
  if (!done.ok) throw new Error("task 46");
  approve(done.reportId, done.version, "2026-10-08");

  submitTask(5, "2026-10-04", base({ metricValues: [{ metricId: metricOf(5, "社会消费品零售总额增长"), value: 5.1 }] }));

  const roads = metricOf(26, "新建、改扩建城区道路");
  const t26Metrics = db
    .select({ id: metrics.id })
    .from(metrics)
    .where(eq(metrics.taskId, taskIdOf(26)))
    .all();
  submitTask(26, "2026-10-05", base({ metricValues: t26Metrics.map((m) => ({ metricId: m.id, value: m.id === roads ? 2 : 1 })) }));
  db.transaction(
    (tx) =>
      setProgressOverride(
        tx,
        { kind: "task", subjectId: taskIdOf(26), periodId: q3.id },
        { color: "green", reason: "已现场核查，两条道路已完工待验收", byId: supervisorId, at: at("2026-10-12") },
      ),
    { behavior: "immediate" },
  );

  // Task 32: on plan when submitted, returned, then a draft far behind plan being edited.
  const t32 = db
    .select({ id: metrics.id, target: metrics.target })
    .from(metrics)
    .where(eq(metrics.taskId, taskIdOf(32)))
    .all();
  const onPlan = submitTask(32, "2026-10-02", base({ metricValues: t32.map((m) => ({ metricId: m.id, value: m.target })) }));
  if (!onPlan.ok) throw new Error("task 32");
  const returned = approve(onPlan.reportId, onPlan.version, "2026-10-06", "return");
  if (!returned.ok) throw new Error("task 32 return");
  db.transaction(
    (tx) =>
      saveReportDraft(tx, {
        subject: { taskId: taskIdOf(32) },
        periodId: q3.id,
        expectedVersion: returned.version,
        content: base({ metricValues: t32.map((m) => ({ metricId: m.id, value: 0 })) }),
        userId: leadUserOf(32),
        now: at("2026-10-07"),
      }),
    { behavior: "immediate" },
  );

  // Task 3's Q4 nodes, set in October by its lead unit: none marked done by 12-01.
  const t3Unit = listSubjects({ yearId: q3.yearId, only: { kind: "task", no: 3 } })[0]!;
  const node = (month: number, text: string) => ({ month, text, figure: null, unitId: t3Unit.leadUnitIds[0]!, unitName: t3Unit.leadUnits[0]!, done: null });
  db.transaction(
    (tx) =>
      writeNodeSet(tx, {
        key: { kind: "task", subjectId: t3Unit.id, periodId: q4.id },
        expectedVersion: 0,
        nodes: [node(10, "完成十月推进节点"), node(11, "完成十一月推进节点"), node(12, "完成全年目标")],
        userId: leadUserOf(3),
        now: at("2026-10-08"),
      }),
    { behavior: "immediate" },
  );

  // The water project: 0.7 万人 covered (task 19's plan would say 1.13) and the September node done on time.
  const water = listProjectProgress({ yearId: q3.yearId, no: 3 })[0]!;
  const part = water.parts[0]!;
  const september = part.milestones.find((m) => m.due === "2026-09-30")!;
  const waterUnit = db.select({ id: users.id }).from(users).where(eq(users.unitId, water.leadUnits[0]!.id)).get()!.id;
  db.transaction(
    (tx) =>
      submitReport(tx, {
        subject: { projectId: water.id },
        periodId: q3.id,
        expectedVersion: 0,
        content: base({
          partValues: [{ partId: part.id, category: "覆盖人数", value: 0.7 }],
          projectMilestones: [{ milestoneId: september.id, done: true, doneOn: "2026-09-28" }],
        }),
        userId: waterUnit,
        now: at("2026-10-04"),
      }),
    { behavior: "immediate" },
  );
});

const periodOf = (c: Case) => (c.quarter === "2026Q3" ? q3 : q4);
const lamps = (s: { reporting: ReportingLamp; progress: ProgressLamp; overridden: boolean }) => ({
  reporting: s.reporting,
  progress: s.progress,
  overridden: s.overridden,
});
const expected = (c: Case) => ({ reporting: c.reporting, progress: c.progress, overridden: c.overridden ?? false });

async function asSupervisor() {
  setRequest({ cookies: await sessionCookie({ sessionId: addSession(db, supervisorId), userId: supervisorId }) });
}

describe.each(CASES)("$name", (c) => {
  it("the stored judgement (every screen's read)", () => {
    const [row] = listSubjectQuarters({ periods: [periodOf(c)], asOf: TODAY, today: TODAY, filter: { yearId: q3.yearId, only: c.subject } });
    expect(lamps(row!.status)).toEqual(expected(c));
  });

  it("/my: the lead unit's to-do list across quarters (and one quarter's tab)", () => {
    const subject = listSubjects({ yearId: q3.yearId, only: c.subject })[0]!;
    if (!subject.required) return expect(subject.leadUnitIds).toEqual([]);
    const periods = listPeriods({ yearId: q3.yearId });
    const entries = listUnitTodo({ unitId: subject.leadUnitIds[0]!, periods, current: q4, today: TODAY });
    const entry = entries.find((e) => subjectKey(e.quarter.subject) === subjectKey(c.subject) && e.quarter.period.code === c.quarter)!;
    expect(lamps(entry.quarter.status)).toEqual(expected(c));
  });

  it("the task or project page and the report page: the subject's four quarters", () => {
    const rows = listSubjectQuarters({
      periods: listPeriods({ yearId: q3.yearId }),
      asOf: TODAY,
      today: TODAY,
      filter: { yearId: q3.yearId, only: c.subject },
    });
    expect(lamps(rows.find((r) => r.period.code === c.quarter)!.status)).toEqual(expected(c));
  });

  it("/supervision: the submission matrix", () => {
    const quarters = listSubjectQuarters({ periods: [periodOf(c)], asOf: TODAY, today: TODAY, filter: { yearId: q3.yearId } });
    const rows = matrixRows(
      quarters.map((q) => ({ subject: q.subject, status: q.status, reportState: q.reportState, lastSubmittedAt: null, leadReporting: q.leadReporting })),
    );
    const row = rows.find((r) => r.subject.key === subjectKey(c.subject))!;
    expect(lamps(row.status)).toEqual(expected(c));
    expect(
      countRows([row])[
        c.reporting === "missing"
          ? "overdueMissing"
          : c.reporting === "not_due"
            ? "notDue"
            : c.reporting === "not_required"
              ? "notRequired"
              : c.reporting === "late"
                ? "late"
                : "onTime"
      ],
    ).toBe(1);
  });

  it("the dashboard and the list behind each of its figures", () => {
    const period = periodOf(c);
    const previous = listPeriods({ yearId: q3.yearId }).find((p) => p.quarter === period.quarter - 1) ?? null;
    const data = loadDashboard({ period, previous, asOf: TODAY, today: TODAY });
    const row = data.rows.find((r) => subjectKey(r.subject) === subjectKey(c.subject))!;
    expect(lamps(row.status)).toEqual(expected(c));
    const key = subjectKey(c.subject);
    expect(applyDrill(data.rows, { ...EMPTY_DRILL, progress: c.progress }).some((r) => subjectKey(r.subject) === key)).toBe(true);
    expect(applyDrill(data.rows, { ...EMPTY_DRILL, reporting: c.reporting }).some((r) => subjectKey(r.subject) === key)).toBe(true);
  });

  it("the quarter-status API", async () => {
    await asSupervisor();
    const res = await statusApi(new Request(`http://localhost/api/v1/quarters/${c.quarter}/status`), { params: Promise.resolve({ code: c.quarter }) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { subjects: { kind: string; no: number; reporting: string; progress: string; overridden: boolean }[] };
    const s = body.subjects.find((x) => x.kind === c.subject.kind && x.no === c.subject.no)!;
    expect({ reporting: s.reporting, progress: s.progress, overridden: s.overridden }).toEqual(expected(c));
  });

  it("the 逾期与滞后清单 and its Excel export, for the quarter it judges", async () => {
    // The list spans the year: it shows the latest judged quarter's 进度 and the latest due quarter's 报送.
    if (c.quarter !== "2026Q3" && !c.overdueReason) return;
    const entry = (await loadOverdueView({}, TODAY)).entries.find((e) => e.subject.key === subjectKey(c.subject));
    if (c.reporting === "not_required") return expect(entry).toBeUndefined();
    expect(entry).toMatchObject({ progress: c.progress, periodCode: c.quarter });
    if (c.quarter === "2026Q3") expect(entry!.reporting).toBe(c.reporting);
    expect(entry!.override !== null).toBe(c.overridden ?? false);
    // The reason names the node's responsible unit after its text.
    if (c.overdueReason) expect(entry!.reasons.some((r) => r.text.startsWith(`${c.overdueReason}（`))).toBe(true);

    await asSupervisor();
    const res = await overdueExport(new Request("http://localhost/api/supervision/overdue/export"), { params: Promise.resolve({}) });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const col = (name: string) => header.indexOf(name);
    let found: { progress: string; reasons: string } | null = null;
    sheet.eachRow((r, i) => {
      if (i > 1 && String(r.getCell(col("序号")).value) === entry!.subject.label)
        found = { progress: String(r.getCell(col("进度")).value), reasons: String(r.getCell(col("原因")).value) };
    });
    expect(found).toEqual({ progress: PROGRESS_LABEL[c.progress], reasons: entry!.reasons.map((r) => r.text).join("\n") });
  });
});

/** The 台账 of a quarter as downloaded, opened once per quarter. */
const ledgers = new Map<string, Promise<ExcelJS.Worksheet>>();
function ledgerSheet(quarter: string): Promise<ExcelJS.Worksheet> {
  if (!ledgers.has(quarter)) {
    ledgers.set(
      quarter,
      (async () => {
        await asSupervisor();
        const res = await ledgerExport(new Request(`http://localhost/api/exports/ledger?quarter=${quarter}`), { params: Promise.resolve({}) });
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(await res.arrayBuffer());
        return book.getWorksheet("台账")!;
      })(),
    );
  }
  return ledgers.get(quarter)!;
}

describe.each(CASES)("$name (the 台账 and the 季度通报)", (c) => {
  it("the 台账 export: the row's 报送 and 进度 cells", async () => {
    const sheet = await ledgerSheet(c.quarter);
    const header = (sheet.getRow(PRINT_HEADER_ROW).values as unknown[]).map(String);
    let cells: { reporting: string; progress: string } | null = null;
    sheet.eachRow((r, i) => {
      if (i >= PRINT_FIRST_DATA_ROW && String(r.getCell(header.indexOf("编码")).value) === subjectKey(c.subject)) {
        cells = { reporting: String(r.getCell(header.indexOf("报送")).value), progress: String(r.getCell(header.indexOf("进度")).value) };
      }
    });
    expect(cells).not.toBeNull();
    expect(cells!.progress).toBe(PROGRESS_LABEL[c.progress]);
    expect(cells!.reporting.startsWith(REPORTING_LABEL[c.reporting])).toBe(true);
  });

  it("the 季度通报: the same lamps, counts equal to the 驾驶舱's, and the subject in the right list", () => {
    const period = periodOf(c);
    const input = loadBulletinInput({ period, asOf: TODAY, today: TODAY });
    const row = input.rows.find((r) => subjectKey(r.subject) === subjectKey(c.subject))!;
    expect(lamps(row.status)).toEqual(expected(c));
    const previous = listPeriods({ yearId: q3.yearId }).find((p) => p.quarter === period.quarter - 1) ?? null;
    expect(bulletinCounts(input.rows)).toEqual(summarize(loadDashboard({ period, previous, asOf: TODAY, today: TODAY }).rows));
    const label = subjectLabel(c.subject);
    if (c.reporting === "late" || c.reporting === "missing") {
      expect(unitsWith(input.rows, c.reporting).some((u) => u.items.some((i) => i === label || i.startsWith(`${label}迟报`)))).toBe(true);
    }
    const progressText = bulletinSections(input)
      .find((s) => s.heading === "三、进度情况")!
      .paragraphs.join("\n");
    expect(progressText.includes(`${label}“`)).toBe(c.progress === "red" || c.progress === "amber");
  });

  it("the 领导简报 of each of its 牵头领导: the same lamps, and among the red reasons when red", () => {
    const period = periodOf(c);
    const previous = listPeriods({ yearId: q3.yearId }).find((p) => p.quarter === period.quarter - 1) ?? null;
    const data = loadDashboard({ period, previous, asOf: TODAY, today: TODAY });
    const leaders = data.rows.find((r) => subjectKey(r.subject) === subjectKey(c.subject))!.subject.leaders;
    // A subject without a 牵头领导 (task 47) is in nobody's brief.
    if (leaders.length === 0)
      return expect(
        data.rows.some((r) => r.subject.leaders.some((l) => leaderBrief(l, data.rows, []).rows.some((x) => subjectKey(x.subject) === subjectKey(c.subject)))),
      ).toBe(false);
    for (const leader of leaders) {
      const brief = leaderBrief(leader, data.rows, []);
      const row = brief.rows.find((r) => subjectKey(r.subject) === subjectKey(c.subject))!;
      expect(lamps(row.status)).toEqual(expected(c));
      expect(brief.red.some((r) => subjectKey(r.subject) === subjectKey(c.subject))).toBe(c.progress === "red");
    }
  });
});

describe("per-unit 报送 of a co-led task: each co-lead unit by its own part, the compiler by the report", () => {
  // Task 54 has 12 lead units: the first compiles and files on time; the second sends its part
  // after the due day; the third sends nothing. Kept inside a savepoint: the cases above stay as seeded.
  it("the /supervision 按牵头单位 table, the 季度通报's 迟报 / 逾期未报 lists and the 驾驶舱's 按牵头单位 agree", () => {
    db.$client.exec("SAVEPOINT co_led");
    try {
      const subject = listSubjects({ yearId: q3.yearId, only: { kind: "task", no: 54 } })[0]!;
      const [compiler, lateUnit, silentUnit] = subject.leadUnits as [string, string, string];
      const lateId = subject.leadUnitIds[1]!;
      const lateUser = db.select({ id: users.id }).from(users).where(eq(users.unitId, lateId)).get()!.id;
      const lateDay = "2026-10-20";
      expect(lateDay > q3.dueOn).toBe(true);
      // Written before the compiled report (a part is refused once the report is submitted); the times say what happened when.
      const sent = db.transaction(
        (tx) =>
          savePart(tx, {
            subject: { taskId: taskIdOf(54) },
            periodId: q3.id,
            unitId: lateId,
            expectedVersion: 0,
            progress: "本单位负责部分已完成",
            problems: "",
            submit: true,
            files: { attach: [], removeIds: [] },
            userId: lateUser,
            now: at(lateDay),
          }),
        { behavior: "immediate" },
      );
      expect(sent).toMatchObject({ ok: true });
      submitTask(54, q3.dueOn, base());

      const quarters = listSubjectQuarters({ periods: [q3], asOf: TODAY, today: TODAY, filter: { yearId: q3.yearId } });
      const matrix = matrixRows(
        quarters.map((q) => ({ subject: q.subject, status: q.status, reportState: q.reportState, lastSubmittedAt: null, leadReporting: q.leadReporting })),
      );
      const own = (unit: string) => {
        const c = countByUnit(matrix.filter((r) => r.subject.key === "task:54")).find((u) => u.unit === unit)!;
        return { reported: c.reported, late: c.late, overdueMissing: c.overdueMissing };
      };
      expect(own(compiler)).toEqual({ reported: 1, late: 0, overdueMissing: 0 });
      expect(own(lateUnit)).toEqual({ reported: 1, late: 1, overdueMissing: 0 });
      expect(own(silentUnit)).toEqual({ reported: 0, late: 0, overdueMissing: 1 });
      // The subject itself is counted once, by the report.
      expect(countRows(matrix.filter((r) => r.subject.key === "task:54"))).toMatchObject({ reported: 1, onTime: 1 });

      const bulletin = loadBulletinInput({ period: q3, asOf: TODAY, today: TODAY });
      const listed = (lamp: "late" | "missing") =>
        unitsWith(bulletin.rows, lamp)
          .filter((u) => u.items.some((i) => i === "第54项" || i.startsWith("第54项迟报")))
          .map((u) => u.unit);
      expect(listed("late")).toEqual([lateUnit]);
      expect(listed("missing")).toContain(silentUnit);
      expect(listed("missing")).not.toContain(compiler);
      expect(listed("missing")).not.toContain(lateUnit);
      expect(listed("missing")).toHaveLength(subject.leadUnits.length - 2);

      // The 领导驾驶舱's 按牵头单位 table and its drill-down count each unit the same way.
      const q2 = listPeriods({ yearId: q3.yearId }).find((p) => p.quarter === 2) ?? null;
      const dashboard = loadDashboard({ period: q3, previous: q2, asOf: TODAY, today: TODAY });
      const onlyTask54 = dashboard.rows.filter((r) => r.subject.kind === "task" && r.subject.no === 54);
      const byUnit = (unit: string) => groupRows(onlyTask54, "unit").find((g) => g.name === unit)!.summary.reporting;
      expect(byUnit(compiler)).toMatchObject({ on_time: 1, late: 0, missing: 0 });
      expect(byUnit(lateUnit)).toMatchObject({ on_time: 0, late: 1, missing: 0 });
      expect(byUnit(silentUnit)).toMatchObject({ on_time: 0, late: 0, missing: 1 });
      const drilled = (unit: string, reporting: "late" | "missing") => applyDrill(onlyTask54, { ...EMPTY_DRILL, unit, reporting }).length;
      expect([drilled(silentUnit, "missing"), drilled(lateUnit, "late"), drilled(compiler, "missing")]).toEqual([1, 1, 0]);
    } finally {
      db.$client.exec("ROLLBACK TO co_led; RELEASE co_led");
    }
  });
});

describe("the 逾期与滞后清单's pages, and a new notice's problem text", () => {
  it("shows 50 entries a page in the list's order, and the next page continues it", async () => {
    const all = await loadOverdueView({}, TODAY);
    expect(all.entries.length).toBeGreaterThan(OVERDUE_PAGE_SIZE);
    expect(all.shown.rows).toEqual(all.entries.slice(0, OVERDUE_PAGE_SIZE));
    const second = await loadOverdueView({ page: "2" }, TODAY);
    expect(second.shown.first).toBe(OVERDUE_PAGE_SIZE + 1);
    expect(second.shown.rows.map((e) => e.subject.key)).toEqual(all.entries.slice(OVERDUE_PAGE_SIZE, 2 * OVERDUE_PAGE_SIZE).map((e) => e.subject.key));
  });

  it("starts a notice from the reasons the list gives the subject, not from text carried in the link", async () => {
    const entry = (await loadOverdueView({}, TODAY)).entries.find((e) => e.reasons.length > 1)!;
    expect(await overdueProblem(entry.subject.key, null, TODAY)).toBe(entry.reasons.map((r) => r.text).join("；"));
    const past = (await loadOverdueView({ asOf: "2026-10-19" }, TODAY)).entries[0]!;
    expect(await overdueProblem(past.subject.key, "2026-10-19", TODAY)).toBe(past.reasons.map((r) => r.text).join("；"));
    expect(await overdueProblem("task:9999", null, TODAY)).toBe("");
  });
});

describe("the stored judgements", () => {
  it("equal a rebuild from the stored events, history included", () => {
    const report = rebuildQuarterStatus(db, { write: false });
    expect(report.samples).toEqual([]);
    expect(report.differences).toBe(0);
    expect(report.quarters).toBe(7);
  });

  it("judge the monthly nodes on the day asked: task 3's Q4 was 未评估 in October, 黄 once October's node was missed", () => {
    const q4On = (asOf: string) =>
      listSubjectQuarters({ periods: [q4], asOf, today: TODAY, filter: { yearId: q3.yearId, only: { kind: "task", no: 3 } } })[0]!.status;
    expect(q4On("2026-10-31").progress).toBe("none");
    expect(q4On("2026-11-01")).toMatchObject({
      progress: "amber",
      reasons: [{ kind: "monthlyNode", text: expect.stringMatching(/^10月节点未完成：完成十月推进节点（.+）$/) }],
    });
  });

  it("answer a past day from the history: task 1 was 逾期未报 on 10-19, task 26 red before the override", () => {
    const rows = listSubjectQuarters({ periods: [q3], asOf: "2026-10-11", today: TODAY, filter: { yearId: q3.yearId } });
    const of = (no: number) => rows.find((r) => r.subject.kind === "task" && r.subject.no === no)!.status;
    expect(lamps(of(1))).toEqual({ reporting: "missing", progress: "none", overridden: false });
    expect(lamps(of(26))).toEqual({ reporting: "on_time", progress: "red", overridden: false });
  });

  it("count the mayor's Q3 as mostly 逾期未报 and 未评估, Q4 as 未到期", () => {
    const all = loadDashboard({ period: q3, previous: null, asOf: TODAY, today: TODAY }).rows;
    // The 179 督办事项 have no time limit yet: 无需报送 until the 督查室 sets one.
    const items = all.filter((r) => r.subject.kind === "item");
    expect(items).toHaveLength(179);
    expect(items.every((r) => r.status.reporting === "not_required")).toBe(true);
    const three = all.filter((r) => r.subject.kind !== "item");
    expect(three).toHaveLength(72);
    // 6 subjects reported, task 47 has no lead unit.
    expect(three.filter((r) => r.status.reporting === "missing").length).toBe(72 - 6 - 1);
    expect(three.filter((r) => r.status.progress === "red").length).toBe(1);
    const four = loadDashboard({ period: q4, previous: q3, asOf: TODAY, today: TODAY }).rows;
    expect(four.filter((r) => r.status.reporting === "not_due").length).toBe(71);
    expect(four.filter((r) => r.status.progress === "green").length).toBe(0);
  });
});

// A 督办事项 once the 督查室 has set its time limit: its own page and report page, the lead unit's
// /my, the 督查室's review queue and /supervision show the same lamps; a quarter it is not due in
// is 无需报送 and off the unit's list.
describe("a 督办事项's quarter (督办事项19, one-off by 2026-12-31, Q4 submitted)", () => {
  const ITEM = { kind: "item", no: 19 } as const;
  let itemQuarter: ReturnType<typeof listSubjectQuarters>[number];

  beforeAll(() => {
    const subject = listSubjects({ yearId: q3.yearId, only: ITEM })[0]!;
    const item = db.select().from(supervisionItems).where(eq(supervisionItems.id, subject.id)).get()!;
    const unitUser = db.select({ id: users.id }).from(users).where(eq(users.unitId, subject.leadUnitIds[0]!)).get()!.id;
    db.transaction(
      (tx) => {
        setItemSchedule(tx, { id: item.id, expectedVersion: item.version, cadence: "once", deadline: "2026-12-31", today: TODAY });
        submitReport(tx, { subject: { itemId: item.id }, periodId: q4.id, expectedVersion: 0, content: base(), userId: unitUser, now: at("2026-11-20") });
      },
      { behavior: "immediate" },
    );
    itemQuarter = listSubjectQuarters({ periods: [q4], asOf: TODAY, today: TODAY, filter: { yearId: q3.yearId, only: ITEM } })[0]!;
  });

  it("the item's page and its report page: submitted, judged like a task's", () => {
    expect(itemQuarter.reportState).toBe("submitted");
    expect(itemQuarter.status.reporting).toBe("on_time");
  });

  it("/my: the lead unit's to-do entry, and no entry for an item without a time limit", () => {
    const periods = listPeriods({ yearId: q3.yearId });
    const entries = listUnitTodo({ unitId: itemQuarter.subject.leadUnitIds[0]!, periods, current: q4, today: TODAY });
    const entry = entries.find((e) => subjectKey(e.quarter.subject) === "item:19" && e.quarter.period.code === "2026Q4")!;
    expect(lamps(entry.quarter.status)).toEqual(lamps(itemQuarter.status));
    expect(entries.filter((e) => e.quarter.subject.kind === "item").map((e) => subjectKey(e.quarter.subject))).toEqual(expect.arrayContaining(["item:19"]));
    expect(entries.some((e) => e.quarter.subject.kind === "item" && e.quarter.subject.no !== 19)).toBe(false);
  });

  it("the review queue: the item's report with the lamps the queue looks up", () => {
    const queued = listReviewQueue({ yearId: q3.yearId }).find((q) => q.kind === "item" && q.no === 19)!;
    expect(queued).toMatchObject({ periodCode: "2026Q4", title: itemQuarter.subject.title, leadUnits: itemQuarter.subject.leadUnits });
    const statuses = bySubject(listSubjectQuarters({ periods: [q4], asOf: TODAY, today: TODAY, filter: { yearId: q3.yearId } }));
    expect(lamps(statuses.get(subjectKey(queued))!.get("2026Q4")!.status)).toEqual(lamps(itemQuarter.status));
  });

  it("/supervision: the submission matrix", () => {
    const quarters = listSubjectQuarters({ periods: [q4], asOf: TODAY, today: TODAY, filter: { yearId: q3.yearId } });
    const rows = matrixRows(
      quarters.map((q) => ({ subject: q.subject, status: q.status, reportState: q.reportState, lastSubmittedAt: null, leadReporting: q.leadReporting })),
    );
    expect(lamps(rows.find((r) => r.subject.key === "item:19")!.status)).toEqual(lamps(itemQuarter.status));
  });
});
