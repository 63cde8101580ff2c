import Link from "next/link";
import { appToday } from "@/app/_lib/today";
import { listNoticeEvents, listOpenNoticesForUnit } from "@/db/queries/notices";
import { formatChineseDate } from "@/lib/format-date";
import { displayState, noticeDaysOverdue } from "@/lib/notice-state";
import { can, type SessionUser } from "@/lib/permissions";
import { daysBetween } from "@/lib/periods";
import { noticeReportLink, subjectLabel, subjectPath } from "@/app/supervision/notices/notice-helpers";
import { NoticeLevelBadge, NoticeStateBadge } from "@/components/notices/notice-state-badge";
import { NoticeTimeline } from "@/components/notices/notice-timeline";
import { NoticeReplyForm } from "./notice-reply-form";

/**
 * The unit's open 催办/督办, for the top of /my: what was asked, by when, the history so
 * far (including why a reply was sent back), and the reply form while one is due.
 */
export function OpenNotices({ user }: { user: SessionUser }) {
  if (user.role !== "unit" || user.unitId === null) return null;
  const notices = listOpenNoticesForUnit({ unitId: user.unitId });
  if (notices.length === 0) return null;
  const today = appToday();
  const events = listNoticeEvents({ noticeIds: notices.map((n) => n.id) });
  const waiting = notices.filter((n) => n.status === "sent").length;

  return (
    <section aria-labelledby="open-notices-heading" className="space-y-3 rounded-lg border-2 border-red-300 bg-red-50 p-3 sm:p-4">
      <h2 id="open-notices-heading" className="text-base font-semibold text-red-900">
        督查室催办督办（{waiting} 件待回复）
      </h2>
      <ul className="space-y-3">
        {notices.map((n) => {
          const state = displayState(n, today);
          const report = noticeReportLink(n);
          const left = daysBetween(today, n.deadline);
          return (
            <li key={n.id} id={`notice-${n.id}`} className="scroll-mt-4 rounded border bg-white p-3" data-testid="open-notice">
              <div className="flex flex-wrap items-center gap-2">
                <NoticeLevelBadge level={n.level} />
                <h3 className="text-sm font-semibold">{n.title}</h3>
                <NoticeStateBadge state={state} />
                {subjectPath(n) && (
                  <Link href={subjectPath(n)!} className="text-sm underline">
                    {subjectLabel(n)}
                  </Link>
                )}
                {report && (
                  <Link href={report.href} className="text-sm underline">
                    {report.label}
                    <span className="sr-only">（{subjectLabel(n)}）</span>
                  </Link>
                )}
              </div>
              <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[6rem_1fr]">
                <dt className="font-medium text-gray-700">存在问题</dt>
                <dd className="whitespace-pre-wrap">{n.problem}</dd>
                <dt className="font-medium text-gray-700">整改要求</dt>
                <dd className="whitespace-pre-wrap">{n.requirement}</dd>
                <dt className="font-medium text-gray-700">回复期限</dt>
                <dd className={state === "overdue" ? "font-semibold text-red-800" : ""}>
                  {formatChineseDate(n.deadline)}
                  {n.status === "sent" &&
                    (state === "overdue" ? `（已逾期 ${noticeDaysOverdue(n, today)} 天）` : left === 0 ? "（今天到期）" : `（还剩 ${left} 天）`)}
                </dd>
              </dl>
              <details className="mt-2">
                <summary className="cursor-pointer text-sm text-brand-700">办理过程</summary>
                <div className="mt-2">
                  <NoticeTimeline events={events.filter((e) => e.noticeId === n.id)} level={n.level} />
                </div>
              </details>
              {n.status === "replied" ? (
                <p className="mt-2 text-sm text-gray-800">已回复，等待督查室审核销号。</p>
              ) : (
                can(user, "notice:reply", { addresseeUnitIds: n.units.map((u) => u.id) }) && (
                  <div className="mt-3">
                    <NoticeReplyForm noticeId={n.id} version={n.version} title={n.title} />
                  </div>
                )
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
