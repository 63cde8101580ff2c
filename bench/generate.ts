// Synthetic data for the benchmarks, written with the app's own db/ code:
//   tsx --conditions=react-server bench/generate.ts --scale 1|10|100 --out <file.db>
// ×1 is the seeded 2026 programme with four quarters of reports; ×10 and ×100 add
// programme years and units/tasks per year (bench/generate/programme.ts). The picture is
// the last day of 2026 Q4: Q1–Q2 reviewed, Q3 mostly in (some overdue, some returned),
// Q4 being drafted, and every past year complete.
import fs from "node:fs";
import { and, eq } from "drizzle-orm";
import { writeAudit } from "@/db/audit";
import { openDatabase, type Db } from "@/db/client";
import { loadProgramme } from "@/db/data-file/programme";
import { migrateDatabase } from "@/db/migrate";
import { insertNotice } from "@/db/queries/notices";
import { gazetteProgramme } from "@/db/seed/gazette-programme";
import { seedPeriods } from "@/db/seed/seed-periods";
import { seedUsers } from "@/db/seed/seed-users";
import { periods, programmeYears, taskUnits } from "@/db/schema";
import { countRows } from "@/db/backup";
import { scaledProgramme, scalePlan } from "./generate/programme";
import { BENCH_PASSWORD } from "./lib/constants";
import { loadActors, tasksOfYear, writeTaskYear, type Outcome } from "./generate/reports";
import { rng, type Random } from "./generate/text";

/**
 * Each task's year is drawn from its own seed (year and 序号), not from one stream: the 2026
 * programme's tasks get the same reports at every scale, so ×100 ÷ ×1 compares the same page
 * with more data around it, not a task that happened to draw a longer history.
 */
const taskRandom = (year: number, no: number): Random => rng(year * 100_003 + no);

function outcomesFor(r: Random, current: boolean): Outcome[] {
  const reviewed = (): Outcome => (r() < 0.1 ? "resubmitted" : "approved");
  if (!current) return [reviewed(), reviewed(), reviewed(), reviewed()];
  const x = r();
  const q3: Outcome = x < 0.12 ? "none" : x < 0.25 ? "pending" : x < 0.3 ? "returned" : x < 0.36 ? "resubmitted" : "approved";
  return [reviewed(), reviewed(), q3, r() < 0.6 ? "draft" : "none"];
}

export interface GenerateSummary {
  scale: number;
  years: number[];
  tasksPerYear: number;
  reportsWritten: number;
  seconds: number;
  rows: Record<string, number>;
}

export async function generate({ file, scale, log = () => {} }: { file: string; scale: number; log?: (line: string) => void }): Promise<GenerateSummary> {
  const started = Date.now();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
  const db = openDatabase(file);
  try {
    migrateDatabase(db);
    // A generated file is thrown away if generation fails, so it need not survive power loss.
    db.$client.pragma("synchronous = OFF");
    const plan = scalePlan(scale);
    const base = gazetteProgramme();
    for (const year of plan.years) {
      db.transaction((tx) => loadProgramme(tx, scaledProgramme(base, { year, copies: plan.copies })), { behavior: "immediate" });
      seedPeriods(db, { year });
    }
    await seedUsers(db, { initialPassword: BENCH_PASSWORD });
    log(`programme loaded (${plan.years.length} years × ${plan.copies} copies), accounts created`);

    const actors = loadActors(db);
    let reportsWritten = 0;
    for (const year of plan.years) {
      const yearRow = db.select().from(programmeYears).where(eq(programmeYears.year, year)).get()!;
      const yearPeriods = db.select().from(periods).where(eq(periods.yearId, yearRow.id)).orderBy(periods.quarter).all();
      const current = year === plan.years.at(-1);
      const reminded: number[] = [];
      for (const { id: taskId, no } of tasksOfYear(db, yearRow.id)) {
        const r = taskRandom(year, no);
        const outcomes = outcomesFor(r, current);
        reportsWritten += writeTaskYear(db, r, { taskId, yearPeriods, outcomes, actors });
        // Half of the overdue Q3 reports get a 催办.
        if (current && outcomes[2] === "none" && r() >= 0.5) reminded.push(taskId);
      }
      if (current) issueReminders(db, reminded, yearPeriods[2]!.id, actors.supervisor);
      log(`${year}: reports written so far ${reportsWritten}`);
    }
    db.$client.pragma("optimize");
    return {
      scale,
      years: plan.years,
      tasksPerYear: base.tasks.length * plan.copies,
      reportsWritten,
      seconds: (Date.now() - started) / 1000,
      rows: countRows(db.$client),
    };
  } finally {
    db.$client.close();
  }
}

/** 催办 for the given overdue Q3 reports, as the 督查室 sends them in early October. */
function issueReminders(db: Db, taskIds: number[], periodId: number, supervisor: ReturnType<typeof loadActors>["supervisor"]) {
  for (const taskId of taskIds) {
    const lead = db
      .select({ unitId: taskUnits.unitId })
      .from(taskUnits)
      .where(and(eq(taskUnits.taskId, taskId), eq(taskUnits.role, "lead")))
      .all();
    db.transaction(
      (tx) => {
        const now = Date.parse("2026-10-08T02:00:00Z");
        const notice = insertNotice(tx, {
          taskId,
          periodId,
          level: "cuiban",
          problem: "第三季度工作进展逾期未报送。",
          requirement: "请于 10 月 15 日前补报第三季度进展及佐证材料。",
          deadline: "2026-10-15",
          unitIds: lead.map((l) => l.unitId),
          byId: supervisor.id,
          now,
        });
        writeAudit(tx, {
          actor: supervisor,
          ip: "10.20.0.1",
          action: "notice.issue",
          entity: "notice",
          entityId: notice.id,
          outcome: "success",
          after: { taskId, level: "cuiban" },
        });
      },
      { behavior: "immediate" },
    );
  }
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (require.main === module) {
  const scale = Number(arg("scale") ?? 1);
  const file = arg("out");
  if (!file || !Number.isInteger(scale) || scale < 1) {
    console.error("用法：tsx --conditions=react-server bench/generate.ts --scale 1|10|100 --out <文件.db>");
    process.exit(2);
  }
  generate({ file, scale, log: (line) => console.error(`[generate ×${scale}] ${line}`) })
    .then((summary) => console.log(JSON.stringify(summary)))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
