import Link from "next/link";
import { RagBarChart } from "@/components/charts/rag-bar-chart";
import { completionPercent, onTimePercent, submittedPercent, GROUP_LABEL, type GroupRow, type DrillFilter } from "@/lib/dashboard";
import { drillHref, type DashboardView } from "../_lib/view";

const fmtPct = (p: number | null) => (p === null ? "—" : `${p}%`);

const FILTER_KEY = { section: "section", leader: "leader", unit: "unit" } as const satisfies Record<GroupRow["kind"], keyof DrillFilter>;

/** A group's figures as links to the tasks behind each of them. */
export function groupCells(view: DashboardView, row: GroupRow) {
  const base: Partial<DrillFilter> = { [FILTER_KEY[row.kind]]: row.name };
  const s = row.summary;
  return {
    total: { value: s.total, href: drillHref(view, base) },
    red: { value: s.red, href: drillHref(view, { ...base, rag: "red" }) },
    amber: { value: s.amber, href: drillHref(view, { ...base, rag: "amber" }) },
    green: { value: s.green, href: drillHref(view, { ...base, rag: "green" }) },
    completion: { value: completionPercent(s), href: drillHref(view, { ...base, flag: "done" }) },
    submitted: { value: submittedPercent(s), href: drillHref(view, { ...base, flag: "submitted" }) },
    onTime: { value: onTimePercent(s), href: drillHref(view, { ...base, flag: "onTime" }) },
  };
}

const num = "px-2 py-1.5 text-right tabular-nums";

/**
 * 按板块 / 按牵头领导: stacked 红黄绿 bars, with the table beside them as the accessible
 * alternative (the drawing itself is hidden from screen readers) and the way to drill down.
 */
export function GroupBreakdown({ view, rows, id, title }: { view: DashboardView; rows: readonly GroupRow[]; id: string; title: string }) {
  const kind = rows[0]?.kind ?? "section";
  return (
    <section aria-labelledby={`${id}-heading`} className="break-inside-avoid rounded-lg border bg-white p-4 shadow-sm">
      <h2 id={`${id}-heading`} className="mb-3 text-base font-semibold">
        {title}
      </h2>
      {rows.length === 0 ? (
        <p className="text-sm text-gray-700">没有任务。</p>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          <div aria-hidden="true" className="min-w-0">
            <RagBarChart rows={rows.map((r) => ({ name: r.name, red: r.summary.red, amber: r.summary.amber, green: r.summary.green }))} labelWidth={kind === "section" ? 150 : 70} />
          </div>
          <div className="min-w-0 overflow-x-auto">
            <table className="w-full border-collapse text-left text-sm">
              <caption className="sr-only">{title}（各数字可点击查看对应任务）</caption>
              <thead className="bg-gray-100 text-gray-700">
                <tr>
                  <th scope="col" className="px-2 py-1.5 font-semibold">{GROUP_LABEL[kind]}</th>
                  <th scope="col" className="px-2 py-1.5 text-right font-semibold">任务</th>
                  <th scope="col" className="px-2 py-1.5 text-right font-semibold">红</th>
                  <th scope="col" className="px-2 py-1.5 text-right font-semibold">黄</th>
                  <th scope="col" className="px-2 py-1.5 text-right font-semibold">绿</th>
                  <th scope="col" className="px-2 py-1.5 text-right font-semibold">完成率</th>
                  <th scope="col" className="px-2 py-1.5 text-right font-semibold whitespace-nowrap">按时报送</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const c = groupCells(view, row);
                  return (
                    <tr key={row.name} className="border-b last:border-b-0">
                      <th scope="row" className="px-2 py-1.5 font-normal">{row.name}</th>
                      <td className={num}><Link href={c.total.href}>{c.total.value}</Link></td>
                      <td className={num}><Link href={c.red.href} className="text-red-700">{c.red.value}</Link></td>
                      <td className={num}><Link href={c.amber.href} className="text-amber-800">{c.amber.value}</Link></td>
                      <td className={num}><Link href={c.green.href} className="text-green-800">{c.green.value}</Link></td>
                      <td className={num}><Link href={c.completion.href}>{fmtPct(c.completion.value)}</Link></td>
                      <td className={num}><Link href={c.onTime.href}>{fmtPct(c.onTime.value)}</Link></td>
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
