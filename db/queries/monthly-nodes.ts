import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { monthEnd, quarterMonths, type MonthlyNode, type NodeUnitChoice } from "@/lib/monthly-nodes";
import type { Quarter } from "@/lib/periods";
import { quarterLock, type LockCause } from "@/lib/quarter-targets";
import type { SubjectRef } from "@/lib/subject";
import { getDb, type Tx } from "../client";
import { monthlyNodeRevisions, monthlyNodeSets, quarterStatus, targetLocks, units } from "../schema";
import type { StatusKey } from "../status/inputs";
import { listPeriods, type PeriodRow } from "./periods";
import { listSubjects, type Subject } from "./subjects";
import { refreshQuarterStatus } from "../status/store";

// 月度推进节点 of one subject's quarter: the set's version (for the optimistic check) and
// its latest revision; every write appends a revision and refreshes the stored judgement.

type Reader = Pick<Tx, "select">;

/** A subject's quarter, as the stored judgement keys it. */
export type NodeSetKey = StatusKey;

const keyColumns = (k: NodeSetKey) => ({ subjectKind: k.kind, subjectId: k.subjectId, periodId: k.periodId });

export interface NodeSet {
  /** 0 when no node was ever set for the quarter. */
  version: number;
  updatedAt: number | null;
  nodes: MonthlyNode[];
}

const setWhere = (k: NodeSetKey) =>
  and(eq(monthlyNodeSets.periodId, k.periodId), eq(monthlyNodeSets.subjectKind, k.kind), eq(monthlyNodeSets.subjectId, k.subjectId));

function latestNodes(db: Reader, k: NodeSetKey): MonthlyNode[] {
  return (
    db
      .select({ nodes: monthlyNodeRevisions.nodes })
      .from(monthlyNodeRevisions)
      .where(and(eq(monthlyNodeRevisions.periodId, k.periodId), eq(monthlyNodeRevisions.subjectKind, k.kind), eq(monthlyNodeRevisions.subjectId, k.subjectId)))
      .orderBy(desc(monthlyNodeRevisions.at), desc(monthlyNodeRevisions.id))
      .limit(1)
      .get()?.nodes ?? []
  );
}

/** The quarter's nodes in force and the set's version. */
export function getNodeSet(key: NodeSetKey, db: Reader = getDb()): NodeSet {
  const set = db.select({ version: monthlyNodeSets.version, updatedAt: monthlyNodeSets.updatedAt }).from(monthlyNodeSets).where(setWhere(key)).get();
  return { version: set?.version ?? 0, updatedAt: set?.updatedAt ?? null, nodes: set ? latestNodes(db, key) : [] };
}

/** The units a node may be given to, in the order given (the lead unit first). */
export function listNodeUnits({ unitIds }: { unitIds: readonly number[] }): NodeUnitChoice[] {
  if (unitIds.length === 0) return [];
  const rows = getDb()
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(inArray(units.id, [...unitIds]))
    .all();
  return unitIds.flatMap((id) => rows.filter((r) => r.id === id));
}

/** What locks the quarter's nodes with its targets: the 督查室's early lock (tasks) and the first submission. */
export function getNodeLockFacts({ key, quarter }: { key: NodeSetKey; quarter: number }): { explicitAt: number | null; firstSubmittedAt: number | null } {
  const db = getDb();
  const explicitAt =
    key.kind === "task"
      ? (db
          .select({ at: targetLocks.lockedAt })
          .from(targetLocks)
          .where(and(eq(targetLocks.taskId, key.subjectId), eq(targetLocks.quarter, quarter)))
          .get()?.at ?? null)
      : null;
  const firstSubmittedAt =
    db
      .select({ at: quarterStatus.firstSubmittedAt })
      .from(quarterStatus)
      .where(and(eq(quarterStatus.periodId, key.periodId), eq(quarterStatus.subjectKind, key.kind), eq(quarterStatus.subjectId, key.subjectId)))
      .get()?.at ?? null;
  return { explicitAt, firstSubmittedAt };
}

export type NodeWrite = { ok: true; version: number; before: MonthlyNode[]; after: MonthlyNode[] } | { ok: false; reason: "conflict" };

/** Claims the next version of the node set (creating it at 1 when `expectedVersion` is 0). */
function bumpNodeSet(tx: Tx, key: NodeSetKey, { expectedVersion, userId, now }: { expectedVersion: number; userId: number; now: number }): boolean {
  if (expectedVersion === 0) {
    return (
      tx
        .insert(monthlyNodeSets)
        .values({ ...keyColumns(key), version: 1, updatedAt: now, updatedById: userId })
        .onConflictDoNothing()
        .run().changes === 1
    );
  }
  return (
    tx
      .update(monthlyNodeSets)
      .set({ version: sql`${monthlyNodeSets.version} + 1`, updatedAt: now, updatedById: userId })
      .where(and(setWhere(key), eq(monthlyNodeSets.version, expectedVersion)))
      .run().changes === 1
  );
}

/**
 * Writes the quarter's nodes (already validated by lib/monthly-nodes.ts) as a new revision,
 * refused as a conflict when the set changed since it was read; the quarter is judged again.
 */
export function writeNodeSet(
  tx: Tx,
  input: { key: NodeSetKey; expectedVersion: number; nodes: readonly MonthlyNode[]; userId: number; now: number },
): NodeWrite {
  const before = latestNodes(tx, input.key);
  if (!bumpNodeSet(tx, input.key, input)) return { ok: false, reason: "conflict" };
  const nodes = [...input.nodes].sort((a, b) => a.month - b.month);
  tx.insert(monthlyNodeRevisions)
    .values({ ...keyColumns(input.key), at: input.now, byId: input.userId, nodes })
    .run();
  refreshQuarterStatus(tx, input.key, input.now);
  return { ok: true, version: input.expectedVersion + 1, before, after: nodes };
}

export interface NodeQuarter {
  subject: Subject;
  period: PeriodRow;
  key: NodeSetKey;
  set: NodeSet;
  /** The units a node may be given to: the lead units, then the cooperating units. */
  units: NodeUnitChoice[];
  /** Why the quarter's targets (and so its nodes) are locked on `today`, or null. */
  lock: LockCause | null;
  /** Months of the quarter already ended on `today`: their nodes are fixed. */
  closedMonths: number[];
}

/** Everything the node page and its actions need about one subject's quarter, or null when either does not exist. */
export function getNodeQuarter({ yearId, ref, periodCode, today }: { yearId: number; ref: SubjectRef; periodCode: string; today: string }): NodeQuarter | null {
  const subject = listSubjects({ yearId, only: ref })[0];
  const period = listPeriods({ yearId }).find((p) => p.code === periodCode);
  if (!subject || !period) return null;
  const key: NodeSetKey = { kind: ref.kind, subjectId: subject.id, periodId: period.id };
  const facts = getNodeLockFacts({ key, quarter: period.quarter });
  // A monthly 督办事项 submits in the quarter's first month already: its later months' nodes
  // stay open until the quarter ends (each ended month's node is fixed anyway).
  const monthly = subject.schedule?.cadence === "monthly";
  const lock = quarterLock({ ...facts, firstSubmittedAt: monthly ? null : facts.firstSubmittedAt, endsOn: period.endsOn }, today);
  return {
    subject,
    period,
    key,
    set: getNodeSet(key),
    units: listNodeUnits({ unitIds: [...new Set([...subject.leadUnitIds, ...subject.coopUnitIds])] }),
    lock,
    closedMonths: quarterMonths(period.quarter as Quarter).filter((m) => monthEnd(period.year, m) < today),
  };
}
