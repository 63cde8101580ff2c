import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/app/_lib/current-user";
import { currentProgrammeYear, linkYear } from "@/app/_lib/programme-year";
import { Badge } from "@/components/ui/badge";
import { listLeadersForAdmin } from "@/db/queries/leader-handover";
import { formatDayCn } from "@/lib/periods";
import { yearHref } from "@/lib/programme-year";
import { subjectPath } from "@/lib/subject";
import { HandoverHistory } from "./_components/handover-history";

export const metadata: Metadata = { title: "领导交接" };

export default async function LeadersPage() {
  await requirePermission(["programme:edit"], { entity: "page", entityId: "/admin/leaders" });
  const year = await currentProgrammeYear();
  const keep = await linkYear();
  const { leaders, handovers } = listLeadersForAdmin({ yearId: year.id });
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold sm:text-2xl">领导交接：{year.year}年</h1>
      <p className="text-sm text-gray-700">
        市领导职务变动或分工调整时，把原领导的职务和牵头事项移交给接任领导（现有领导或新增领导）。移交后，接任领导在领导驾驶舱看到这些事项；原领导作出的批示、审核和操作记录仍记在原领导名下，原领导的账号保留，可在
        <Link href="/admin/users" className="underline">
          用户管理
        </Link>
        中停用或调整。
      </p>
      {year.closed && <p className="rounded bg-amber-100 px-3 py-2 text-sm text-amber-950">本年度已关闭，只读，不能再办理交接。</p>}
      <div className="overflow-x-auto rounded border bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{year.year}年市领导及其牵头事项</caption>
          <thead className="border-b bg-gray-50">
            <tr>
              <th scope="col" className="px-3 py-2">
                领导
              </th>
              <th scope="col" className="px-3 py-2">
                职务
              </th>
              <th scope="col" className="px-3 py-2">
                牵头事项
              </th>
              <th scope="col" className="px-3 py-2">
                账号
              </th>
              <th scope="col" className="px-3 py-2">
                操作
              </th>
            </tr>
          </thead>
          <tbody>
            {leaders.map((l) => (
              <tr key={l.id} className="border-b align-top last:border-0">
                <th scope="row" className="px-3 py-2 font-medium whitespace-nowrap">
                  {l.name}
                </th>
                <td className="px-3 py-2 whitespace-nowrap">{l.title ?? "—"}</td>
                <td className="px-3 py-2">
                  {l.subjects.length === 0
                    ? "—"
                    : l.subjects.map((s, i) => (
                        <span key={s.key}>
                          {i > 0 && "、"}
                          <Link href={yearHref(subjectPath(s), keep)} className="underline underline-offset-2">
                            {s.label}
                          </Link>
                        </span>
                      ))}
                </td>
                <td className="px-3 py-2">
                  {l.accounts.length === 0
                    ? "—"
                    : l.accounts.map((a) => (
                        <span key={a.id} className="mr-2 inline-flex items-center gap-1">
                          <Link href={`/admin/users/${a.id}`} className="font-mono underline">
                            {a.username}
                          </Link>
                          {a.disabled && <Badge>已停用</Badge>}
                        </span>
                      ))}
                </td>
                <td className="px-3 py-2 whitespace-nowrap">
                  <Link href={yearHref(`/admin/leaders/${l.id}`, keep)} className="underline">
                    交接<span className="sr-only">{l.name}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <HandoverHistory entries={handovers} dayText={formatDayCn} />
    </div>
  );
}
