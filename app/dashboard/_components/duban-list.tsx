import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { DashboardNotice } from "@/db/queries/dashboard";
import { formatChineseDate } from "@/lib/format-date";
import { NOTICE_STATE_LABEL } from "@/lib/notice-state";
import { yearHref } from "@/lib/programme-year";
import { subjectLabel, subjectPath } from "@/lib/subject";

/** Open 督办 with what was asked of whom and by when; each links to its subject's page, where the notice's history is. */
export function DubanList({
  notices,
  id,
  title,
  empty,
  year = null,
}: {
  notices: readonly DashboardNotice[];
  id: string;
  title: string;
  empty: string;
  year?: number | null;
}) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="break-inside-avoid rounded-lg border bg-white p-4 shadow-sm">
      <h2 id={`${id}-heading`} className="mb-2 text-base font-semibold">
        {title}
      </h2>
      {notices.length === 0 ? (
        <p className="text-sm text-gray-700">{empty}</p>
      ) : (
        <ul className="divide-y text-sm">
          {notices.map((n) => (
            <li key={n.id} className="py-2">
              <p className="flex flex-wrap items-center gap-2">
                <Link href={`/supervision/notices/${n.id}`} className="font-semibold underline">
                  {n.title}
                  {n.escalated && <span className="sr-only">（查看并批示）</span>}
                </Link>
                <Badge tone={n.state === "overdue" ? "danger" : n.state === "replied" ? "info" : "warning"}>{NOTICE_STATE_LABEL[n.state]}</Badge>
                {n.escalated && <Badge tone="danger">已呈报牵头领导</Badge>}
                <span className="text-xs text-gray-700">回复期限 {formatChineseDate(n.deadline)}</span>
              </p>
              <p className="mt-0.5">
                <Link href={yearHref(subjectPath(n.subject), year)}>
                  {subjectLabel(n.subject)} {n.subject.title}
                </Link>
              </p>
              <p className="text-xs text-gray-800">
                {n.units.join("、")}：{n.problem}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
