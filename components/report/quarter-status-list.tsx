import Link from "next/link";
import { ProgressBadge, ReportingBadge } from "@/components/lamp-badges";
import { ReportStateBadge } from "@/components/report-state-badge";
import { Badge } from "@/components/ui/badge";
import { formatChineseDate } from "@/lib/format-date";
import { canDraft, quarterLabel, type PeriodLike } from "@/lib/periods";
import type { QuarterStatus } from "@/lib/quarter-status";
import type { ReportState } from "@/lib/vocabulary";

export interface QuarterStatusItem {
  period: PeriodLike;
  reportState: ReportState | null;
  status: QuarterStatus;
  /** The report page, for those who may read it. */
  link: { href: string; label: string } | null;
}

/** A subject's four quarters at a glance: report state, due date, both lamps with their reasons. */
export function QuarterStatusList({ items, today }: { items: readonly QuarterStatusItem[]; today: string }) {
  return (
    <ul className="divide-y">
      {items.map(({ period, reportState, status, link }) => {
        const started = canDraft(period, today);
        return (
          <li key={period.code} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 text-sm" data-testid={`quarter-${period.code}`}>
            <span className="w-36 font-medium">{quarterLabel(period.code)}</span>
            {started ? <ReportStateBadge state={reportState} /> : <Badge>未开始</Badge>}
            <ReportingBadge lamp={status.reporting} daysLate={status.daysLate} />
            <ProgressBadge lamp={status.progress} overridden={status.overridden} />
            <span className="text-gray-700">截止 {formatChineseDate(period.dueOn)}</span>
            {link && started && (
              <Link href={link.href}>
                {link.label}
                <span className="sr-only">（{quarterLabel(period.code)}）</span>
              </Link>
            )}
            {status.reasons.length > 0 && <span className="basis-full text-gray-700">{status.reasons.map((r) => r.text).join("；")}</span>}
          </li>
        );
      })}
    </ul>
  );
}
