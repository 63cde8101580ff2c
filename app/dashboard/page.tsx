import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/app/_lib/current-user";
import { loadDashboard } from "@/db/queries/dashboard";
import { listLeaders } from "@/db/queries/tasks";
import { groupTasks, leaderFirst, ragChanges, summarize } from "@/lib/dashboard";
import { formatDayCn, quarterLabel } from "@/lib/periods";
import { DashboardControls } from "./_components/dashboard-controls";
import { Definitions } from "./_components/definitions";
import { DubanList } from "./_components/duban-list";
import { GroupBreakdown, groupCells } from "./_components/group-breakdown";
import { Headline } from "./_components/headline";
import { ProjectPanels } from "./_components/project-panels";
import { TaskStatusTable } from "./_components/task-status-table";
import { UnitTable } from "./_components/unit-table";
import { drillHref, resolveDashboardView } from "./_lib/view";

export const metadata: Metadata = { title: "领导驾驶舱" };

/** The red list on the page shows the first few (the leader's own first); the full list is one click away. */
const RED_LIST_SHOWN = 15;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DashboardPage({ searchParams }: Props) {
  const user = await requirePermission(["dashboard:read"], { entity: "dashboard" });
  const view = resolveDashboardView(user, await searchParams);
  if (!view) return <p>尚未设置季度报告期，请联系系统管理员。</p>;

  const data = loadDashboard({ period: view.period, previous: view.previous, asOf: view.asOf });
  const tasks = view.leader ? data.tasks.filter((t) => t.leaders.includes(view.leader!)) : data.tasks;
  const inScope = new Set(tasks.map((t) => t.no));
  const openDuban = data.openDuban.filter((n) => inScope.has(n.taskNo));
  // 督办 the 督查室 raised to a leader: a 牵头领导 sees those on their own tasks; the 市长 and the offices see all.
  const ownTasks = new Set(view.ownLeader ? data.tasks.filter((t) => t.leaders.includes(view.ownLeader!)).map((t) => t.no) : []);
  const escalated = data.openDuban.filter((n) => n.escalated && (view.ownLeader ? ownTasks.has(n.taskNo) : true));
  const summary = summarize(tasks);
  const changes = ragChanges(tasks);
  const red = leaderFirst(tasks.filter((t) => t.rag === "red"), view.ownLeader);
  const leaderOrder = listLeaders().map((l) => l.name);

  return (
    <article className="dashboard space-y-4">
      <header>
        <h1 className="text-lg font-semibold sm:text-xl">领导驾驶舱 · {quarterLabel(view.period.code)}</h1>
        <p className="mt-1 text-sm text-gray-800">
          数据截至 {formatDayCn(view.asOf)} · {view.leader ? `${view.leader}牵头的 ${tasks.length} 项任务` : `全部 ${tasks.length} 项任务`}
        </p>
      </header>
      <DashboardControls view={view} path="/dashboard" />

      <Headline view={view} summary={summary} changes={changes} openDuban={openDuban.length} escalatedDuban={openDuban.filter((n) => n.escalated).length} />

      <DubanList notices={escalated} id="escalated" title={view.ownLeader ? "呈报我的督办" : "呈报领导的督办"} empty="没有呈报领导的未销号督办。" />

      {view.previous && (changes.turnedRed.length > 0 || changes.turnedGreen.length > 0) && (
        <section aria-labelledby="changes-heading" className="break-inside-avoid">
          <h2 id="changes-heading" className="mb-2 text-base font-semibold">
            较上季度的变化
          </h2>
          <TaskStatusTable tasks={[...changes.turnedRed, ...changes.turnedGreen]} caption="本季度转红、转绿的任务" ownLeader={view.ownLeader} showPrevious />
        </section>
      )}

      <GroupBreakdown view={view} rows={groupTasks(tasks, "section")} id="by-section" title="按板块" />
      <GroupBreakdown view={view} rows={groupTasks(tasks, "leader", leaderOrder)} id="by-leader" title="按牵头领导" />

      <ProjectPanels projects={data.projects} period={view.period} periods={view.periods} asOf={view.asOf} />

      <section aria-labelledby="red-heading">
        <h2 id="red-heading" className="mb-2 text-base font-semibold">
          红色任务清单（{red.length} 项{red.length > RED_LIST_SHOWN ? `，列出前 ${RED_LIST_SHOWN} 项` : ""}）
        </h2>
        <TaskStatusTable tasks={red.slice(0, RED_LIST_SHOWN)} caption="红色任务及原因" ownLeader={view.ownLeader} empty="本季度没有红色任务。" />
        {red.length > RED_LIST_SHOWN && (
          <p className="mt-2 text-sm">
            <Link href={drillHref(view, { rag: "red" })}>查看全部 {red.length} 项红色任务</Link>
          </p>
        )}
      </section>

      <section aria-labelledby="by-unit-heading">
        <h2 id="by-unit-heading" className="mb-2 text-base font-semibold">
          按牵头单位
        </h2>
        <UnitTable rows={groupTasks(tasks, "unit").map((row) => ({ name: row.name, ...groupCells(view, row) }))} />
      </section>

      <DubanList notices={openDuban} id="duban" title={`未销号的督办（${openDuban.length} 件）`} empty="没有未销号的督办。" />

      <Definitions />
    </article>
  );
}
