import type Database from "better-sqlite3";

// better-sqlite3 compiles the SQL text on every prepare(), and drizzle prepares every query it
// runs: on a page of 20–40 queries the compiling alone was about 2 ms a request (the V8
// profile of `npm run bench:profile`). The same text now gets the same compiled statement back.

/** Statements a connection keeps compiled; the least recently used is dropped beyond this. */
export const STATEMENT_CACHE_SIZE = 1000;

/**
 * Makes `sqlite.prepare` return the statement compiled earlier for the same text, reset to
 * the default modes (objects, not raw arrays or plucked values), so a caller always sets the
 * mode it needs on what prepare() returns and never inherits another caller's. A statement
 * still being iterated is busy and cannot run twice at once: such a call gets a fresh one.
 * drizzle prepares right before each run, so it always sees the reset statement; code that
 * keeps a statement across calls (drizzle's `.prepare()`) must set its mode before each run.
 * SQLite recompiles a cached statement by itself after a schema change.
 */
export function cacheStatements(sqlite: Database.Database, size = STATEMENT_CACHE_SIZE): Database.Database {
  const compile = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const hit = cache.get(source);
    if (hit && !hit.busy) {
      // Most recently used last, so the oldest is the one dropped.
      cache.delete(source);
      cache.set(source, hit);
      if (hit.reader) hit.raw(false).pluck(false).expand(false);
      return hit.safeIntegers(false);
    }
    const stmt = compile(source);
    if (!hit) {
      cache.set(source, stmt);
      if (cache.size > size) cache.delete(cache.keys().next().value!);
    }
    return stmt;
  }) as Database.Database["prepare"];
  return sqlite;
}
