import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/app/_lib/current-user";
import { appToday } from "@/app/_lib/today";
import { buttonClassName } from "@/components/ui/button";
import { Pager } from "@/components/ui/pager";
import { overdueQueryToSearch } from "@/lib/overdue-query";
import { can } from "@/lib/permissions";
import { formatDayCn } from "@/lib/periods";
import type { SearchParams } from "../_lib/view";
import { OverdueFilters } from "./_components/overdue-filters";
import { OverdueTable } from "./_components/overdue-table";
import { BulkRemindBar } from "./_components/bulk-remind-bar";
import { loadOverdueView } from "./overdue-view";

export const metadata: Metadata = { title: "逾期与滞后清单 · 督查工作台" };

type Props = { searchParams: Promise<SearchParams> };

export default async function OverduePage({ searchParams }: Props) {
  const user = await requirePermission(["supervision:read"], { entity: "supervision" });
  const view = await loadOverdueView(await searchParams, appToday());
  const missing = view.entries.filter((e) => e.missingQuarters.length > 0).length;
  const red = view.entries.filter((e) => e.progress === "red").length;
  const amber = view.entries.filter((e) => e.progress === "amber").length;
  const search = overdueQueryToSearch(view.query);

  return (
    <article className="space-y-4">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div className="space-y-1">
          <h1 className="text-lg font-semibold sm:text-xl">逾期与滞后清单</h1>
          <p className="text-sm text-gray-800" data-testid="overdue-summary">
            截至 {formatDayCn(view.asOf)} · 显示 {view.entries.length} 项（共 {view.total} 项）
            {view.shown.pages > 1 && ` · 本页第 ${view.shown.first}–${view.shown.last} 项`}· 逾期未报 {missing} 项 · 进度红 {red} 项 · 进度黄 {amber} 项
            {view.asOf !== view.today && " · 历史日期，仅含当日已知情况"}
          </p>
        </div>
        {can(user, "export") && (
          <a href={`/api/supervision/overdue/export${search}`} className={`${buttonClassName("secondary")} no-print`} download>
            导出 Excel
          </a>
        )}
      </header>
      <OverdueFilters view={view} />
      {can(user, "notice:issue") && view.asOf === view.today && view.entries.length > 0 && (
        <BulkRemindBar query={search.replace(/^\?/, "")} shown={view.entries.length} />
      )}
      {view.entries.length === 0 ? (
        <p className="rounded border bg-white p-4 text-sm text-gray-800">
          没有符合条件的逾期或滞后事项。{search && <Link href="/supervision/overdue">查看全部</Link>}
        </p>
      ) : (
        <>
          <OverdueTable
            entries={view.shown.rows}
            first={view.shown.first}
            asOf={view.query.asOf}
            canIssue={can(user, "notice:issue")}
            canOverride={can(user, "rag:override") && view.asOf === view.today}
          />
          <Pager path="/supervision/overdue" search={search} page={view.shown.page} pages={view.shown.pages} label="清单分页" />
        </>
      )}
    </article>
  );
}
