// Bad-input cases for 月度推进节点: setting a quarter's nodes and marking one done, on a task
// the 住建局 compiles alone. The suite's day (2026-12-31) leaves December open.
import { and, eq } from "drizzle-orm";
import { markNodeDone, saveMonthlyNodes } from "@/app/_components/monthly-nodes/actions";
import type { Db } from "@/db/client";
import { getNodeSet, writeNodeSet } from "@/db/queries/monthly-nodes";
import { taskUnits } from "@/db/schema";
import type { MonthlyNode } from "@/lib/monthly-nodes";
import { actAs, periodIdOf, taskIdOf, taskNos, unitIdOf, userIdOf } from "./fixture";
import type { ActionCase } from "./harness";

const NODES = "app/_components/monthly-nodes/actions.ts";
const Q = "2026Q4";

export async function nodeCases(db: Db): Promise<ActionCase[]> {
  const zjj = unitIdOf(db, "住建局");
  const zjjUser = userIdOf(db, "zjj");
  const leadCount = (no: number) =>
    db
      .select({ unitId: taskUnits.unitId })
      .from(taskUnits)
      .where(and(eq(taskUnits.taskId, taskIdOf(db, no)), eq(taskUnits.role, "lead")))
      .all().length;
  const no = taskNos(db, { unitId: zjj, role: "compile" }).find((n) => leadCount(n) === 1)!;
  const subject = `task:${no}`;
  const key = { kind: "task" as const, subjectId: taskIdOf(db, no), periodId: periodIdOf(db, Q) };
  const set = () => getNodeSet(key, db);
  const december = () => set().nodes.find((n) => n.month === 12);
  const openNode: MonthlyNode = { month: 12, text: "完成年度改造任务", figure: null, unitId: zjj, unitName: "住建局", done: null };
  /** A December node of the 住建局, not yet done. */
  const reopen = () =>
    db.transaction((tx) => writeNodeSet(tx, { key, expectedVersion: set().version, nodes: [openNode], userId: zjjUser, now: Date.now() }), {
      behavior: "immediate",
    });
  reopen();
  const asZjj = () => actAs(db, "zjj");

  return [
    {
      ref: `${NODES}#saveMonthlyNodes`,
      signIn: asZjj,
      call: (input) => saveMonthlyNodes(undefined, input),
      valid: () => ({
        subject,
        quarter: Q,
        version: String(set().version),
        "node.12.text": "完成改造 132 套",
        "node.12.figure": "132 套",
        "node.12.unit": String(zjj),
      }),
      fields: [
        { name: "subject", kind: "choice", choices: [subject] },
        { name: "quarter", kind: "choice", choices: [Q] },
        { name: "version", kind: "id" },
        { name: "node.12.text", kind: "text", stored: () => december()?.text ?? "" },
        // node.<month>.figure is read by the same rule as the text (lib/monthly-nodes.test.ts), and each accepted corpus input costs a reset.
        { name: "node.12.unit", kind: "choice", choices: [String(zjj)] },
      ],
      reset: reopen,
      foreign: () => [{ subject: "task:9999", quarter: Q, version: "0", "node.12.text": "越权设定", "node.12.unit": String(zjj) }],
    },
    {
      ref: `${NODES}#markNodeDone`,
      signIn: asZjj,
      call: (input) => markNodeDone(undefined, input),
      valid: () => ({ subject, quarter: Q, version: String(set().version), month: "12", note: "已完成全部改造并验收", evidence: "验收报告 2026-12-20" }),
      fields: [
        { name: "subject", kind: "choice", choices: [subject] },
        { name: "quarter", kind: "choice", choices: [Q] },
        { name: "version", kind: "id" },
        { name: "month", kind: "choice", choices: ["12"] },
        { name: "note", kind: "requiredText", stored: () => december()?.done?.note },
        { name: "evidence", kind: "text", stored: () => december()?.done?.evidence ?? "" },
      ],
      reset: reopen,
    },
  ];
}
