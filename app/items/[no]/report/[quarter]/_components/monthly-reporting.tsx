import { ReportingBadge } from "@/components/lamp-badges";
import { Card, CardTitle } from "@/components/ui/card";
import { formatChineseDate } from "@/lib/format-date";
import { monthLabel } from "@/lib/monthly-nodes";
import type { MonthReporting as Month } from "@/lib/quarter-status";

/** A monthly item's months in the quarter: each one's due day and whether it was reported (lib/quarter-status.ts judgeMonthlyReporting). */
export function MonthlyReporting({ months }: { months: readonly Month[] }) {
  return (
    <Card aria-labelledby="monthly-reporting-heading" data-testid="monthly-reporting">
      <CardTitle id="monthly-reporting-heading">按月报送</CardTitle>
      <p className="mb-2 text-sm text-gray-700">
        本事项按月推进、按月报送：每月报告于次月与季度报告相同的宽限天数内报送，本月 1 日起的首次提交即为本月报告；逾期未报、迟报按月计入本季度报送情况。
      </p>
      {months.length === 0 ? (
        <p className="text-sm text-gray-700">本季度没有需要报送的月份。</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {months.map((m) => (
            <li key={m.month} className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{monthLabel(m.month)}</span>
              <span className="text-gray-700">应于 {formatChineseDate(m.dueOn)}前报送</span>
              <ReportingBadge lamp={m.lamp} daysLate={m.daysLate} />
              {m.reportedOn && <span className="text-gray-700">（{formatChineseDate(m.reportedOn)}提交）</span>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
