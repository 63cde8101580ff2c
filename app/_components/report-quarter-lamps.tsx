import { ProgressBadge, ReportingBadge } from "@/components/lamp-badges";
import { listSubjectQuarters } from "@/db/queries/status-board";
import type { PeriodRow } from "@/db/queries/periods";
import type { SubjectRef } from "@/lib/subject";

/**
 * A report page's two lamps and their reasons: judged on the last submitted version, never
 * on the draft being edited, exactly as every other screen shows the quarter.
 */
export function ReportQuarterLamps({ subject, period, today }: { subject: SubjectRef; period: PeriodRow; today: string }) {
  const quarter = listSubjectQuarters({ periods: [period], asOf: today, today, filter: { yearId: period.yearId, only: subject } })[0];
  if (!quarter) return null;
  const { status } = quarter;
  return (
    <>
      <ReportingBadge lamp={status.reporting} daysLate={status.daysLate} />
      <ProgressBadge lamp={status.progress} overridden={status.overridden} />
      {status.reasons.length > 0 && (
        <p className="basis-full text-sm text-gray-800" data-testid="report-reasons">
          {status.reasons.map((r) => r.text).join("；")}
        </p>
      )}
    </>
  );
}
