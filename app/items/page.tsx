import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/app/_lib/current-user";
import { currentProgrammeYear, linkYear } from "@/app/_lib/programme-year";
import { yearHref } from "@/lib/programme-year";
import { Pager } from "@/components/ui/pager";
import { FilterSelect } from "@/components/ui/filter-select";
import { Button } from "@/components/ui/button";
import { VerificationBadge } from "@/components/verification-badge";
import { countItemsBySource, listItems } from "@/db/queries/items";
import { pageOf, parsePageParam } from "@/lib/pagination";
import { can } from "@/lib/permissions";
import { subjectLabel } from "@/lib/subject";
import { itemSourceOf, itemTimeLimit, parseSourceParam } from "@/lib/supervision-items";
import { ITEM_SOURCE_LABEL, ITEM_SOURCES } from "@/lib/vocabulary";

export const metadata: Metadata = { title: "督办事项" };

type Search = Record<string, string | string[] | undefined>;

export default async function ItemsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  const { id: yearId, year } = await currentProgrammeYear();
  const keep = await linkYear();
  const params = await searchParams;
  const source = itemSourceOf(parseSourceParam(params.source));
  // A unit sees the items it leads or cooperates on; everyone else sees all of them.
  const unitId = user.role === "unit" ? user.unitId : null;
  const items = listItems({ yearId, source, unitId });
  const counts = countItemsBySource({ yearId });
  const shown = pageOf(items, parsePageParam(params.page));
  const search = source ? `?source=${source}` : "";

  return (
    <>
      <h1 className="mb-1 text-xl font-semibold sm:text-2xl">{year} 年督办事项</h1>
      <p className="mb-4 text-sm text-gray-700">
        会议议定事项 {counts.meeting} 项、“开局八好”方案举措 {counts.kaiju} 项、领导交办 {counts.instruction} 项；与年度重点工作、民生实事一样报送、督办、销号。
      </p>
      <div className="mb-4 flex flex-wrap items-end gap-3">
        <form method="get" className="flex flex-wrap items-end gap-3" aria-label="筛选督办事项">
          <FilterSelect
            id="item-source"
            label="来源"
            name="source"
            value={source}
            options={ITEM_SOURCES.map((s) => ({ value: s, label: ITEM_SOURCE_LABEL[s] }))}
          />
          <Button type="submit" variant="secondary">
            筛选
          </Button>
        </form>
        {can(user, "item:create") && (
          <Link href="/items/new" className="text-sm underline underline-offset-2">
            录入领导交办事项
          </Link>
        )}
      </div>
      <p className="mb-2 text-sm text-gray-700" aria-live="polite">
        {source ? `${ITEM_SOURCE_LABEL[source]}：` : ""}共 {shown.total} 项{shown.total > 0 ? `，显示第 ${shown.first}–${shown.last} 项` : ""}
      </p>
      {shown.total === 0 ? (
        <p className="rounded border border-dashed p-4 text-sm text-gray-700">没有符合条件的督办事项。</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">{year} 年督办事项</caption>
            <thead>
              <tr className="border-b bg-gray-50 text-left">
                <th scope="col" className="p-2 whitespace-nowrap">
                  编号
                </th>
                <th scope="col" className="p-2 whitespace-nowrap">
                  来源
                </th>
                <th scope="col" className="p-2">
                  事项
                </th>
                <th scope="col" className="p-2 whitespace-nowrap">
                  牵头领导
                </th>
                <th scope="col" className="p-2">
                  牵头单位
                </th>
                <th scope="col" className="p-2 whitespace-nowrap">
                  时限
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.rows.map((it) => (
                <tr key={it.no} className="border-b align-top">
                  <td className="p-2 whitespace-nowrap">
                    <Link href={yearHref(`/items/${it.no}`, keep)} className="underline underline-offset-2">
                      {subjectLabel({ kind: "item", no: it.no })}
                    </Link>
                  </td>
                  <td className="p-2">
                    {ITEM_SOURCE_LABEL[it.source]}
                    <span className="block text-xs text-gray-700">
                      {it.docNo ? `${it.docNo} ` : ""}
                      {it.sourceRef}
                    </span>
                  </td>
                  <td className="p-2">
                    <span className="line-clamp-3">{it.text}</span>
                    {it.needsVerification && <VerificationBadge note={null} />}
                    {it.linkedTaskNo !== null && <span className="block text-xs text-gray-700">由第{it.linkedTaskNo}项报送</span>}
                  </td>
                  <td className="p-2 whitespace-nowrap">{it.leaders.join("、") || "—"}</td>
                  <td className="p-2">{it.leadUnits.map((u) => u.name).join("、") || "（待明确）"}</td>
                  <td className="p-2">{itemTimeLimit(it)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="mt-4">
        <Pager path="/items" search={search} page={shown.page} pages={shown.pages} year={keep} />
      </div>
    </>
  );
}
