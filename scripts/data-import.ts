// npm run data:import -- <file.json>                       (into an empty, migrated database)
// npm run data:import -- <file.json> --year 2027 [--dry-run]  (one more programme year, matched by natural keys)
import fs from "node:fs";
import os from "node:os";
import { writeAuditNow } from "@/db/audit";
import { openDatabase } from "@/db/client";
import { DataFileError, importDataFile, importYear, parseDataFile, planYearImport } from "@/db/data-file";
import { migrateDatabase } from "@/db/migrate";
import { env } from "@/lib/env";
import { parseYearParam } from "@/lib/programme-year";
import { planText } from "@/lib/year-import";

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : (args.splice(i, name === "--year" ? 2 : 1)[1] ?? "");
};
const yearArg = flag("--year");
const dryRun = flag("--dry-run") !== undefined;
const source = args[0];
const year = yearArg === undefined ? null : parseYearParam(yearArg);
if (!source || (yearArg !== undefined && year === null) || (dryRun && year === null)) {
  console.error("用法：npm run data:import -- <数据文件.json> [--year 2027 [--dry-run]]");
  process.exit(2);
}
const db = openDatabase(env.databasePath);

async function main() {
  migrateDatabase(db);
  const file = parseDataFile(fs.readFileSync(source!, "utf8"));
  if (year === null) {
    await importDataFile(db, file, { initialPassword: env.INITIAL_PASSWORD });
  } else if (dryRun) {
    const plan = planYearImport(db, file, { year });
    console.log(planText(plan, false));
    if (plan.refused.length) process.exitCode = 1;
    return;
  } else {
    console.log(planText(await importYear(db, file, { year, initialPassword: env.INITIAL_PASSWORD }), true));
  }
  writeAuditNow(db, {
    actor: { username: `cli:${os.userInfo().username}` },
    action: "data.import",
    entity: "data-file",
    outcome: "success",
    after: { file: source, year: file.year.year, tasks: file.tasks.length, users: file.users.length },
  });
  console.log(`已导入 ${file.year.year} 年度：${file.tasks.length} 项任务、${file.livelihoodProjects.length} 个民生实事`);
}
main()
  .catch((error: unknown) => {
    console.error(error instanceof DataFileError ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => db.$client.close());
