import "server-only";
import { and, asc, eq, notExists, or, sql } from "drizzle-orm";
import { diffFields, verificationText, type FieldChange } from "@/lib/programme-fields";
import type { SubjectKind } from "@/lib/vocabulary";
import { getDb, type Tx } from "../client";
import { livelihoodProjects, programmeChanges, tasks, taskUnits } from "../schema";

// The 待核实 list: what the gazette left uncertain (flagged when the data was curated) and
// every task that has no 牵头单位 yet (nobody can report on it until one is named).

export interface VerificationItem {
  kind: SubjectKind;
  no: number;
  title: string;
  note: string | null;
  needsVerification: boolean;
  /** A task with no lead unit: 无需报送（待指定牵头单位） until one is named. */
  missingLeadUnit: boolean;
  version: number;
}

export function listVerificationItems({ yearId }: { yearId: number }): VerificationItem[] {
  const db = getDb();
  const noLead = notExists(
    db
      .select({ one: sql`1` })
      .from(taskUnits)
      .where(and(eq(taskUnits.taskId, tasks.id), eq(taskUnits.role, "lead"))),
  );
  const taskRows = db
    .select({
      no: tasks.no,
      title: tasks.target,
      note: tasks.note,
      needsVerification: tasks.needsVerification,
      missingLeadUnit: sql<number>`${noLead}`,
      version: tasks.version,
    })
    .from(tasks)
    .where(and(eq(tasks.yearId, yearId), or(eq(tasks.needsVerification, true), noLead)))
    .orderBy(asc(tasks.no))
    .all();
  const projectRows = db
    .select({ no: livelihoodProjects.no, title: livelihoodProjects.name, note: livelihoodProjects.note, version: livelihoodProjects.version })
    .from(livelihoodProjects)
    .where(and(eq(livelihoodProjects.yearId, yearId), eq(livelihoodProjects.needsVerification, true)))
    .orderBy(asc(livelihoodProjects.no))
    .all();
  return [
    ...taskRows.map((r) => ({ kind: "task" as const, ...r, missingLeadUnit: Boolean(r.missingLeadUnit) })),
    ...projectRows.map((r) => ({ kind: "project" as const, ...r, needsVerification: true, missingLeadUnit: false })),
  ];
}

export interface ProjectForVerification {
  id: number;
  no: number;
  name: string;
  version: number;
  needsVerification: boolean;
  note: string | null;
}

export function getProjectForVerification({ yearId, no }: { yearId: number; no: number }, db: Pick<Tx, "select"> = getDb()): ProjectForVerification | null {
  return (
    db
      .select({
        id: livelihoodProjects.id,
        no: livelihoodProjects.no,
        name: livelihoodProjects.name,
        version: livelihoodProjects.version,
        needsVerification: livelihoodProjects.needsVerification,
        note: livelihoodProjects.note,
      })
      .from(livelihoodProjects)
      .where(and(eq(livelihoodProjects.yearId, yearId), eq(livelihoodProjects.no, no)))
      .get() ?? null
  );
}

const PROJECT_LABEL = { confirmed: "核实结果", needsVerification: "待核实", note: "核实说明" };

/**
 * Records the 督查室's or administrator's confirmation of a flagged project: the corrected
 * value as confirmed, on what source, and whether the flag stays (with a new note) or clears.
 */
export function resolveProjectVerification(
  tx: Tx,
  project: ProjectForVerification,
  input: { confirmed: string; keepFlag: boolean; note: string | null; reason: string; source: string; expectedVersion: number },
  { byId, now }: { byId: number; now: number },
): { ok: true; changes: FieldChange[] } | { ok: false } {
  const updated = tx
    .update(livelihoodProjects)
    .set({ needsVerification: input.keepFlag, note: input.note, version: sql`${livelihoodProjects.version} + 1` })
    .where(and(eq(livelihoodProjects.id, project.id), eq(livelihoodProjects.version, input.expectedVersion)))
    .run();
  if (updated.changes === 0) return { ok: false };
  const changes = diffFields(
    PROJECT_LABEL,
    { confirmed: "", needsVerification: verificationText(project.needsVerification), note: project.note ?? "" },
    { confirmed: input.confirmed, needsVerification: verificationText(input.keepFlag), note: input.note ?? "" },
  );
  tx.insert(programmeChanges)
    .values({ subjectKind: "project", subjectId: project.id, at: now, byId, reason: input.reason, source: input.source, changes })
    .run();
  return { ok: true, changes };
}
