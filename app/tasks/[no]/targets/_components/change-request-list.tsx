import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ChangeRequestItem } from "@/db/queries/targets";
import { formatDateTime } from "@/lib/format-time";
import { formatWithUnit } from "@/lib/metric-values";
import type { QuarterPlanChange } from "@/lib/submitted-quarter";
import { DecisionForm } from "./decision-form";

const Q = ["第一季度", "第二季度", "第三季度", "第四季度"] as const;
const STATUS = {
  pending: { label: "待审批", tone: "warning" },
  approved: { label: "已同意", tone: "success" },
  refused: { label: "未同意", tone: "danger" },
} as const satisfies Record<ChangeRequestItem["status"], { label: string; tone: BadgeTone }>;

/** "充电桩：7 条 → 3 条；节点：… → …" — only what the request changes. */
export function describeChange(before: QuarterPlanChange, after: QuarterPlanChange, metrics: readonly { id: number; label: string; unit: string }[]): string[] {
  const lines: string[] = [];
  for (const m of metrics) {
    const a = before.metricPlans[m.id];
    const b = after.metricPlans[m.id];
    if (a !== undefined && b !== undefined && a !== b) lines.push(`${m.label}：${formatWithUnit(a, m.unit)} → ${formatWithUnit(b, m.unit)}`);
  }
  if ((before.milestone ?? null) !== (after.milestone ?? null)) lines.push(`节点目标：${before.milestone ?? "（无）"} → ${after.milestone ?? "（无）"}`);
  return lines;
}

/** Every change request of a task with what it changes, who asked, why, and the decision. */
export function ChangeRequestList({
  requests,
  metrics,
  canDecide,
}: {
  requests: readonly ChangeRequestItem[];
  metrics: readonly { id: number; label: string; unit: string }[];
  canDecide: boolean;
}) {
  if (requests.length === 0) return <p className="text-sm text-gray-700">没有调整申请。</p>;
  return (
    <ul className="divide-y text-sm">
      {requests.map((r) => (
        <li key={r.id} className="space-y-1 py-3" data-testid="change-request">
          <p className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{Q[r.quarter - 1]}</span>
            <Badge tone={STATUS[r.status].tone}>{STATUS[r.status].label}</Badge>
            <span className="text-gray-700">
              {r.requestedByName} 于 {formatDateTime(r.requestedAt)} 申请
            </span>
          </p>
          <ul className="list-disc pl-5">
            {describeChange(r.before, r.proposed, metrics).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p className="text-gray-800">理由：{r.reason}</p>
          {r.decidedAt && (
            <p className="text-gray-800">
              督查室（{r.decidedByName}）于 {formatDateTime(r.decidedAt)} {STATUS[r.status].label}
              {r.decisionComment ? `：${r.decisionComment}` : ""}
            </p>
          )}
          {canDecide && r.status === "pending" && <DecisionForm requestId={r.id} version={r.version} label={Q[r.quarter - 1] ?? ""} />}
        </li>
      ))}
    </ul>
  );
}
