import { and, asc, desc, eq, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import { addDays } from "@/lib/periods";
import type { SubjectIds } from "@/lib/subject";
import type { SubjectKind } from "@/lib/vocabulary";
import { sameRecord, statusAt, statusTimeline, type StatusRecord } from "@/lib/status-record";
import { STATUS_CONFIG, STATUS_RULES_VERSION } from "@/lib/status-config";
import type { Db, Tx } from "../client";
import { appMeta, periods, programmeYears, quarterStatus, quarterStatusHistory, type QuarterStatusRow } from "../schema";
import { loadStatusInputs, statusKeyString, type StatusKey } from "./inputs";

// The stored judgement of every subject's quarter: quarter_status holds the one in force,
// quarter_status_history every one it has had (for "as of" days). Rows are written in
// the same transaction as the change that moves them (submit, review, plan change,
// override), computed by lib/status-record.ts from the stored events; pages only read them.

type Reader = Pick<Tx, "select">;

/** A row back as the record lib/status-record.ts computes (same field order, so records compare). */
function toRecord(r: Omit<QuarterStatusRow, "subjectKind" | "subjectId" | "periodId" | "validFrom">): StatusRecord {
  return {
    reportState: r.reportState,
    versionNo: r.versionNo,
    firstSubmittedAt: r.firstSubmittedAt,
    firstSubmittedDay: r.firstSubmittedDay,
    lastSubmittedAt: r.lastSubmittedAt,
    computedProgress: r.computedProgress,
    progress: r.progress,
    overrideColor: r.overrideColor,
    overrideReason: r.overrideReason,
    overrideByName: r.overrideByName,
    overrideAt: r.overrideAt,
    reasons: r.reasons,
    worstShortfall: r.worstShortfall,
    monthlyNodes: r.monthlyNodes,
    submittedDays: r.submittedDays,
  };
}

const keyWhere = (table: typeof quarterStatus | typeof quarterStatusHistory, k: StatusKey) =>
  and(eq(table.periodId, k.periodId), eq(table.subjectKind, k.kind), eq(table.subjectId, k.subjectId));

function setCurrent(tx: Tx, k: StatusKey, record: StatusRecord, validFrom: number): void {
  const values = { subjectKind: k.kind, subjectId: k.subjectId, periodId: k.periodId, validFrom, ...record };
  tx.insert(quarterStatus)
    .values(values)
    .onConflictDoUpdate({ target: [quarterStatus.periodId, quarterStatus.subjectKind, quarterStatus.subjectId], set: { validFrom, ...record } })
    .run();
}

/**
 * Records `record` as the subject's judgement from instant `at` on. A change at the same
 * instant as the last one replaces it (so a rebuild, which sees both events at once, ends
 * with the same rows); an unchanged judgement writes nothing.
 */
function writeRecord(tx: Tx, k: StatusKey, record: StatusRecord | null, instant: number): void {
  if (!record) return;
  const latest = () =>
    tx.select().from(quarterStatusHistory).where(keyWhere(quarterStatusHistory, k)).orderBy(desc(quarterStatusHistory.validFrom)).limit(1).get();
  let previous = latest();
  // History only moves forward: a change stamped before the latest row (a clock set back) counts from that row.
  const at = Math.max(instant, previous?.validFrom ?? instant);
  if (previous && previous.validFrom === at) {
    if (sameRecord(toRecord(previous), record)) return;
    tx.delete(quarterStatusHistory).where(eq(quarterStatusHistory.id, previous.id)).run();
    previous = latest();
  }
  if (previous && sameRecord(toRecord(previous), record)) {
    setCurrent(tx, k, record, previous.validFrom);
    return;
  }
  tx.insert(quarterStatusHistory)
    .values({ subjectKind: k.kind, subjectId: k.subjectId, periodId: k.periodId, validFrom: at, ...record })
    .run();
  setCurrent(tx, k, record, at);
}

/**
 * Recomputes one subject's quarter after a change at instant `now` (the change's own
 * timestamp), inside the change's transaction.
 */
export function refreshQuarterStatus(tx: Tx, key: StatusKey, now: number): void {
  const inputs = loadStatusInputs(tx, { only: key }).get(statusKeyString(key));
  if (!inputs) return;
  writeRecord(tx, key, statusAt(inputs, now), now);
}

export interface StoredStatus extends StatusKey {
  record: StatusRecord;
}

/** First instant of the day after `day` in Asia/Shanghai (UTC+8 since 1992). */
const endOfDay = (day: string) => Date.parse(`${addDays(day, 1)}T00:00:00+08:00`);

/** `subject_kind = k AND subject_id IN (…)` for each kind asked, so a narrow page reads only its own rows. */
function ofSubjects(table: typeof quarterStatus | typeof quarterStatusHistory, subjects: SubjectIds): SQL | undefined {
  if (subjects === null) return undefined;
  const byKind = new Map<SubjectKind, number[]>();
  for (const s of subjects) {
    const ids = byKind.get(s.kind);
    if (ids) ids.push(s.id);
    else byKind.set(s.kind, [s.id]);
  }
  if (byKind.size === 0) return sql`0`;
  return or(...[...byKind].map(([kind, ids]) => and(eq(table.subjectKind, kind), inArray(table.subjectId, ids))));
}

/**
 * The judgements in force at the end of `asOf` (or now, when `asOf` is null) of the given
 * quarters, by statusKeyString. A quarter with no row has had no report activity.
 */
export function listStoredStatuses(
  db: Reader,
  { periodIds, asOf, subjects = null }: { periodIds: readonly number[]; asOf: string | null; subjects?: SubjectIds },
): Map<string, StoredStatus> {
  const out = new Map<string, StoredStatus>();
  if (periodIds.length === 0) return out;
  const ids = [...periodIds];
  if (asOf === null) {
    for (const r of db
      .select()
      .from(quarterStatus)
      .where(and(inArray(quarterStatus.periodId, ids), ofSubjects(quarterStatus, subjects)))
      .all()) {
      const key = { kind: r.subjectKind, subjectId: r.subjectId, periodId: r.periodId };
      out.set(statusKeyString(key), { ...key, record: toRecord(r) });
    }
    return out;
  }
  const end = endOfDay(asOf);
  const latest = db
    .select({
      periodId: quarterStatusHistory.periodId,
      subjectKind: quarterStatusHistory.subjectKind,
      subjectId: quarterStatusHistory.subjectId,
      validFrom: sql<number>`max(${quarterStatusHistory.validFrom})`.as("latest_valid_from"),
    })
    .from(quarterStatusHistory)
    .where(and(inArray(quarterStatusHistory.periodId, ids), lt(quarterStatusHistory.validFrom, end), ofSubjects(quarterStatusHistory, subjects)))
    .groupBy(quarterStatusHistory.periodId, quarterStatusHistory.subjectKind, quarterStatusHistory.subjectId)
    .as("latest");
  const rows = db
    .select({ row: quarterStatusHistory })
    .from(quarterStatusHistory)
    .innerJoin(
      latest,
      and(
        eq(latest.periodId, quarterStatusHistory.periodId),
        eq(latest.subjectKind, quarterStatusHistory.subjectKind),
        eq(latest.subjectId, quarterStatusHistory.subjectId),
        eq(latest.validFrom, quarterStatusHistory.validFrom),
      ),
    )
    .all();
  for (const { row: r } of rows) {
    const key = { kind: r.subjectKind, subjectId: r.subjectId, periodId: r.periodId };
    out.set(statusKeyString(key), { ...key, record: toRecord(r) });
  }
  return out;
}

// ───────── rebuild ─────────

export interface RebuildReport {
  years: number;
  quarters: number;
  historyRows: number;
  /** Rows that differed from what was stored (0 when the stored state matched the history). */
  differences: number;
  samples: string[];
}

type HistoryLine = StatusRecord & { validFrom: number };

/**
 * Recomputes every judgement of every year from the stored events and compares it with
 * what is stored; with `write`, replaces the stored rows by the recomputed ones (one
 * transaction). Returns what differed.
 */
export function rebuildQuarterStatus(db: Db, { write }: { write: boolean }): RebuildReport {
  return db.transaction(
    (tx) => {
      const years = tx.select({ id: programmeYears.id }).from(programmeYears).orderBy(asc(programmeYears.year)).all();
      const report: RebuildReport = { years: years.length, quarters: 0, historyRows: 0, differences: 0, samples: [] };
      const note = (text: string) => {
        report.differences += 1;
        if (report.samples.length < 10) report.samples.push(text);
      };
      for (const year of years) {
        const periodIds = tx
          .select({ id: periods.id })
          .from(periods)
          .where(eq(periods.yearId, year.id))
          .all()
          .map((p) => p.id);
        if (periodIds.length === 0) continue;
        const expected = new Map<string, { key: StatusKey; lines: HistoryLine[] }>();
        for (const [id, inputs] of loadStatusInputs(tx, { yearId: year.id })) {
          const lines = statusTimeline(inputs);
          if (lines.length) expected.set(id, { key: { kind: inputs.kind, subjectId: inputs.subjectId, periodId: inputs.periodId }, lines });
        }
        const stored = new Map<string, HistoryLine[]>();
        for (const r of tx
          .select()
          .from(quarterStatusHistory)
          .where(inArray(quarterStatusHistory.periodId, periodIds))
          .orderBy(asc(quarterStatusHistory.validFrom), asc(quarterStatusHistory.id))
          .all()) {
          const id = statusKeyString({ kind: r.subjectKind, subjectId: r.subjectId, periodId: r.periodId });
          const list = stored.get(id) ?? [];
          list.push({ ...toRecord(r), validFrom: r.validFrom });
          stored.set(id, list);
        }
        const current = new Map(
          tx
            .select()
            .from(quarterStatus)
            .where(inArray(quarterStatus.periodId, periodIds))
            .all()
            .map((r) => [statusKeyString({ kind: r.subjectKind, subjectId: r.subjectId, periodId: r.periodId }), { ...toRecord(r), validFrom: r.validFrom }]),
        );
        for (const id of new Set([...expected.keys(), ...stored.keys(), ...current.keys()])) {
          const want = expected.get(id)?.lines ?? [];
          report.quarters += want.length ? 1 : 0;
          report.historyRows += want.length;
          if (JSON.stringify(want) !== JSON.stringify(stored.get(id) ?? [])) note(`${id}：历史记录不一致`);
          if (JSON.stringify(want.at(-1) ?? null) !== JSON.stringify(current.get(id) ?? null)) note(`${id}：当前状态不一致`);
        }
        if (write) {
          tx.delete(quarterStatusHistory).where(inArray(quarterStatusHistory.periodId, periodIds)).run();
          tx.delete(quarterStatus).where(inArray(quarterStatus.periodId, periodIds)).run();
          for (const { key, lines } of expected.values()) {
            for (const line of lines)
              tx.insert(quarterStatusHistory)
                .values({ subjectKind: key.kind, subjectId: key.subjectId, periodId: key.periodId, ...line })
                .run();
            const last = lines.at(-1)!;
            const { validFrom, ...record } = last;
            setCurrent(tx, key, record, validFrom);
          }
        }
      }
      return report;
    },
    { behavior: "immediate" },
  );
}

const RULES_KEY = "quarter_status_rules";
/** Which rules the stored judgements follow: the rules' version and every threshold. */
export const rulesFingerprint = () => JSON.stringify({ version: STATUS_RULES_VERSION, config: STATUS_CONFIG });

/**
 * Brings the stored judgements in line with the rules in this build: when the rules (or
 * their thresholds) changed since they were computed, recomputes them all. Run after
 * migrating, before serving. Returns true when it rebuilt.
 */
export function ensureStatusRules(db: Db): boolean {
  const stored = db.select({ value: appMeta.value }).from(appMeta).where(eq(appMeta.key, RULES_KEY)).get()?.value;
  const fingerprint = rulesFingerprint();
  if (stored === fingerprint) return false;
  rebuildQuarterStatus(db, { write: true });
  db.insert(appMeta)
    .values({ key: RULES_KEY, value: fingerprint })
    .onConflictDoUpdate({ target: appMeta.key, set: { value: fingerprint } })
    .run();
  return true;
}
