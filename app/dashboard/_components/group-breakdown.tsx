import Link from "next/link";
import { LampBarChart } from "@/components/charts/lamp-bar-chart";
import { completionPercent, onTimePercent, GROUP_LABEL, type DrillFilter, type GroupRow } from "@/lib/dashboard";
import { drillHref, type DashboardView } from "../_lib/view";

const fmtPct = (p: number | null) => (p === null ? "—" : `${p}%`);

const FILTER_KEY = { section: "section", leader: "leader", unit: "unit" } as const satisfies Record<GroupRow["kind"], keyof DrillFilter>;

/** A group's figures as links to the subjects behind each of them. */
export function groupCells(view: DashboardView, row: GroupRow) {
  const base: Partial<DrillFilter> = { [FILTER_KEY[row.kind]]: row.name };
  const s = row.summary;
  return {
    total: { value: s.total, href: drillHref(view, base) },
    missing: { value: s.reporting.missing, href: drillHref(view, { ...base, reporting: "missing" }) },
    late: { value: s.reporting.late, href: drillHref(view, { ...base, reporting: "late" }) },
    red: { value: s.progress.red, href: drillHref(view, { ...base, progress: "red" }) },
    amber: { value: s.progress.amber, href: drillHref(view, { ...base, progress: "amber" }) },
    green: { value: s.progress.green, href: drillHref(view, { ...base, progress: "green" }) },
    none: { value: s.progress.none, href: drillHref(view, { ...base, progress: "none" }) },
    completion: { value: completionPercent(s), href: drillHref(view, { ...base, progress: "done" }) },
    onTime: { value: onTimePercent(s), href: drillHref(view, { ...base, reporting: "on_time" }) },
  };
}

const num = "px-2 py-1.5 text-right tabular-nums";

/**
 * 按板块 / 按牵头领导: stacked 进度 bars drawn on the server, with the table beside them as
 * the accessible alternative (the drawing is hidden from screen readers) and the way to
 * drill down.
 */
export function GroupBreakdown({ view, rows, id, title }: { view: DashboardView; rows: readonly GroupRow[]; id: string; title: string }) {
  const kind = rows[0]?.kind ?? "section";
  return (
    <section aria-labelledby={`${id}-heading`} className="group-breakdown rounded-lg border bg-white p-4 shadow-sm">
      <h2 id={`${id}-heading`} className="mb-3 text-base font-semibold">
        {title}
      </h2>
      {rows.length === 0 ? (
        <p className="text-sm text-gray-700">没有事项。</p>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          <div aria-hidden="true" className="min-w-0">
            <LampBarChart rows={rows.map((r) => ({ name: r.name, counts: r.summary.progress }))} />
          </div>
          <div className="min-w-0 overflow-x-auto">
            <table className="w-full border-collapse text-left text-sm">
              <caption className="sr-only">{title}（各数字可点击查看对应事项）</caption>
              <thead className="bg-gray-100 text-gray-700">
                <tr>
                  <th scope="col" className="px-2 py-1.5 font-semibold">
                    {GROUP_LABEL[kind]}
                  </th>
                  <th scope="col" className="px-2 py-1.5 text-right font-semibold">
                    总数
                  </th>
                  <th scope="col" className="px-2 py-1.5 text-right font-semibold whitespace-nowrap">
                    逾期未报
                  </th>
                  <th scope="col" className="px-2 py-1.5 text-right font-semibold">
                    迟报
                  </th>
                  <th scope="col" className="px-2 py-1.5 text-right font-semibold">
                    红
                  </th>
                  <th scope="col" className="px-2 py-1.5 text-right font-semibold">
                    黄
                  </th>
                  <th scope="col" className="px-2 py-1.5 text-right font-semibold">
                    绿
                  </th>
                  <th scope="col" className="px-2 py-1.5 text-right font-semibold">
                    未评估
                  </th>
                  <th scope="col" className="px-2 py-1.5 text-right font-semibold">
                    完成率
                  </th>
                  <th scope="col" className="px-2 py-1.5 text-right font-semibold whitespace-nowrap">
                    按时报送率
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const c = groupCells(view, row);
                  return (
                    <tr key={row.name} className="border-b last:border-b-0">
                      <th scope="row" className="px-2 py-1.5 font-normal">
                        {row.name}
                      </th>
                      <td className={num}>
                        <Link href={c.total.href}>{c.total.value}</Link>
                      </td>
                      <td className={num}>
                        <Link href={c.missing.href} className="text-red-700">
                          {c.missing.value}
                        </Link>
                      </td>
                      <td className={num}>
                        <Link href={c.late.href} className="text-amber-800">
                          {c.late.value}
                        </Link>
                      </td>
                      <td className={num}>
                        <Link href={c.red.href} className="text-red-700">
                          {c.red.value}
                        </Link>
                      </td>
                      <td className={num}>
                        <Link href={c.amber.href} className="text-amber-800">
                          {c.amber.value}
                        </Link>
                      </td>
                      <td className={num}>
                        <Link href={c.green.href} className="text-green-800">
                          {c.green.value}
                        </Link>
                      </td>
                      <td className={num}>
                        <Link href={c.none.href} className="text-gray-800">
                          {c.none.value}
                        </Link>
                      </td>
                      <td className={num}>
                        <Link href={c.completion.href}>{fmtPct(c.completion.value)}</Link>
                      </td>
                      <td className={num}>
                        <Link href={c.onTime.href}>{fmtPct(c.onTime.value)}</Link>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}
