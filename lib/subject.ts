// A subject is what a quarterly report is about: a key task (第32项) or a livelihood
// project (民生实事2). Its key, labels and page paths are made here and only here.
import type { SubjectKind } from "./vocabulary";

export interface SubjectRef {
  kind: SubjectKind;
  no: number;
}

/** "task:32" / "project:2": the subject's key in maps, URLs and form fields. */
export function subjectKey(ref: SubjectRef): string {
  return `${ref.kind}:${ref.no}`;
}

const KEY_RE = /^(task|project):(\d{1,4})$/;

export function parseSubjectKey(key: string): SubjectRef | null {
  const m = KEY_RE.exec(key);
  return m ? { kind: m[1] as SubjectKind, no: Number(m[2]) } : null;
}

/** "第32项" / "民生实事2". */
export function subjectLabel(ref: SubjectRef): string {
  return ref.kind === "task" ? `第${ref.no}项` : `民生实事${ref.no}`;
}

/** "第32项 新建充电桩…" / "民生实事2 城镇危旧房整治项目": the label with the title, clipped. */
export function subjectFullLabel(ref: SubjectRef, title: string, max = 40): string {
  const flat = title.replace(/\s+/g, " ").trim();
  const clipped = flat.length > max ? `${flat.slice(0, max)}…` : flat;
  return clipped ? `${subjectLabel(ref)} ${clipped}` : subjectLabel(ref);
}

/** The subject's own page. */
export function subjectPath(ref: SubjectRef): string {
  return ref.kind === "task" ? `/tasks/${ref.no}` : `/projects/${ref.no}`;
}

/** The subject's report page for a quarter ("2026Q3"). */
export function reportPath(ref: SubjectRef, periodCode: string): string {
  return `${subjectPath(ref)}/report/${periodCode}`;
}

/** The subject's 月度推进节点 page for a quarter. */
export function nodesPath(ref: SubjectRef, periodCode: string): string {
  return `${subjectPath(ref)}/nodes/${periodCode}`;
}

/** Tasks in 序号 order first, then livelihood projects. */
export function compareSubjects(a: SubjectRef, b: SubjectRef): number {
  if (a.kind !== b.kind) return a.kind === "task" ? -1 : 1;
  return a.no - b.no;
}

/** What status screens show about a subject beside its lamps. */
export interface SubjectInfo extends SubjectRef {
  /** The task's 目标任务 or the project's name. */
  title: string;
  section: string;
  sectionPosition: number;
  leaders: readonly string[];
  /** Lead unit names in gazette order (the first compiles the report). */
  leadUnits: readonly string[];
}
