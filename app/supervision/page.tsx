import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/app/_lib/current-user";
import { buttonClassName } from "@/components/ui/button";
import { listPeriods } from "@/db/queries/periods";
import { listSubjectQuarters } from "@/db/queries/status-board";
import { Pager } from "@/components/ui/pager";
import { pageOf, parsePageParam } from "@/lib/pagination";
import { formatDayCn, quarterLabel } from "@/lib/periods";
import { countByUnit, countRows, groupBySection, matrixRows } from "@/lib/submission-matrix";
import { CountTiles } from "./_components/count-tiles";
import { QuarterPicker } from "./_components/quarter-picker";
import { SubmissionTable } from "./_components/submission-table";
import { UnitCountTable } from "./_components/unit-count-table";
import { resolveQuarterView, type SearchParams } from "./_lib/view";
import { currentProgrammeYear } from "@/app/_lib/programme-year";
import { SourceFilter } from "@/components/source-filter";
import { countItemsBySource } from "@/db/queries/items";
import { itemSourceOf, parseSourceParam } from "@/lib/supervision-items";

export const metadata: Metadata = { title: "填报情况 · 督查工作台" };

/** Rows of the by-task table a page: a quarter's reports are chased a section at a time. */
const MATRIX_PAGE_SIZE = 50;
/** Units in the by-unit table unless all are asked for (?units=all): the most behind come first. */
const UNITS_SHOWN = 15;

type Props = { searchParams: Promise<SearchParams> };

export default async function SubmissionPage({ searchParams }: Props) {
  await requirePermission(["supervision:read"], { entity: "supervision" });
  const periods = listPeriods({ yearId: (await currentProgrammeYear()).id });
  const params = await searchParams;
  const { period, asOf, today } = resolveQuarterView(periods, params);
  if (!period) return <p>尚未设置季度报告期，请联系系统管理员。</p>;

  // 来源: tasks or projects narrow the table; a 督办事项 source opens the 督办事项 list.
  const source = parseSourceParam(params.source);
  const kind = source === "task" || source === "project" ? source : null;
  const all = listSubjectQuarters({ periods: [period], asOf, today, filter: { yearId: period.yearId } });
  const quarters = kind ? all.filter((q) => q.subject.kind === kind) : all;
  const itemCounts = countItemsBySource({ yearId: period.yearId });
  const rows = matrixRows(
    quarters.map((q) => ({
      subject: q.subject,
      status: q.status,
      reportState: q.reportState,
      lastSubmittedAt: q.record?.lastSubmittedAt ?? null,
      leadReporting: q.leadReporting,
    })),
  );
  const counts = countRows(rows);
  // Counts cover every subject; the by-task table shows one page of them, still grouped by section.
  const shown = pageOf(rows, parsePageParam(params.page), MATRIX_PAGE_SIZE);
  const keep = new URLSearchParams({ quarter: period.code, ...(asOf !== today ? { asOf } : {}), ...(kind ? { source: kind } : {}) });
  const sourceHref = (s: typeof source) => {
    if (s !== null && itemSourceOf(s)) return `/items?source=${s}`;
    const q = new URLSearchParams({ quarter: period.code, ...(asOf !== today ? { asOf } : {}), ...(s ? { source: s } : {}) });
    return `/supervision?${q}`;
  };
  const unitOrder = [...new Set(quarters.flatMap((q) => q.subject.leadUnits))];
  const units = countByUnit(rows, unitOrder);
  const allUnits = params.units === "all";
  if (allUnits) keep.set("units", "all");
  const withUnits = (all: boolean) => {
    const q = new URLSearchParams(keep);
    if (all) q.set("units", "all");
    else q.delete("units");
    return q;
  };

  return (
    <article className="space-y-5">
      <header className="space-y-1">
        <h1 className="text-lg font-semibold sm:text-xl">填报情况 · {quarterLabel(period.code)}</h1>
        <p className="text-sm text-gray-800">
          报告截止 {formatDayCn(period.dueOn)} · 数据截至 {formatDayCn(asOf)}
          {asOf !== today && "（历史日期，仅含当日已知的提交与审核）"}
        </p>
      </header>
      <div className="no-print flex flex-wrap gap-3">
        <a href={`/api/exports/ledger?quarter=${period.code}${kind ? `&source=${kind}` : ""}`} download className={buttonClassName("secondary")}>
          导出{quarterLabel(period.code)}台账
        </a>
        <Link href="/ledger" className={buttonClassName("secondary")}>
          台账回填导入
        </Link>
        <Link href={`/supervision/bulletins?quarter=${period.code}`} className={buttonClassName("secondary")}>
          季度通报
        </Link>
      </div>
      <QuarterPicker periods={periods} quarter={period.code} asOf={asOf} today={today} path="/supervision" />
      <SourceFilter
        current={kind}
        counts={{ task: all.filter((q) => q.subject.kind === "task").length, project: all.filter((q) => q.subject.kind === "project").length, ...itemCounts }}
        hrefOf={sourceHref}
      />
      <CountTiles counts={counts} />
      <section aria-labelledby="by-task-heading" className="space-y-2">
        <h2 id="by-task-heading" className="text-base font-semibold">
          按任务
        </h2>
        {shown.pages > 1 && (
          <p className="text-sm text-gray-700" data-testid="page-range">
            第 {shown.first}–{shown.last} 项，共 {shown.total} 项
          </p>
        )}
        <SubmissionTable sections={groupBySection(shown.rows)} period={period} />
        <Pager path="/supervision" search={`?${keep}`} page={shown.page} pages={shown.pages} label="按任务分页" />
      </section>
      <section aria-labelledby="by-unit-heading" className="space-y-2">
        <h2 id="by-unit-heading" className="text-base font-semibold">
          按牵头单位
        </h2>
        <UnitCountTable rows={allUnits ? units : units.slice(0, UNITS_SHOWN)} />
        {units.length > UNITS_SHOWN && (
          <p className="no-print text-sm">
            {allUnits ? (
              <Link href={`/supervision?${withUnits(false)}#by-unit-heading`}>只看最落后的 {UNITS_SHOWN} 个单位</Link>
            ) : (
              <Link href={`/supervision?${withUnits(true)}#by-unit-heading`}>
                显示全部 {units.length} 个牵头单位（上表列出最落后的 {UNITS_SHOWN} 个）
              </Link>
            )}
          </p>
        )}
      </section>
    </article>
  );
}
