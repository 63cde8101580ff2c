import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/app/_lib/current-user";
import { appToday } from "@/app/_lib/today";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { listPeriods } from "@/db/queries/periods";
import { getReportTaskByNo } from "@/db/queries/reports";
import { getTaskTargets } from "@/db/queries/targets";
import { formatDateTime } from "@/lib/format-time";
import { formatMetricValue } from "@/lib/metric-text";
import { formatNumber, formatWithUnit } from "@/lib/metric-values";
import { can } from "@/lib/permissions";
import { QUARTERS } from "@/lib/periods";
import { LOCK_CAUSE_LABEL, quarterLock } from "@/lib/quarter-targets";
import { parseTaskNo } from "../report/[quarter]/report-context";
import { ChangeRequestForm } from "./_components/change-request-form";
import { ChangeRequestList } from "./_components/change-request-list";
import { LockForm } from "./_components/lock-form";
import { TargetsForm } from "./_components/targets-form";
import { currentProgrammeYear } from "@/app/_lib/programme-year";

type Props = { params: Promise<{ no: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `任务 ${(await params).no} · 季度攻坚目标` };
}

const Q = ["第一季度", "第二季度", "第三季度", "第四季度"] as const;
const qName = (q: number) => Q[q - 1] ?? "";

export default async function TargetsPage({ params }: Props) {
  const no = parseTaskNo((await params).no);
  const task = no === null ? null : getReportTaskByNo({ yearId: (await currentProgrammeYear()).id, no });
  if (!task) notFound();
  const leadUnitIds = task.leadUnits.map((u) => u.id);
  const user = await requirePermission(["report:read", { kind: "task", leadUnitIds, coopUnitIds: task.coopUnits.map((u) => u.id) }], {
    entity: "targets",
    entityId: task.no,
  });
  const today = appToday();
  const targets = getTaskTargets({ taskId: task.id });
  const periods = listPeriods({ yearId: task.yearId });
  const locks = QUARTERS.map((q) => {
    const period = periods.find((p) => p.quarter === q);
    return period
      ? quarterLock(
          { explicitAt: targets.explicitLocks[q - 1]?.at ?? null, firstSubmittedAt: targets.firstSubmittedAt[q - 1] ?? null, endsOn: period.endsOn },
          today,
        )
      : "quarterEnded";
  });
  const allLocked = locks.every((l) => l !== null);
  const mayEdit = can(user, "targets:edit", { leadUnitIds, locked: allLocked });
  const mayRequest = can(user, "targets:request", { leadUnitIds });
  const mayLock = can(user, "targets:lock");
  const metrics = targets.metrics.map((m) => ({
    id: m.id,
    label: m.label,
    unit: m.unit,
    kind: m.kind,
    annual: formatMetricValue({ ...m, targetMax: m.targetMax ?? null }),
    plans: m.plans,
    values: m.plans.map(formatNumber),
  }));
  const pendingQuarters = new Set(targets.requests.filter((r) => r.status === "pending").map((r) => r.quarter));

  return (
    <article className="space-y-4">
      <p className="no-print text-sm">
        <Link href={`/tasks/${task.no}`}>← 返回任务 {task.no}</Link>
      </p>
      <header className="space-y-2">
        <h1 className="text-lg font-semibold sm:text-xl">序号 {task.no} · 季度攻坚目标</h1>
        <p className="text-sm leading-relaxed text-gray-800">{task.target}</p>
        <p className="text-sm text-gray-700">
          {targets.version === 0
            ? "尚未保存，下方为按序时进度（25%/50%/75%/100%）生成的默认值。"
            : `最后修改：${targets.updatedAt ? formatDateTime(targets.updatedAt) : ""}（${targets.updatedByName ?? ""}）`}
        </p>
        <ul className="flex flex-wrap gap-2 text-sm" aria-label="各季度目标锁定情况">
          {QUARTERS.map((q) => {
            const lock = locks[q - 1];
            return (
              <li key={q} data-testid={`lock-q${q}`}>
                {lock ? (
                  <Badge tone="info">
                    {Q[q - 1]}：已锁定（{LOCK_CAUSE_LABEL[lock]}）
                  </Badge>
                ) : (
                  <Badge>{Q[q - 1]}：可修改</Badge>
                )}
              </li>
            );
          })}
        </ul>
        <p className="text-xs text-gray-700">
          季度目标在本季度首次提交报告后或季度结束后锁定，督查室也可提前锁定；锁定后如需调整，请牵头单位提交调整申请，经督查室同意后生效。
        </p>
      </header>

      <Card aria-labelledby="targets-heading">
        <CardTitle id="targets-heading">{mayEdit ? "设置季度目标" : "季度目标"}</CardTitle>
        {mayEdit ? (
          <TargetsForm
            taskNo={task.no}
            version={targets.version}
            metrics={metrics}
            milestones={targets.milestones.map((m) => m ?? "")}
            locked={locks.map((l) => l !== null)}
          />
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[32rem] border-collapse text-left text-sm">
              <caption className="sr-only">各季度计划</caption>
              <thead className="bg-gray-100 text-gray-700">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    指标 / 节点
                  </th>
                  {Q.map((q) => (
                    <th key={q} scope="col" className="px-3 py-2">
                      {q}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {metrics.map((m) => (
                  <tr key={m.id} className="border-b">
                    <th scope="row" className="px-3 py-2 font-medium">
                      {m.label}
                    </th>
                    {m.plans.map((p, i) => (
                      <td key={i} className="px-3 py-2 tabular-nums">
                        {formatWithUnit(p, m.unit)}
                      </td>
                    ))}
                  </tr>
                ))}
                <tr>
                  <th scope="row" className="px-3 py-2 font-medium">
                    节点目标
                  </th>
                  {targets.milestones.map((t, i) => (
                    <td key={i} className="px-3 py-2">
                      {t ?? "—"}
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          </div>
        )}
      </Card>

      {mayRequest && locks.some((l) => l !== null) && (
        <Card aria-labelledby="request-heading">
          <CardTitle id="request-heading">调整已锁定季度的目标</CardTitle>
          <div className="space-y-2">
            {QUARTERS.filter((q) => locks[q - 1] !== null).map((q) =>
              pendingQuarters.has(q) ? (
                <p key={q} className="text-sm text-gray-800">
                  {Q[q - 1]}：已有调整申请等待督查室审批。
                </p>
              ) : (
                <ChangeRequestForm
                  key={q}
                  taskNo={task.no}
                  quarter={q}
                  label={qName(q)}
                  version={targets.version}
                  metrics={metrics.map((m) => ({ id: m.id, label: m.label, unit: m.unit, value: m.values[q - 1] ?? "" }))}
                  milestone={targets.milestones[q - 1] ?? ""}
                />
              ),
            )}
          </div>
        </Card>
      )}

      <Card aria-labelledby="requests-heading">
        <CardTitle id="requests-heading">目标调整记录</CardTitle>
        <ChangeRequestList requests={targets.requests} metrics={metrics} canDecide={can(user, "targets:lock")} />
      </Card>

      {mayLock && (
        <Card aria-labelledby="lock-heading">
          <CardTitle id="lock-heading">提前锁定</CardTitle>
          <p className="mb-3 text-sm text-gray-700">提前锁定后牵头单位不能再直接修改该季度目标；锁定时未保存的季度按序时进度写入。</p>
          <div className="flex flex-wrap gap-3">
            {QUARTERS.map((q) =>
              locks[q - 1] === null || locks[q - 1] === "supervisor" ? (
                <LockForm key={q} taskNo={task.no} quarter={q} label={qName(q)} version={targets.version} locked={locks[q - 1] === "supervisor"} />
              ) : null,
            )}
          </div>
        </Card>
      )}
    </article>
  );
}
