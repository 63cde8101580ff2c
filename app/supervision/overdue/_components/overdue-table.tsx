import Link from "next/link";
import { linkYear } from "@/app/_lib/programme-year";
import { yearHref } from "@/lib/programme-year";
import { NoticeStateBadge } from "@/components/notices/notice-state-badge";
import { ProgressBadge, ReportingBadge } from "@/components/lamp-badges";
import { ReportStateBadge } from "@/components/report-state-badge";
import { buttonClassName } from "@/components/ui/button";
import { formatDateTime } from "@/lib/format-time";
import type { OverdueEntry } from "@/lib/overdue";
import { quarterShort } from "@/lib/periods";
import { reportPath, subjectPath } from "@/lib/subject";
import { PROGRESS_LABEL } from "@/lib/vocabulary";
import { BULK_REMIND_FORM } from "./bulk-remind-form-id";
import { OverrideForm } from "./override-form";

/**
 * Where "发出通知" starts: the subject, the quarter and the list's day. The form takes its
 * problem text from the same list (overdueProblem), so the reasons are not carried in the URL.
 */
function issueHref(entry: OverdueEntry, asOf: string | null): string {
  const params = new URLSearchParams({ subject: entry.subject.key });
  if (entry.periodCode) params.set("period", entry.periodCode);
  if (asOf) params.set("asOf", asOf);
  return `/supervision/notices/new?${params.toString()}`;
}

/** The list in severity order; every item says why it is listed, what was asked, and what can be done. */
export async function OverdueTable({
  entries,
  first = 1,
  asOf = null,
  canIssue,
  canOverride,
}: {
  entries: readonly OverdueEntry[];
  first?: number;
  /** The past day the list is read as of (null: today). */
  asOf?: string | null;
  canIssue: boolean;
  canOverride: boolean;
}) {
  const year = await linkYear();
  return (
    <ol className="space-y-3" aria-label="逾期与滞后事项" start={first}>
      {entries.map((entry, i) => (
        <li key={entry.subject.key} className="rounded border bg-white p-3 shadow-sm sm:p-4" data-testid="overdue-entry" data-subject={entry.subject.key}>
          <div className="flex flex-wrap items-center gap-2">
            {canIssue && (
              <input
                type="checkbox"
                name="items"
                value={entry.subject.key}
                form={BULK_REMIND_FORM}
                aria-label={`选择${entry.subject.label}批量催办`}
                className="no-print size-5"
              />
            )}
            <span className="text-sm text-gray-700">{first + i}.</span>
            <h2 className="text-base font-semibold">
              <Link href={yearHref(subjectPath(entry.subject), year)}>{entry.subject.label}</Link>
            </h2>
            {entry.reporting && (
              <ReportingBadge
                lamp={entry.missingQuarters.length > 0 ? "missing" : entry.reporting}
                daysLate={entry.missingQuarters.length > 0 ? entry.missingDays : 0}
              />
            )}
            <ProgressBadge lamp={entry.progress} overridden={entry.override !== null} />
            {entry.override && (
              <span className="text-xs text-gray-800" data-testid="rag-override">
                系统计算：{PROGRESS_LABEL[entry.computedProgress]}
              </span>
            )}
            {entry.periodCode && (
              <Link href={yearHref(reportPath(entry.subject, entry.periodCode), year)} className="hover:no-underline">
                <span className="text-xs text-gray-700">{quarterShort(entry.periodCode)}</span> <ReportStateBadge state={entry.reportState} />
                <span className="sr-only">（打开{quarterShort(entry.periodCode)}报告）</span>
              </Link>
            )}
          </div>
          <p className="mt-1 line-clamp-2 text-sm text-gray-900">{entry.subject.title}</p>
          <p className="mt-1 text-xs text-gray-700">
            牵头领导：{entry.subject.leaders.join("、") || "—"} · 牵头单位：{entry.subject.leadUnits.join("、") || "—"}
          </p>
          <ul className="mt-2 list-disc space-y-0.5 pl-5 text-sm text-gray-900" aria-label="原因">
            {entry.reasons.map((r) => (
              <li key={r.text} data-testid="overdue-reason">
                {r.text}
              </li>
            ))}
          </ul>
          {entry.lateNotes.map((n) => (
            <p key={n.periodCode} className="mt-2 rounded bg-amber-50 px-2 py-1 text-sm text-gray-900" data-testid="overdue-late-note">
              逾期说明（{quarterShort(n.periodCode)}）：<span className="whitespace-pre-wrap">{n.text}</span>
            </p>
          ))}
          {entry.override && (
            <p className="mt-2 rounded bg-gray-50 px-2 py-1 text-sm text-gray-900">
              调整理由：{entry.override.reason}（{entry.override.byName}，{formatDateTime(entry.override.at)}）
            </p>
          )}
          {entry.notices.length > 0 && (
            <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label="已发通知">
              {entry.notices.map((n) => (
                <li key={n.id} className="flex items-center gap-1">
                  <Link href={`/supervision/notices/${n.id}`} className="underline">
                    {n.title}
                  </Link>
                  <NoticeStateBadge state={n.state} />
                  <span className="text-xs text-gray-700">期限 {n.deadline}</span>
                </li>
              ))}
            </ul>
          )}
          {(canIssue || canOverride) && (
            <div className="no-print mt-3 flex flex-wrap items-start gap-3">
              {canIssue && (
                <Link href={issueHref(entry, asOf)} className={buttonClassName("secondary")}>
                  发出催办/督办<span className="sr-only">（{entry.subject.label}）</span>
                </Link>
              )}
              {canOverride && entry.periodCode && (
                <OverrideForm
                  subjectKey={entry.subject.key}
                  periodCode={entry.periodCode}
                  label={entry.subject.label}
                  current={entry.override}
                  computed={entry.computedProgress}
                />
              )}
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
