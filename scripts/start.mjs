// `npm start`: install → migrate → seed → build (if sources changed) → serve.
// Env: PORT (3000), DATABASE_PATH (./data/app.db), INITIAL_PASSWORD, DEMO_MODE, TRUSTED_PROXIES.
import { spawn } from "node:child_process";
import { bin, buildIfNeeded, ensureAuthSecret, ensureDependencies, mustRun, root } from "./lib/steps.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
ensureDependencies();
ensureAuthSecret();
mustRun(bin("tsx"), ["db/migrate.ts"]);
mustRun(bin("tsx"), ["db/seed/run.ts"]);
if (buildIfNeeded() !== 0) process.exit(1);

const port = process.env.PORT ?? "3000";
console.log(`\n重点工作调度平台已启动：http://localhost:${port}\n`);
// scripts/serve.mjs rather than `next start`: it decides the client address (TRUSTED_PROXIES).
const server = spawn(process.execPath, ["scripts/serve.mjs", "-p", port], { cwd: root, stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
