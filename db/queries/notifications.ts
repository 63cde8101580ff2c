import "server-only";
import { and, desc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import { noticeTitle } from "@/lib/notice-state";
import {
  DUE_SOON_DAYS,
  dueMessages,
  type AwaitingNotice,
  type NotificationChannel,
  type NotificationMessage,
  type PendingReport,
  type PlannedNotification,
  type Audience,
  groupReminders,
  reminderKeys,
} from "@/lib/notification-rules";
import { addDays } from "@/lib/periods";
import { reportPath, subjectFullLabel, subjectKey, type SubjectRef } from "@/lib/subject";
import { getDb, type Tx } from "../client";
import { listPeriods } from "./periods";
import { resolveProgrammeYear } from "./programme-years";
import { listSubjectQuarters } from "./status-board";
import { bestEffort } from "../storage-health";
import { livelihoodProjects, notices, noticeUnits, notifications, tasks, users } from "../schema";

/**
 * Channels beyond the in-app list. Empty today; a 政务钉钉 sender registers here and
 * receives every stored message after its transaction committed (rows that rolled back
 * are not found when delivery runs, so nothing is sent for a failed action).
 */
export const notificationChannels: NotificationChannel[] = [];

function audienceUserIds(tx: Tx, audience: Audience): number[] {
  const live = eq(users.disabled, false);
  const where = (() => {
    switch (audience.kind) {
      case "units":
        return audience.unitIds.length ? and(live, eq(users.role, "unit"), inArray(users.unitId, [...audience.unitIds])) : null;
      case "supervisors":
        return and(live, eq(users.role, "supervisor"));
      case "leaders":
        return audience.leaderIds.length ? and(live, eq(users.role, "leader"), inArray(users.leaderId, [...audience.leaderIds])) : null;
    }
  })();
  if (!where) return [];
  return tx
    .select({ id: users.id })
    .from(users)
    .where(where)
    .all()
    .map((u) => u.id);
}

/** Inserts messages for users; a (user, dedupeKey) already present is skipped. Returns the new ids. */
function insertMessages(tx: Tx, rows: (NotificationMessage & { userId: number })[]): number[] {
  const ids: number[] = [];
  for (const row of rows) {
    const inserted = tx
      .insert(notifications)
      .values({ userId: row.userId, kind: row.kind, title: row.title, link: row.link, dedupeKey: row.dedupeKey, createdAt: Date.now() })
      .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] })
      .returning({ id: notifications.id })
      .get();
    if (inserted) ids.push(inserted.id);
  }
  if (ids.length > 0 && notificationChannels.length > 0) setImmediate(() => void deliverCommitted(ids));
  return ids;
}

/**
 * Stores the planned notifications inside the caller's transaction (so they exist only if
 * the change they announce does). Call it from any Server Action's mutate().
 */
export function notify(tx: Tx, planned: PlannedNotification | readonly PlannedNotification[]): number {
  const list = Array.isArray(planned) ? planned : [planned as PlannedNotification];
  let count = 0;
  for (const { audience, message } of list) {
    count += insertMessages(
      tx,
      audienceUserIds(tx, audience).map((userId) => ({ ...message, userId })),
    ).length;
  }
  return count;
}

/** Stores messages addressed to one user (the "due soon" sweep). */
export function notifyUser(tx: Tx, { userId, messages }: { userId: number; messages: readonly NotificationMessage[] }): number {
  return insertMessages(
    tx,
    messages.map((m) => ({ ...m, userId })),
  ).length;
}

async function deliverCommitted(ids: number[]): Promise<void> {
  const rows = getDb()
    .select({
      userId: notifications.userId,
      kind: notifications.kind,
      title: notifications.title,
      link: notifications.link,
      dedupeKey: notifications.dedupeKey,
    })
    .from(notifications)
    .where(inArray(notifications.id, ids))
    .all();
  if (rows.length === 0) return;
  const items = rows.map((r) => ({ ...r, kind: r.kind as NotificationMessage["kind"], dedupeKey: r.dedupeKey ?? "" }));
  for (const channel of notificationChannels) {
    try {
      await channel.deliver(items);
    } catch (error) {
      console.error(`[notify] channel ${channel.name} failed`, error);
    }
  }
}

export interface NotificationItem {
  id: number;
  kind: string;
  title: string;
  link: string | null;
  createdAt: number;
  read: boolean;
  resolved: boolean;
  dedupeKey: string | null;
}

/** The user's latest notifications (unread first), and how many are unread. */
export function listNotifications({ userId, limit = 20 }: { userId: number; limit?: number }): { items: NotificationItem[]; unread: number } {
  const db = getDb();
  const rows = db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      title: notifications.title,
      link: notifications.link,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      resolvedAt: notifications.resolvedAt,
      dedupeKey: notifications.dedupeKey,
    })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(sql`${notifications.readAt} is not null`, desc(notifications.createdAt), desc(notifications.id))
    .limit(limit)
    .all()
    .map(({ readAt, resolvedAt, ...n }) => ({ ...n, read: readAt !== null, resolved: resolvedAt !== null }));
  const items = groupReminders(rows);
  const unread =
    db
      .select({ n: sql<number>`count(*)` })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
      .get()?.n ?? 0;
  return { items, unread };
}

/**
 * A report was filed: its quarter's "due soon" and "overdue" reminders are settled for every
 * recipient (marked read, shown as handled), in the filing transaction.
 */
export function resolveReportReminders(tx: Tx, { ref, periodCode, now }: { ref: SubjectRef; periodCode: string; now: number }): number {
  return tx
    .update(notifications)
    .set({ resolvedAt: now, readAt: sql`coalesce(${notifications.readAt}, ${now})` })
    .where(and(inArray(notifications.dedupeKey, reminderKeys(subjectKey(ref), periodCode)), isNull(notifications.resolvedAt)))
    .run().changes;
}

/** Marks the user's notifications read: the given ids, or all of them. Returns how many changed. */
export function markNotificationsRead(tx: Tx, { userId, ids, now }: { userId: number; ids: readonly number[] | "all"; now: number }): number {
  const mine = and(eq(notifications.userId, userId), isNull(notifications.readAt));
  const where = ids === "all" ? mine : and(mine, inArray(notifications.id, [...ids]));
  return tx.update(notifications).set({ readAt: now }).where(where).run().changes;
}

/**
 * What a unit still owes as of `today`, within DUE_SOON_DAYS of its date or past it:
 * reports of subjects it leads whose 报送 lamp is 未到期 or 逾期未报 (db/queries/status-board.ts),
 * and notices awaiting its reply.
 */
export function listUnitDueFacts({ yearId, unitId, today }: { yearId: number; unitId: number; today: string }): {
  reports: PendingReport[];
  notices: AwaitingNotice[];
} {
  const db = getDb();
  const horizon = addDays(today, DUE_SOON_DAYS);
  const periods = listPeriods({ yearId }).filter((p) => p.startsOn <= today && p.dueOn <= horizon);
  const quarters = periods.length ? listSubjectQuarters({ periods, asOf: today, today, filter: { yearId, leadUnitId: unitId } }) : [];
  const noticeRows = db
    .select({
      id: notices.id,
      level: notices.level,
      serialNo: notices.serialNo,
      createdAt: notices.createdAt,
      deadline: notices.deadline,
      taskNo: tasks.no,
      taskTarget: tasks.target,
      projectNo: livelihoodProjects.no,
      projectName: livelihoodProjects.name,
    })
    .from(noticeUnits)
    .innerJoin(notices, eq(notices.id, noticeUnits.noticeId))
    .leftJoin(tasks, eq(tasks.id, notices.taskId))
    .leftJoin(livelihoodProjects, eq(livelihoodProjects.id, notices.projectId))
    .where(and(eq(noticeUnits.unitId, unitId), eq(notices.status, "sent"), lte(notices.deadline, horizon)))
    .all();
  return {
    reports: quarters
      .filter((q) => q.status.reporting === "missing" || q.status.reporting === "not_due")
      .map((q) => ({
        subjectKey: subjectKey(q.subject),
        subject: subjectFullLabel(q.subject, q.subject.title, 20),
        periodCode: q.period.code,
        dueOn: q.period.dueOn,
        reporting: q.status.reporting,
        link: reportPath(q.subject, q.period.code),
      })),
    notices: noticeRows.map((n) => {
      const ref = n.taskNo !== null ? { kind: "task" as const, no: n.taskNo } : n.projectNo !== null ? { kind: "project" as const, no: n.projectNo } : null;
      return {
        id: n.id,
        title: noticeTitle(n),
        subject: ref ? subjectFullLabel(ref, n.taskTarget ?? n.projectName ?? "", 20) : "督办事项",
        deadline: n.deadline,
        link: `/my#notice-${n.id}`,
      };
    }),
  };
}

/**
 * Adds the "due soon" and "overdue" messages a unit user has not had yet. Run by the
 * server's schedule (syncAllDueNotifications); the dedupe keys make repeating it harmless.
 */
export function syncDueNotifications({ yearId, userId, unitId, today }: { yearId: number; userId: number; unitId: number; today: string }): number {
  const facts = listUnitDueFacts({ yearId, unitId, today });
  const due = dueMessages(today, facts.reports, facts.notices);
  if (due.length === 0) return 0;
  // Most renders find nothing new: check before taking the write lock.
  const had = new Set(
    getDb()
      .select({ key: notifications.dedupeKey })
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, userId),
          inArray(
            notifications.dedupeKey,
            due.map((m) => m.dedupeKey),
          ),
        ),
      )
      .all()
      .map((r) => r.key),
  );
  const messages = due.filter((m) => !had.has(m.dedupeKey));
  if (messages.length === 0) return 0;
  // Bookkeeping: if the disk refuses it, the reminders come with a later sweep.
  return bestEffort("notification sync", () => getDb().transaction((tx) => notifyUser(tx, { userId, messages }), { behavior: "immediate" }), 0);
}

/**
 * The reminder sweep for every unit account, one unit at a time with a pause between units
 * so pages keep being served while it runs. Returns how many messages were added.
 */
export async function syncAllDueNotifications({ today }: { today: string }): Promise<number> {
  const year = resolveProgrammeYear({ today });
  if (!year) return 0;
  const accounts = getDb()
    .select({ id: users.id, unitId: users.unitId })
    .from(users)
    .where(and(eq(users.role, "unit"), eq(users.disabled, false)))
    .all();
  let added = 0;
  for (const a of accounts) {
    if (a.unitId === null) continue;
    added += syncDueNotifications({ yearId: year.id, userId: a.id, unitId: a.unitId, today });
    await new Promise((resolve) => setImmediate(resolve));
  }
  return added;
}

/** How many of the user's notifications are unread: what the header's bell shows. */
export function countUnreadNotifications({ userId }: { userId: number }): number {
  return (
    getDb()
      .select({ n: sql<number>`count(*)` })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
      .get()?.n ?? 0
  );
}

/** One notification's owner and target (for opening it). */
export function getNotification({ id }: { id: number }) {
  return (
    getDb()
      .select({ id: notifications.id, userId: notifications.userId, link: notifications.link, readAt: notifications.readAt })
      .from(notifications)
      .where(eq(notifications.id, id))
      .get() ?? null
  );
}
