import "server-only";
import { and, eq, lt } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { committedRequests } from "../schema";

/** What a successful action answered: given again, word for word, to a retry of the same request. */
export type CommittedAnswer = { message: string; redirectTo: string | null; revalidate: string[] };

type RequestKey = { userId: number; action: string; requestId: string };

const keyMatches = (k: RequestKey) =>
  and(eq(committedRequests.userId, k.userId), eq(committedRequests.action, k.action), eq(committedRequests.requestId, k.requestId));

export function findCommittedAnswer(db: Db | Tx, key: RequestKey): CommittedAnswer | null {
  const row = db.select({ answer: committedRequests.answer }).from(committedRequests).where(keyMatches(key)).get();
  return row ? (JSON.parse(row.answer) as CommittedAnswer) : null;
}

/** Inside the mutation's transaction: the request and its change commit together or not at all. */
export function recordCommittedAnswer(tx: Tx, { answer, now, ...key }: RequestKey & { answer: CommittedAnswer; now: number }): void {
  tx.insert(committedRequests)
    .values({ ...key, answer: JSON.stringify(answer), at: now })
    .run();
}

/** Forgets requests older than `before` (a retry comes within minutes, not days). */
export function pruneCommittedRequests(db: Db, { before }: { before: number }): number {
  return db.delete(committedRequests).where(lt(committedRequests.at, before)).run().changes;
}
