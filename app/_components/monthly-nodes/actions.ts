"use server";
import { z } from "zod";
import { ConflictError, defineAction, ValidationError } from "@/app/_lib/action";
import { currentProgrammeYear } from "@/app/_lib/programme-year";
import { appToday } from "@/app/_lib/today";
import { getNodeQuarter, writeNodeSet, type NodeWrite } from "@/db/queries/monthly-nodes";
import { monthLabel, NODE_EVIDENCE_MAX, NODE_NOTE_MAX, parseNodeForm, quarterMonths } from "@/lib/monthly-nodes";
import type { Quarter } from "@/lib/periods";
import { nodesPath, parseSubjectKey, reportPath, subjectPath } from "@/lib/subject";

// 月度推进节点 of any subject kind: the subject travels as its key ("task:27"), so a new
// kind needs no new action.

const NODES_CONFLICT = "推进节点已被他人修改，本次未保存；您填写的内容仍在表单中，请刷新页面核对后再保存。";

const quarterFields = {
  subject: z.string().refine((v) => parseSubjectKey(v) !== null, "事项无效"),
  quarter: z.string().regex(/^\d{4}Q[1-4]$/, "季度无效"),
  version: z.coerce.number().int().min(0),
};

async function loadQuarter(input: { subject: string; quarter: string }) {
  const ref = parseSubjectKey(input.subject);
  return ref ? getNodeQuarter({ yearId: (await currentProgrammeYear()).id, ref, periodCode: input.quarter, today: appToday() }) : null;
}

function applied(result: NodeWrite) {
  if (!result.ok) throw new ConflictError(NODES_CONFLICT);
  return result;
}

const paths = (input: { subject: string; quarter: string }) => {
  const ref = parseSubjectKey(input.subject)!;
  return [nodesPath(ref, input.quarter), subjectPath(ref), reportPath(ref, input.quarter), "/my", "/supervision", "/supervision/overdue", "/dashboard"];
};

const stringsOnly = (input: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(input).filter((e): e is [string, string] => typeof e[1] === "string"));

/**
 * The compiling lead unit or the 督查室 sets the quarter's monthly nodes. A node of a month
 * that has ended stays as it was; a locked quarter (its targets locked) takes no change.
 */
export const saveMonthlyNodes = defineAction({
  action: "nodes.save",
  entity: "monthlyNodes",
  // Node fields (node.<month>.text/figure/unit) are single strings checked against the subject in prepare.
  schema: z.object(quarterFields).catchall(z.string({ message: "该项只能填写一个值" })),
  entityId: (input) => `${input.subject}:${input.quarter}`,
  load: ({ input }) => loadQuarter(input),
  authorize: (q) => ["nodes:edit", { leadUnitIds: q.subject.leadUnitIds, locked: q.lock !== null }],
  prepare: (q, { input }) => {
    const parsed = parseNodeForm(stringsOnly(input), {
      quarter: q.period.quarter as Quarter,
      units: q.units,
      existing: q.set.nodes,
      closedMonths: q.closedMonths,
    });
    if (!parsed.ok) throw new ValidationError("推进节点有误，请按提示修改", parsed.errors);
    return { ...q, nodes: parsed.nodes };
  },
  mutate: (tx, q, { user, input }) => {
    const r = applied(writeNodeSet(tx, { key: q.key, expectedVersion: input.version, nodes: q.nodes, userId: user.id, now: Date.now() }));
    return { before: r.before, after: r.after };
  },
  revalidate: ({ input }) => paths(input),
  successMessage: "月度推进节点已保存。",
});

/** The unit a node is given to marks it done, with a short note and optionally where the evidence is. */
export const markNodeDone = defineAction({
  action: "nodes.done",
  entity: "monthlyNodes",
  schema: z.object({
    ...quarterFields,
    month: z
      .string({ message: "月份无效" })
      .regex(/^(?:[1-9]|1[0-2])$/, "月份无效")
      .transform(Number),
    note: z
      .string({ message: "请简要说明完成情况" })
      .trim()
      .min(2, "请简要说明完成情况（至少 2 个字）")
      .max(NODE_NOTE_MAX, `完成情况请控制在 ${NODE_NOTE_MAX} 字以内`),
    evidence: z.string().trim().max(NODE_EVIDENCE_MAX, `佐证说明请控制在 ${NODE_EVIDENCE_MAX} 字以内`).optional().default(""),
  }),
  entityId: (input) => `${input.subject}:${input.quarter}:${input.month}`,
  load: async ({ input }) => {
    const q = await loadQuarter(input);
    if (!q) return null;
    if (!quarterMonths(q.period.quarter as Quarter).includes(input.month)) throw new ValidationError("该月份不在本季度内");
    const node = q.set.nodes.find((n) => n.month === input.month);
    if (!node) throw new ValidationError(`${monthLabel(input.month)}没有设定推进节点`);
    return { ...q, node };
  },
  authorize: ({ node }) => ["nodes:done", { unitIds: [node.unitId] }],
  mutate: (tx, q, { user, input }) => {
    if (q.node.done) throw new ConflictError(`${monthLabel(input.month)}节点已于 ${q.node.done.day} 标记完成。`);
    const now = Date.now();
    const done = { day: appToday(), at: now, note: input.note, evidence: input.evidence || null, byName: user.unitName ?? user.displayName };
    const nodes = q.set.nodes.map((n) => (n.month === input.month ? { ...n, done } : n));
    const r = applied(writeNodeSet(tx, { key: q.key, expectedVersion: input.version, nodes, userId: user.id, now }));
    return { before: q.node, after: r.after.find((n) => n.month === input.month) };
  },
  revalidate: ({ input }) => paths(input),
  successMessage: "已标记该节点完成。",
});
