import Link from "next/link";
import { getCurrentUser } from "@/app/_lib/current-user";
import { appToday } from "@/app/_lib/today";
import { NoticeLevelBadge, NoticeStateBadge } from "@/components/notices/notice-state-badge";
import { NoticeTimeline } from "@/components/notices/notice-timeline";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { listNoticeEvents, listNoticesForTask } from "@/db/queries/notices";
import { getReportTaskByNo } from "@/db/queries/reports";
import { formatChineseDate } from "@/lib/format-date";
import { displayState } from "@/lib/notice-state";
import { can } from "@/lib/permissions";
import { currentProgrammeYear } from "@/app/_lib/programme-year";

/**
 * 督办记录: every 催办/督办 on the task, newest first, with its whole history. A unit that is
 * neither addressed nor a lead unit of the task sees that a notice was answered, not the answer.
 */
export async function NoticeHistory({ taskNo }: { taskNo: number }) {
  const user = await getCurrentUser();
  if (!can(user, "task:read")) return null;
  const task = getReportTaskByNo({ yearId: (await currentProgrammeYear()).id, no: taskNo });
  if (!task) return null;
  const notices = listNoticesForTask({ taskId: task.id });
  const leadUnitIds = task.leadUnits.map((u) => u.id);
  const events = listNoticeEvents({ noticeIds: notices.map((n) => n.id) });
  const today = appToday();
  const openDesk = can(user, "supervision:read");

  return (
    <Card aria-labelledby="notice-history-heading">
      <CardTitle id="notice-history-heading">督办记录</CardTitle>
      {notices.length === 0 ? (
        <p className="text-sm text-gray-700">本任务尚无催办、督办。</p>
      ) : (
        <ol className="space-y-4">
          {notices.map((n) => (
            <li key={n.id} className="rounded border p-3" data-testid="task-notice">
              <h3 className="flex flex-wrap items-center gap-2 text-sm font-semibold">
                <NoticeLevelBadge level={n.level} />
                {openDesk ? (
                  <Link href={`/supervision/notices/${n.id}`} className="underline">
                    {n.title}
                  </Link>
                ) : (
                  <span>{n.title}</span>
                )}
                <NoticeStateBadge state={displayState(n, today)} />
                {n.escalatedToLeaderAt && <Badge tone="danger">已呈报牵头领导</Badge>}
              </h3>
              <p className="mt-1 text-sm">
                主送：{n.units.map((u) => u.name).join("、")} · 回复期限 {formatChineseDate(n.deadline)}
              </p>
              <p className="mt-1 whitespace-pre-wrap text-sm">问题：{n.problem}</p>
              <p className="whitespace-pre-wrap text-sm">要求：{n.requirement}</p>
              <div className="mt-2">
                <NoticeTimeline
                  events={events
                    .filter((e) => e.noticeId === n.id)
                    .map((e) =>
                      e.kind === "replied" && !can(user, "notice:replies", { addresseeUnitIds: n.units.map((u) => u.id), leadUnitIds })
                        ? { ...e, text: "（回复内容仅主送单位、牵头单位和督查室可见）", files: [] }
                        : e,
                    )}
                  level={n.level}
                />
              </div>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
