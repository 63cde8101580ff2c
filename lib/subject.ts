// A subject is what a quarterly report is about: a key task (第32项), a livelihood
// project (民生实事2) or a 督办事项 (督办事项12). Its key, labels and page paths are made
// here and only here.
import { SUBJECT_KINDS, type SubjectKind } from "./vocabulary";

/** Subjects a read is narrowed to, by kind and row id; null reads every subject. */
export type SubjectIds = readonly { kind: SubjectKind; id: number }[] | null;

export interface SubjectRef {
  kind: SubjectKind;
  no: number;
}

/** "task:32" / "project:2" / "item:12": the subject's key in maps, URLs and form fields. */
export function subjectKey(ref: SubjectRef): string {
  return `${ref.kind}:${ref.no}`;
}

const KEY_RE = new RegExp(`^(${SUBJECT_KINDS.join("|")}):(\\d{1,4})$`);

export function parseSubjectKey(key: string): SubjectRef | null {
  const m = KEY_RE.exec(key);
  return m ? { kind: m[1] as SubjectKind, no: Number(m[2]) } : null;
}

const LABEL: Record<SubjectKind, (no: number) => string> = {
  task: (no) => `第${no}项`,
  project: (no) => `民生实事${no}`,
  item: (no) => `督办事项${no}`,
};

const PATH: Record<SubjectKind, string> = { task: "/tasks", project: "/projects", item: "/items" };

/** "第32项" / "民生实事2" / "督办事项12". */
export function subjectLabel(ref: SubjectRef): string {
  return LABEL[ref.kind](ref.no);
}

/** "第32项 新建充电桩…" / "民生实事2 城镇危旧房整治项目": the label with the title, clipped. */
export function subjectFullLabel(ref: SubjectRef, title: string, max = 40): string {
  const flat = title.replace(/\s+/g, " ").trim();
  const clipped = flat.length > max ? `${flat.slice(0, max)}…` : flat;
  return clipped ? `${subjectLabel(ref)} ${clipped}` : subjectLabel(ref);
}

/** The subject's own page. */
export function subjectPath(ref: SubjectRef): string {
  return `${PATH[ref.kind]}/${ref.no}`;
}

/** The subject's report page for a quarter ("2026Q3"). */
export function reportPath(ref: SubjectRef, periodCode: string): string {
  return `${subjectPath(ref)}/report/${periodCode}`;
}

/** The subject's 月度推进节点 page for a quarter. */
export function nodesPath(ref: SubjectRef, periodCode: string): string {
  return `${subjectPath(ref)}/nodes/${periodCode}`;
}

/** Tasks in 序号 order first, then livelihood projects, then 督办事项. */
export function compareSubjects(a: SubjectRef, b: SubjectRef): number {
  if (a.kind !== b.kind) return SUBJECT_KINDS.indexOf(a.kind) - SUBJECT_KINDS.indexOf(b.kind);
  return a.no - b.no;
}

/** What status screens show about a subject beside its lamps. */
export interface SubjectInfo extends SubjectRef {
  /** The task's 目标任务, the project's name or the item's 事项. */
  title: string;
  section: string;
  sectionPosition: number;
  leaders: readonly string[];
  /** Lead unit names in gazette order (the first compiles the report). */
  leadUnits: readonly string[];
}
