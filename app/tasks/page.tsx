import type { Metadata } from "next";
import { requireUser } from "@/app/_lib/current-user";
import { listLeaders, listTasks, listUnits } from "@/db/queries/tasks";
import { applyTaskQuery, parseTaskQuery } from "@/lib/task-filter";
import { TaskView } from "./_components/task-view";
import { currentProgrammeYear } from "@/app/_lib/programme-year";

export const metadata: Metadata = { title: "任务总览" };

export default async function TasksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireUser();
  const { id: yearId } = currentProgrammeYear();
  const tasks = listTasks({ yearId });
  const leaders = listLeaders({ yearId });
  const units = listUnits({ yearId });
  const query = parseTaskQuery(await searchParams, {
    leaders: leaders.map((leader) => leader.name),
    units: units.map((unit) => unit.name),
  });
  const rows = applyTaskQuery(tasks, query);

  return (
    <>
      <h1 className="mb-1 text-xl font-semibold sm:text-2xl">2026 年市政府重点工作任务</h1>
      <p className="mb-4 text-sm text-gray-700">按板块分组，依公报顺序排列；可搜索、筛选、排序，链接可直接分享当前视图。</p>
      <TaskView rows={rows} total={tasks.length} query={query} leaders={leaders} units={units} />
    </>
  );
}
