import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/app/_lib/current-user";
import { appToday } from "@/app/_lib/today";
import { OpenNotices } from "@/app/_components/open-notices";
import { buttonClassName } from "@/components/ui/button";
import { listPeriods } from "@/db/queries/periods";
import { itemIdsWithCoopNote, listCoopTasks } from "@/db/queries/report-board";
import { subjectKey } from "@/lib/subject";
import { TODO_GROUP_LABEL, TODO_GROUPS, type TodoGroup } from "@/lib/unit-todo";
import { listUnitTodo, openCounts, type TodoEntry } from "./todo-view";
import { formatChineseDate } from "@/lib/format-date";
import { daysLeft, quarterLabel, quarterShort, reportingPeriod } from "@/lib/periods";
import { REPORT_STATE_LABEL } from "@/lib/report-labels";
import { TaskCard } from "./_components/task-card";
import { currentProgrammeYear } from "@/app/_lib/programme-year";
import { SourceFilter } from "@/components/source-filter";
import { Pager } from "@/components/ui/pager";
import { parsePageParam } from "@/lib/pagination";
import { listItems } from "@/db/queries/items";
import { itemReportsIn, itemSourceOf, itemTimeLimit, parseSourceParam } from "@/lib/supervision-items";
import { subjectLabel } from "@/lib/subject";
import { ITEM_SOURCE_LABEL, ITEM_SOURCES } from "@/lib/vocabulary";

export const metadata: Metadata = { title: "我的任务" };

type Props = { searchParams: Promise<{ quarter?: string | string[]; source?: string | string[]; page?: string | string[] }> };

/** 配合任务 per page: a 镇街 cooperates on about 40 a year; one reached through a descriptor in a larger programme on far more. */
const COOP_PAGE_SIZE = 50;

// Returned reports first (they need action), then not yet submitted (overdue ones first), then the rest.
const ORDER = { returned: 0, none: 1, draft: 1, submitted: 2, approved: 3 } as const;

export default async function MyTasksPage({ searchParams }: Props) {
  const user = await requireRole("unit");
  const unitId = user.unitId!;
  const today = appToday();
  const periods = listPeriods({ yearId: (await currentProgrammeYear()).id });
  const search = await searchParams;
  const requested = search.quarter;
  const current = reportingPeriod(periods, today) ?? null;
  // No quarter asked for: the to-do list across quarters. A quarter: everything of that quarter.
  const chosen = periods.find((p) => p.code === requested) ?? null;
  const period = chosen ?? current ?? periods[0];

  if (!period) {
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold sm:text-2xl">我的任务</h1>
        <p className="text-sm text-gray-700">尚未设置填报季度，请联系系统管理员。</p>
      </div>
    );
  }

  const entries = listUnitTodo({ unitId, periods, current, today });
  const counts = openCounts(entries);
  const quarterItems = entries
    .filter((e) => e.quarter.period.id === period.id)
    .sort((a, b) => {
      const byState = ORDER[a.quarter.reportState ?? "none"] - ORDER[b.quarter.reportState ?? "none"];
      if (byState !== 0) return byState;
      const overdue = (i: TodoEntry) => (i.quarter.status.reporting === "missing" ? 0 : 1);
      return (
        overdue(a) - overdue(b) ||
        (a.quarter.subject.kind === b.quarter.subject.kind ? 0 : a.quarter.subject.kind === "task" ? -1 : 1) ||
        a.quarter.subject.no - b.quarter.subject.no
      );
    });
  const groups = new Map<TodoGroup, TodoEntry[]>(TODO_GROUPS.map((g) => [g, entries.filter((e) => e.group === g)]));
  const coopTasks = listCoopTasks({ unitId, periodId: period.id, page: parsePageParam(search.page), size: COOP_PAGE_SIZE });
  // 督办事项 this unit leads or cooperates on, by 来源 (?source=).
  const itemSource = itemSourceOf(parseSourceParam(search.source));
  const allItems = listItems({ yearId: (await currentProgrammeYear()).id, unitId });
  const myItems = itemSource ? allItems.filter((i) => i.source === itemSource) : allItems;
  const itemNotes = itemIdsWithCoopNote({ unitId, periodId: period.id });
  const itemCounts = Object.fromEntries(ITEM_SOURCES.map((s) => [s, allItems.filter((i) => i.source === s).length]));
  // The view's query (quarter, 来源): the source filter changes the 来源, the 配合任务 pager keeps it.
  const myQuery = (s: string | null) => new URLSearchParams({ ...(chosen ? { quarter: chosen.code } : {}), ...(s ? { source: s } : {}) });
  const myHref = (s: string | null) => {
    const q = myQuery(s);
    return `/my${q.size ? `?${q}` : ""}#items-heading`;
  };
  const coopSearch = myQuery(itemSource).toString();
  const stateCounts = new Map<string, number>();
  for (const { quarter } of quarterItems) {
    const key = quarter.reportState ?? "none";
    stateCounts.set(key, (stateCounts.get(key) ?? 0) + 1);
  }
  const days = daysLeft(period, today);
  const ledCount = new Set(entries.map((e) => subjectKey(e.quarter.subject))).size;

  return (
    <div className="space-y-5">
      <header className="space-y-2">
        <h1 className="text-xl font-semibold sm:text-2xl">我的任务</h1>
        <p className="text-sm text-gray-800">
          {user.unitName} · {chosen ? quarterLabel(period.code) : `当前 ${quarterLabel(period.code)}`} · 报告截止 {formatChineseDate(period.dueOn)}
          {days > 0 ? `（还剩 ${days} 天）` : days === 0 ? "（今天截止）" : `（已过 ${-days} 天）`}
        </p>
        <p className="no-print text-sm">
          <Link href="/ledger">用 Excel 台账批量填报（导出、回填导入）</Link>
        </p>
        <nav aria-label="选择季度" className="flex flex-wrap gap-2 text-sm">
          {[{ code: null as string | null, text: "待办" }, ...periods.map((p) => ({ code: p.code as string | null, text: quarterShort(p.code) }))].map(
            ({ code, text }) => {
              const count = code === null ? [...counts.values()].reduce((a, b) => a + b, 0) : (counts.get(code) ?? 0);
              const label = `${text}${count > 0 ? `（${count} 项待办）` : ""}`;
              const active = code === null ? !chosen : chosen?.code === code;
              const cls = "inline-flex min-h-11 items-center rounded border px-3";
              return active ? (
                <span key={code ?? "todo"} aria-current="page" className={`${cls} border-brand-700 font-semibold`}>
                  {label}
                </span>
              ) : (
                <Link key={code ?? "todo"} href={code === null ? "/my" : `/my?quarter=${code}`} className={cls}>
                  {label}
                </Link>
              );
            },
          )}
        </nav>
        {chosen && quarterItems.length > 0 && (
          <ul aria-label="填报情况统计" className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-gray-800">
            {(["returned", "none", "draft", "submitted", "approved"] as const).map((k) => (
              <li key={k}>
                {REPORT_STATE_LABEL[k]} <strong>{stateCounts.get(k) ?? 0}</strong>
              </li>
            ))}
          </ul>
        )}
      </header>

      {chosen ? (
        <section aria-labelledby="lead-heading" className="space-y-3">
          <h2 id="lead-heading" className="text-base font-semibold">
            牵头事项（{quarterItems.length} 项）
          </h2>
          {quarterItems.length === 0 ? (
            <p className="text-sm text-gray-700">本单位没有牵头的重点工作任务或民生实事。</p>
          ) : (
            <ul className="grid gap-3 lg:grid-cols-2">
              {quarterItems.map((item) => (
                <TaskCard key={subjectKey(item.quarter.subject)} item={item} period={period} today={today} />
              ))}
            </ul>
          )}
        </section>
      ) : (
        <>
          {(["returned", "overdue"] as const).map((g) => (
            <TodoSection key={g} group={g} entries={groups.get(g)!} today={today} />
          ))}
          <OpenNotices user={user} />
          {(["current", "sent"] as const).map((g) => (
            <TodoSection key={g} group={g} entries={groups.get(g)!} today={today} />
          ))}
          {ledCount === 0 && <p className="text-sm text-gray-700">本单位没有牵头的重点工作任务或民生实事。</p>}
        </>
      )}

      {chosen && <OpenNotices user={user} />}

      {coopTasks.total > 0 && (
        <section aria-labelledby="coop-heading" className="space-y-3" data-testid="coop-tasks">
          <h2 id="coop-heading" className="text-base font-semibold">
            配合任务（{quarterShort(period.code)}，{coopTasks.total} 项{coopTasks.open > 0 ? `，${coopTasks.open} 项未填写配合情况` : ""}）
          </h2>
          {coopTasks.pages > 1 && (
            <p className="text-sm text-gray-700">
              未填写的排在前面；第 {coopTasks.first}–{coopTasks.last} 项，共 {coopTasks.total} 项。
            </p>
          )}
          <ul className="divide-y rounded border bg-white">
            {coopTasks.rows.map((t) => (
              <li key={t.taskId} className="flex flex-col gap-2 p-3 sm:flex-row sm:items-center sm:justify-between">
                <p className="text-sm">
                  <span className="font-medium">序号 {t.no}</span> <span className="text-gray-800">{t.target}</span>
                </p>
                <Link href={`/tasks/${t.no}/report/${period.code}#coop`} className={`${buttonClassName("secondary")} shrink-0`}>
                  {t.hasNote ? "修改配合情况" : "填写配合情况"}
                  <span className="sr-only">（序号 {t.no}）</span>
                </Link>
              </li>
            ))}
          </ul>
          <Pager path="/my" search={coopSearch} page={coopTasks.page} pages={coopTasks.pages} label="配合任务分页" fragment="#coop-heading" />
        </section>
      )}

      {allItems.length > 0 && (
        <section aria-labelledby="items-heading" className="space-y-3">
          <h2 id="items-heading" className="text-base font-semibold">
            督办事项（{myItems.length} 项）
          </h2>
          <SourceFilter current={itemSource} counts={itemCounts} hrefOf={myHref} sources={ITEM_SOURCES} />
          <ul className="divide-y rounded border bg-white">
            {myItems.map((it) => (
              <li key={it.no} className="space-y-1 p-3 text-sm">
                <p>
                  <Link href={`/items/${it.no}`} className="font-medium underline underline-offset-2">
                    {subjectLabel({ kind: "item", no: it.no })}
                  </Link>{" "}
                  <span className="text-gray-700">
                    {ITEM_SOURCE_LABEL[it.source]} · {it.leadUnits.some((u) => u.id === unitId) ? "牵头" : "配合"} · {itemTimeLimit(it)}
                  </span>
                </p>
                <p className="line-clamp-2 text-gray-800">{it.text}</p>
                {!it.leadUnits.some((u) => u.id === unitId) && itemReportsIn(it, period) && (
                  <Link href={`/items/${it.no}/report/${period.code}#coop`} className={buttonClassName("secondary")}>
                    {itemNotes.has(it.id) ? "修改配合情况" : "填写配合情况"}
                    <span className="sr-only">（{subjectLabel({ kind: "item", no: it.no })}）</span>
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

/** One group of the to-do list, oldest quarter first. */
function TodoSection({ group, entries, today }: { group: TodoGroup; entries: TodoEntry[]; today: string }) {
  if (entries.length === 0) return null;
  const sorted = [...entries].sort(
    (a, b) =>
      a.quarter.period.quarter - b.quarter.period.quarter ||
      (a.quarter.subject.kind === b.quarter.subject.kind ? 0 : a.quarter.subject.kind === "task" ? -1 : 1) ||
      a.quarter.subject.no - b.quarter.subject.no,
  );
  const id = `todo-${group}-heading`;
  return (
    <section aria-labelledby={id} className="space-y-3" data-testid={`todo-${group}`}>
      <h2 id={id} className={`text-base font-semibold ${group === "returned" || group === "overdue" ? "text-red-900" : ""}`}>
        {TODO_GROUP_LABEL[group]}（{entries.length} 项）
      </h2>
      <ul className="grid gap-3 lg:grid-cols-2">
        {sorted.map((item) => (
          <TaskCard
            key={`${subjectKey(item.quarter.subject)}@${item.quarter.period.code}`}
            item={item}
            period={item.quarter.period}
            today={today}
            showQuarter
          />
        ))}
      </ul>
    </section>
  );
}
