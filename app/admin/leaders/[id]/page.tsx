import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/app/_lib/current-user";
import { currentProgrammeYear, linkYear } from "@/app/_lib/programme-year";
import { appToday } from "@/app/_lib/today";
import { listLeadersForAdmin } from "@/db/queries/leader-handover";
import { yearHref } from "@/lib/programme-year";
import { HandoverForm } from "../_components/handover-form";

export const metadata: Metadata = { title: "领导交接" };

export default async function LeaderHandoverPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  await requirePermission(["programme:edit"], { entity: "page", entityId: `/admin/leaders/${raw}` });
  const year = await currentProgrammeYear();
  const keep = await linkYear();
  const { leaders } = listLeadersForAdmin({ yearId: year.id });
  const leader = /^\d{1,9}$/.test(raw) ? leaders.find((l) => l.id === Number(raw)) : undefined;
  if (!leader) notFound();
  return (
    <article className="space-y-4">
      <p className="text-sm">
        <Link href={yearHref("/admin/leaders", keep)}>← 返回领导交接</Link>
      </p>
      <h1 className="text-xl font-semibold sm:text-2xl">
        领导交接：{leader.name}
        {leader.title ? `（${leader.title}）` : ""}
      </h1>
      <p className="text-sm text-gray-700">
        {year.year}年牵头 {leader.subjects.length} 项事项；账号：
        {leader.accounts.map((a) => `${a.username}${a.disabled ? "（已停用）" : ""}`).join("、") || "无"}。
        交接后原领导的批示、审核和操作记录仍记在其名下，账号保留（可在用户管理中停用）。
      </p>
      {year.closed && <p className="rounded bg-amber-100 px-3 py-2 text-sm text-amber-950">本年度已关闭，只读，不能再办理交接。</p>}
      <HandoverForm
        leader={{ id: leader.id, name: leader.name, title: leader.title, version: leader.version }}
        subjects={leader.subjects.map((s) => ({ key: s.key, label: s.label, title: s.title }))}
        others={leaders.filter((l) => l.id !== leader.id).map((l) => ({ id: l.id, name: l.title ? `${l.name}（${l.title}）` : l.name }))}
        today={appToday()}
      />
    </article>
  );
}
