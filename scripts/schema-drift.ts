// npm run db:check — fails when db/schema.ts has changes no committed migration carries, i.e.
// when `drizzle-kit generate` would write a new migration. It generates into a temporary copy
// of drizzle/, so the checkout is never written. `npm test` runs it as one check.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import config from "../drizzle.config";

const root = path.resolve(__dirname, "..");

export interface DriftReport {
  /** The migrations `drizzle-kit generate` would add (empty: schema and migrations agree). */
  missing: { file: string; sql: string }[];
}

/** Runs `drizzle-kit generate` for `schema` against a copy of `migrations` (both relative to the project root). */
export function checkSchemaDrift({
  schema = config.schema as string,
  migrations = config.out ?? "drizzle",
}: { schema?: string; migrations?: string } = {}): DriftReport {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "miluo-schema-drift-"));
  try {
    const copy = path.join(tmp, "drizzle");
    fs.cpSync(path.resolve(root, migrations), copy, { recursive: true });
    const before = new Set(fs.readdirSync(copy));
    // drizzle-kit reads --out relative to the working directory, and never prompts without a terminal.
    const run = spawnSync(
      path.join(root, "node_modules", ".bin", "drizzle-kit"),
      ["generate", `--dialect=${config.dialect}`, `--schema=${schema}`, `--out=${path.relative(root, copy)}`],
      { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 120_000 },
    );
    const output = `${run.stdout ?? ""}${run.stderr ?? ""}`;
    const added = fs.readdirSync(copy).filter((f) => !before.has(f) && f.endsWith(".sql"));
    if (added.length > 0) return { missing: added.map((file) => ({ file, sql: fs.readFileSync(path.join(copy, file), "utf8") })) };
    // drizzle-kit exits 0 even when it fails: only its own "nothing to migrate" counts as agreement.
    if (run.status !== 0 || !/No schema changes/.test(output))
      throw new Error(`drizzle-kit generate 未能完成（退出码 ${run.status ?? run.signal}）：\n${output}`);
    return { missing: [] };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (require.main === module) {
  try {
    const { missing } = checkSchemaDrift();
    if (missing.length === 0) {
      console.log("数据库结构检查通过：db/schema.ts 与 drizzle/ 中已提交的迁移一致。");
    } else {
      console.error("✗ 数据库结构与已提交的迁移不一致：db/schema.ts 有改动，但 drizzle/ 中没有对应的迁移。");
      console.error("  请运行 `npx drizzle-kit generate`，检查生成的 SQL，并把 drizzle/ 中新增的文件一起提交。");
      for (const m of missing) console.error(`\n  将生成的迁移 ${m.file}：\n${m.sql.replace(/^/gm, "    ")}`);
      process.exitCode = 1;
    }
  } catch (error) {
    console.error(`✗ 无法检查数据库结构：${(error as Error).message}`);
    process.exitCode = 2;
  }
}
