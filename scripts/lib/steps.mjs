// Shared by `npm start` and `npm test`: install when needed, make the auth secret,
// and run local binaries. Plain Node so it works before dependencies exist.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..", "..");
export const bin = (name) => path.join(root, "node_modules", ".bin", name);

export function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: "inherit", ...options, env: { ...process.env, ...options.env } });
  return result.status ?? 1;
}

export function mustRun(cmd, args, options) {
  const code = run(cmd, args, options);
  if (code !== 0) {
    console.error(`\n命令失败（退出码 ${code}）：${cmd} ${args.join(" ")}`);
    process.exit(code);
  }
}

/** npm ci when node_modules is missing or older than the lockfile. */
export function ensureDependencies() {
  const marker = path.join(root, "node_modules", ".package-lock.json");
  const lock = path.join(root, "package-lock.json");
  const stale = !fs.existsSync(marker) || fs.statSync(lock).mtimeMs > fs.statSync(marker).mtimeMs;
  if (!stale) return;
  console.log("正在安装依赖（npm ci）…");
  mustRun("npm", ["ci", "--no-audit", "--no-fund"]);
}

/** next-auth needs a secret under `next start`; create one per checkout. */
export function ensureAuthSecret() {
  if (process.env.NEXTAUTH_SECRET) return;
  const file = path.join(root, ".env.local");
  const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  const match = text.match(/^NEXTAUTH_SECRET=(.+)$/m);
  if (match?.[1]) {
    process.env.NEXTAUTH_SECRET = match[1].trim();
    return;
  }
  const secret = crypto.randomBytes(32).toString("base64url");
  fs.appendFileSync(file, `${text && !text.endsWith("\n") ? "\n" : ""}NEXTAUTH_SECRET=${secret}\n`, { mode: 0o600 });
  process.env.NEXTAUTH_SECRET = secret;
}

const SOURCE_DIRS = ["app", "components", "db", "lib", "public", "drizzle"];
const SOURCE_FILES = ["package-lock.json", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "proxy.ts", "instrumentation.ts"];

/** A hash of everything the build reads, so `npm start` rebuilds only after a change. */
export function sourceFingerprint() {
  const hash = crypto.createHash("sha256");
  const visit = (rel) => {
    const abs = path.join(root, rel);
    if (!fs.existsSync(abs)) return;
    const stat = fs.statSync(abs);
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(abs).sort()) visit(path.join(rel, entry));
    } else if (!rel.endsWith(".test.ts")) {
      hash.update(rel).update(fs.readFileSync(abs));
    }
  };
  [...SOURCE_DIRS, ...SOURCE_FILES].forEach(visit);
  return hash.digest("hex");
}

export function buildIfNeeded(distDir = ".next") {
  const stamp = path.join(root, distDir, ".source-fingerprint");
  const fingerprint = sourceFingerprint();
  const built = fs.existsSync(path.join(root, distDir, "BUILD_ID")) && fs.existsSync(stamp);
  if (built && fs.readFileSync(stamp, "utf8") === fingerprint) return 0;
  console.log("正在构建生产版本（next build）…");
  const code = run(bin("next"), ["build"], { env: { NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" } });
  if (code === 0) fs.writeFileSync(stamp, fingerprint);
  return code;
}
