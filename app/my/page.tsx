import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/app/_lib/current-user";
import { appToday } from "@/app/_lib/today";
import { OpenNotices } from "@/app/_components/open-notices";
import { buttonClassName } from "@/components/ui/button";
import { listPeriods } from "@/db/queries/periods";
import { listCoopTasks, listReportNotes } from "@/db/queries/report-board";
import { listSubjectQuarters } from "@/db/queries/status-board";
import { subjectKey } from "@/lib/subject";
import { formatChineseDate } from "@/lib/format-date";
import { daysLeft, quarterLabel, quarterShort, reportingPeriod } from "@/lib/periods";
import { REPORT_STATE_LABEL } from "@/lib/report-labels";
import { TaskCard, type TaskCardItem } from "./_components/task-card";
import { currentProgrammeYear } from "@/app/_lib/programme-year";

export const metadata: Metadata = { title: "我的任务" };

type Props = { searchParams: Promise<{ quarter?: string | string[] }> };

// Returned reports first (they need action), then not yet submitted (overdue ones first), then the rest.
const ORDER = { returned: 0, none: 1, draft: 1, submitted: 2, approved: 3 } as const;

export default async function MyTasksPage({ searchParams }: Props) {
  const user = await requireRole("unit");
  const unitId = user.unitId!;
  const today = appToday();
  const periods = listPeriods({ yearId: currentProgrammeYear().id });
  const requested = (await searchParams).quarter;
  const period = periods.find((p) => p.code === requested) ?? reportingPeriod(periods, today) ?? periods[0];

  if (!period) {
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold sm:text-2xl">我的任务</h1>
        <p className="text-sm text-gray-700">尚未设置填报季度，请联系系统管理员。</p>
      </div>
    );
  }

  const quarters = listSubjectQuarters({ periods: [period], asOf: today, today, filter: { yearId: period.yearId, leadUnitId: unitId } });
  const notes = listReportNotes({
    periodId: period.id,
    taskIds: quarters.filter((q) => q.subject.kind === "task").map((q) => q.subject.id),
    projectIds: quarters.filter((q) => q.subject.kind === "project").map((q) => q.subject.id),
  });
  const items: TaskCardItem[] = quarters
    .map((quarter) => ({ quarter, note: notes.get(subjectKey(quarter.subject)) }))
    .sort((a, b) => {
      const byState = ORDER[a.quarter.reportState ?? "none"] - ORDER[b.quarter.reportState ?? "none"];
      if (byState !== 0) return byState;
      const overdue = (i: TaskCardItem) => (i.quarter.status.reporting === "missing" ? 0 : 1);
      return overdue(a) - overdue(b) || (a.quarter.subject.kind === b.quarter.subject.kind ? 0 : a.quarter.subject.kind === "task" ? -1 : 1) || a.quarter.subject.no - b.quarter.subject.no;
    });
  const coopTasks = listCoopTasks({ unitId, periodId: period.id });
  const counts = new Map<string, number>();
  for (const { quarter } of items) {
    const key = quarter.reportState ?? "none";
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const days = daysLeft(period, today);

  return (
    <div className="space-y-5">
      <header className="space-y-2">
        <h1 className="text-xl font-semibold sm:text-2xl">我的任务</h1>
        <p className="text-sm text-gray-800">
          {user.unitName} · {quarterLabel(period.code)} · 报告截止 {formatChineseDate(period.dueOn)}
          {days > 0 ? `（还剩 ${days} 天）` : days === 0 ? "（今天截止）" : `（已过 ${-days} 天）`}
        </p>
        <p className="no-print text-sm">
          <Link href="/ledger">用 Excel 台账批量填报（导出、回填导入）</Link>
        </p>
        <nav aria-label="选择季度" className="flex flex-wrap gap-3 text-sm">
          {periods.map((p) =>
            p.code === period.code ? (
              <span key={p.code} aria-current="page" className="font-semibold">{quarterShort(p.code)}</span>
            ) : (
              <Link key={p.code} href={`/my?quarter=${p.code}`}>{quarterShort(p.code)}</Link>
            ),
          )}
        </nav>
        {items.length > 0 && (
          <ul aria-label="填报情况统计" className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-gray-800">
            {(["returned", "none", "draft", "submitted", "approved"] as const).map((k) => (
              <li key={k}>
                {REPORT_STATE_LABEL[k]} <strong>{counts.get(k) ?? 0}</strong>
              </li>
            ))}
          </ul>
        )}
      </header>

      <OpenNotices user={user} />

      <section aria-labelledby="lead-heading" className="space-y-3">
        <h2 id="lead-heading" className="text-base font-semibold">牵头事项（{items.length} 项）</h2>
        {items.length === 0 ? (
          <p className="text-sm text-gray-700">本单位没有牵头的重点工作任务或民生实事。</p>
        ) : (
          <ul className="grid gap-3 lg:grid-cols-2">
            {items.map((item) => (
              <TaskCard key={subjectKey(item.quarter.subject)} item={item} period={period} today={today} />
            ))}
          </ul>
        )}
      </section>

      {coopTasks.length > 0 && (
        <section aria-labelledby="coop-heading" className="space-y-3">
          <h2 id="coop-heading" className="text-base font-semibold">配合任务（{coopTasks.length} 项）</h2>
          <ul className="divide-y rounded border bg-white">
            {coopTasks.map((t) => (
              <li key={t.taskId} className="flex flex-col gap-2 p-3 sm:flex-row sm:items-center sm:justify-between">
                <p className="text-sm">
                  <span className="font-medium">序号 {t.no}</span> <span className="text-gray-800">{t.target}</span>
                </p>
                <Link href={`/tasks/${t.no}/report/${period.code}#coop`} className={`${buttonClassName("secondary")} shrink-0`}>
                  {t.hasNote ? "修改配合情况" : "填写配合情况"}
                  <span className="sr-only">（序号 {t.no}）</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
