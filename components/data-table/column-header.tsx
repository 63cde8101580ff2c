"use client";

import type { Column } from "@tanstack/react-table";

/** A header that sorts its column on click; the <th> carries aria-sort (see DataTable). */
export function SortableHeader<TData, TValue>({ column, title }: { column: Column<TData, TValue>; title: string }) {
  if (!column.getCanSort()) return <>{title}</>;
  const sorted = column.getIsSorted();
  const next = column.getNextSortingOrder();
  const hint = next === "asc" ? "升序排列" : next === "desc" ? "降序排列" : "取消排序";
  return (
    <button
      type="button"
      onClick={column.getToggleSortingHandler()}
      title={`按${title}${hint}`}
      className="-mx-1 inline-flex items-center gap-1 rounded px-1 font-semibold text-gray-800 hover:bg-gray-200"
    >
      {title}
      <span aria-hidden="true" className={sorted ? "text-brand-700" : "text-gray-500"}>
        {sorted === "asc" ? "↑" : sorted === "desc" ? "↓" : "↕"}
      </span>
    </button>
  );
}
