import { eq } from "drizzle-orm";
import type { SubjectKind } from "@/lib/vocabulary";
import type { coopNotes, notices, reportParts, reports } from "../schema";

/** A report (part, note, notice) is about exactly one task, livelihood project or 督办事项; the object is its own column. */
export type ReportSubject = { taskId: number } | { projectId: number } | { itemId: number };

type SubjectTable = typeof reports | typeof reportParts | typeof coopNotes | typeof notices;

/** The row's subject column equals the subject's id. */
export function subjectWhere(table: SubjectTable, s: ReportSubject) {
  if ("taskId" in s) return eq(table.taskId, s.taskId);
  if ("projectId" in s) return eq(table.projectId, s.projectId);
  return eq(table.itemId, s.itemId);
}

/** The kind and id a status row or subject key uses. */
export function subjectKindId(s: ReportSubject): { kind: SubjectKind; subjectId: number } {
  if ("taskId" in s) return { kind: "task", subjectId: s.taskId };
  if ("projectId" in s) return { kind: "project", subjectId: s.projectId };
  return { kind: "item", subjectId: s.itemId };
}

/** The subject of a row read with its three subject columns. */
export function subjectOfRow(r: { taskId: number | null; projectId: number | null; itemId: number | null }): ReportSubject {
  if (r.taskId !== null) return { taskId: r.taskId };
  if (r.projectId !== null) return { projectId: r.projectId };
  return { itemId: r.itemId! };
}

/** The subject of a kind and id. */
export function subjectOfKind(kind: SubjectKind, id: number): ReportSubject {
  return kind === "task" ? { taskId: id } : kind === "project" ? { projectId: id } : { itemId: id };
}
