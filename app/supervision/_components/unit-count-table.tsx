import Link from "next/link";
import type { UnitCounts } from "@/lib/submission-matrix";
import { overdueQueryToSearch } from "@/lib/overdue-query";

const COLUMNS: { key: keyof Omit<UnitCounts, "unit">; label: string }[] = [
  { key: "due", label: "应报" },
  { key: "onTime", label: "按时" },
  { key: "late", label: "迟报" },
  { key: "overdueMissing", label: "逾期未报" },
  { key: "pending", label: "待审核" },
  { key: "returned", label: "已退回" },
  { key: "approved", label: "已通过" },
];

/** The same counts per lead unit, the units most behind first; each unit links to its overdue items. */
export function UnitCountTable({ rows }: { rows: readonly UnitCounts[] }) {
  return (
    <div className="overflow-x-auto rounded border bg-white">
      <table className="w-full min-w-[36rem] text-left text-sm">
        <caption className="sr-only">各牵头单位本季度填报情况</caption>
        <thead className="bg-gray-50 text-gray-800">
          <tr>
            <th scope="col" className="px-3 py-2">
              牵头单位
            </th>
            {COLUMNS.map((c) => (
              <th key={c.key} scope="col" className="px-3 py-2 text-right">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.unit} className="border-t">
              <th scope="row" className="px-3 py-2 font-medium">
                <Link href={`/supervision/overdue${overdueQueryToSearch({ unit: row.unit })}`}>{row.unit}</Link>
              </th>
              {COLUMNS.map((c) => (
                <td
                  key={c.key}
                  className={`px-3 py-2 text-right tabular-nums ${c.key === "overdueMissing" && row[c.key] > 0 ? "font-semibold text-red-800" : ""}`}
                >
                  {row[c.key]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
