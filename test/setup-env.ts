// Runs before every test file: each file gets its own throwaway database path and a
// session secret, so no test can touch data/app.db or depend on another file's rows.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "miluo-test-"));
process.env.DATABASE_PATH = path.join(dir, "app.db");
process.env.DATA_DIR = dir;
process.env.NEXTAUTH_SECRET ??= "test-secret-not-for-production";
process.env.DEMO_MODE = "0";
