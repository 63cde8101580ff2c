// A year of quarterly work written through the same db/ functions the Server Actions
// use (targets, save/submit, review), each change with its audit row in the same
// transaction, so the generated database looks like one the app itself filled in.
import { and, asc, eq } from "drizzle-orm";
import { writeAudit } from "@/db/audit";
import type { Db, Tx } from "@/db/client";
import { reviewReport, submitReport, saveReportDraft, type ReportInput } from "@/db/queries/report-writes";
import { saveTaskTargets, setQuarterLock } from "@/db/queries/targets";
import { metrics, periods, taskUnits, tasks, users } from "@/db/schema";
import type { SessionUser } from "@/lib/permissions";
import { defaultQuarterPlans, type QuarterPlans } from "@/lib/quarter-targets";
import type { SelfStatus } from "@/lib/vocabulary";
import { between, milestoneText, pick, reportTexts, returnComment, type Random } from "./text";

type Period = typeof periods.$inferSelect;

/** What happens to one task's report in one quarter. */
export type Outcome = "none" | "draft" | "pending" | "returned" | "approved" | "resubmitted";

export type Actors = { unitUser: Map<number, SessionUser>; supervisor: SessionUser };

export function loadActors(db: Db): Actors {
  const rows = db.select().from(users).all();
  const asSession = (u: (typeof rows)[number]): SessionUser => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    unitId: u.unitId,
    unitName: u.displayName,
    leaderId: u.leaderId,
    leaderName: null,
    isMayor: false,
    sessionId: "bench-generator",
  });
  const supervisor = rows.find((u) => u.role === "supervisor");
  if (!supervisor) throw new Error("缺少督查室账号：请先写入种子账号");
  return {
    unitUser: new Map(rows.filter((u) => u.role === "unit" && u.unitId !== null).map((u) => [u.unitId!, asSession(u)])),
    supervisor: asSession(supervisor),
  };
}

const MS_PER_DAY = 86_400_000;
/** 10:00 Shanghai on `day` plus `offsetDays` and some minutes. */
const at = (day: string, offsetDays: number, r: Random) => Date.parse(`${day}T02:00:00Z`) + offsetDays * MS_PER_DAY + between(r, 0, 480) * 60_000;

const SELF: SelfStatus[] = ["onTrack", "onTrack", "onTrack", "done", "behind", "notStarted"];

function content(
  r: Random,
  metricRows: { id: number; kind: string; target: number; unit: string }[],
  quarter: number,
  milestone: boolean,
): ReportInput["content"] {
  const plans = new Map(metricRows.map((m) => [m.id, defaultQuarterPlans({ kind: m.kind as "cumulative" | "rate", target: m.target, unit: m.unit })]));
  return {
    ...reportTexts(r),
    selfStatus: pick(r, SELF),
    milestoneDone: milestone ? r() < 0.8 : null,
    milestoneDoneOn: null,
    metricValues: metricRows.map((m) => {
      const plan = (plans.get(m.id) as QuarterPlans)[quarter - 1]!;
      return { metricId: m.id, value: Math.round(plan * (0.75 + r() * 0.4) * 100) / 100 };
    }),
  };
}

/** Writes one task's targets and its reports for every quarter with the outcomes given. */
export function writeTaskYear(
  db: Db,
  r: Random,
  { taskId, yearPeriods, outcomes, actors }: { taskId: number; yearPeriods: Period[]; outcomes: Outcome[]; actors: Actors },
): number {
  const lead = db
    .select({ unitId: taskUnits.unitId })
    .from(taskUnits)
    .where(and(eq(taskUnits.taskId, taskId), eq(taskUnits.role, "lead")))
    .orderBy(asc(taskUnits.position))
    .all();
  const user = lead.map((l) => actors.unitUser.get(l.unitId)).find(Boolean);
  if (!user) return 0; // led only by a group description (e.g. 各镇街): no account reports it
  const metricRows = db
    .select({ id: metrics.id, kind: metrics.kind, target: metrics.target, unit: metrics.unit })
    .from(metrics)
    .where(eq(metrics.taskId, taskId))
    .all();
  const milestones = yearPeriods.map((p) => (metricRows.length === 0 || r() < 0.4 ? milestoneText(r, p.quarter) : null));
  const supervisor = actors.supervisor;
  let written = 0;

  db.transaction(
    (tx) => {
      const firstDay = yearPeriods[0]!.startsOn;
      const plans = new Map(metricRows.map((m) => [m.id, defaultQuarterPlans({ kind: m.kind as "cumulative" | "rate", target: m.target, unit: m.unit })]));
      const saved = saveTaskTargets(tx, {
        taskId,
        expectedVersion: 0,
        plans,
        milestones,
        openQuarters: [1, 2, 3, 4],
        userId: user.id,
        now: at(firstDay, 20, r),
      });
      if (!saved.ok) throw new Error(`task ${taskId}: targets ${saved.reason}`);
      audit(tx, user, "targets.save", "task", taskId, saved.before, saved.after);
      // The 督查室 locks the first quarter early; the others lock with their first report or their last day.
      const locked = setQuarterLock(tx, { taskId, quarter: 1, locked: true, expectedVersion: 1, userId: supervisor.id, now: at(firstDay, 30, r) });
      if (!locked.ok) throw new Error(`task ${taskId}: lock ${locked.reason}`);
      audit(tx, supervisor, "targets.lock", "task", taskId, locked.before, locked.after);

      yearPeriods.forEach((period, i) => {
        const outcome = outcomes[i] ?? "none";
        if (outcome === "none") return;
        const input = (now: number, expectedVersion: number): ReportInput => ({
          subject: { taskId },
          periodId: period.id,
          expectedVersion,
          content: content(r, metricRows, period.quarter, milestones[i] !== null),
          userId: user.id,
          now,
        });
        // Most reports arrive in the last days before the due date; a few after it.
        const late = r() < 0.1;
        const submitAt = at(period.endsOn, late ? between(r, 6, 15) : between(r, -3, 4), r);
        if (outcome === "draft") {
          const w = saveReportDraft(tx, input(at(period.endsOn, -between(r, 1, 20), r), 0));
          if (!w.ok) throw new Error(`task ${taskId} Q${period.quarter}: ${w.reason}`);
          audit(tx, user, "report.save", "report", w.reportId, w.before, w.after);
          written += 1;
          return;
        }
        let w = submitReport(tx, input(submitAt, 0));
        if (!w.ok) throw new Error(`task ${taskId} Q${period.quarter}: ${w.reason}`);
        audit(tx, user, "report.submit", "report", w.reportId, w.before, w.after);
        written += 1;
        if (outcome === "pending") return;
        const reviewAt = submitAt + between(r, 1, 3) * MS_PER_DAY;
        const returnAll = outcome === "returned" || outcome === "resubmitted";
        let review = reviewReport(tx, {
          reportId: w.reportId,
          expectedVersion: w.version,
          decision: returnAll ? "return" : "approve",
          comment: returnAll ? returnComment(r) : null,
          userId: supervisor.id,
          now: reviewAt,
        });
        if (!review.ok) throw new Error(`task ${taskId} Q${period.quarter}: review ${review.reason}`);
        audit(
          tx,
          supervisor,
          returnAll ? "report.return" : "report.approve",
          "report",
          w.reportId,
          { status: "submitted" },
          { status: review.status, versionNo: review.versionNo },
        );
        if (outcome !== "resubmitted") return;
        w = submitReport(tx, input(reviewAt + MS_PER_DAY, review.version));
        if (!w.ok) throw new Error(`task ${taskId} Q${period.quarter}: resubmit ${w.reason}`);
        audit(tx, user, "report.submit", "report", w.reportId, w.before, w.after);
        review = reviewReport(tx, {
          reportId: w.reportId,
          expectedVersion: w.version,
          decision: "approve",
          comment: null,
          userId: supervisor.id,
          now: reviewAt + 2 * MS_PER_DAY,
        });
        if (!review.ok) throw new Error(`task ${taskId} Q${period.quarter}: re-review ${review.reason}`);
        audit(tx, supervisor, "report.approve", "report", w.reportId, { status: "returned" }, { status: review.status, versionNo: review.versionNo });
      });
    },
    { behavior: "immediate" },
  );
  return written;
}

function audit(tx: Tx, actor: SessionUser, action: string, entity: string, entityId: number, before: unknown, after: unknown) {
  writeAudit(tx, { actor, ip: "10.20.0.1", action, entity, entityId, outcome: "success", before, after });
}

/** The tasks of a programme year, by 序号. */
export function tasksOfYear(db: Db, yearId: number): { id: number; no: number }[] {
  return db.select({ id: tasks.id, no: tasks.no }).from(tasks).where(eq(tasks.yearId, yearId)).orderBy(asc(tasks.no)).all();
}
