"use client";

import { flexRender, type Row, type RowData, type Table } from "@tanstack/react-table";
import type { ReactNode } from "react";

declare module "@tanstack/react-table" {
  // Styling hooks per column; the type parameters must match TanStack's declaration.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Classes for the header and body cells of the column (widths, alignment). */
    className?: string;
    /** Render the body cell as <th scope="row"> (the column that names the row). */
    rowHeader?: boolean;
  }
}

interface Group<TData> {
  key: string;
  rows: Row<TData>[];
}

/** Consecutive rows with the same key form one group; the caller sorts groups together. */
function groupRows<TData>(rows: Row<TData>[], groupBy?: (row: TData) => string): Group<TData>[] {
  if (!groupBy) return [{ key: "", rows }];
  const groups: Group<TData>[] = [];
  for (const row of rows) {
    const key = groupBy(row.original);
    const last = groups.at(-1);
    if (last && last.key === key) last.rows.push(row);
    else groups.push({ key, rows: [row] });
  }
  return groups;
}

const ARIA_SORT = { asc: "ascending", desc: "descending" } as const;

export interface DataTableProps<TData> {
  table: Table<TData>;
  /** Names the table for assistive technology (rendered as a visually hidden caption). */
  caption: string;
  /** Rows sharing a key are shown under one header row (and one heading in card view). */
  groupBy?: (row: TData) => string;
  renderGroupLabel?: (key: string, count: number) => ReactNode;
  /** When given, screens narrower than `lg` get these cards instead of the wide table. */
  renderCard?: (row: Row<TData>) => ReactNode;
  empty?: ReactNode;
  busy?: boolean;
  /** "fixed": column widths come from the columns' className (set every column but one). */
  layout?: "auto" | "fixed";
}

export function DataTable<TData>({
  table,
  caption,
  groupBy,
  renderGroupLabel = (key) => key,
  renderCard,
  empty = "没有符合条件的记录。",
  busy = false,
  layout = "auto",
}: DataTableProps<TData>) {
  const groups = groupRows(table.getRowModel().rows, groupBy);
  const columnCount = table.getVisibleLeafColumns().length;
  const hasRows = table.getRowModel().rows.length > 0;

  return (
    <div aria-busy={busy} className={busy ? "opacity-60 transition-opacity" : undefined}>
      {!hasRows && <p className="rounded-lg border bg-white p-6 text-center text-gray-700">{empty}</p>}

      {hasRows && renderCard && (
        <div className="space-y-5 lg:hidden">
          {groups.map((group) => (
            <section key={group.key} aria-label={groupBy ? group.key : caption}>
              {groupBy && <h2 className="mb-2 text-sm font-semibold text-brand-800">{renderGroupLabel(group.key, group.rows.length)}</h2>}
              <ul className="space-y-3">
                {group.rows.map((row) => (
                  <li key={row.id}>{renderCard(row)}</li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}

      {hasRows && (
        <div className={`${renderCard ? "hidden lg:block" : ""} overflow-x-auto rounded-lg border bg-white`}>
          <table className={`w-full border-collapse text-left text-sm ${layout === "fixed" ? "table-fixed" : ""}`}>
            <caption className="sr-only">{caption}</caption>
            <thead className="bg-gray-100 text-gray-700">
              {table.getHeaderGroups().map((headerGroup) => (
                <tr key={headerGroup.id}>
                  {headerGroup.headers.map((header) => {
                    const sorted = header.column.getIsSorted();
                    return (
                      <th
                        key={header.id}
                        scope="col"
                        colSpan={header.colSpan}
                        aria-sort={header.column.getCanSort() ? (sorted ? ARIA_SORT[sorted] : "none") : undefined}
                        className={`border-b px-3 py-2 font-semibold whitespace-nowrap ${header.column.columnDef.meta?.className ?? ""}`}
                      >
                        {header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext())}
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            {groups.map((group) => (
              <tbody key={group.key}>
                {groupBy && (
                  <tr className="bg-brand-50">
                    <th scope="rowgroup" colSpan={columnCount} className="border-y px-3 py-2 font-semibold text-brand-800">
                      {renderGroupLabel(group.key, group.rows.length)}
                    </th>
                  </tr>
                )}
                {group.rows.map((row) => (
                  <tr key={row.id} data-row="" className="border-b align-top last:border-b-0 hover:bg-gray-50">
                    {row.getVisibleCells().map((cell) => {
                      const meta = cell.column.columnDef.meta;
                      const content = flexRender(cell.column.columnDef.cell, cell.getContext());
                      const className = `px-3 py-2 ${meta?.className ?? ""}`;
                      return meta?.rowHeader ? (
                        <th key={cell.id} scope="row" className={`${className} font-normal`}>
                          {content}
                        </th>
                      ) : (
                        <td key={cell.id} className={className}>
                          {content}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </div>
      )}
    </div>
  );
}
