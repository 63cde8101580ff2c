// Serves the production build on a fresh throwaway database for Playwright.
// Each run gets a new empty folder, migrated and seeded exactly as `npm start` does.
import { spawn, execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "miluo-e2e-"));
const port = process.env.E2E_PORT ?? "3100";
const env = {
  ...process.env,
  DATABASE_PATH: path.join(dir, "app.db"),
  DATA_DIR: dir,
  DEMO_MODE: process.env.E2E_DEMO_MODE ?? "0",
  NEXT_TELEMETRY_DISABLED: "1",
  PORT: port,
  // Behind nginx (the "nginx" Playwright project) the public URL is nginx's https address.
  NEXTAUTH_URL: process.env.E2E_PUBLIC_URL ?? `http://127.0.0.1:${port}`,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? crypto.randomBytes(32).toString("base64url"),
};
const tsx = path.join(root, "node_modules", ".bin", "tsx");
execFileSync(tsx, ["db/migrate.ts"], { cwd: root, env, stdio: "inherit" });
execFileSync(tsx, ["db/seed/run.ts"], { cwd: root, env, stdio: "inherit" });
// Specs that check "the database is unchanged" read the path from here.
fs.mkdirSync(path.join(root, ".tmp"), { recursive: true });
fs.writeFileSync(path.join(root, ".tmp", `e2e-db-path-${port}`), env.DATABASE_PATH);
// A fresh database has no changed password, session or second factor yet: forget what the
// fixtures remembered from earlier runs, under this port and the public one tests use.
const ports = new Set([port, process.env.E2E_PUBLIC_URL ? new URL(process.env.E2E_PUBLIC_URL).port : port]);
for (const p of ports) for (const kind of ["totp", "passwords", "sessions"]) fs.rmSync(path.join(root, ".tmp", `e2e-${kind}-${p}.json`), { force: true });

const server = spawn(process.execPath, [path.join(root, "scripts", "serve.mjs"), "-p", port, "-H", "127.0.0.1"], {
  cwd: root,
  env,
  stdio: "inherit",
});
const stop = () => {
  server.kill("SIGTERM");
  fs.rmSync(dir, { recursive: true, force: true });
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
server.on("exit", (code) => process.exit(code ?? 0));
