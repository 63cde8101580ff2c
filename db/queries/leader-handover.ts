import "server-only";
// 领导交接: a post (e.g. 市长) or some of a leader's subjects change hands within a programme
// year. The link tables (task_leaders, project_leaders, item_leaders) stay the one record of who
// leads what, so the dashboard, notices and 批示 rights follow the handover by themselves; the
// outgoing leader's row, account, 批示 and audit rows are left as they are.
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { joinNames, type FieldChange } from "@/lib/programme-fields";
import { compareSubjects, subjectKey, subjectLabel, type SubjectRef } from "@/lib/subject";
import type { SubjectKind } from "@/lib/vocabulary";
import { getDb, type Tx } from "../client";
import {
  itemLeaders,
  leaderHandovers,
  leaders,
  livelihoodProjects,
  programmeChanges,
  projectLeaders,
  supervisionItems,
  taskLeaders,
  tasks,
  users,
} from "../schema";

type Reader = Pick<Tx, "select">;

export interface LedSubject extends SubjectRef {
  key: string;
  id: number;
  label: string;
  title: string;
}

/** The three subject kinds, each with its link table and its own row (for the version bump). */
const KINDS = {
  task: { link: taskLeaders, linkId: taskLeaders.taskId, table: tasks, title: tasks.target },
  project: { link: projectLeaders, linkId: projectLeaders.projectId, table: livelihoodProjects, title: livelihoodProjects.name },
  item: { link: itemLeaders, linkId: itemLeaders.itemId, table: supervisionItems, title: supervisionItems.text },
} as const;

/** What each given leader leads in the year, tasks first (序号 order), then projects, then 督办事项. */
function subjectsLedBy(db: Reader, yearId: number, leaderIds: readonly number[]): Map<number, LedSubject[]> {
  const out = new Map<number, LedSubject[]>();
  if (leaderIds.length === 0) return out;
  for (const kind of Object.keys(KINDS) as SubjectKind[]) {
    const k = KINDS[kind];
    const rows = db
      .select({ leaderId: k.link.leaderId, id: k.table.id, no: k.table.no, title: k.title })
      .from(k.link)
      .innerJoin(k.table, eq(k.table.id, k.linkId))
      .where(and(eq(k.table.yearId, yearId), inArray(k.link.leaderId, [...leaderIds])))
      .all();
    for (const r of rows) {
      const ref = { kind, no: r.no };
      out.set(r.leaderId, [...(out.get(r.leaderId) ?? []), { ...ref, key: subjectKey(ref), id: r.id, label: subjectLabel(ref), title: r.title }]);
    }
  }
  for (const list of out.values()) list.sort(compareSubjects);
  return out;
}

export interface HandoverEntry {
  id: number;
  from: string;
  to: string;
  post: string | null;
  effectiveOn: string;
  reason: string;
  source: string;
  subjects: string[];
}

function handoverEntries(db: Reader, yearId: number): HandoverEntry[] {
  const rows = db
    .select()
    .from(leaderHandovers)
    .where(eq(leaderHandovers.yearId, yearId))
    .orderBy(desc(leaderHandovers.effectiveOn), desc(leaderHandovers.id))
    .all();
  const ids = [...new Set(rows.flatMap((r) => [r.fromLeaderId, r.toLeaderId]))];
  const names = new Map(
    ids.length
      ? db
          .select({ id: leaders.id, name: leaders.name })
          .from(leaders)
          .where(inArray(leaders.id, ids))
          .all()
          .map((l) => [l.id, l.name])
      : [],
  );
  return rows.map((r) => ({
    id: r.id,
    from: names.get(r.fromLeaderId) ?? "",
    to: names.get(r.toLeaderId) ?? "",
    post: r.post,
    effectiveOn: r.effectiveOn,
    reason: r.reason,
    source: r.source,
    subjects: r.subjects,
  }));
}

export interface AdminLeaderRow {
  id: number;
  name: string;
  title: string | null;
  version: number;
  subjects: LedSubject[];
  accounts: { id: number; username: string; disabled: boolean }[];
}

/** Every leader with the year's subjects they lead and their accounts, in the gazette's order of rank. */
export function listLeadersForAdmin({ yearId }: { yearId: number }): { leaders: AdminLeaderRow[]; handovers: HandoverEntry[] } {
  const db = getDb();
  const rows = db
    .select({ id: leaders.id, name: leaders.name, title: leaders.title, version: leaders.version })
    .from(leaders)
    .orderBy(asc(leaders.position), asc(leaders.id))
    .all();
  const led = subjectsLedBy(
    db,
    yearId,
    rows.map((r) => r.id),
  );
  const accounts = db
    .select({ id: users.id, username: users.username, disabled: users.disabled, leaderId: users.leaderId })
    .from(users)
    .where(eq(users.role, "leader"))
    .all();
  return {
    leaders: rows.map((r) => ({
      ...r,
      subjects: led.get(r.id) ?? [],
      accounts: accounts.filter((a) => a.leaderId === r.id).map(({ id, username, disabled }) => ({ id, username, disabled })),
    })),
    handovers: handoverEntries(db, yearId),
  };
}

export function getLeaderForHandover({ id, yearId }: { id: number; yearId: number }): AdminLeaderRow | null {
  return listLeadersForAdmin({ yearId }).leaders.find((l) => l.id === id) ?? null;
}

/** "（2026-01-15 起接替 林恒求）" lines of a subject: whom each of its current leaders took over from. */
export function listSubjectHandovers({ yearId, ref }: { yearId: number; ref: SubjectRef }): { to: string; from: string; effectiveOn: string }[] {
  const key = subjectKey(ref);
  return handoverEntries(getDb(), yearId)
    .filter((h) => h.subjects.includes(key))
    .map(({ to, from, effectiveOn }) => ({ to, from, effectiveOn }));
}

export interface HandoverInput {
  yearId: number;
  expectedVersion: number;
  /** An existing leader, or a new one to add with the given title. */
  to: { id: number } | { name: string; title: string | null };
  post: string | null;
  /** The outgoing leader's title once the post is handed over (null: none). */
  fromTitleAfter: string | null;
  effectiveOn: string;
  subjects: string[];
  reason: string;
  source: string;
  byId: number;
  now: number;
}

export type HandoverResult =
  | { ok: true; toName: string; moved: string[]; before: Record<string, unknown>; after: Record<string, unknown> }
  | { ok: false; kind: "conflict" }
  | { ok: false; kind: "invalid"; field: string; message: string };

function leaderNamesOf(tx: Tx, kind: SubjectKind, subjectId: number): string[] {
  const k = KINDS[kind];
  return tx
    .select({ name: leaders.name })
    .from(k.link)
    .innerJoin(leaders, eq(leaders.id, k.link.leaderId))
    .where(eq(k.linkId, subjectId))
    .orderBy(asc(k.link.position))
    .all()
    .map((l) => l.name);
}

/** Moves the chosen subjects from one leader to the other in one go, and records why. */
export function handOverLeader(tx: Tx, fromId: number, input: HandoverInput): HandoverResult {
  const from = tx.select().from(leaders).where(eq(leaders.id, fromId)).get();
  if (!from || from.version !== input.expectedVersion) return { ok: false, kind: "conflict" };

  let to: typeof from;
  if ("id" in input.to) {
    const found = tx.select().from(leaders).where(eq(leaders.id, input.to.id)).get();
    if (!found) return { ok: false, kind: "invalid", field: "toLeaderId", message: "所选接任领导不存在，请刷新页面后重新选择。" };
    if (found.id === from.id) return { ok: false, kind: "invalid", field: "toLeaderId", message: "接任领导不能是原领导本人。" };
    to = found;
  } else {
    const name = input.to.name;
    if (tx.select({ id: leaders.id }).from(leaders).where(eq(leaders.name, name)).get())
      return { ok: false, kind: "invalid", field: "newName", message: `已有名为“${name}”的领导，请在“接任领导”中选择。` };
    const last = tx.select({ position: leaders.position }).from(leaders).orderBy(desc(leaders.position)).limit(1).get();
    to = tx
      .insert(leaders)
      .values({ name, title: input.to.title, position: (last?.position ?? 0) + 1 })
      .returning()
      .get();
  }

  const led = subjectsLedBy(tx, input.yearId, [from.id]).get(from.id) ?? [];
  const byKey = new Map(led.map((s) => [s.key, s]));
  // A subject no longer led by the outgoing leader: someone changed it since the form was drawn.
  if (input.subjects.some((k) => !byKey.has(k))) return { ok: false, kind: "conflict" };
  const moving = input.subjects.map((k) => byKey.get(k)!);
  if (moving.length === 0 && !input.post) return { ok: false, kind: "invalid", field: "subjects", message: "请至少选择一项移交的事项，或填写交接的职务。" };

  for (const s of moving) {
    const k = KINDS[s.kind];
    const before = leaderNamesOf(tx, s.kind, s.id);
    const already = tx
      .select({ one: sql`1` })
      .from(k.link)
      .where(and(eq(k.linkId, s.id), eq(k.link.leaderId, to.id)))
      .get();
    // The incoming leader keeps the outgoing one's place in the list (the first leads).
    if (already)
      tx.delete(k.link)
        .where(and(eq(k.linkId, s.id), eq(k.link.leaderId, from.id)))
        .run();
    else
      tx.update(k.link)
        .set({ leaderId: to.id })
        .where(and(eq(k.linkId, s.id), eq(k.link.leaderId, from.id)))
        .run();
    // Bumps the subject's version (a maintenance form open on it is now stale); a closed year refuses it.
    tx.update(k.table)
      .set({ version: sql`${k.table.version} + 1` })
      .where(eq(k.table.id, s.id))
      .run();
    const changes: FieldChange[] = [{ field: "牵头领导", before: joinNames(before), after: joinNames(leaderNamesOf(tx, s.kind, s.id)) }];
    tx.insert(programmeChanges)
      .values({
        subjectKind: s.kind,
        subjectId: s.id,
        at: input.now,
        byId: input.byId,
        reason: input.reason,
        source: `${input.source}（${input.effectiveOn} 起）`,
        changes,
      })
      .run();
  }

  const titles = { from: from.title, to: to.title };
  if (input.post) {
    titles.to = input.post;
    if (from.title === input.post) titles.from = input.fromTitleAfter;
  }
  tx.update(leaders)
    .set({ title: titles.from, version: from.version + 1 })
    .where(eq(leaders.id, from.id))
    .run();
  tx.update(leaders)
    .set({ title: titles.to, version: to.version + 1 })
    .where(eq(leaders.id, to.id))
    .run();
  const moved = moving.map((s) => s.key);
  tx.insert(leaderHandovers)
    .values({
      yearId: input.yearId,
      fromLeaderId: from.id,
      toLeaderId: to.id,
      post: input.post,
      effectiveOn: input.effectiveOn,
      reason: input.reason,
      source: input.source,
      subjects: moved,
      byId: input.byId,
      at: input.now,
    })
    .run();
  return {
    ok: true,
    toName: to.name,
    moved,
    before: { from: from.name, fromTitle: from.title, to: "id" in input.to ? to.name : null, toTitle: "id" in input.to ? to.title : null },
    after: {
      to: to.name,
      toTitle: titles.to,
      fromTitle: titles.from,
      post: input.post,
      effectiveOn: input.effectiveOn,
      subjects: moved.map((k) => byKey.get(k)!.label),
      reason: input.reason,
      source: input.source,
    },
  };
}
