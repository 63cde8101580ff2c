import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/app/_lib/current-user";
import { loadDashboard } from "@/db/queries/dashboard";
import { Pager } from "@/components/ui/pager";
import { applyDrill, describeDrill, drillSearch, leaderFirst, parseDrill } from "@/lib/dashboard";
import { pageOf, parsePageParam } from "@/lib/pagination";
import { formatDayCn, quarterLabel } from "@/lib/periods";
import { DashboardControls } from "../_components/dashboard-controls";
import { SubjectStatusTable } from "../_components/subject-status-table";
import { inLeaderScope } from "../_lib/scope";
import { resolveDashboardView, viewHref } from "../_lib/view";

export const metadata: Metadata = { title: "驾驶舱明细" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const uniq = (lists: readonly (readonly string[])[]) => [...new Set(lists.flat())];

/** The subjects behind one figure of /dashboard, with both lamps and their reasons. */
export default async function DashboardTasksPage({ searchParams }: Props) {
  const user = await requirePermission(["dashboard:read"], { entity: "dashboard" });
  const sp = await searchParams;
  const view = await resolveDashboardView(user, sp);
  if (!view) return <p>尚未设置季度报告期，请联系系统管理员。</p>;

  const data = loadDashboard({ period: view.period, previous: view.previous, asOf: view.asOf, today: view.today });
  const { rows: scoped } = inLeaderScope(data, view);
  const filter = parseDrill(sp, {
    sections: uniq(data.rows.map((r) => [r.subject.section])),
    leaders: uniq(data.rows.map((r) => r.subject.leaders)),
    units: uniq(data.rows.map((r) => r.subject.leadUnits)),
  });
  const rows = leaderFirst(applyDrill(scoped, filter), view.ownLeader);
  const shown = pageOf(rows, parsePageParam(sp.page));
  const title = describeDrill(filter);
  // The controls keep the filter when the quarter or day changes.
  const filterParams = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== null)) as Record<string, string>;

  return (
    <article className="space-y-4">
      <p className="no-print text-sm">
        <Link href={viewHref(view, "/dashboard", {})}>← 返回领导驾驶舱</Link>
      </p>
      <header>
        <h1 className="text-lg font-semibold sm:text-xl">
          {title}（{rows.length} 项）
        </h1>
        <p className="mt-1 text-sm text-gray-800">
          {quarterLabel(view.period.code)} · 数据截至 {formatDayCn(view.asOf)} · {view.leader ? `${view.leader}牵头的事项` : "全部事项"}
        </p>
      </header>
      <DashboardControls view={{ ...view, base: { ...view.base, ...filterParams } }} path="/dashboard/tasks" filterParams={filterParams} />
      {shown.pages > 1 && (
        <p className="text-sm text-gray-700" data-testid="page-range">
          第 {shown.first}–{shown.last} 项，共 {shown.total} 项
        </p>
      )}
      <SubjectStatusTable
        rows={shown.rows}
        caption={title}
        ownLeader={view.ownLeader}
        showPrevious={view.previous !== null}
        year={view.year}
        unit={filter.unit}
      />
      <Pager path="/dashboard/tasks" search={drillSearch(filter, view.base)} page={shown.page} pages={shown.pages} label="明细分页" />
    </article>
  );
}
