import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/app/_lib/current-user";
import { currentProgrammeYear } from "@/app/_lib/programme-year";
import { appToday } from "@/app/_lib/today";
import { getNodeQuarter } from "@/db/queries/monthly-nodes";
import { quarterLabel, quarterShort } from "@/lib/periods";
import { nodesPath, reportPath, subjectLabel, subjectPath, type SubjectRef } from "@/lib/subject";
import { listPeriods } from "@/db/queries/periods";
import { ReportQuarterLamps } from "@/app/_components/report-quarter-lamps";
import { MonthlyNodesPanel } from "./monthly-nodes-panel";

/** The 月度推进节点 page of a subject's quarter, the same for every subject kind. */
export async function NodePage({ subjectRef: ref, periodCode }: { subjectRef: SubjectRef | null; periodCode: string }) {
  const year = await currentProgrammeYear();
  const today = appToday();
  const q = ref ? getNodeQuarter({ yearId: year.id, ref, periodCode, today }) : null;
  if (!ref || !q) notFound();
  const user = await requirePermission(["report:read", { kind: ref.kind, leadUnitIds: q.subject.leadUnitIds, coopUnitIds: q.subject.coopUnitIds }], {
    entity: "monthlyNodes",
    entityId: `${ref.kind}:${ref.no}:${periodCode}`,
  });
  const periods = listPeriods({ yearId: year.id });
  return (
    <article className="space-y-4">
      <p className="text-sm">
        <Link href={subjectPath(ref)}>← 返回{subjectLabel(ref)}</Link>
        <span aria-hidden="true"> · </span>
        <Link href={reportPath(ref, periodCode)}>{quarterLabel(periodCode)}报告</Link>
      </p>
      <header className="space-y-2">
        <h1 className="text-lg font-semibold sm:text-xl">
          {subjectLabel(ref)} · {quarterLabel(periodCode)}月度推进节点
        </h1>
        <p className="text-sm leading-relaxed text-gray-800">{q.subject.title}</p>
        <p className="text-sm text-gray-700">牵头单位：{q.subject.leadUnits.join("、") || "—"}</p>
        <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="node-quarter-status">
          <ReportQuarterLamps subject={ref} period={q.period} today={today} />
        </div>
        <nav aria-label="季度" className="flex flex-wrap gap-3 text-sm">
          {periods.map((p) =>
            p.code === periodCode ? (
              <span key={p.code} aria-current="page" className="inline-flex min-h-11 items-center font-semibold">
                {quarterShort(p.code)}
              </span>
            ) : (
              <Link key={p.code} href={nodesPath(ref, p.code)} className="inline-flex min-h-11 items-center">
                {quarterShort(p.code)}
              </Link>
            ),
          )}
        </nav>
      </header>
      <p className="text-sm text-gray-700">每月节点于当月最后一天（北京时间）到期：到期前标记完成为“已完成”，过期未完成为“逾期未完成”，并计入本季度进度灯。</p>
      <MonthlyNodesPanel q={q} user={user} today={today} withEditor />
    </article>
  );
}
