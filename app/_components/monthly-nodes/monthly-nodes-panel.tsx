import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import type { NodeQuarter } from "@/db/queries/monthly-nodes";
import { monthEnd, monthLabel, NODE_STATE_LABEL, nodeState, quarterMonths, type NodeState } from "@/lib/monthly-nodes";
import type { Quarter } from "@/lib/periods";
import { can, type SessionUser } from "@/lib/permissions";
import { LOCK_CAUSE_LABEL } from "@/lib/quarter-targets";
import { nodesPath, subjectKey } from "@/lib/subject";
import { NodeDoneForm } from "./node-done-form";
import { NodeSetForm } from "./node-set-form";

const TONE: Record<NodeState, BadgeTone> = { done: "success", doneLate: "warning", missed: "danger", notDue: "neutral" };

/**
 * A quarter's 月度推进节点 with where each stands today; the unit a node is given to marks it
 * done here. With `withEditor` the compiler (or the 督查室) also sets the nodes; elsewhere
 * (the report page) it links to the node page instead.
 */
export function MonthlyNodesPanel({ q, user, today, withEditor }: { q: NodeQuarter; user: SessionUser; today: string; withEditor: boolean }) {
  const subject = subjectKey({ kind: q.subject.kind, no: q.subject.no });
  const mayEdit = can(user, "nodes:edit", { leadUnitIds: q.subject.leadUnitIds, locked: q.lock !== null });
  const months = quarterMonths(q.period.quarter as Quarter);
  if (q.set.nodes.length === 0 && !mayEdit) return null;
  return (
    <Card aria-labelledby="nodes-heading" data-testid="monthly-nodes">
      <CardTitle id="nodes-heading">月度推进节点</CardTitle>
      {q.set.nodes.length === 0 ? (
        <p className="text-sm text-gray-700">本季度尚未设定月度推进节点。</p>
      ) : (
        <ul className="space-y-3 text-sm">
          {q.set.nodes.map((n) => {
            const dueOn = monthEnd(q.period.year, n.month);
            const state = nodeState({ dueOn, doneDay: n.done?.day ?? null }, today);
            return (
              <li key={n.month} className="rounded border p-3" data-testid={`node-${n.month}`}>
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{monthLabel(n.month)}</span>
                  <Badge tone={TONE[state]}>{NODE_STATE_LABEL[state]}</Badge>
                  <span>{n.text}</span>
                  {n.figure && <span className="text-gray-700">（{n.figure}）</span>}
                </p>
                <p className="text-gray-700">
                  责任单位：{n.unitName} · 应于 {dueOn} 前完成
                </p>
                {n.done && (
                  <p className="text-gray-800">
                    {n.done.day} 由{n.done.byName}标记完成：{n.done.note}
                    {n.done.evidence && `（佐证：${n.done.evidence}）`}
                  </p>
                )}
                {!n.done && can(user, "nodes:done", { unitIds: [n.unitId] }) && (
                  <NodeDoneForm subject={subject} quarter={q.period.code} version={q.set.version} month={n.month} />
                )}
              </li>
            );
          })}
        </ul>
      )}
      {q.lock && <p className="mt-3 text-sm text-gray-700">季度目标已锁定（{LOCK_CAUSE_LABEL[q.lock]}），推进节点随之锁定。</p>}
      {mayEdit && withEditor && (
        <div className="mt-4">
          <NodeSetForm
            subject={subject}
            quarter={q.period.code}
            version={q.set.version}
            units={q.units}
            months={months.map((month) => {
              const n = q.set.nodes.find((x) => x.month === month);
              return { month, text: n?.text ?? "", figure: n?.figure ?? "", unitId: n?.unitId ?? null, fixed: !!n && q.closedMonths.includes(month) };
            })}
          />
        </div>
      )}
      {mayEdit && !withEditor && (
        <p className="mt-3 text-sm">
          <Link href={nodesPath(q.subject, q.period.code)}>设定本季度推进节点</Link>
        </p>
      )}
    </Card>
  );
}
