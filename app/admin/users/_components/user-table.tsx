"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { getCoreRowModel, getFilteredRowModel, getSortedRowModel, useReactTable, type ColumnDef, type SortingState } from "@tanstack/react-table";
import { SortableHeader } from "@/components/data-table/column-header";
import { DataTable } from "@/components/data-table/data-table";
import { DataTableToolbar, fieldClassName, ToolbarField } from "@/components/data-table/toolbar";
import { Badge } from "@/components/ui/badge";
import { ROLE_LABEL, type Role } from "@/lib/permissions";

export type UserListRow = {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  binding: string;
  disabled: boolean;
  locked: boolean;
  mustChangePassword: boolean;
  /** Many failed sign-ins lately: "24 小时内失败 N 次，来自 M 个地址". */
  underAttack: string | null;
  lastLogin: string | null;
};

function Status({ row }: { row: UserListRow }) {
  return (
    <span className="flex flex-wrap gap-1">
      {row.disabled && <Badge tone="danger">已停用</Badge>}
      {row.locked && <Badge tone="warning">已锁定</Badge>}
      {row.mustChangePassword && <Badge tone="info">待改初始密码</Badge>}
      {row.underAttack && <Badge tone="danger">{row.underAttack}</Badge>}
      {!row.disabled && !row.locked && !row.mustChangePassword && !row.underAttack && <Badge tone="success">正常</Badge>}
    </span>
  );
}

const columns: ColumnDef<UserListRow>[] = [
  {
    id: "username",
    accessorKey: "username",
    header: ({ column }) => <SortableHeader column={column} title="用户名" />,
    cell: ({ row }) => (
      <Link href={`/admin/users/${row.original.id}`} className="font-mono">
        {row.original.username}
      </Link>
    ),
    meta: { rowHeader: true },
  },
  { id: "displayName", accessorKey: "displayName", header: ({ column }) => <SortableHeader column={column} title="姓名或名称" /> },
  { id: "role", accessorFn: (r) => ROLE_LABEL[r.role], header: ({ column }) => <SortableHeader column={column} title="角色" /> },
  { id: "binding", accessorKey: "binding", header: "所属单位/绑定领导", cell: ({ row }) => row.original.binding || "—" },
  { id: "status", header: "状态", enableSorting: false, cell: ({ row }) => <Status row={row.original} /> },
  {
    id: "lastLogin",
    accessorFn: (r) => r.lastLogin ?? "",
    header: ({ column }) => <SortableHeader column={column} title="最近登录" />,
    cell: ({ row }) => row.original.lastLogin ?? "从未登录",
    meta: { className: "whitespace-nowrap tabular-nums" },
  },
];

export function UserTable({ rows }: { rows: UserListRow[] }) {
  const [text, setText] = useState("");
  const [role, setRole] = useState("");
  const [sorting, setSorting] = useState<SortingState>([]);
  const data = useMemo(() => (role ? rows.filter((r) => r.role === role) : rows), [rows, role]);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table v8 returns fresh functions each render; nothing here is memoised on it.
  const table = useReactTable({
    data,
    columns,
    state: { sorting, globalFilter: text },
    onSortingChange: setSorting,
    globalFilterFn: (row, _id, value: string) =>
      [row.original.username, row.original.displayName, row.original.binding].some((s) => s.toLowerCase().includes(value.trim().toLowerCase())),
    getCoreRowModel: getCoreRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });

  return (
    <>
      <DataTableToolbar summary={`共 ${table.getFilteredRowModel().rows.length} 个账号`}>
        <ToolbarField label="搜索用户名、名称或单位" htmlFor="user-search" className="w-full sm:w-72">
          <input id="user-search" type="search" value={text} onChange={(e) => setText(e.target.value)} className={fieldClassName} />
        </ToolbarField>
        <ToolbarField label="角色" htmlFor="user-role" className="w-40">
          <select id="user-role" value={role} onChange={(e) => setRole(e.target.value)} className={fieldClassName}>
            <option value="">全部角色</option>
            {(Object.keys(ROLE_LABEL) as Role[]).map((r) => (
              <option key={r} value={r}>
                {ROLE_LABEL[r]}
              </option>
            ))}
          </select>
        </ToolbarField>
      </DataTableToolbar>
      <DataTable
        table={table}
        caption="账号列表"
        renderCard={(row) => (
          <div className="rounded-lg border bg-white p-3 text-sm">
            <div className="flex items-center justify-between gap-2">
              <Link href={`/admin/users/${row.original.id}`} className="font-mono font-semibold">
                {row.original.username}
              </Link>
              <Status row={row.original} />
            </div>
            <p className="mt-1">
              {row.original.displayName} · {ROLE_LABEL[row.original.role]}
              {row.original.binding && ` · ${row.original.binding}`}
            </p>
            <p className="mt-1 text-gray-700">最近登录：{row.original.lastLogin ?? "从未登录"}</p>
          </div>
        )}
      />
    </>
  );
}
