"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Pager } from "@/components/ui/pager";
import type { ListPage } from "@/lib/pagination";
import { yearHref } from "@/lib/programme-year";
import { taskQueryToSearch, type TaskListItem, type TaskQuery } from "@/lib/task-filter";
import type { LeaderRef, UnitRef } from "@/db/queries/tasks";
import { TaskFilters } from "./task-filters";
import { TaskTable } from "./task-table";

/**
 * The 任务总览 view. The server has already filtered, sorted and paged the rows for
 * `query`; every control here only rewrites the URL (a new filter or sort starts at
 * page 1), and the server renders again.
 */
export function TaskView({
  shown,
  total,
  query,
  leaders,
  units,
  caption,
  year,
}: {
  shown: ListPage<TaskListItem>;
  total: number;
  query: TaskQuery;
  leaders: LeaderRef[];
  units: UnitRef[];
  caption: string;
  /** The year the links and filters keep (null: the default year). */
  year: number | null;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const navigate = (next: TaskQuery) => {
    startTransition(() => router.replace(yearHref(`/tasks${taskQueryToSearch(next)}`, year), { scroll: false }));
  };

  return (
    <>
      <TaskFilters query={query} count={shown.total} total={total} leaders={leaders} units={units} navigate={navigate} />
      {shown.pages > 1 && (
        <p className="mb-2 text-sm text-gray-700" data-testid="page-range">
          第 {shown.first}–{shown.last} 项，共 {shown.total} 项
        </p>
      )}
      <TaskTable rows={shown.rows} query={query} navigate={navigate} busy={pending} caption={caption} year={year} />
      <div className="mt-3">
        <Pager path="/tasks" search={taskQueryToSearch(query)} year={year} page={shown.page} pages={shown.pages} label="任务分页" />
      </div>
    </>
  );
}
