import "server-only";
import { and, asc, desc, eq, inArray, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import {
  displayState,
  issueYear,
  nextSerialNo,
  noticeStateAt,
  noticeTitle,
  type NoticeDisplayState,
  type NoticeEventItem,
  type NoticeEventKind,
  type NoticeLevel,
  type NoticeStatus,
} from "@/lib/notice-state";
import { parseSubjectKey } from "@/lib/subject";
import { getDb, type Tx } from "../client";
import {
  attachments,
  itemLeaders,
  itemUnits,
  livelihoodProjects,
  noticeEvents,
  notices,
  noticeUnits,
  periods,
  projectLeaders,
  projectUnits,
  supervisionItems,
  taskLeaders,
  tasks,
  taskUnits,
  units,
  users,
} from "../schema";

export interface NamedRef {
  id: number;
  name: string;
}

/** What issuing a notice needs to know about its subject: a task or a livelihood project. */
export interface NoticeSubject {
  kind: "task" | "project" | "item";
  taskId: number | null;
  projectId: number | null;
  itemId: number | null;
  no: number;
  /** The task's 目标任务 or the project's name. */
  target: string;
  leadUnits: NamedRef[];
  leaderIds: number[];
}

function getTaskNoticeSubject(where: SQL): NoticeSubject | null {
  const db = getDb();
  const task = db.select({ id: tasks.id, no: tasks.no, target: tasks.target }).from(tasks).where(where).get();
  if (!task) return null;
  const leadUnits = db
    .select({ id: units.id, name: units.name })
    .from(taskUnits)
    .innerJoin(units, eq(units.id, taskUnits.unitId))
    .where(and(eq(taskUnits.taskId, task.id), eq(taskUnits.role, "lead")))
    .orderBy(asc(taskUnits.position))
    .all();
  const leaderIds = db
    .select({ id: taskLeaders.leaderId })
    .from(taskLeaders)
    .where(eq(taskLeaders.taskId, task.id))
    .orderBy(asc(taskLeaders.position))
    .all()
    .map((l) => l.id);
  return { kind: "task", taskId: task.id, projectId: null, itemId: null, no: task.no, target: task.target, leadUnits, leaderIds };
}

function getProjectNoticeSubject(where: SQL): NoticeSubject | null {
  const db = getDb();
  const project = db
    .select({ id: livelihoodProjects.id, no: livelihoodProjects.no, name: livelihoodProjects.name })
    .from(livelihoodProjects)
    .where(where)
    .get();
  if (!project) return null;
  const leadUnits = db
    .select({ id: units.id, name: units.name })
    .from(projectUnits)
    .innerJoin(units, eq(units.id, projectUnits.unitId))
    .where(and(eq(projectUnits.projectId, project.id), eq(projectUnits.role, "lead")))
    .orderBy(asc(projectUnits.position))
    .all();
  const leaderIds = db
    .select({ id: projectLeaders.leaderId })
    .from(projectLeaders)
    .where(eq(projectLeaders.projectId, project.id))
    .orderBy(asc(projectLeaders.position))
    .all()
    .map((l) => l.id);
  return { kind: "project", taskId: null, projectId: project.id, itemId: null, no: project.no, target: project.name, leadUnits, leaderIds };
}

function getItemNoticeSubject(where: SQL): NoticeSubject | null {
  const db = getDb();
  const item = db.select({ id: supervisionItems.id, no: supervisionItems.no, text: supervisionItems.text }).from(supervisionItems).where(where).get();
  if (!item) return null;
  const leadUnits = db
    .select({ id: units.id, name: units.name })
    .from(itemUnits)
    .innerJoin(units, eq(units.id, itemUnits.unitId))
    .where(and(eq(itemUnits.itemId, item.id), eq(itemUnits.role, "lead")))
    .orderBy(asc(itemUnits.position))
    .all();
  const leaderIds = db
    .select({ id: itemLeaders.leaderId })
    .from(itemLeaders)
    .where(eq(itemLeaders.itemId, item.id))
    .orderBy(asc(itemLeaders.position))
    .all()
    .map((l) => l.id);
  return { kind: "item", taskId: null, projectId: null, itemId: item.id, no: item.no, target: item.text, leadUnits, leaderIds };
}

/** "task:51", "project:2" or "item:19" of the programme year → its notice subject, or null. */
export function getNoticeSubjectByKey({ yearId, key }: { yearId: number; key: string }): NoticeSubject | null {
  const ref = parseSubjectKey(key);
  if (!ref) return null;
  if (ref.kind === "task") return getTaskNoticeSubject(and(eq(tasks.yearId, yearId), eq(tasks.no, ref.no))!);
  if (ref.kind === "project") return getProjectNoticeSubject(and(eq(livelihoodProjects.yearId, yearId), eq(livelihoodProjects.no, ref.no))!);
  return getItemNoticeSubject(and(eq(supervisionItems.yearId, yearId), eq(supervisionItems.no, ref.no))!);
}

/** The subject an existing notice was issued on (whatever year it belongs to). */
export function getNoticeSubjectOf(notice: { taskId: number | null; projectId: number | null; itemId: number | null }): NoticeSubject | null {
  if (notice.taskId !== null) return getTaskNoticeSubject(eq(tasks.id, notice.taskId));
  if (notice.projectId !== null) return getProjectNoticeSubject(eq(livelihoodProjects.id, notice.projectId));
  return notice.itemId !== null ? getItemNoticeSubject(eq(supervisionItems.id, notice.itemId)) : null;
}

/** A superseded 催办 is one some 督办 was raised from. */
const supersededSql = sql<number>`exists (select 1 from notices as raised where raised.escalated_from_id = ${notices.id})`;

const noticeColumns = {
  id: notices.id,
  taskId: notices.taskId,
  taskNo: tasks.no,
  taskTarget: tasks.target,
  projectId: notices.projectId,
  projectNo: livelihoodProjects.no,
  projectName: livelihoodProjects.name,
  itemId: notices.itemId,
  itemNo: supervisionItems.no,
  itemText: supervisionItems.text,
  periodCode: periods.code,
  level: notices.level,
  serialNo: notices.serialNo,
  problem: notices.problem,
  requirement: notices.requirement,
  deadline: notices.deadline,
  status: notices.status,
  escalatedFromId: notices.escalatedFromId,
  escalatedToLeaderAt: notices.escalatedToLeaderAt,
  closedAt: notices.closedAt,
  version: notices.version,
  createdAt: notices.createdAt,
  createdByName: users.displayName,
  superseded: supersededSql,
};

type NoticeRowRaw = ReturnType<ReturnType<typeof noticeQuery>["all"]>[number];

export interface NoticeRow {
  id: number;
  taskId: number | null;
  taskNo: number | null;
  taskTarget: string | null;
  projectId: number | null;
  projectNo: number | null;
  projectName: string | null;
  itemId: number | null;
  itemNo: number | null;
  itemText: string | null;
  periodCode: string | null;
  level: NoticeLevel;
  serialNo: number | null;
  /** 督办〔2026〕N号 or 催办 */
  title: string;
  problem: string;
  requirement: string;
  deadline: string;
  status: NoticeStatus;
  superseded: boolean;
  escalatedFromId: number | null;
  escalatedToLeaderAt: number | null;
  closedAt: number | null;
  version: number;
  createdAt: number;
  createdByName: string;
  units: NamedRef[];
}

function noticeQuery() {
  return getDb()
    .select(noticeColumns)
    .from(notices)
    .leftJoin(tasks, eq(tasks.id, notices.taskId))
    .leftJoin(livelihoodProjects, eq(livelihoodProjects.id, notices.projectId))
    .leftJoin(supervisionItems, eq(supervisionItems.id, notices.itemId))
    .leftJoin(periods, eq(periods.id, notices.periodId))
    .innerJoin(users, eq(users.id, notices.createdById));
}

function withUnits(rows: NoticeRowRaw[]): NoticeRow[] {
  if (rows.length === 0) return [];
  const unitsBy = new Map<number, NamedRef[]>();
  for (const u of getDb()
    .select({ noticeId: noticeUnits.noticeId, id: units.id, name: units.name })
    .from(noticeUnits)
    .innerJoin(units, eq(units.id, noticeUnits.unitId))
    .where(
      inArray(
        noticeUnits.noticeId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(units.position))
    .all()) {
    const list = unitsBy.get(u.noticeId) ?? [];
    list.push({ id: u.id, name: u.name });
    unitsBy.set(u.noticeId, list);
  }
  return rows.map((r) => ({
    ...r,
    level: r.level as NoticeLevel,
    status: r.status as NoticeStatus,
    title: noticeTitle({ level: r.level as NoticeLevel, serialNo: r.serialNo, createdAt: r.createdAt }),
    superseded: Boolean(r.superseded),
    units: unitsBy.get(r.id) ?? [],
  }));
}

export function getNotice({ id }: { id: number }): NoticeRow | null {
  const row = noticeQuery().where(eq(notices.id, id)).get();
  return row ? (withUnits([row])[0] ?? null) : null;
}

/** Every notice of a task, newest first (the task page's 督办记录). */
export function listNoticesForTask({ taskId }: { taskId: number }): NoticeRow[] {
  const rows = noticeQuery().where(eq(notices.taskId, taskId)).orderBy(desc(notices.createdAt), desc(notices.id)).all();
  return withUnits(rows);
}

/** Notices still waiting for the unit (sent or returned to it), oldest deadline first. */
export function listOpenNoticesForUnit({ unitId }: { unitId: number }): NoticeRow[] {
  const rows = noticeQuery()
    .where(
      and(
        inArray(notices.status, ["sent", "replied"]),
        inArray(notices.id, getDb().select({ id: noticeUnits.noticeId }).from(noticeUnits).where(eq(noticeUnits.unitId, unitId))),
      ),
    )
    .orderBy(asc(notices.deadline), asc(notices.id))
    .all();
  return withUnits(rows);
}

/** 督办 the 督查室 escalated to a leader on tasks or projects that leader leads, open ones first. */
export function listEscalatedNoticesForLeader({ leaderId }: { leaderId: number }): NoticeRow[] {
  const rows = noticeQuery()
    .where(
      and(
        isNotNull(notices.escalatedToLeaderAt),
        or(
          inArray(notices.taskId, getDb().select({ id: taskLeaders.taskId }).from(taskLeaders).where(eq(taskLeaders.leaderId, leaderId))),
          inArray(notices.projectId, getDb().select({ id: projectLeaders.projectId }).from(projectLeaders).where(eq(projectLeaders.leaderId, leaderId))),
          inArray(notices.itemId, getDb().select({ id: itemLeaders.itemId }).from(itemLeaders).where(eq(itemLeaders.leaderId, leaderId))),
        ),
      ),
    )
    .orderBy(sql`${notices.status} = 'closed'`, desc(notices.escalatedToLeaderAt))
    .all();
  return withUnits(rows);
}

export type { NoticeEventItem };

/** The events of the given notices in time order, with reply files. */
export function listNoticeEvents({ noticeIds }: { noticeIds: readonly number[] }): NoticeEventItem[] {
  if (noticeIds.length === 0) return [];
  const db = getDb();
  const rows = db
    .select({
      id: noticeEvents.id,
      noticeId: noticeEvents.noticeId,
      kind: noticeEvents.kind,
      text: noticeEvents.text,
      deadline: noticeEvents.deadline,
      at: noticeEvents.at,
      byName: users.displayName,
      unitName: units.name,
    })
    .from(noticeEvents)
    .innerJoin(users, eq(users.id, noticeEvents.byId))
    .leftJoin(units, eq(units.id, noticeEvents.unitId))
    .where(inArray(noticeEvents.noticeId, [...noticeIds]))
    .orderBy(asc(noticeEvents.at), asc(noticeEvents.id))
    .all();
  const files = rows.length
    ? db
        .select({ id: attachments.id, eventId: attachments.noticeResponseId, filename: attachments.filename, size: attachments.size })
        .from(attachments)
        .where(
          and(
            inArray(
              attachments.noticeResponseId,
              rows.map((r) => r.id),
            ),
            isNull(attachments.removedAt),
          ),
        )
        .orderBy(asc(attachments.id))
        .all()
    : [];
  const filesBy = new Map<number, NoticeEventItem["files"]>();
  for (const f of files) {
    if (f.eventId === null) continue;
    const list = filesBy.get(f.eventId) ?? [];
    list.push({ id: f.id, filename: f.filename, size: f.size });
    filesBy.set(f.eventId, list);
  }
  return rows.map((r) => ({ ...r, files: filesBy.get(r.id) ?? [] }));
}

export interface NoticeAsOf extends NoticeRow {
  /** The state on the asOf day, replayed from events known by then. */
  stateAsOf: NoticeDisplayState;
  deadlineAsOf: string;
  escalatedAsOf: boolean;
}

/**
 * The notice register of a programme year as it stood at the end of `asOf`: notices
 * issued by then, each in the state its events up to that day give (see
 * lib/notice-state.ts noticeStateAt). On or after `today` every event so far counts.
 */
export function listNoticesAsOf({ asOf, today, yearId }: { asOf: string; today: string; yearId: number }): NoticeAsOf[] {
  const knownBy = asOf >= today ? "9999-12-31" : asOf;
  const all = withUnits(
    noticeQuery()
      .where(or(eq(tasks.yearId, yearId), eq(livelihoodProjects.yearId, yearId)))
      .orderBy(desc(notices.createdAt), desc(notices.id))
      .all(),
  );
  const eventsBy = new Map<number, NoticeEventItem[]>();
  for (const e of listNoticeEvents({ noticeIds: all.map((n) => n.id) })) {
    const list = eventsBy.get(e.noticeId) ?? [];
    list.push(e);
    eventsBy.set(e.noticeId, list);
  }
  const out: NoticeAsOf[] = [];
  for (const notice of all) {
    const state = noticeStateAt(notice.level, eventsBy.get(notice.id) ?? [], asOf, knownBy);
    if (!state) continue;
    out.push({ ...notice, stateAsOf: state.display, deadlineAsOf: state.deadline, escalatedAsOf: state.escalatedToLeader });
  }
  return out;
}

/** Today's display state of a stored notice. */
export function noticeDisplay(notice: Pick<NoticeRow, "status" | "deadline" | "superseded">, today: string): NoticeDisplayState {
  return displayState(notice, today);
}

// ───────── writes (inside the caller's transaction) ─────────

export interface NewNotice {
  /** Exactly one of taskId / projectId / itemId. */
  taskId?: number | null;
  projectId?: number | null;
  itemId?: number | null;
  periodId: number | null;
  level: NoticeLevel;
  problem: string;
  requirement: string;
  deadline: string;
  unitIds: readonly number[];
  byId: number;
  now: number;
  escalatedFromId?: number | null;
}

/** Issues a notice: the row (with the next number of its level and year), its addressees and its "issued" event. */
export function insertNotice(tx: Tx, n: NewNotice): { id: number; serialNo: number | null; title: string; eventId: number } {
  const year = String(issueYear(n.now));
  const serials = tx
    .select({ serialNo: notices.serialNo })
    .from(notices)
    .where(and(eq(notices.level, n.level), sql`strftime('%Y', ${notices.createdAt} / 1000, 'unixepoch', '+8 hours') = ${year}`))
    .all()
    .map((r) => r.serialNo);
  const serialNo = nextSerialNo(serials);
  const { id } = tx
    .insert(notices)
    .values({
      taskId: n.taskId ?? null,
      projectId: n.projectId ?? null,
      itemId: n.itemId ?? null,
      periodId: n.periodId,
      level: n.level,
      serialNo,
      problem: n.problem,
      requirement: n.requirement,
      deadline: n.deadline,
      status: "sent",
      escalatedFromId: n.escalatedFromId ?? null,
      createdAt: n.now,
      createdById: n.byId,
    })
    .returning({ id: notices.id })
    .get();
  for (const unitId of new Set(n.unitIds)) tx.insert(noticeUnits).values({ noticeId: id, unitId }).run();
  const eventId = insertNoticeEvent(tx, { noticeId: id, kind: "issued", text: null, unitId: null, byId: n.byId, at: n.now, deadline: n.deadline });
  return { id, serialNo, title: noticeTitle({ level: n.level, serialNo, createdAt: n.now }), eventId };
}

export function insertNoticeEvent(
  tx: Tx,
  e: { noticeId: number; kind: NoticeEventKind; text: string | null; unitId: number | null; byId: number; at: number; deadline: string | null },
): number {
  return tx.insert(noticeEvents).values(e).returning({ id: noticeEvents.id }).get().id;
}

/**
 * Moves a notice to its next status if it still has the version the user saw. Returns
 * false when someone else changed it first (the caller reports a conflict).
 */
export function updateNotice(
  tx: Tx,
  {
    id,
    version,
    set,
  }: { id: number; version: number; set: Partial<Pick<typeof notices.$inferInsert, "status" | "deadline" | "closedAt" | "escalatedToLeaderAt">> },
): boolean {
  const changed = tx
    .update(notices)
    .set({ ...set, version: version + 1 })
    .where(and(eq(notices.id, id), eq(notices.version, version)))
    .run().changes;
  return changed === 1;
}

/** Links a stored reply file to the reply event it belongs to. */
export function insertNoticeAttachment(
  tx: Tx,
  a: { eventId: number; filename: string; mime: string; size: number; sha256: string; storagePath: string; uploadedById: number; now: number },
): number {
  return tx
    .insert(attachments)
    .values({
      noticeResponseId: a.eventId,
      filename: a.filename,
      mime: a.mime,
      size: a.size,
      sha256: a.sha256,
      storagePath: a.storagePath,
      uploadedById: a.uploadedById,
      createdAt: a.now,
    })
    .returning({ id: attachments.id })
    .get().id;
}

/** A reply file with the units its notice was addressed to (who besides the offices may read it). */
export function getNoticeAttachmentForDownload({ id }: { id: number }) {
  const db = getDb();
  const file = db
    .select({
      id: attachments.id,
      filename: attachments.filename,
      mime: attachments.mime,
      size: attachments.size,
      storagePath: attachments.storagePath,
      noticeId: noticeEvents.noticeId,
    })
    .from(attachments)
    .innerJoin(noticeEvents, eq(noticeEvents.id, attachments.noticeResponseId))
    .where(and(eq(attachments.id, id), isNull(attachments.removedAt)))
    .get();
  if (!file) return null;
  const addresseeUnitIds = db
    .select({ id: noticeUnits.unitId })
    .from(noticeUnits)
    .where(eq(noticeUnits.noticeId, file.noticeId))
    .all()
    .map((u) => u.id);
  return { file, addresseeUnitIds };
}

/** The notices a notice was raised from or raised to (the escalation chain's neighbours). */
export function listRelatedNotices({ id }: { id: number }): NoticeRow[] {
  const own = getDb().select({ from: notices.escalatedFromId }).from(notices).where(eq(notices.id, id)).get();
  const rows = noticeQuery()
    .where(or(eq(notices.escalatedFromId, id), own?.from ? eq(notices.id, own.from) : sql`0`))
    .all();
  return withUnits(rows);
}
