// Opens SQLite lazily (so `next build` never creates a database file) with the
// pragmas official records need: WAL, synchronous=FULL, foreign keys, busy timeout.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { env } from "@/lib/env";
import * as schema from "./schema";
import { cacheStatements } from "./statement-cache";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** The handle a synchronous transaction callback receives. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export function openDatabase(file: string): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  return withCommitHooks(drizzle(cacheStatements(sqlite), { schema }) as Db);
}

// ── after-commit work (the audit checkpoint) ──
// Transactions are synchronous, so at most one is open in this process at a time (nesting
// aside): work queued while it runs belongs to it, and runs once the outermost commits.
const afterCommit = new Set<(db: Db) => void>();
let depth = 0;

/** Queues `fn` to run once the transaction in progress has committed; a rollback drops it. */
export function runAfterCommit(fn: (db: Db) => void): void {
  afterCommit.add(fn);
}

function withCommitHooks(db: Db): Db {
  const begin = db.transaction.bind(db);
  db.transaction = ((fn, config) => {
    depth += 1;
    let result: unknown;
    try {
      result = begin(fn, config);
    } catch (error) {
      depth -= 1;
      if (depth === 0) afterCommit.clear();
      throw error;
    }
    depth -= 1;
    if (depth === 0) {
      const queued = [...afterCommit];
      afterCommit.clear();
      for (const run of queued) run(db);
    }
    return result;
  }) as Db["transaction"];
  return db;
}

/**
 * For commands that only inspect a database (audit:verify, the source of a backup): opened
 * read-only and without switching its journal mode, so the file is left byte-identical.
 */
export function openDatabaseReadOnly(file: string): Db {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true, timeout: 5000 });
  return drizzle(cacheStatements(sqlite), { schema }) as Db;
}

const globalForDb = globalThis as unknown as { __appDb?: Db };

export function getDb(): Db {
  globalForDb.__appDb ??= openDatabase(env.databasePath);
  return globalForDb.__appDb;
}
