import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/app/_lib/current-user";
import { ProgressBadge, ReportingBadge } from "@/components/lamp-badges";
import { buttonClassName } from "@/components/ui/button";
import { inputClassName } from "@/components/ui/text-field";
import { loadDashboard } from "@/db/queries/dashboard";
import { MAYOR_TITLE } from "@/db/queries/leaders";
import { listLeaders } from "@/db/queries/tasks";
import { summarize } from "@/lib/dashboard";
import { formatChineseDate } from "@/lib/format-date";
import { leaderBrief } from "@/lib/leader-brief";
import { NOTICE_STATE_LABEL } from "@/lib/notice-state";
import { formatDayCn, quarterLabel } from "@/lib/periods";
import { subjectFullLabel, subjectLabel, subjectPath } from "@/lib/subject";
import { PROGRESS_LABEL, REPORTING_LABEL } from "@/lib/vocabulary";
import { PrintButton } from "../_components/print-button";
import { resolveDashboardView } from "../_lib/view";
import { yearHref } from "@/lib/programme-year";

export const metadata: Metadata = { title: "领导简报" };

/** One line per row: the first two lead units, then how many more. */
const unitsText = (units: readonly string[]) =>
  units.length === 0 ? "—" : units.length <= 2 ? units.join("、") : `${units.slice(0, 2).join("、")}等 ${units.length} 个单位`;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** One A4 page per 分管领导: their tasks' two lamps, the red reasons and the open 督办. */
export default async function LeaderBriefPage({ searchParams }: Props) {
  const user = await requirePermission(["dashboard:read"], { entity: "dashboard" });
  const sp = await searchParams;
  const view = await resolveDashboardView(user, sp);
  if (!view) return <p>尚未设置季度报告期，请联系系统管理员。</p>;
  const all = listLeaders({ yearId: view.period.yearId });
  const leaders = all.map((l) => l.name);
  const asked = typeof sp.leader === "string" ? sp.leader : null;
  const leader = (asked && leaders.includes(asked) ? asked : null) ?? view.ownLeader ?? all.find((l) => l.title !== MAYOR_TITLE)?.name ?? leaders[0] ?? null;
  if (!leader) return <p>尚无牵头领导。</p>;
  const data = loadDashboard({ period: view.period, previous: view.previous, asOf: view.asOf, today: view.today });
  const brief = leaderBrief(
    leader,
    data.rows,
    data.openDuban.map((n) => ({ ...n, state: NOTICE_STATE_LABEL[n.state] })),
  );
  const s = summarize(brief.rows);

  return (
    <article className="brief space-y-3">
      <form method="get" action="/dashboard/brief" className="no-print flex flex-wrap items-end gap-3 rounded border bg-white p-3">
        <input type="hidden" name="quarter" value={view.period.code} />
        {view.base.year && <input type="hidden" name="year" value={view.base.year} />}
        <div>
          <label htmlFor="brief-leader" className="mb-1 block text-sm font-medium text-gray-800">
            分管领导
          </label>
          <select id="brief-leader" name="leader" defaultValue={leader} className={inputClassName}>
            {leaders.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClassName("secondary")}>
          查看
        </button>
        <span className="sm:ml-auto">
          <PrintButton />
        </span>
      </form>
      <header>
        <h1 className="text-lg font-semibold">
          {leader}同志分管重点工作简报 · {quarterLabel(view.period.code)}
        </h1>
        <p className="text-sm text-gray-800" data-testid="brief-summary">
          数据截至 {formatDayCn(view.asOf)} · 共 {s.total} 项：{REPORTING_LABEL.missing} {s.reporting.missing}、{REPORTING_LABEL.late} {s.reporting.late}
          ；进度红 {s.progress.red}、黄 {s.progress.amber}、绿 {s.progress.green}、{PROGRESS_LABEL.done} {s.progress.done}、{PROGRESS_LABEL.none}{" "}
          {s.progress.none}；未销号督办 {brief.notices.length} 件
        </p>
      </header>
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{leader}分管事项的报送与进度</caption>
        <thead className="bg-gray-100">
          <tr>
            <th scope="col" className="border px-2 py-1">
              事项
            </th>
            <th scope="col" className="border px-2 py-1">
              牵头单位
            </th>
            <th scope="col" className="border px-2 py-1">
              报送
            </th>
            <th scope="col" className="border px-2 py-1">
              进度
            </th>
          </tr>
        </thead>
        <tbody>
          {brief.rows.map((r) => (
            <tr key={`${r.subject.kind}:${r.subject.no}`} data-testid="brief-row">
              <th scope="row" className="border px-2 py-1 font-normal">
                <Link href={yearHref(subjectPath(r.subject), view.year)}>{subjectFullLabel(r.subject, r.subject.title, 22)}</Link>
              </th>
              <td className="border px-2 py-1">{unitsText(r.subject.leadUnits)}</td>
              <td className="border px-2 py-1">
                <ReportingBadge lamp={r.status.reporting} daysLate={r.status.daysLate} />
              </td>
              <td className="border px-2 py-1">
                <ProgressBadge lamp={r.status.progress} overridden={r.status.overridden} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="brief-red">
        <h2 id="brief-red" className="text-base font-semibold">
          红灯原因（{brief.red.length} 项）
        </h2>
        {brief.red.length === 0 ? (
          <p className="text-sm text-gray-800">本季度分管事项没有进度红灯。</p>
        ) : (
          <ul className="list-disc pl-5 text-sm">
            {brief.red.map((r) => (
              <li key={`${r.subject.kind}:${r.subject.no}`}>
                {subjectLabel(r.subject)}：
                {r.status.reasons
                  .filter((x) => x.kind !== "missing" && x.kind !== "late")
                  .map((x) => x.text)
                  .join("；")}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="brief-duban">
        <h2 id="brief-duban" className="text-base font-semibold">
          未销号督办（{brief.notices.length} 件）
        </h2>
        {brief.notices.length === 0 ? (
          <p className="text-sm text-gray-800">分管事项没有未销号的督办。</p>
        ) : (
          <ul className="list-disc pl-5 text-sm">
            {brief.notices.map((n) => (
              <li key={n.id}>
                <Link href={`/supervision/notices/${n.id}`} className="underline">
                  {n.title}
                </Link>
                （{subjectLabel(n.subject)}，{n.units.join("、")}，{n.state}，期限 {formatChineseDate(n.deadline)}
                {n.escalated ? "，已呈报" : ""}）
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
