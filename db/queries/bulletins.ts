import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { BulletinInput } from "@/lib/bulletin";
import { dayOfTimestamp } from "@/lib/periods";
import { subjectLabel, type SubjectRef } from "@/lib/subject";
import { getDb, type Tx } from "../client";
import { bulletins, periods, users } from "../schema";
import { listInstructionsForYear } from "./instructions";
import { listNoticesAsOf } from "./notices";
import type { PeriodRow } from "./periods";
import { listSubjectQuarters } from "./status-board";

export interface BulletinRow {
  id: number;
  periodId: number;
  periodCode: string;
  status: "draft" | "issued";
  docPrefix: string;
  nextSteps: string;
  year: number | null;
  serialNo: number | null;
  issuedOn: string | null;
  issuedByName: string | null;
  version: number;
  updatedAt: number;
}

const columns = {
  id: bulletins.id,
  periodId: bulletins.periodId,
  periodCode: periods.code,
  status: bulletins.status,
  docPrefix: bulletins.docPrefix,
  nextSteps: bulletins.nextSteps,
  year: bulletins.year,
  serialNo: bulletins.serialNo,
  issuedOn: bulletins.issuedOn,
  issuedByName: users.displayName,
  version: bulletins.version,
  updatedAt: bulletins.updatedAt,
};

const query = () =>
  getDb().select(columns).from(bulletins).innerJoin(periods, eq(periods.id, bulletins.periodId)).leftJoin(users, eq(users.id, bulletins.issuedById));

/** Every 通报 of the year's quarters: drafts and issued ones, newest first. */
export function listBulletins({ yearId }: { yearId: number }): BulletinRow[] {
  return query().where(eq(periods.yearId, yearId)).orderBy(desc(bulletins.issuedAt), desc(bulletins.id)).all();
}

export function getBulletin({ id }: { id: number }): BulletinRow | null {
  return query().where(eq(bulletins.id, id)).get() ?? null;
}

export function getDraftBulletin({ periodId }: { periodId: number }): BulletinRow | null {
  return (
    query()
      .where(and(eq(bulletins.periodId, periodId), eq(bulletins.status, "draft")))
      .get() ?? null
  );
}

/** The stored .docx of an issued 通报, exactly as issued. */
export function getIssuedDocument({ id }: { id: number }): { bytes: Buffer; docNo: string; periodCode: string } | null {
  const row = getDb()
    .select({ document: bulletins.document, prefix: bulletins.docPrefix, year: bulletins.year, serialNo: bulletins.serialNo, periodCode: periods.code })
    .from(bulletins)
    .innerJoin(periods, eq(periods.id, bulletins.periodId))
    .where(and(eq(bulletins.id, id), eq(bulletins.status, "issued")))
    .get();
  if (!row?.document || row.year === null || row.serialNo === null) return null;
  return { bytes: row.document, docNo: `${row.prefix}〔${row.year}〕${row.serialNo}号`, periodCode: row.periodCode };
}

/** The facts a 通报 of the quarter states, as known at the end of `asOf`, from the one status read. */
export function loadBulletinInput({ period, asOf, today }: { period: PeriodRow; asOf: string; today: string }): BulletinInput {
  const quarters = listSubjectQuarters({ periods: [period], asOf, today, filter: { yearId: period.yearId } });
  const notices = listNoticesAsOf({ asOf, today, yearId: period.yearId });
  const byId = new Map(notices.map((n) => [n.id, n]));
  return {
    periodCode: period.code,
    asOf,
    rows: quarters.map((q) => ({ subject: q.subject, status: q.status, leadReporting: q.leadReporting })),
    notices: notices.map((n) => {
      const ref: SubjectRef | null = n.taskNo !== null ? { kind: "task", no: n.taskNo } : n.projectNo !== null ? { kind: "project", no: n.projectNo } : null;
      return {
        title: n.title,
        level: n.level,
        subjectLabel: ref ? subjectLabel(ref) : "督办事项",
        units: n.units.map((u) => u.name),
        state: n.stateAsOf,
        escalated: n.escalatedAsOf,
        deadline: n.deadlineAsOf,
      };
    }),
    instructions: listInstructionsForYear({ yearId: period.yearId, asOf }).map((i) => {
      const label = subjectLabel({ kind: i.subjectKind, no: i.subjectNo });
      const notice = i.noticeId === null ? undefined : byId.get(i.noticeId);
      return { leaderName: i.leaderName, on: notice ? `${notice.title}（${label}）` : label, text: i.text, day: dayOfTimestamp(i.at) };
    }),
  };
}

// ───────── writes ─────────

export type BulletinWrite = { ok: true; id: number; version: number; before: Partial<BulletinRow> | null } | { ok: false; reason: "conflict" | "issued" };

/** Creates the quarter's draft (expectedVersion 0) or updates it while it has the version the form saw. */
export function saveBulletinDraft(
  tx: Tx,
  {
    periodId,
    expectedVersion,
    docPrefix,
    nextSteps,
    userId,
    now,
  }: { periodId: number; expectedVersion: number; docPrefix: string; nextSteps: string; userId: number; now: number },
): BulletinWrite {
  const draft = tx
    .select()
    .from(bulletins)
    .where(and(eq(bulletins.periodId, periodId), eq(bulletins.status, "draft")))
    .get();
  if (!draft) {
    if (expectedVersion !== 0) return { ok: false, reason: "conflict" };
    const id = tx.insert(bulletins).values({ periodId, docPrefix, nextSteps, updatedAt: now, updatedById: userId }).returning({ id: bulletins.id }).get().id;
    return { ok: true, id, version: 1, before: null };
  }
  const changed = tx
    .update(bulletins)
    .set({ docPrefix, nextSteps, updatedAt: now, updatedById: userId, version: sql`${bulletins.version} + 1` })
    .where(and(eq(bulletins.id, draft.id), eq(bulletins.version, expectedVersion), eq(bulletins.status, "draft")))
    .run().changes;
  if (changed === 0) return { ok: false, reason: "conflict" };
  return { ok: true, id: draft.id, version: expectedVersion + 1, before: { docPrefix: draft.docPrefix, nextSteps: draft.nextSteps, version: draft.version } };
}

/** The next 文号 number of a prefix in a year: one more than the highest issued. */
export function nextBulletinSerial(tx: Pick<Tx, "select">, { docPrefix, year }: { docPrefix: string; year: number }): number {
  const row = tx
    .select({ max: sql<number | null>`max(${bulletins.serialNo})` })
    .from(bulletins)
    .where(and(eq(bulletins.docPrefix, docPrefix), eq(bulletins.year, year)))
    .get();
  return (row?.max ?? 0) + 1;
}

/** Issues the draft: numbered, its document stored, read-only from then on (a trigger keeps it so). */
export function issueBulletin(
  tx: Tx,
  {
    id,
    expectedVersion,
    year,
    serialNo,
    issuedOn,
    document,
    sha256,
    userId,
    now,
  }: { id: number; expectedVersion: number; year: number; serialNo: number; issuedOn: string; document: Buffer; sha256: string; userId: number; now: number },
): boolean {
  return (
    tx
      .update(bulletins)
      .set({
        status: "issued",
        year,
        serialNo,
        issuedOn,
        issuedAt: now,
        issuedById: userId,
        document,
        documentSha256: sha256,
        updatedAt: now,
        updatedById: userId,
        version: sql`${bulletins.version} + 1`,
      })
      .where(and(eq(bulletins.id, id), eq(bulletins.version, expectedVersion), eq(bulletins.status, "draft")))
      .run().changes === 1
  );
}
