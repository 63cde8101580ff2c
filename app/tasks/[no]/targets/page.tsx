import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/app/_lib/current-user";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { getReportTaskByNo } from "@/db/queries/reports";
import { getTaskTargets } from "@/db/queries/targets";
import { formatDateTime } from "@/lib/format-time";
import { formatMetricValue } from "@/lib/metric-text";
import { formatNumber, formatWithUnit } from "@/lib/metric-values";
import { can } from "@/lib/permissions";
import { effectivePlans } from "@/lib/quarter-targets";
import { parseTaskNo } from "../report/[quarter]/report-context";
import { LockForm } from "./_components/lock-form";
import { TargetsForm } from "./_components/targets-form";

type Props = { params: Promise<{ no: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `任务 ${(await params).no} · 季度攻坚目标` };
}

const Q = ["第一季度", "第二季度", "第三季度", "第四季度"] as const;

export default async function TargetsPage({ params }: Props) {
  const no = parseTaskNo((await params).no);
  const task = no === null ? null : getReportTaskByNo({ no });
  if (!task) notFound();
  const leadUnitIds = task.leadUnits.map((u) => u.id);
  const user = await requirePermission(["report:read", { leadUnitIds, coopUnitIds: task.coopUnits.map((u) => u.id) }], {
    entity: "targets",
    entityId: task.no,
  });
  const targets = getTaskTargets({ taskId: task.id });
  const locked = targets.lockedAt !== null;
  const mayEdit = locked ? can(user, "targets:lock") : can(user, "targets:edit", { leadUnitIds, locked: false });
  const metrics = targets.metrics.map((m) => {
    const plans = effectivePlans(m, m.stored.map((v) => v ?? undefined));
    return { id: m.id, label: m.label, unit: m.unit, kind: m.kind, annual: formatMetricValue({ ...m, targetMax: m.targetMax ?? null }), plans, values: plans.map(formatNumber) };
  });

  return (
    <article className="space-y-4">
      <p className="no-print text-sm">
        <Link href={`/tasks/${task.no}`}>← 返回任务 {task.no}</Link>
      </p>
      <header className="space-y-2">
        <h1 className="text-lg font-semibold sm:text-xl">序号 {task.no} · 季度攻坚目标</h1>
        <p className="text-sm leading-relaxed text-gray-800">{task.target}</p>
        <p className="flex flex-wrap items-center gap-2 text-sm text-gray-700">
          {locked ? <Badge tone="info">已锁定</Badge> : <Badge>未锁定</Badge>}
          {targets.version === 0 ? "尚未保存，下方为按序时进度（25%/50%/75%/100%）生成的默认值。" : `最后修改：${targets.updatedAt ? formatDateTime(targets.updatedAt) : ""}（${targets.updatedByName ?? ""}）`}
          {locked && targets.lockedAt && `；${formatDateTime(targets.lockedAt)} 由 ${targets.lockedByName ?? "督查室"} 锁定，修改须由督查室进行`}
        </p>
      </header>

      <Card aria-labelledby="targets-heading">
        <CardTitle id="targets-heading">{mayEdit ? "设置季度目标" : "季度目标"}</CardTitle>
        {mayEdit ? (
          <TargetsForm taskNo={task.no} version={targets.version} metrics={metrics} milestones={targets.milestones.map((m) => m ?? "")} />
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[32rem] border-collapse text-left text-sm">
              <caption className="sr-only">各季度计划</caption>
              <thead className="bg-gray-100 text-gray-700">
                <tr>
                  <th scope="col" className="px-3 py-2">指标 / 节点</th>
                  {Q.map((q) => (
                    <th key={q} scope="col" className="px-3 py-2">{q}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {metrics.map((m) => (
                  <tr key={m.id} className="border-b">
                    <th scope="row" className="px-3 py-2 font-medium">{m.label}</th>
                    {m.plans.map((p, i) => (
                      <td key={i} className="px-3 py-2 tabular-nums">{formatWithUnit(p, m.unit)}</td>
                    ))}
                  </tr>
                ))}
                <tr>
                  <th scope="row" className="px-3 py-2 font-medium">节点目标</th>
                  {targets.milestones.map((t, i) => (
                    <td key={i} className="px-3 py-2">{t ?? "—"}</td>
                  ))}
                </tr>
              </tbody>
            </table>
          </div>
        )}
      </Card>

      {can(user, "targets:lock") && (
        <Card aria-labelledby="lock-heading">
          <CardTitle id="lock-heading">锁定</CardTitle>
          <p className="mb-3 text-sm text-gray-700">锁定后牵头单位不能再修改季度目标；锁定时未保存的季度按序时进度写入。</p>
          <LockForm taskNo={task.no} version={targets.version} locked={locked} />
        </Card>
      )}
    </article>
  );
}
