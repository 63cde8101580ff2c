import "server-only";
// 人大代表监督: the 建议 on livelihood projects with their answers, and the year's 满意度测评.
import { and, asc, desc, eq } from "drizzle-orm";
import type { SatisfactionLevel } from "@/lib/vocabulary";
import { getDb, type Db, type Tx } from "../client";
import { livelihoodProjects, projectSuggestions, satisfactionRounds, satisfactionVotes, units, users } from "../schema";
import { alias } from "drizzle-orm/sqlite-core";

export interface SuggestionItem {
  id: number;
  projectId: number;
  projectNo: number;
  projectName: string;
  authorName: string;
  text: string;
  createdAt: number;
  answer: string | null;
  answeredUnitName: string | null;
  answeredAt: number | null;
  version: number;
}

const answeredUnit = alias(units, "answered_unit");

/** The 建议 of one project (projectId) or of every project of the year (yearId), newest first. */
export function listSuggestions(filter: { projectId: number } | { yearId: number }, db: Db | Tx = getDb()): SuggestionItem[] {
  return db
    .select({
      id: projectSuggestions.id,
      projectId: projectSuggestions.projectId,
      projectNo: livelihoodProjects.no,
      projectName: livelihoodProjects.name,
      authorName: users.displayName,
      text: projectSuggestions.text,
      createdAt: projectSuggestions.createdAt,
      answer: projectSuggestions.answer,
      answeredUnitName: answeredUnit.name,
      answeredAt: projectSuggestions.answeredAt,
      version: projectSuggestions.version,
    })
    .from(projectSuggestions)
    .innerJoin(livelihoodProjects, eq(livelihoodProjects.id, projectSuggestions.projectId))
    .innerJoin(users, eq(users.id, projectSuggestions.authorId))
    .leftJoin(answeredUnit, eq(answeredUnit.id, projectSuggestions.answeredUnitId))
    .where("projectId" in filter ? eq(projectSuggestions.projectId, filter.projectId) : eq(livelihoodProjects.yearId, filter.yearId))
    .orderBy(asc(livelihoodProjects.no), desc(projectSuggestions.createdAt), desc(projectSuggestions.id))
    .all();
}

export function getSuggestion({ id }: { id: number }) {
  return getDb()
    .select({ id: projectSuggestions.id, projectId: projectSuggestions.projectId, version: projectSuggestions.version, answer: projectSuggestions.answer })
    .from(projectSuggestions)
    .where(eq(projectSuggestions.id, id))
    .get();
}

export function insertSuggestion(tx: Tx, v: { projectId: number; authorId: number; text: string; at: number }): number {
  return tx
    .insert(projectSuggestions)
    .values({ projectId: v.projectId, authorId: v.authorId, text: v.text, createdAt: v.at })
    .returning({ id: projectSuggestions.id })
    .get().id;
}

/** Writes the answer if the suggestion is still at `version`; false when someone answered meanwhile. */
export function answerSuggestion(tx: Tx, v: { id: number; version: number; answer: string; byId: number; unitId: number; at: number }): boolean {
  const done = tx
    .update(projectSuggestions)
    .set({ answer: v.answer, answeredById: v.byId, answeredUnitId: v.unitId, answeredAt: v.at, version: v.version + 1 })
    .where(and(eq(projectSuggestions.id, v.id), eq(projectSuggestions.version, v.version)))
    .run();
  return done.changes === 1;
}

export function getSatisfactionRound({ yearId }: { yearId: number }, db: Db | Tx = getDb()) {
  return (
    db
      .select({ opensOn: satisfactionRounds.opensOn, closedAt: satisfactionRounds.closedAt })
      .from(satisfactionRounds)
      .where(eq(satisfactionRounds.yearId, yearId))
      .get() ?? null
  );
}

export function saveSatisfactionRound(tx: Tx, v: { yearId: number; opensOn: string; closedAt: number | null; at: number }): void {
  tx.insert(satisfactionRounds)
    .values({ yearId: v.yearId, opensOn: v.opensOn, closedAt: v.closedAt, updatedAt: v.at })
    .onConflictDoUpdate({ target: satisfactionRounds.yearId, set: { opensOn: v.opensOn, closedAt: v.closedAt, updatedAt: v.at } })
    .run();
}

/** The deputy's own votes of the year, by project id. */
export function listOwnVotes({ yearId, deputyId }: { yearId: number; deputyId: number }): Map<number, SatisfactionLevel> {
  const rows = getDb()
    .select({ projectId: satisfactionVotes.projectId, level: satisfactionVotes.level })
    .from(satisfactionVotes)
    .where(and(eq(satisfactionVotes.yearId, yearId), eq(satisfactionVotes.deputyId, deputyId)))
    .all();
  return new Map(rows.map((r) => [r.projectId, r.level]));
}

/** Every vote of the year (no names: the results are counts). */
export function listVotes({ yearId }: { yearId: number }) {
  return getDb()
    .select({ projectId: satisfactionVotes.projectId, level: satisfactionVotes.level })
    .from(satisfactionVotes)
    .where(eq(satisfactionVotes.yearId, yearId))
    .all();
}

/** Records or changes the deputy's vote; returns the previous level (null: first vote). */
export function saveVote(tx: Tx, v: { yearId: number; projectId: number; deputyId: number; level: SatisfactionLevel; at: number }): SatisfactionLevel | null {
  const before =
    tx
      .select({ level: satisfactionVotes.level })
      .from(satisfactionVotes)
      .where(and(eq(satisfactionVotes.yearId, v.yearId), eq(satisfactionVotes.projectId, v.projectId), eq(satisfactionVotes.deputyId, v.deputyId)))
      .get()?.level ?? null;
  tx.insert(satisfactionVotes)
    .values({ yearId: v.yearId, projectId: v.projectId, deputyId: v.deputyId, level: v.level, updatedAt: v.at })
    .onConflictDoUpdate({
      target: [satisfactionVotes.yearId, satisfactionVotes.projectId, satisfactionVotes.deputyId],
      set: { level: v.level, updatedAt: v.at },
    })
    .run();
  return before;
}

/** The year's projects (id, no, name) in order. */
export function listYearProjects({ yearId }: { yearId: number }) {
  return getDb()
    .select({ id: livelihoodProjects.id, no: livelihoodProjects.no, name: livelihoodProjects.name })
    .from(livelihoodProjects)
    .where(eq(livelihoodProjects.yearId, yearId))
    .orderBy(asc(livelihoodProjects.no))
    .all();
}
