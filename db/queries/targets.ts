import "server-only";
import { and, asc, desc, eq, inArray, min, sql, type SQLWrapper } from "drizzle-orm";
import { effectivePlans, defaultQuarterPlans, type MetricForPlan, type QuarterPlans } from "@/lib/quarter-targets";
import { QUARTERS } from "@/lib/periods";
import type { QuarterPlanChange } from "@/lib/submitted-quarter";
import { getDb, type Tx } from "../client";
import {
  metricQuarterTargets,
  metrics,
  periods,
  reports,
  reportVersions,
  targetChangeRequests,
  targetLocks,
  targetSets,
  taskQuarterMilestones,
  tasks,
  users,
} from "../schema";
import { refreshQuarterStatus } from "../status/store";

export interface TargetMetric extends MetricForPlan {
  position: number;
  /** Stored plans per quarter (index 0 = Q1); null where none was saved. */
  stored: (number | null)[];
  /** The plans in force: stored, else the 序时进度 defaults. */
  plans: QuarterPlans;
}

export interface ChangeRequestItem {
  id: number;
  quarter: number;
  before: QuarterPlanChange;
  proposed: QuarterPlanChange;
  reason: string;
  status: "pending" | "approved" | "refused";
  requestedByName: string;
  requestedAt: number;
  decidedByName: string | null;
  decidedAt: number | null;
  decisionComment: string | null;
  version: number;
}

export interface TaskTargets {
  taskId: number;
  /** 0 when the targets were never saved (the form then shows the 序时进度 defaults). */
  version: number;
  updatedAt: number | null;
  updatedByName: string | null;
  metrics: TargetMetric[];
  /** Planned milestone per quarter (index 0 = Q1). */
  milestones: (string | null)[];
  /** Per quarter: the 督查室's early lock. */
  explicitLocks: ({ at: number; byName: string } | null)[];
  /** Per quarter: when its report was first submitted (the quarter then locks). */
  firstSubmittedAt: (number | null)[];
  /** Change requests, newest first. */
  requests: ChangeRequestItem[];
}

const metricColumns = {
  id: metrics.id,
  position: metrics.position,
  label: metrics.label,
  unit: metrics.unit,
  kind: metrics.kind,
  target: metrics.target,
  targetMax: metrics.targetMax,
  comparator: metrics.comparator,
};

type Reader = Pick<Tx, "select">;

function readMetrics(db: Reader, taskId: number): TargetMetric[] {
  const rows = db.select(metricColumns).from(metrics).where(eq(metrics.taskId, taskId)).orderBy(asc(metrics.position)).all();
  const ids = rows.map((m) => m.id);
  const plans = ids.length
    ? db
        .select({ metricId: metricQuarterTargets.metricId, quarter: metricQuarterTargets.quarter, value: metricQuarterTargets.value })
        .from(metricQuarterTargets)
        .where(inArray(metricQuarterTargets.metricId, ids))
        .all()
    : [];
  return rows.map((m) => {
    const stored: (number | null)[] = [null, null, null, null];
    for (const p of plans) if (p.metricId === m.id && p.quarter >= 1 && p.quarter <= 4) stored[p.quarter - 1] = p.value;
    return {
      ...m,
      stored,
      plans: effectivePlans(
        m,
        stored.map((v) => v ?? undefined),
      ),
    };
  });
}

function readMilestones(db: Reader, taskId: number): (string | null)[] {
  const rows = db
    .select({ quarter: taskQuarterMilestones.quarter, text: taskQuarterMilestones.text })
    .from(taskQuarterMilestones)
    .where(eq(taskQuarterMilestones.taskId, taskId))
    .all();
  return QUARTERS.map((q) => rows.find((r) => r.quarter === q)?.text ?? null);
}

const nameOf = (id: SQLWrapper) => sql<string | null>`(select ${users.displayName} from ${users} where ${users.id} = ${id})`;

function readLocks(db: Reader, taskId: number): TaskTargets["explicitLocks"] {
  const rows = db
    .select({ quarter: targetLocks.quarter, at: targetLocks.lockedAt, byName: users.displayName })
    .from(targetLocks)
    .innerJoin(users, eq(users.id, targetLocks.lockedById))
    .where(eq(targetLocks.taskId, taskId))
    .all();
  return QUARTERS.map((q) => {
    const r = rows.find((x) => x.quarter === q);
    return r ? { at: r.at, byName: r.byName } : null;
  });
}

function readFirstSubmissions(db: Reader, taskId: number): (number | null)[] {
  const rows = db
    .select({ quarter: periods.quarter, first: min(reportVersions.submittedAt) })
    .from(reports)
    .innerJoin(periods, eq(periods.id, reports.periodId))
    .innerJoin(reportVersions, eq(reportVersions.reportId, reports.id))
    .where(eq(reports.taskId, taskId))
    .groupBy(periods.quarter)
    .all();
  return QUARTERS.map((q) => rows.find((r) => r.quarter === q)?.first ?? null);
}

const requestColumns = {
  id: targetChangeRequests.id,
  quarter: targetChangeRequests.quarter,
  before: targetChangeRequests.before,
  proposed: targetChangeRequests.proposed,
  reason: targetChangeRequests.reason,
  status: targetChangeRequests.status,
  requestedByName: sql<string>`${nameOf(targetChangeRequests.requestedById)}`,
  requestedAt: targetChangeRequests.requestedAt,
  decidedByName: nameOf(targetChangeRequests.decidedById),
  decidedAt: targetChangeRequests.decidedAt,
  decisionComment: targetChangeRequests.decisionComment,
  version: targetChangeRequests.version,
};

function readRequests(db: Reader, taskId: number): ChangeRequestItem[] {
  return db
    .select(requestColumns)
    .from(targetChangeRequests)
    .where(eq(targetChangeRequests.taskId, taskId))
    .orderBy(desc(targetChangeRequests.requestedAt), desc(targetChangeRequests.id))
    .all();
}

/** A task's quarterly targets: plans, milestones, version, locks and change requests. */
export function getTaskTargets({ taskId }: { taskId: number }, db: Reader = getDb()): TaskTargets {
  const set = db
    .select({ version: targetSets.version, updatedAt: targetSets.updatedAt, updatedByName: nameOf(targetSets.updatedById) })
    .from(targetSets)
    .where(eq(targetSets.taskId, taskId))
    .get();
  return {
    taskId,
    version: set?.version ?? 0,
    updatedAt: set?.updatedAt ?? null,
    updatedByName: set?.updatedByName ?? null,
    metrics: readMetrics(db, taskId),
    milestones: readMilestones(db, taskId),
    explicitLocks: readLocks(db, taskId),
    firstSubmittedAt: readFirstSubmissions(db, taskId),
    requests: readRequests(db, taskId),
  };
}

/** What an audit row records about a task's targets. */
export type TargetsAuditView = { plans: Record<string, (number | null)[]>; milestones: (string | null)[] };

function auditView(tx: Tx, taskId: number): TargetsAuditView {
  return { plans: Object.fromEntries(readMetrics(tx, taskId).map((m) => [m.label, m.stored])), milestones: readMilestones(tx, taskId) };
}

export type TargetsWrite = { ok: true; version: number; before: TargetsAuditView; after: TargetsAuditView } | { ok: false; reason: "conflict" | "invalid" };

/**
 * Claims the next version of the task's target set: inserts it at version 1 when
 * `expectedVersion` is 0, else bumps it only if it is still `expectedVersion`.
 */
function bumpTargetSet(tx: Tx, { taskId, expectedVersion, userId, now }: { taskId: number; expectedVersion: number; userId: number; now: number }): boolean {
  if (expectedVersion === 0) {
    return tx.insert(targetSets).values({ taskId, version: 1, updatedAt: now, updatedById: userId }).onConflictDoNothing().run().changes === 1;
  }
  return (
    tx
      .update(targetSets)
      .set({ version: sql`${targetSets.version} + 1`, updatedAt: now, updatedById: userId })
      .where(and(eq(targetSets.taskId, taskId), eq(targetSets.version, expectedVersion)))
      .run().changes === 1
  );
}

function currentVersion(tx: Tx, taskId: number): number {
  return tx.select({ version: targetSets.version }).from(targetSets).where(eq(targetSets.taskId, taskId)).get()?.version ?? 0;
}

function writeQuarter(tx: Tx, taskId: number, quarter: number, values: ReadonlyMap<number, number>, milestone: string | null) {
  for (const [metricId, value] of values) {
    tx.insert(metricQuarterTargets)
      .values({ metricId, quarter, value })
      .onConflictDoUpdate({ target: [metricQuarterTargets.metricId, metricQuarterTargets.quarter], set: { value } })
      .run();
  }
  if (milestone) {
    tx.insert(taskQuarterMilestones)
      .values({ taskId, quarter, text: milestone })
      .onConflictDoUpdate({ target: [taskQuarterMilestones.taskId, taskQuarterMilestones.quarter], set: { text: milestone } })
      .run();
  } else {
    tx.delete(taskQuarterMilestones)
      .where(and(eq(taskQuarterMilestones.taskId, taskId), eq(taskQuarterMilestones.quarter, quarter)))
      .run();
  }
}

function writePlans(tx: Tx, taskId: number, plans: ReadonlyMap<number, QuarterPlans>, milestones: readonly (string | null)[], quarters: readonly number[]) {
  for (const q of quarters) {
    writeQuarter(tx, taskId, q, new Map([...plans].map(([id, values]) => [id, values[q - 1]!])), milestones[q - 1] ?? null);
  }
}

/**
 * Saves a task's quarterly plans and milestones (already validated by
 * lib/quarter-targets) for the quarters still open; locked quarters are never written
 * here. Refused as a conflict when the set changed since it was read.
 */
export function saveTaskTargets(
  tx: Tx,
  input: {
    taskId: number;
    expectedVersion: number;
    plans: ReadonlyMap<number, QuarterPlans>;
    milestones: readonly (string | null)[];
    openQuarters: readonly number[];
    userId: number;
    now: number;
  },
): TargetsWrite {
  const own = new Set(readMetrics(tx, input.taskId).map((m) => m.id));
  if ([...input.plans.keys()].some((id) => !own.has(id)) || input.plans.size !== own.size) return { ok: false, reason: "invalid" };
  const before = auditView(tx, input.taskId);
  if (!bumpTargetSet(tx, input)) return { ok: false, reason: "conflict" };
  writePlans(tx, input.taskId, input.plans, input.milestones, input.openQuarters);
  return { ok: true, version: input.expectedVersion + 1, before, after: auditView(tx, input.taskId) };
}

/**
 * The 督查室 locks a quarter early (fixing the plans in force: a quarter never saved gets
 * its 序时进度 defaults written) or lifts that early lock. A quarter locked by its first
 * submission or by its last day stays locked.
 */
export function setQuarterLock(
  tx: Tx,
  input: { taskId: number; quarter: number; locked: boolean; expectedVersion: number; userId: number; now: number },
): TargetsWrite {
  const before = auditView(tx, input.taskId);
  if (!bumpTargetSet(tx, input)) return { ok: false, reason: "conflict" };
  if (input.locked) {
    tx.insert(targetLocks).values({ taskId: input.taskId, quarter: input.quarter, lockedAt: input.now, lockedById: input.userId }).onConflictDoNothing().run();
    const q = input.quarter;
    const fixed = new Map(readMetrics(tx, input.taskId).map((m) => [m.id, m.stored[q - 1] ?? defaultQuarterPlans(m)[q - 1]!]));
    writeQuarter(tx, input.taskId, q, fixed, before.milestones[q - 1] ?? null);
  } else {
    tx.delete(targetLocks)
      .where(and(eq(targetLocks.taskId, input.taskId), eq(targetLocks.quarter, input.quarter)))
      .run();
  }
  return { ok: true, version: input.expectedVersion + 1, before, after: auditView(tx, input.taskId) };
}

/** A quarter's plan as a change record: every metric's value and the node. */
export function quarterPlanOf(targets: Pick<TaskTargets, "metrics" | "milestones">, quarter: number): QuarterPlanChange {
  return { metricPlans: Object.fromEntries(targets.metrics.map((m) => [m.id, m.plans[quarter - 1]!])), milestone: targets.milestones[quarter - 1] ?? null };
}

export type RequestWrite = { ok: true; id: number } | { ok: false; reason: "pending" };

/** A lead unit asks to change a locked quarter's targets; one open request per quarter. */
export function createChangeRequest(
  tx: Tx,
  input: { taskId: number; quarter: number; before: QuarterPlanChange; proposed: QuarterPlanChange; reason: string; userId: number; now: number },
): RequestWrite {
  const open = tx
    .select({ id: targetChangeRequests.id })
    .from(targetChangeRequests)
    .where(and(eq(targetChangeRequests.taskId, input.taskId), eq(targetChangeRequests.quarter, input.quarter), eq(targetChangeRequests.status, "pending")))
    .get();
  if (open) return { ok: false, reason: "pending" };
  const { id } = tx
    .insert(targetChangeRequests)
    .values({
      taskId: input.taskId,
      quarter: input.quarter,
      before: input.before,
      proposed: input.proposed,
      reason: input.reason,
      requestedById: input.userId,
      requestedAt: input.now,
    })
    .returning({ id: targetChangeRequests.id })
    .get();
  return { ok: true, id };
}

export interface PendingRequestRef {
  id: number;
  taskId: number;
  taskNo: number;
  yearId: number;
  quarter: number;
  proposed: QuarterPlanChange;
  version: number;
  status: "pending" | "approved" | "refused";
}

export function getChangeRequest({ id }: { id: number }): PendingRequestRef | null {
  return (
    getDb()
      .select({
        id: targetChangeRequests.id,
        taskId: targetChangeRequests.taskId,
        taskNo: tasks.no,
        yearId: tasks.yearId,
        quarter: targetChangeRequests.quarter,
        proposed: targetChangeRequests.proposed,
        version: targetChangeRequests.version,
        status: targetChangeRequests.status,
      })
      .from(targetChangeRequests)
      .innerJoin(tasks, eq(tasks.id, targetChangeRequests.taskId))
      .where(eq(targetChangeRequests.id, id))
      .get() ?? null
  );
}

export type DecisionWrite = { ok: true; before: TargetsAuditView | null; after: TargetsAuditView | null } | { ok: false; reason: "conflict" };

/**
 * The 督查室 decides a change request. Approving writes the proposed plan of the quarter
 * (the caller has checked it against the year's other quarters) and recomputes the
 * quarter's judgement; refusing leaves the plan as it is. Either way the request is closed.
 */
export function decideChangeRequest(
  tx: Tx,
  input: { request: PendingRequestRef; expectedVersion: number; approve: boolean; comment: string | null; userId: number; now: number },
): DecisionWrite {
  const { request } = input;
  const closed = tx
    .update(targetChangeRequests)
    .set({
      status: input.approve ? "approved" : "refused",
      decidedById: input.userId,
      decidedAt: input.now,
      decisionComment: input.comment,
      version: sql`${targetChangeRequests.version} + 1`,
    })
    .where(and(eq(targetChangeRequests.id, request.id), eq(targetChangeRequests.version, input.expectedVersion), eq(targetChangeRequests.status, "pending")))
    .run().changes;
  if (closed !== 1) return { ok: false, reason: "conflict" };
  if (!input.approve) return { ok: true, before: null, after: null };
  const before = auditView(tx, request.taskId);
  if (!bumpTargetSet(tx, { taskId: request.taskId, expectedVersion: currentVersion(tx, request.taskId), userId: input.userId, now: input.now }))
    return { ok: false, reason: "conflict" };
  const values = new Map(Object.entries(request.proposed.metricPlans).map(([id, v]) => [Number(id), v]));
  writeQuarter(tx, request.taskId, request.quarter, values, request.proposed.milestone ?? null);
  const period = tx
    .select({ id: periods.id })
    .from(periods)
    .where(and(eq(periods.yearId, request.yearId), eq(periods.quarter, request.quarter)))
    .get();
  if (period) refreshQuarterStatus(tx, { kind: "task", subjectId: request.taskId, periodId: period.id }, input.now);
  return { ok: true, before, after: auditView(tx, request.taskId) };
}

export interface PendingRequestListItem extends ChangeRequestItem {
  taskNo: number;
  taskTarget: string;
}

/** Change requests awaiting the 督查室, oldest first. */
export function listPendingChangeRequests({ yearId }: { yearId: number }): PendingRequestListItem[] {
  return getDb()
    .select({
      ...requestColumns,
      taskNo: tasks.no,
      taskTarget: tasks.target,
    })
    .from(targetChangeRequests)
    .innerJoin(tasks, eq(tasks.id, targetChangeRequests.taskId))
    .where(and(eq(tasks.yearId, yearId), eq(targetChangeRequests.status, "pending")))
    .orderBy(asc(targetChangeRequests.requestedAt), asc(targetChangeRequests.id))
    .all();
}
