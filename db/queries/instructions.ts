import "server-only";
import { and, asc, eq, inArray, or } from "drizzle-orm";
import { dayOfTimestamp } from "@/lib/periods";
import type { SubjectKind } from "@/lib/vocabulary";
import { getDb, type Tx } from "../client";
import { leaderInstructions, leaders, livelihoodProjects, notices, supervisionItems, tasks } from "../schema";

/** 领导批示 as the subject's page and the 通报 show them. */
export interface InstructionItem {
  id: number;
  subjectKind: SubjectKind;
  subjectNo: number;
  noticeId: number | null;
  leaderName: string;
  text: string;
  at: number;
}

const columns = {
  id: leaderInstructions.id,
  subjectKind: leaderInstructions.subjectKind,
  taskNo: tasks.no,
  projectNo: livelihoodProjects.no,
  itemNo: supervisionItems.no,
  noticeId: leaderInstructions.noticeId,
  leaderName: leaders.name,
  text: leaderInstructions.text,
  at: leaderInstructions.at,
};

function query() {
  return getDb()
    .select(columns)
    .from(leaderInstructions)
    .innerJoin(leaders, eq(leaders.id, leaderInstructions.leaderId))
    .leftJoin(tasks, and(eq(leaderInstructions.subjectKind, "task"), eq(tasks.id, leaderInstructions.subjectId)))
    .leftJoin(livelihoodProjects, and(eq(leaderInstructions.subjectKind, "project"), eq(livelihoodProjects.id, leaderInstructions.subjectId)))
    .leftJoin(supervisionItems, and(eq(leaderInstructions.subjectKind, "item"), eq(supervisionItems.id, leaderInstructions.subjectId)));
}

const toItem = (r: {
  id: number;
  subjectKind: SubjectKind;
  taskNo: number | null;
  projectNo: number | null;
  itemNo: number | null;
  noticeId: number | null;
  leaderName: string;
  text: string;
  at: number;
}): InstructionItem => ({
  id: r.id,
  subjectKind: r.subjectKind,
  subjectNo: { task: r.taskNo, project: r.projectNo, item: r.itemNo }[r.subjectKind] ?? 0,
  noticeId: r.noticeId,
  leaderName: r.leaderName,
  text: r.text,
  at: r.at,
});

/** A subject's 批示, oldest first. */
export function listInstructionsForSubject({ kind, subjectId }: { kind: SubjectKind; subjectId: number }): InstructionItem[] {
  return query()
    .where(and(eq(leaderInstructions.subjectKind, kind), eq(leaderInstructions.subjectId, subjectId)))
    .orderBy(asc(leaderInstructions.at), asc(leaderInstructions.id))
    .all()
    .map(toItem);
}

/** The 批示 on these notices, oldest first. */
export function listInstructionsForNotices({ noticeIds }: { noticeIds: readonly number[] }): InstructionItem[] {
  if (noticeIds.length === 0) return [];
  return query()
    .where(inArray(leaderInstructions.noticeId, [...noticeIds]))
    .orderBy(asc(leaderInstructions.at), asc(leaderInstructions.id))
    .all()
    .map(toItem);
}

/** Every 批示 of a programme year written by the end of `asOf`, oldest first. */
export function listInstructionsForYear({ yearId, asOf }: { yearId: number; asOf: string }): InstructionItem[] {
  return query()
    .where(or(eq(tasks.yearId, yearId), eq(livelihoodProjects.yearId, yearId)))
    .orderBy(asc(leaderInstructions.at), asc(leaderInstructions.id))
    .all()
    .map(toItem)
    .filter((i) => dayOfTimestamp(i.at) <= asOf);
}

export function insertInstruction(
  tx: Tx,
  i: {
    subjectKind: SubjectKind;
    subjectId: number;
    noticeId: number | null;
    periodId: number | null;
    leaderId: number;
    byId: number;
    text: string;
    at: number;
  },
): number {
  return tx.insert(leaderInstructions).values(i).returning({ id: leaderInstructions.id }).get().id;
}

/** The notice a 批示 may be written on: an escalated 督办, still open. */
export function getEscalatedNotice({ id }: { id: number }) {
  return (
    getDb()
      .select({
        id: notices.id,
        taskId: notices.taskId,
        projectId: notices.projectId,
        level: notices.level,
        status: notices.status,
        escalatedToLeaderAt: notices.escalatedToLeaderAt,
      })
      .from(notices)
      .where(and(eq(notices.id, id), eq(notices.level, "duban")))
      .get() ?? null
  );
}
