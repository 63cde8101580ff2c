"use client";

import Link from "next/link";
import { useState } from "react";
import { getCoreRowModel, getSortedRowModel, useReactTable, type ColumnDef, type SortingState } from "@tanstack/react-table";
import { SortableHeader } from "@/components/data-table/column-header";
import { DataTable } from "@/components/data-table/data-table";

type Cell = { value: number | null; href: string };

export interface UnitRow {
  name: string;
  total: Cell;
  missing: Cell;
  late: Cell;
  red: Cell;
  amber: Cell;
  green: Cell;
  none: Cell;
  completion: Cell;
  onTime: Cell;
}

const pct = (v: number | null) => (v === null ? "—" : `${v}%`);

function numberColumn(
  id: keyof Omit<UnitRow, "name">,
  title: string,
  format: (v: number | null) => string = (v) => String(v ?? "—"),
  className = "",
): ColumnDef<UnitRow> {
  return {
    id,
    accessorFn: (row) => row[id].value ?? -1,
    header: ({ column }) => <SortableHeader column={column} title={title} />,
    cell: ({ row }) => (
      // Not prefetched: a table of counts holds hundreds of links, each would cost a server render.
      <Link href={row.original[id].href} prefetch={false} className={className}>
        {format(row.original[id].value)}
      </Link>
    ),
    sortDescFirst: true,
    meta: { className: "text-right tabular-nums" },
  };
}

const COLUMNS: ColumnDef<UnitRow>[] = [
  {
    id: "name",
    accessorKey: "name",
    header: ({ column }) => <SortableHeader column={column} title="牵头单位" />,
    cell: ({ row }) => row.original.name,
    sortingFn: (a, b) => a.original.name.localeCompare(b.original.name, "zh-CN"),
    meta: { rowHeader: true },
  },
  numberColumn("total", "总数"),
  numberColumn("missing", "逾期未报", undefined, "text-red-700"),
  numberColumn("late", "迟报", undefined, "text-amber-800"),
  numberColumn("red", "红", undefined, "text-red-700"),
  numberColumn("amber", "黄", undefined, "text-amber-800"),
  numberColumn("green", "绿", undefined, "text-green-800"),
  numberColumn("none", "未评估"),
  numberColumn("completion", "完成率", pct),
  numberColumn("onTime", "按时报送率", pct),
];

/**
 * 按牵头单位: the lead units' figures, sortable by any column (most overdue first by
 * default); `sortable={false}` for an excerpt that keeps the order it is given.
 */
export function UnitTable({ rows, caption, sortable = true }: { rows: UnitRow[]; caption: string; sortable?: boolean }) {
  const [sorting, setSorting] = useState<SortingState>(sortable ? [{ id: "missing", desc: true }] : []);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table v8 returns fresh functions each render; nothing here is memoised on it.
  const table = useReactTable({
    data: rows,
    columns: COLUMNS,
    state: { sorting },
    onSortingChange: setSorting,
    enableSorting: sortable,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  return <DataTable table={table} caption={caption} empty="没有事项。" />;
}
