import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/app/_lib/current-user";
import { appToday } from "@/app/_lib/today";
import { NoticeLevelBadge, NoticeStateBadge } from "@/components/notices/notice-state-badge";
import { buttonClassName } from "@/components/ui/button";
import { inputClassName } from "@/components/ui/text-field";
import { can } from "@/lib/permissions";
import { formatChineseDate } from "@/lib/format-date";
import { NOTICE_STATE_LABEL, type NoticeDisplayState } from "@/lib/notice-state";
import { dayOfTimestamp, formatDayCn } from "@/lib/periods";
import type { SearchParams } from "../_lib/view";
import { loadNoticeRegister, REGISTER_STATES } from "./notice-register";
import { subjectLabel, subjectPath } from "./notice-helpers";

export const metadata: Metadata = { title: "督办台账 · 督查工作台" };

type Props = { searchParams: Promise<SearchParams> };

/** What was asked of whom, and what is closed: every notice in its state on the chosen day. */
export default async function NoticeRegisterPage({ searchParams }: Props) {
  const user = await requirePermission(["supervision:read"], { entity: "supervision" });
  const sp = await searchParams;
  const today = appToday();
  const { asOf, state, all, shown } = await loadNoticeRegister(sp, today);
  const search = new URLSearchParams({ ...(state ? { state } : {}), ...(asOf !== today ? { asOf } : {}) }).toString();
  const count = (s: NoticeDisplayState) => all.filter((n) => n.stateAsOf === s).length;

  return (
    <article className="space-y-4">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div className="space-y-1">
          <h1 className="text-lg font-semibold sm:text-xl">督办台账</h1>
          <p className="text-sm text-gray-800">
            截至 {formatDayCn(asOf)} 共 {all.length} 件：{REGISTER_STATES.map((s) => `${NOTICE_STATE_LABEL[s]} ${count(s)}`).join(" · ")}
          </p>
        </div>
        {can(user, "export") && (
          <a href={`/api/supervision/notices/export${search ? `?${search}` : ""}`} className={`${buttonClassName("secondary")} no-print`} download>
            导出 Excel
          </a>
        )}
      </header>
      <form method="get" action="/supervision/notices" className="no-print flex flex-wrap items-end gap-3 rounded border bg-white p-3">
        <div>
          <label htmlFor="n-state" className="mb-1 block text-sm font-medium text-gray-800">
            状态
          </label>
          <select id="n-state" name="state" defaultValue={state ?? ""} className={inputClassName}>
            <option value="">全部</option>
            {REGISTER_STATES.map((s) => (
              <option key={s} value={s}>
                {NOTICE_STATE_LABEL[s]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="n-asof" className="mb-1 block text-sm font-medium text-gray-800">
            数据截至
          </label>
          <input id="n-asof" type="date" name="asOf" defaultValue={asOf} max={today} className={inputClassName} />
        </div>
        <button type="submit" className={buttonClassName("secondary")}>
          查看
        </button>
      </form>
      {shown.length === 0 ? (
        <p className="rounded border bg-white p-4 text-sm text-gray-800">没有符合条件的催办、督办。</p>
      ) : (
        <div className="overflow-x-auto rounded border bg-white">
          <table className="w-full min-w-[64rem] text-left text-sm">
            <caption className="sr-only">催办、督办台账</caption>
            <thead className="bg-gray-50 text-gray-800">
              <tr>
                <th scope="col" className="min-w-[11rem] px-3 py-2">
                  文号
                </th>
                <th scope="col" className="min-w-[5rem] px-3 py-2">
                  任务
                </th>
                <th scope="col" className="min-w-[8rem] px-3 py-2">
                  主送单位
                </th>
                <th scope="col" className="min-w-[16rem] px-3 py-2">
                  问题
                </th>
                <th scope="col" className="px-3 py-2">
                  发出
                </th>
                <th scope="col" className="px-3 py-2">
                  回复期限
                </th>
                <th scope="col" className="px-3 py-2">
                  状态
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((n) => (
                <tr key={n.id} className="border-t align-top" data-testid="notice-row">
                  <th scope="row" className="whitespace-nowrap px-3 py-2 font-medium">
                    <NoticeLevelBadge level={n.level} />{" "}
                    <Link href={`/supervision/notices/${n.id}`} className="underline">
                      {n.title}
                    </Link>
                  </th>
                  <td className="px-3 py-2">{subjectPath(n) ? <Link href={subjectPath(n)!}>{subjectLabel(n)}</Link> : "—"}</td>
                  <td className="px-3 py-2">{n.units.map((u) => u.name).join("、")}</td>
                  <td className="px-3 py-2">
                    <span className="line-clamp-2">{n.problem}</span>
                  </td>
                  <td className="whitespace-nowrap px-3 py-2">{formatChineseDate(dayOfTimestamp(n.createdAt))}</td>
                  <td className="whitespace-nowrap px-3 py-2">{formatChineseDate(n.deadlineAsOf)}</td>
                  <td className="whitespace-nowrap px-3 py-2">
                    <NoticeStateBadge state={n.stateAsOf} />
                    {n.escalatedAsOf && <span className="ml-1 text-xs text-red-800">已呈报领导</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </article>
  );
}
