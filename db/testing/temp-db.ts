// For integration tests: a real SQLite file in a fresh temp folder, migrated.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type Db } from "../client";
import { migrateDatabase } from "../migrate";

export interface TempDb {
  db: Db;
  dir: string;
  file: string;
  close: () => void;
}

export function openTempDatabase(): TempDb {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "miluo-test-"));
  const file = path.join(dir, "app.db");
  const db = openDatabase(file);
  migrateDatabase(db);
  return {
    db,
    dir,
    file,
    close: () => {
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
