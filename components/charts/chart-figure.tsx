import type { ReactNode } from "react";

export interface ChartTable {
  /** Column headers; the first column names the row. */
  columns: readonly string[];
  rows: readonly { key: string; cells: readonly ReactNode[] }[];
}

/**
 * A chart with its accessible alternative: the drawing is hidden from assistive
 * technology and the same numbers are given as a table under “查看数据表”.
 */
export function ChartFigure({
  title,
  headingId,
  table,
  children,
  className = "",
}: {
  title: string;
  headingId?: string;
  table: ChartTable;
  children: ReactNode;
  className?: string;
}) {
  return (
    <figure className={`min-w-0 ${className}`}>
      <figcaption id={headingId} className="mb-1 text-sm font-semibold text-gray-900">
        {title}
      </figcaption>
      <div aria-hidden="true" className="chart-drawing">
        {children}
      </div>
      <details className="chart-table mt-1 text-sm">
        <summary className="no-print cursor-pointer text-brand-700">查看数据表</summary>
        <DataGrid caption={title} table={table} />
      </details>
    </figure>
  );
}

/** A plain numbers table (also used on its own where a chart would add nothing). */
export function DataGrid({ caption, table, captionVisible = false }: { caption: string; table: ChartTable; captionVisible?: boolean }) {
  return (
    <div className="mt-1 overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm tabular-nums">
        <caption className={captionVisible ? "mb-1 text-left font-semibold" : "sr-only"}>{caption}</caption>
        <thead className="bg-gray-100 text-gray-700">
          <tr>
            {table.columns.map((c) => (
              <th key={c} scope="col" className="border-b px-2 py-1 font-semibold whitespace-nowrap">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key} className="border-b last:border-b-0">
              {row.cells.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className="px-2 py-1 font-normal whitespace-nowrap">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className="px-2 py-1">
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
