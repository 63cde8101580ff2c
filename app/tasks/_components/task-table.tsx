"use client";

import Link from "next/link";
import { getCoreRowModel, useReactTable, type ColumnDef, type Row, type SortingState, type Updater } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import { SortableHeader } from "@/components/data-table/column-header";
import { VerificationBadge } from "@/components/verification-badge";
import { formatMetric } from "@/lib/metric-text";
import { DEFAULT_TASK_QUERY, TASK_SORT_KEYS, type TaskListItem, type TaskQuery, type TaskSortKey } from "@/lib/task-filter";
import { yearHref } from "@/lib/programme-year";
import { UnitNames } from "./unit-names";

function isSortKey(id: string): id is TaskSortKey {
  return (TASK_SORT_KEYS as readonly string[]).includes(id);
}

function Metrics({ task }: { task: TaskListItem }) {
  if (task.metrics.length === 0) return <span className="text-gray-500">—</span>;
  return (
    <ul className="space-y-0.5">
      {task.metrics.map((metric) => (
        <li key={metric.label}>{formatMetric(metric)}</li>
      ))}
    </ul>
  );
}

function Target({ task, year }: { task: TaskListItem; year: number | null }) {
  return (
    <>
      <Link href={yearHref(`/tasks/${task.no}`, year)} className="text-gray-900 underline decoration-gray-300 underline-offset-2 hover:decoration-brand-700">
        {task.target}
      </Link>
      {task.needsVerification && (
        <div className="mt-1">
          <VerificationBadge note={task.note} />
        </div>
      )}
    </>
  );
}

function columns(highlightUnit: string | null, year: number | null): ColumnDef<TaskListItem>[] {
  return [
    {
      id: "no",
      accessorKey: "no",
      header: ({ column }) => <SortableHeader column={column} title="序号" />,
      cell: ({ row }) => row.original.no,
      meta: { className: "w-16 text-right tabular-nums", rowHeader: true },
    },
    {
      id: "subsection",
      header: "分项",
      enableSorting: false,
      cell: ({ row }) => row.original.subsection ?? <span className="text-gray-500">—</span>,
      meta: { className: "w-28 xl:w-36" },
    },
    {
      id: "target",
      header: "目标任务",
      enableSorting: false,
      cell: ({ row }) => <Target task={row.original} year={year} />,
    },
    {
      id: "leader",
      accessorFn: (task) => task.leaders.join("、"),
      header: ({ column }) => <SortableHeader column={column} title="牵头领导" />,
      meta: { className: "w-24" },
    },
    {
      id: "leadUnit",
      accessorFn: (task) => task.leadUnits.join("、"),
      header: ({ column }) => <SortableHeader column={column} title="牵头单位" />,
      cell: ({ row }) => <UnitNames names={row.original.leadUnits} highlight={highlightUnit} />,
      meta: { className: "w-28 xl:w-32" },
    },
    {
      id: "coopUnit",
      header: "配合单位",
      enableSorting: false,
      cell: ({ row }) => <UnitNames names={row.original.coopUnits} highlight={highlightUnit} />,
      meta: { className: "w-32 xl:w-40" },
    },
    {
      id: "metrics",
      header: "指标",
      enableSorting: false,
      cell: ({ row }) => <Metrics task={row.original} />,
      meta: { className: "w-36 xl:w-44" },
    },
  ];
}

function TaskCard({ row, highlightUnit, year }: { row: Row<TaskListItem>; highlightUnit: string | null; year: number | null }) {
  const task = row.original;
  return (
    <article className="rounded-lg border bg-white p-3 shadow-sm">
      <p className="mb-1 flex flex-wrap items-center gap-x-2 text-xs text-gray-600">
        <span className="rounded bg-gray-100 px-1.5 py-0.5 font-semibold text-gray-800">序号 {task.no}</span>
        {task.subsection && <span>{task.subsection}</span>}
      </p>
      <div className="mb-2 text-[0.95rem] leading-relaxed">
        <Target task={task} year={year} />
      </div>
      <dl className="grid grid-cols-[4.5rem_1fr] gap-x-2 gap-y-1 text-sm">
        <dt className="text-gray-600">牵头领导</dt>
        <dd>{task.leaders.join("、")}</dd>
        <dt className="text-gray-600">牵头单位</dt>
        <dd>
          <UnitNames names={task.leadUnits} highlight={highlightUnit} />
        </dd>
        <dt className="text-gray-600">配合单位</dt>
        <dd>
          <UnitNames names={task.coopUnits} highlight={highlightUnit} />
        </dd>
        {task.metrics.length > 0 && (
          <>
            <dt className="text-gray-600">指标</dt>
            <dd>
              <Metrics task={task} />
            </dd>
          </>
        )}
      </dl>
    </article>
  );
}

export function TaskTable({
  rows,
  query,
  navigate,
  busy,
  caption,
  year,
}: {
  rows: TaskListItem[];
  query: TaskQuery;
  navigate: (next: TaskQuery) => void;
  busy: boolean;
  caption: string;
  /** The year the links keep (null: the default year). */
  year: number | null;
}) {
  const sorting: SortingState = [{ id: query.sort.key, desc: query.sort.dir === "desc" }];
  const onSortingChange = (updater: Updater<SortingState>) => {
    const [next] = typeof updater === "function" ? updater(sorting) : updater;
    const sort = next && isSortKey(next.id) ? { key: next.id, dir: next.desc ? ("desc" as const) : ("asc" as const) } : DEFAULT_TASK_QUERY.sort;
    navigate({ ...query, sort });
  };

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table v8 returns fresh functions each render; nothing here is memoised on it.
  const table = useReactTable({
    data: rows,
    columns: columns(query.unit, year),
    getCoreRowModel: getCoreRowModel(),
    getRowId: (task) => String(task.no),
    // The server filters and sorts (state lives in the URL); the table only displays.
    manualSorting: true,
    manualFiltering: true,
    enableMultiSort: false,
    // TanStack would sort number columns descending on the first click.
    sortDescFirst: false,
    state: { sorting },
    onSortingChange,
  });

  return (
    <DataTable
      table={table}
      caption={caption}
      groupBy={(task) => task.section}
      renderGroupLabel={(section, count) => (
        <>
          <span className="mr-1 text-xs font-normal text-gray-700">板块</span>
          {section}
          <span className="ml-2 text-xs font-normal text-gray-700">{count} 项</span>
        </>
      )}
      renderCard={(row) => <TaskCard row={row} highlightUnit={query.unit} year={year} />}
      empty="没有符合条件的任务，请调整搜索词或筛选条件。"
      busy={busy}
      layout="fixed"
    />
  );
}
