import { getDb, type Db } from "./client";
import { contentVersion } from "./content-version";

// Year-wide reads (every subject's quarters) are the same for every request until a row
// changes; remembering the last few answers saves recomputing them on every page. An answer
// is reused only while db/content-version.ts says nothing has changed since it was computed,
// so a page can never show a judgement older than the stored rows.

interface Entry<R> {
  version: string;
  value: R;
}

/** Freezes what is shared between requests, in tests, so a caller that mutates it fails loudly. */
function deepFreeze<T>(value: T, seen = new Set<unknown>()): T {
  if (value === null || typeof value !== "object" || seen.has(value)) return value;
  seen.add(value);
  for (const v of value instanceof Map ? value.values() : Object.values(value)) deepFreeze(v, seen);
  return Object.freeze(value);
}

/**
 * `compute` remembered per database and per `keyOf(args)` (the `size` most recent keys),
 * while the database's content is unchanged. Inside a transaction it always computes.
 */
export function memoUntilChange<A, R>(keyOf: (args: A) => string, compute: (args: A) => R, { size = 16 }: { size?: number } = {}): (args: A) => R {
  const byDb = new WeakMap<Db, Map<string, Entry<R>>>();
  return (args) => {
    const db = getDb();
    const version = contentVersion(db);
    if (version === null) return compute(args);
    let entries = byDb.get(db);
    if (!entries) byDb.set(db, (entries = new Map()));
    const key = keyOf(args);
    const hit = entries.get(key);
    if (hit && hit.version === version) {
      // Most recently used last, so the oldest is the one dropped.
      entries.delete(key);
      entries.set(key, hit);
      return hit.value;
    }
    const value = compute(args);
    if (process.env.NODE_ENV === "test") deepFreeze(value);
    entries.delete(key);
    entries.set(key, { version, value });
    if (entries.size > size) entries.delete(entries.keys().next().value!);
    return value;
  };
}
