import type { Metadata } from "next";
import { requirePermission } from "@/app/_lib/current-user";
import { listLeaders, listTasks, listUnits } from "@/db/queries/tasks";
import { pageOf, parsePageParam } from "@/lib/pagination";
import { applyTaskQuery, parseTaskQuery } from "@/lib/task-filter";
import { TaskView } from "./_components/task-view";
import { currentProgrammeYear, linkYear } from "@/app/_lib/programme-year";

export const metadata: Metadata = { title: "任务总览" };

export default async function TasksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission(["task:read"], { entity: "page", entityId: "/tasks" });
  const { id: yearId, year } = await currentProgrammeYear();
  const tasks = listTasks({ yearId });
  const leaders = listLeaders({ yearId });
  const units = listUnits({ yearId });
  const params = await searchParams;
  const query = parseTaskQuery(params, {
    leaders: leaders.map((leader) => leader.name),
    units: units.map((unit) => unit.name),
  });
  const matched = applyTaskQuery(tasks, query);
  // Only the page shown is sent to the browser; the count still covers every match.
  const shown = pageOf(matched, parsePageParam(params.page));

  return (
    <>
      <h1 className="mb-1 text-xl font-semibold sm:text-2xl">{year} 年市政府重点工作任务</h1>
      <p className="mb-4 text-sm text-gray-700">按板块分组，依公报顺序排列；可搜索、筛选、排序，链接可直接分享当前视图。</p>
      <TaskView
        shown={shown}
        total={tasks.length}
        query={query}
        leaders={leaders}
        units={units}
        caption={`${year} 年市政府重点工作任务`}
        year={await linkYear()}
      />
    </>
  );
}
