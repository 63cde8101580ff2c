"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { taskQueryToSearch, type TaskListItem, type TaskQuery } from "@/lib/task-filter";
import type { LeaderRef, UnitRef } from "@/db/queries/tasks";
import { TaskFilters } from "./task-filters";
import { TaskTable } from "./task-table";

/**
 * The 任务总览 view. The server has already filtered and sorted `rows` for
 * `query`; every control here only rewrites the URL, and the server renders again.
 */
export function TaskView({
  rows,
  total,
  query,
  leaders,
  units,
}: {
  rows: TaskListItem[];
  total: number;
  query: TaskQuery;
  leaders: LeaderRef[];
  units: UnitRef[];
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const navigate = (next: TaskQuery) => {
    startTransition(() => router.replace(`/tasks${taskQueryToSearch(next)}`, { scroll: false }));
  };

  return (
    <>
      <TaskFilters query={query} count={rows.length} total={total} leaders={leaders} units={units} navigate={navigate} />
      <TaskTable rows={rows} query={query} navigate={navigate} busy={pending} />
    </>
  );
}
