import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/app/_lib/current-user";
import { loadDashboard } from "@/db/queries/dashboard";
import { groupRows } from "@/lib/dashboard";
import { formatDayCn, quarterLabel } from "@/lib/periods";
import { DashboardControls } from "../_components/dashboard-controls";
import { groupCells } from "../_components/group-breakdown";
import { UnitTable } from "../_components/unit-table";
import { inLeaderScope } from "../_lib/scope";
import { resolveDashboardView, viewHref } from "../_lib/view";

export const metadata: Metadata = { title: "按牵头单位统计 · 领导驾驶舱" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Every lead unit's figures for the quarter, sortable; the dashboard shows the head of this table. */
export default async function DashboardUnitsPage({ searchParams }: Props) {
  const user = await requirePermission(["dashboard:read"], { entity: "dashboard" });
  const view = await resolveDashboardView(user, await searchParams);
  if (!view) return <p>尚未设置季度报告期，请联系系统管理员。</p>;

  const data = loadDashboard({ period: view.period, previous: view.previous, asOf: view.asOf, today: view.today });
  const { rows } = inLeaderScope(data, view);
  const units = groupRows(rows, "unit");

  return (
    <article className="space-y-4">
      <p className="no-print text-sm">
        <Link href={viewHref(view, "/dashboard", {})}>← 返回领导驾驶舱</Link>
      </p>
      <header>
        <h1 className="text-lg font-semibold sm:text-xl">按牵头单位统计（{units.length} 个单位）</h1>
        <p className="mt-1 text-sm text-gray-800">
          {quarterLabel(view.period.code)} · 数据截至 {formatDayCn(view.asOf)} · {view.leader ? `${view.leader}牵头的事项` : "全部事项"}
        </p>
      </header>
      <DashboardControls view={view} path="/dashboard/units" />
      <UnitTable rows={units.map((row) => ({ name: row.name, ...groupCells(view, row) }))} caption="按牵头单位统计（点击表头排序，点击数字查看对应事项）" />
    </article>
  );
}
