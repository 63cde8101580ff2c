import type { NoticeRow } from "@/db/queries/notices";
import { quarterLabel } from "@/lib/periods";
import { reportPath, subjectLabel as labelOf, subjectPath as pathOf, type SubjectRef } from "@/lib/subject";

/** Where a notice is read: units answer on /my, the 督查室 and leaders open its page. */
export function noticeLinks(id: number) {
  return { unit: `/my#notice-${id}`, supervisor: `/supervision/notices/${id}` };
}

type NoticeSubject = Pick<NoticeRow, "taskNo" | "projectNo" | "itemNo">;

/** The task, livelihood project or 督办事项 a notice is about, or null. */
export function noticeSubject(n: NoticeSubject): SubjectRef | null {
  if (n.taskNo !== null) return { kind: "task", no: n.taskNo };
  if (n.projectNo !== null) return { kind: "project", no: n.projectNo };
  if (n.itemNo !== null) return { kind: "item", no: n.itemNo };
  return null;
}

/** 第32项 / 民生实事2: how a notice's subject is named in titles. */
export function subjectLabel(n: NoticeSubject): string {
  const ref = noticeSubject(n);
  return ref ? labelOf(ref) : "督办事项";
}

/** The subject's own page, or null. */
export function subjectPath(n: NoticeSubject): string | null {
  const ref = noticeSubject(n);
  return ref ? pathOf(ref) : null;
}

/** The report a notice about a quarter asks for ("2026年第四季度报告" and its page), or null. */
export function noticeReportLink(n: NoticeSubject & Pick<NoticeRow, "periodCode">): { href: string; label: string } | null {
  const ref = noticeSubject(n);
  return ref && n.periodCode ? { href: reportPath(ref, n.periodCode), label: `${quarterLabel(n.periodCode)}报告` } : null;
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
