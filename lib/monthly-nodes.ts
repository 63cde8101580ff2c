// 月度推进节点: under each quarter's target a lead unit plans, for each month of the
// quarter, what is to be done by that month's end, for itself or a cooperating unit.
// A node passes or fails on its month's last day (Asia/Shanghai): 已完成 when marked done
// by the end of that day, 逾期未完成 once the day has passed without it, else 未到期.
// How missed nodes move the 进度 lamp is lib/quarter-status.ts (withMonthlyNodes).
import { addDays, type Quarter } from "./periods";

/** A node as stored in a node set's revision (monthly_node_revisions.nodes). */
export interface MonthlyNode {
  /** Calendar month, 1–12; one of the quarter's three. */
  month: number;
  text: string;
  /** Optional figure to reach, as written ("累计完成 60 套"). */
  figure: string | null;
  unitId: number;
  unitName: string;
  done: NodeDone | null;
}

export interface NodeDone {
  /** Shanghai day it was marked done. */
  day: string;
  at: number;
  note: string;
  /** Where the evidence is (a document number, a file already in the report…), optional. */
  evidence: string | null;
  byName: string;
}

/** What the stored quarter judgement keeps of each node: enough to judge it on any day. */
export interface MonthlyNodeFact {
  month: number;
  dueOn: string;
  text: string;
  unitName: string;
  doneDay: string | null;
}

export const NODE_STATES = ["done", "doneLate", "missed", "notDue"] as const;
export type NodeState = (typeof NODE_STATES)[number];
export const NODE_STATE_LABEL: Record<NodeState, string> = {
  done: "已完成",
  doneLate: "逾期完成",
  missed: "逾期未完成",
  notDue: "未到期",
};

export const NODE_TEXT_MAX = 200;
export const NODE_FIGURE_MAX = 40;
export const NODE_NOTE_MAX = 300;
export const NODE_EVIDENCE_MAX = 200;

/** The three calendar months of a quarter. */
export function quarterMonths(quarter: Quarter): [number, number, number] {
  const first = (quarter - 1) * 3 + 1;
  return [first, first + 1, first + 2];
}

/** The last day of a calendar month of `year`: the node's due day. */
export function monthEnd(year: number, month: number): string {
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
  return addDays(next, -1);
}

/** "11月". */
export const monthLabel = (month: number) => `${month}月`;

/** Where a node stands at the end of `asOf`. */
export function nodeState(n: Pick<MonthlyNodeFact, "dueOn" | "doneDay">, asOf: string): NodeState {
  if (n.doneDay !== null && n.doneDay <= asOf) return n.doneDay <= n.dueOn ? "done" : "doneLate";
  return asOf > n.dueOn ? "missed" : "notDue";
}

export function nodeFacts(year: number, nodes: readonly MonthlyNode[]): MonthlyNodeFact[] {
  return [...nodes]
    .sort((a, b) => a.month - b.month)
    .map((n) => ({ month: n.month, dueOn: monthEnd(year, n.month), text: n.text, unitName: n.unitName, doneDay: n.done?.day ?? null }));
}

// ─── the node-set form ───

export const nodeTextField = (month: number) => `node.${month}.text`;
export const nodeFigureField = (month: number) => `node.${month}.figure`;
export const nodeUnitField = (month: number) => `node.${month}.unit`;

export interface NodeUnitChoice {
  id: number;
  name: string;
}

export type ParsedNodes = { ok: true; nodes: MonthlyNode[] } | { ok: false; errors: Record<string, string[]> };

/**
 * Parses a quarter's node form against the units a node may be given to (the lead unit and
 * the subject's cooperating units). A month left blank has no node. A node whose month has
 * ended is kept as it was (`existing`): it can no longer be changed or taken away.
 */
export function parseNodeForm(
  raw: Record<string, string | undefined>,
  {
    quarter,
    units,
    existing,
    closedMonths,
  }: { quarter: Quarter; units: readonly NodeUnitChoice[]; existing: readonly MonthlyNode[]; closedMonths: readonly number[] },
): ParsedNodes {
  const errors: Record<string, string[]> = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);
  const nodes: MonthlyNode[] = [];
  for (const month of quarterMonths(quarter)) {
    const before = existing.find((n) => n.month === month) ?? null;
    if (before && closedMonths.includes(month)) {
      nodes.push(before);
      continue;
    }
    const text = (raw[nodeTextField(month)] ?? "").trim();
    const figure = (raw[nodeFigureField(month)] ?? "").trim();
    const unitRaw = (raw[nodeUnitField(month)] ?? "").trim();
    if (!text) {
      if (figure) add(nodeTextField(month), "填写了指标值，请同时写明本月节点内容");
      continue;
    }
    if (text.length > NODE_TEXT_MAX) add(nodeTextField(month), `节点内容请控制在 ${NODE_TEXT_MAX} 字以内`);
    if (figure.length > NODE_FIGURE_MAX) add(nodeFigureField(month), `指标值请控制在 ${NODE_FIGURE_MAX} 字以内`);
    const unit = units.find((u) => String(u.id) === unitRaw);
    if (!unit) {
      add(nodeUnitField(month), "请从列表中选择责任单位（牵头单位或本事项的配合单位）");
      continue;
    }
    // The same node kept for the same unit keeps its done mark; anything else starts open.
    const keepsDone = before && before.text === text && before.unitId === unit.id ? before.done : null;
    nodes.push({ month, text, figure: figure || null, unitId: unit.id, unitName: unit.name, done: keepsDone });
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, nodes };
}
