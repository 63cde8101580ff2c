import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/app/_lib/current-user";
import { loadDashboard } from "@/db/queries/dashboard";
import { listLeaders } from "@/db/queries/tasks";
import { byConcern, CHANGE_LABEL, CHANGES, changes, groupRows, leaderFirst, summarize, summarySentence } from "@/lib/dashboard";
import { formatDayCn, quarterLabel } from "@/lib/periods";
import { yearHref } from "@/lib/programme-year";
import { DashboardControls } from "./_components/dashboard-controls";
import { Definitions } from "./_components/definitions";
import { DubanList } from "./_components/duban-list";
import { GroupBreakdown, groupCells } from "./_components/group-breakdown";
import { Headline } from "./_components/headline";
import { ProjectPanels } from "./_components/project-panels";
import { SubjectStatusTable } from "./_components/subject-status-table";
import { UnitTable } from "./_components/unit-table";
import { drillHref, resolveDashboardView, viewHref } from "./_lib/view";
import { inLeaderScope } from "./_lib/scope";
import { SourceFilter } from "@/components/source-filter";
import { countItemsBySource } from "@/db/queries/items";

export const metadata: Metadata = { title: "领导驾驶舱" };

/**
 * The lists on the page show the first few (the leader's own first); each full list is one
 * click away on /dashboard/tasks, so the page's size does not grow with the programme.
 */
const LIST_SHOWN = 15;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DashboardPage({ searchParams }: Props) {
  const user = await requirePermission(["dashboard:read"], { entity: "dashboard" });
  const view = await resolveDashboardView(user, await searchParams);
  if (!view) return <p>尚未设置季度报告期，请联系系统管理员。</p>;

  const data = loadDashboard({ period: view.period, previous: view.previous, asOf: view.asOf, today: view.today });
  const scope = inLeaderScope(data, view);
  const summary = summarize(scope.rows);
  const moved = changes(scope.rows);
  const red = leaderFirst(
    scope.rows.filter((r) => r.status.progress === "red"),
    view.ownLeader,
  );
  const units = byConcern(groupRows(scope.rows, "unit"));
  const leaderOrder = listLeaders({ yearId: view.period.yearId }).map((l) => l.name);
  // Every source of 督办 with its size: the programme's two kinds, then the 督办事项's three.
  const sourceCounts = {
    task: data.rows.filter((r) => r.subject.kind === "task").length,
    project: data.rows.filter((r) => r.subject.kind === "project").length,
    ...countItemsBySource({ yearId: view.period.yearId }),
  };
  const sourceHref = (s: string | null) =>
    yearHref(s === null ? "/dashboard" : s === "task" ? "/tasks" : s === "project" ? "/projects" : `/items?source=${s}`, view.year);

  return (
    <article className="dashboard space-y-4">
      <header>
        <h1 className="text-lg font-semibold sm:text-xl">领导驾驶舱 · {quarterLabel(view.period.code)}</h1>
        <p className="mt-1 text-sm text-gray-800">
          数据截至 {formatDayCn(view.asOf)} ·{" "}
          {view.leader ? `${view.leader}牵头的 ${scope.rows.length} 项` : `重点工作任务、民生实事和督办事项共 ${scope.rows.length} 项`}
        </p>
        <p className="mt-2 rounded border-l-4 border-brand-700 bg-white px-3 py-2 text-base font-medium text-gray-900" data-testid="dashboard-summary">
          {summarySentence(view.period.code, summary, scope.openDuban.length)}
        </p>
      </header>
      <DashboardControls view={view} path="/dashboard" />
      <SourceFilter current={null} counts={sourceCounts} hrefOf={sourceHref} />
      <p className="no-print text-sm">
        <Link
          href={yearHref(`/dashboard/brief?quarter=${view.period.code}${view.ownLeader ? `&leader=${encodeURIComponent(view.ownLeader)}` : ""}`, view.year)}
        >
          分管领导一页简报（可打印）
        </Link>
      </p>

      <Headline
        view={view}
        summary={summary}
        changes={moved}
        openDuban={scope.openDuban.length}
        escalatedDuban={scope.openDuban.filter((n) => n.escalated).length}
      />

      <DubanList
        notices={scope.escalated}
        id="escalated"
        title={view.ownLeader ? "呈报我的督办" : "呈报领导的督办"}
        empty="没有呈报领导的未销号督办。"
        year={view.year}
      />

      {view.previous && (moved.turnedRed.length > 0 || moved.turnedGreen.length > 0) && (
        <section aria-labelledby="changes-heading" className="break-inside-avoid">
          <h2 id="changes-heading" className="mb-2 text-base font-semibold">
            较上季度的变化
          </h2>
          <SubjectStatusTable
            rows={[
              ...leaderFirst(moved.turnedRed, view.ownLeader).slice(0, LIST_SHOWN),
              ...leaderFirst(moved.turnedGreen, view.ownLeader).slice(0, LIST_SHOWN),
            ]}
            caption="本季度转红、转绿的事项"
            ownLeader={view.ownLeader}
            showPrevious
            year={view.year}
          />
          {CHANGES.filter((change) => moved[change].length > LIST_SHOWN).map((change) => (
            <p key={change} className="mt-2 text-sm">
              <Link href={drillHref(view, { change })}>
                查看全部 {moved[change].length} 项{CHANGE_LABEL[change]}事项（上表列出前 {LIST_SHOWN} 项）
              </Link>
            </p>
          ))}
        </section>
      )}

      <GroupBreakdown view={view} rows={groupRows(scope.rows, "section")} id="by-section" title="按板块" />
      <GroupBreakdown view={view} rows={groupRows(scope.rows, "leader", leaderOrder)} id="by-leader" title="按牵头领导" />

      <ProjectPanels projects={scope.projects} period={view.period} periods={view.periods} asOf={view.asOf} year={view.year} />

      <section aria-labelledby="red-heading">
        <h2 id="red-heading" className="mb-2 text-base font-semibold">
          进度红灯清单（{red.length} 项{red.length > LIST_SHOWN ? `，列出前 ${LIST_SHOWN} 项` : ""}）
        </h2>
        <SubjectStatusTable
          rows={red.slice(0, LIST_SHOWN)}
          caption="进度红灯事项及原因"
          ownLeader={view.ownLeader}
          empty="本季度没有进度红灯的事项。"
          year={view.year}
        />
        {red.length > LIST_SHOWN && (
          <p className="mt-2 text-sm">
            <Link href={drillHref(view, { progress: "red" })}>查看全部 {red.length} 项进度红灯事项</Link>
          </p>
        )}
      </section>

      <section aria-labelledby="by-unit-heading" className="print-skip">
        <h2 id="by-unit-heading" className="mb-2 text-base font-semibold">
          按牵头单位
        </h2>
        <UnitTable
          rows={units.slice(0, LIST_SHOWN).map((row) => ({ name: row.name, ...groupCells(view, row) }))}
          caption={
            units.length > LIST_SHOWN
              ? `逾期未报、进度红灯最多的 ${LIST_SHOWN} 个牵头单位（点击数字查看对应事项）`
              : "各牵头单位按逾期未报、进度红灯多少排列（点击数字查看对应事项）"
          }
          sortable={false}
        />
        <p className="no-print mt-2 text-sm">
          <Link href={viewHref(view, "/dashboard/units", {})}>查看全部 {units.length} 个牵头单位的统计（可按任一列排序）</Link>
        </p>
      </section>

      <DubanList notices={scope.openDuban} id="duban" title={`未销号的督办（${scope.openDuban.length} 件）`} empty="没有未销号的督办。" year={view.year} />

      <div className="print-skip">
        <Definitions />
      </div>
      <p className="print-only text-gray-800">按牵头单位的统计、统计口径见系统“领导驾驶舱”页面；分管领导一页简报见“领导简报”。</p>
    </article>
  );
}
