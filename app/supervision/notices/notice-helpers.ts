import type { NoticeRow } from "@/db/queries/notices";

/** Where a notice is read: units answer on /my, the 督查室 and leaders open its page. */
export function noticeLinks(id: number) {
  return { unit: `/my#notice-${id}`, supervisor: `/supervision/notices/${id}` };
}

type SubjectRef = Pick<NoticeRow, "taskNo" | "projectNo">;

/** 第32项 / 民生实事2: how a notice's subject is named in titles. */
export function subjectLabel(n: SubjectRef): string {
  if (n.taskNo !== null) return `第${n.taskNo}项`;
  if (n.projectNo !== null) return `民生实事${n.projectNo}`;
  return "督办事项";
}

/** The subject's own page, or null. */
export function subjectPath(n: SubjectRef): string | null {
  if (n.taskNo !== null) return `/tasks/${n.taskNo}`;
  if (n.projectNo !== null) return `/projects/${n.projectNo}`;
  return null;
}

/** What an audit row records about a notice before a change. */
export function noticeAuditView(n: NoticeRow) {
  return {
    title: n.title,
    level: n.level,
    status: n.status,
    deadline: n.deadline,
    escalatedToLeaderAt: n.escalatedToLeaderAt,
    version: n.version,
  };
}
