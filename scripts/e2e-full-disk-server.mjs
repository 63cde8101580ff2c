// The production build on a disk that a test can fill for real (e2e/full-disk.spec.ts).
// Run inside a private mount namespace (`unshare --mount …`): the database and evidence
// folder live on a small tmpfs that only this process tree sees and that disappears with it,
// so filling it touches neither the machine's disks nor anyone else's mounts.
// stdin commands, each answered by one stdout line:
//   fill        → make idle sessions due for their lastSeenAt refresh, empty the WAL, fill the disk: "filled <bytes>"
//   free        → delete the filler: "freed"
//   audit <id>  → audit rows after id <id> as JSON
import { execFileSync, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import Database from "better-sqlite3";

const root = path.resolve(import.meta.dirname, "..");
const port = process.env.FULL_DISK_PORT ?? "3103";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "miluo-full-disk-"));
execFileSync("mount", ["-t", "tmpfs", "-o", "size=32m,mode=0700", "tmpfs", dir]);
const databasePath = path.join(dir, "app.db");
const filler = path.join(dir, "filler");
const env = {
  ...process.env,
  DATABASE_PATH: databasePath,
  DATA_DIR: dir,
  DEMO_MODE: "1",
  NEXT_TELEMETRY_DISABLED: "1",
  PORT: port,
  NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
};
const tsx = path.join(root, "node_modules", ".bin", "tsx");
execFileSync(tsx, ["db/migrate.ts"], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
execFileSync(tsx, ["db/seed/run.ts"], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
// A fresh database: forget the passwords, sessions and authenticators e2e/fixtures.ts kept for this port.
for (const kind of ["totp", "passwords", "sessions"]) fs.rmSync(path.join(root, ".tmp", `e2e-${kind}-${port}.json`), { force: true });

const server = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-p", port, "-H", "127.0.0.1"], {
  cwd: root,
  env,
  stdio: ["ignore", "ignore", "inherit"],
});

function withDb(fn) {
  const db = new Database(databasePath, { timeout: 5000 });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

function fill() {
  withDb((db) => {
    // As if a few minutes had passed: the next page load of every session writes lastSeenAt.
    db.prepare("update sessions set last_seen_at = last_seen_at - 120000").run();
    // An empty WAL: every later commit must grow it, so none fits into space already allocated.
    for (let i = 0; i < 50; i++) {
      const [result] = db.pragma("wal_checkpoint(TRUNCATE)");
      if (result.busy === 0) break;
    }
  });
  const fd = fs.openSync(filler, "w");
  let bytes = 0;
  try {
    for (const size of [1 << 20, 4096, 512]) {
      const block = Buffer.alloc(size, 0x55);
      for (;;) {
        try {
          bytes += fs.writeSync(fd, block);
        } catch (error) {
          if (error.code === "ENOSPC") break;
          throw error;
        }
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  return bytes;
}

async function healthy() {
  for (let i = 0; i < 240; i++) {
    if (server.exitCode !== null) throw new Error(`next start exited (${server.exitCode})`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("server did not become healthy");
}

let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  if (server.exitCode === null) {
    const exited = new Promise((r) => server.once("exit", r));
    server.kill("SIGTERM");
    // `next start` waits for open connections before it exits; a test server need not.
    const force = setTimeout(() => server.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(force);
  }
  try {
    execFileSync("umount", [dir]);
    fs.rmdirSync(dir);
  } catch {
    // the namespace and its mount go away with this process anyway
  }
  process.exit(code);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
server.on("exit", (code) => void stop(code ?? 1));

await healthy();
process.stdout.write("ready\n");
const input = readline.createInterface({ input: process.stdin });
input.on("close", () => void stop());
for await (const line of input) {
  const [command, arg] = line.trim().split(/\s+/);
  if (command === "fill") process.stdout.write(`filled ${fill()}\n`);
  else if (command === "free") {
    fs.rmSync(filler, { force: true });
    process.stdout.write("freed\n");
  } else if (command === "audit") {
    const rows = withDb((db) => db.prepare("select id, username, action, outcome, after from audit_log where id > ? order by id").all(Number(arg ?? 0)));
    process.stdout.write(`${JSON.stringify(rows)}\n`);
  }
}
