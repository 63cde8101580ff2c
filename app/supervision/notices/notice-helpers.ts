import type { NoticeRow } from "@/db/queries/notices";

/** Where a notice is read: units answer on /my, the 督查室 and leaders open its page. */
export function noticeLinks(id: number) {
  return { unit: `/my#notice-${id}`, supervisor: `/supervision/notices/${id}` };
}

export function subjectLabel(taskNo: number | null): string {
  return taskNo === null ? "督办事项" : `第${taskNo}项`;
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
