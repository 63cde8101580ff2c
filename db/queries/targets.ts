import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { defaultQuarterPlans, type MetricForPlan, type QuarterPlans } from "@/lib/quarter-targets";
import { QUARTERS } from "@/lib/periods";
import { getDb, type Tx } from "../client";
import { metricQuarterTargets, metrics, targetSets, taskQuarterMilestones, users } from "../schema";

export interface TargetMetric extends MetricForPlan {
  position: number;
  /** Stored plans per quarter (index 0 = Q1); null where none was saved. */
  stored: (number | null)[];
}

export interface TaskTargets {
  taskId: number;
  /** 0 when the targets were never saved (the form then shows the 序时进度 defaults). */
  version: number;
  lockedAt: number | null;
  lockedByName: string | null;
  updatedAt: number | null;
  updatedByName: string | null;
  metrics: TargetMetric[];
  /** Planned milestone per quarter (index 0 = Q1). */
  milestones: (string | null)[];
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
    return { ...m, stored };
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

const lockedBy = sql<string | null>`(select ${users.displayName} from ${users} where ${users.id} = ${targetSets.lockedById})`;
const updatedBy = sql<string | null>`(select ${users.displayName} from ${users} where ${users.id} = ${targetSets.updatedById})`;

/** A task's quarterly targets: stored plans, milestones, version and lock. */
export function getTaskTargets({ taskId }: { taskId: number }): TaskTargets {
  const db = getDb();
  const set = db
    .select({
      version: targetSets.version,
      lockedAt: targetSets.lockedAt,
      lockedByName: lockedBy,
      updatedAt: targetSets.updatedAt,
      updatedByName: updatedBy,
    })
    .from(targetSets)
    .where(eq(targetSets.taskId, taskId))
    .get();
  return {
    taskId,
    version: set?.version ?? 0,
    lockedAt: set?.lockedAt ?? null,
    lockedByName: set?.lockedByName ?? null,
    updatedAt: set?.updatedAt ?? null,
    updatedByName: set?.updatedByName ?? null,
    metrics: readMetrics(db, taskId),
    milestones: readMilestones(db, taskId),
  };
}

/** What an audit row records about a task's targets. */
export type TargetsAuditView = { plans: Record<string, (number | null)[]>; milestones: (string | null)[]; locked: boolean };

function auditView(tx: Tx, taskId: number): TargetsAuditView {
  const locked = tx.select({ lockedAt: targetSets.lockedAt }).from(targetSets).where(eq(targetSets.taskId, taskId)).get();
  return {
    plans: Object.fromEntries(readMetrics(tx, taskId).map((m) => [m.label, m.stored])),
    milestones: readMilestones(tx, taskId),
    locked: Boolean(locked?.lockedAt),
  };
}

export type TargetsWrite = { ok: true; version: number; before: TargetsAuditView; after: TargetsAuditView } | { ok: false; reason: "conflict" | "invalid" };

/**
 * Claims the next version of the task's target set: inserts it at version 1 when
 * `expectedVersion` is 0, else bumps it only if it is still `expectedVersion`.
 */
function bumpTargetSet(tx: Tx, { taskId, expectedVersion, userId, now, lock }: { taskId: number; expectedVersion: number; userId: number; now: number; lock?: boolean }): boolean {
  const lockFields = lock === undefined ? {} : lock ? { lockedAt: now, lockedById: userId } : { lockedAt: null, lockedById: null };
  if (expectedVersion === 0) {
    return tx.insert(targetSets).values({ taskId, version: 1, updatedAt: now, updatedById: userId, ...lockFields }).onConflictDoNothing().run().changes === 1;
  }
  return (
    tx
      .update(targetSets)
      .set({ version: sql`${targetSets.version} + 1`, updatedAt: now, updatedById: userId, ...lockFields })
      .where(and(eq(targetSets.taskId, taskId), eq(targetSets.version, expectedVersion)))
      .run().changes === 1
  );
}

function writePlans(tx: Tx, taskId: number, plans: ReadonlyMap<number, QuarterPlans>, milestones: readonly (string | null)[]) {
  for (const [metricId, values] of plans) {
    QUARTERS.forEach((q) => {
      const value = values[q - 1]!;
      tx.insert(metricQuarterTargets)
        .values({ metricId, quarter: q, value })
        .onConflictDoUpdate({ target: [metricQuarterTargets.metricId, metricQuarterTargets.quarter], set: { value } })
        .run();
    });
  }
  QUARTERS.forEach((q) => {
    const text = milestones[q - 1] ?? null;
    if (text) {
      tx.insert(taskQuarterMilestones)
        .values({ taskId, quarter: q, text })
        .onConflictDoUpdate({ target: [taskQuarterMilestones.taskId, taskQuarterMilestones.quarter], set: { text } })
        .run();
    } else {
      tx.delete(taskQuarterMilestones).where(and(eq(taskQuarterMilestones.taskId, taskId), eq(taskQuarterMilestones.quarter, q))).run();
    }
  });
}

/**
 * Saves a task's quarterly plans and milestones (already validated by
 * lib/quarter-targets). Refused as a conflict when the set changed since it was read
 * (including being locked meanwhile: locking bumps the version).
 */
export function saveTaskTargets(
  tx: Tx,
  input: { taskId: number; expectedVersion: number; plans: ReadonlyMap<number, QuarterPlans>; milestones: readonly (string | null)[]; userId: number; now: number },
): TargetsWrite {
  const own = new Set(readMetrics(tx, input.taskId).map((m) => m.id));
  if ([...input.plans.keys()].some((id) => !own.has(id)) || input.plans.size !== own.size) return { ok: false, reason: "invalid" };
  const before = auditView(tx, input.taskId);
  if (!bumpTargetSet(tx, input)) return { ok: false, reason: "conflict" };
  writePlans(tx, input.taskId, input.plans, input.milestones);
  return { ok: true, version: input.expectedVersion + 1, before, after: auditView(tx, input.taskId) };
}

/**
 * Locks or unlocks a task's targets. Locking fixes the plans in force: quarters never
 * saved get their 序时进度 defaults written, so later changes to the defaults cannot move them.
 */
export function setTargetsLock(tx: Tx, input: { taskId: number; locked: boolean; expectedVersion: number; userId: number; now: number }): TargetsWrite {
  const before = auditView(tx, input.taskId);
  if (!bumpTargetSet(tx, { ...input, lock: input.locked })) return { ok: false, reason: "conflict" };
  if (input.locked) {
    const plans = new Map<number, QuarterPlans>();
    for (const m of readMetrics(tx, input.taskId)) {
      const defaults = defaultQuarterPlans(m);
      plans.set(m.id, QUARTERS.map((q) => m.stored[q - 1] ?? defaults[q - 1]!) as QuarterPlans);
    }
    writePlans(tx, input.taskId, plans, before.milestones);
  }
  return { ok: true, version: input.expectedVersion + 1, before, after: auditView(tx, input.taskId) };
}
