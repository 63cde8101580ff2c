// Benchmark set-up and checks that need the app's db/ code (run in a child process with
// the react-server condition, against DATABASE_PATH):
//   tsx --conditions=react-server bench/setup.ts personas <n> → sessions for the personas and
//        n report-save slots (one per load-test connection)
//   tsx --conditions=react-server bench/setup.ts burst      → a session for every lead unit
//        with reports still to submit this quarter, and each report's complete content
//   tsx --conditions=react-server bench/setup.ts count <app-ms> <real-ms> → rows saved since then
//        (reports by the server's pinned clock, audit rows by the real one)
//   tsx --conditions=react-server bench/setup.ts versions <no,…> → current report versions
//   tsx --conditions=react-server bench/setup.ts latest-status → the newest stored status instant (ms)
// Sessions are created with the login code's own createSession, so cookies carry a real,
// live server-side session.
import { and, eq, gte, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { getPeriodByCode } from "@/db/queries/periods";
import { listLedTaskReports } from "@/db/queries/report-board";
import { getReportRecord, getReportTaskByNo } from "@/db/queries/reports";
import { createSession } from "@/db/queries/sessions";
import { getTaskTargets } from "@/db/queries/targets";
import { auditLog, quarterStatusHistory, reports, reportVersions, users } from "@/db/schema";
import { SUPERVISOR_USERNAME, MAYOR_USERNAME } from "@/lib/usernames";
import { effectivePlans } from "@/lib/quarter-targets";
import { confirmField } from "@/lib/plausibility";
import { reportField } from "@/lib/report-form";
import { BENCH_QUARTER, BENCH_TODAY } from "./lib/constants";

export type Credential = { userId: number; sessionId: string };
export type ReportSlot = Credential & { taskNo: number; quarter: string; version: number };
export type BurstReport = Credential & { taskNo: number; quarter: string; fields: Record<string, string> };

const db = getDb();
const now = Date.now();

function session(userId: number): Credential {
  return { userId, sessionId: db.transaction((tx) => createSession(tx, { userId, ip: "127.0.0.1", now }), { behavior: "immediate" }) };
}

function userId(username: string): number {
  const row = db.select({ id: users.id }).from(users).where(eq(users.username, username)).get();
  if (!row) throw new Error(`缺少账号 ${username}`);
  return row.id;
}

const period = getPeriodByCode({ code: BENCH_QUARTER });
if (!period) throw new Error(`缺少填报期 ${BENCH_QUARTER}`);

/** Every unit account with the current quarter's reports it can still edit. */
function editableByUnit() {
  const accounts = db.select({ id: users.id, unitId: users.unitId }).from(users).where(eq(users.role, "unit")).all();
  return accounts
    .map((a) => ({
      userId: a.id,
      rows: listLedTaskReports({ unitId: a.unitId!, periodId: period!.id }).filter((r) => r.status === null || r.status === "draft" || r.status === "returned"),
    }))
    .filter((a) => a.rows.length > 0);
}

function personas(slots: number) {
  const units = editableByUnit().sort((a, b) => b.rows.length - a.rows.length);
  const unit = units[0]!;
  // One report per load-test connection, each saved by its own lead unit; a task led
  // jointly appears under both units, so keep its first owner only.
  const seen = new Set<number>();
  const saveSlots: ReportSlot[] = [];
  for (const u of units) {
    const cred = session(u.userId);
    for (const r of u.rows) {
      if (seen.has(r.no) || saveSlots.length >= slots) continue;
      seen.add(r.no);
      saveSlots.push({ ...cred, taskNo: r.no, quarter: BENCH_QUARTER, version: r.version });
    }
    if (saveSlots.length >= slots) break;
  }
  return {
    supervisor: session(userId(SUPERVISOR_USERNAME)),
    mayor: session(userId(MAYOR_USERNAME)),
    unit: session(unit.userId),
    saveSlots,
  };
}

/** A complete submission: every metric at its plan, the milestone answered, the texts. */
function submission(no: number): Record<string, string> {
  const task = getReportTaskByNo({ yearId: period!.yearId, no })!;
  const targets = getTaskTargets({ taskId: task.id });
  const fields: Record<string, string> = {
    [reportField.progress]: `第四季度按计划推进，累计完成年度目标任务。组织召开调度会议，逐项核对任务清单，形成年度工作总结（${no}号任务）。`,
    [reportField.problems]: "个别子项目资金拨付进度偏慢。",
    [reportField.nextSteps]: "做好年度考核准备，谋划明年重点工作。",
    [reportField.selfStatus]: "done",
  };
  for (const m of targets.metrics) {
    // The generated earlier quarters may have reported more, or the plan a decimal count: the
    // unit confirms the figure with a reason, as the form asks (lib/plausibility.ts).
    fields[confirmField(reportField.metric(m.id))] = "已与台账核对无误。";
    fields[reportField.metric(m.id)] = String(
      effectivePlans(
        m,
        m.stored.map((v) => v ?? undefined),
      )[period!.quarter - 1],
    );
  }
  if (targets.milestones[period!.quarter - 1]) {
    fields[reportField.milestoneDone] = "done";
    fields[reportField.milestoneDoneOn] = BENCH_TODAY;
  }
  return fields;
}

function burst(): BurstReport[] {
  const seen = new Set<number>();
  const out: BurstReport[] = [];
  for (const u of editableByUnit()) {
    const cred = session(u.userId);
    for (const r of u.rows) {
      if (seen.has(r.no)) continue;
      seen.add(r.no);
      out.push({ ...cred, taskNo: r.no, quarter: BENCH_QUARTER, fields: { ...submission(r.no), version: String(r.version) } });
    }
  }
  return out;
}

/**
 * What the database holds for submissions made since then: reports and versions carry the
 * server's pinned clock (`since`), audit rows the real time (`auditSince`).
 */
function count(since: number, auditSince: number) {
  const submitted = db
    .select({ n: sql<number>`count(*)` })
    .from(reports)
    .where(and(eq(reports.periodId, period!.id), eq(reports.status, "submitted"), gte(reports.submittedAt, since)))
    .get()!.n;
  const versions = db
    .select({ n: sql<number>`count(*)` })
    .from(reportVersions)
    .where(gte(reportVersions.submittedAt, since))
    .get()!.n;
  const audits = db
    .select({ action: auditLog.action, outcome: auditLog.outcome, n: sql<number>`count(*)` })
    .from(auditLog)
    .where(and(gte(auditLog.at, auditSince), inArray(auditLog.action, ["report.save", "report.submit"])))
    .groupBy(auditLog.action, auditLog.outcome)
    .all();
  return { submitted, versions, audits };
}

/** The current version of each task's report for the benchmark quarter (0: none yet). */
function versions(nos: number[]): number[] {
  return nos.map((no) => getReportRecord({ subject: { taskId: getReportTaskByNo({ yearId: period!.yearId, no })!.id }, periodId: period!.id })?.version ?? 0);
}

/** When the newest stored judgement took effect (the generated timeline runs to the end of the quarter). */
function latestStatus(): number {
  return (
    db
      .select({ at: sql<number>`max(${quarterStatusHistory.validFrom})` })
      .from(quarterStatusHistory)
      .get()?.at ?? 0
  );
}

const [mode, arg, arg2] = process.argv.slice(2);
const out =
  mode === "personas"
    ? personas(Number(arg ?? 10))
    : mode === "burst"
      ? burst()
      : mode === "count"
        ? count(Number(arg), Number(arg2))
        : mode === "versions"
          ? versions((arg ?? "").split(",").map(Number))
          : mode === "latest-status"
            ? latestStatus()
            : null;
if (!out) {
  console.error("用法：bench/setup.ts personas <n> | burst | count <服务器时钟毫秒> <真实时间毫秒> | versions <序号,…> | latest-status");
  process.exit(2);
}
console.log(JSON.stringify(out));
db.$client.close();
