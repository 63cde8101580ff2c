import { describe, expect, it } from "vitest";
import { monthEnd, nodeFacts, nodeState, parseNodeForm, quarterMonths, type MonthlyNode } from "./monthly-nodes";
import { judgeProgress, withMonthlyNodes, type SubmittedQuarter } from "./quarter-status";
import { STATUS_CONFIG } from "./status-config";

const units = [
  { id: 1, name: "住建局" },
  { id: 2, name: "发改局" },
];
const node = (month: number, doneDay: string | null = null): MonthlyNode => ({
  month,
  text: `${month}月完成拆除`,
  figure: null,
  unitId: 2,
  unitName: "发改局",
  done: doneDay ? { day: doneDay, at: 0, note: "已完成", evidence: null, byName: "发改局" } : null,
});
const submitted = (patch: Partial<SubmittedQuarter> = {}): SubmittedQuarter => ({
  metrics: [],
  nodes: [],
  selfStatus: "onTrack",
  problems: "无",
  review: "pending",
  ...patch,
});
const q4 = { lastMonth: 12 };
const judge = (nodes: MonthlyNode[], asOf: string, s: SubmittedQuarter | null = submitted()) =>
  withMonthlyNodes(judgeProgress(s, null), nodeFacts(2026, nodes), q4, asOf);

describe("a monthly node", () => {
  it("is due on its month's last day", () => {
    expect(quarterMonths(4)).toEqual([10, 11, 12]);
    expect(monthEnd(2026, 2)).toBe("2026-02-28");
    expect(monthEnd(2026, 11)).toBe("2026-11-30");
    expect(monthEnd(2026, 12)).toBe("2026-12-31");
  });

  it("is 未到期 up to its due day, 逾期未完成 the day after, 已完成 when done by the due day", () => {
    const due = { dueOn: "2026-11-30" };
    expect(nodeState({ ...due, doneDay: null }, "2026-11-30")).toBe("notDue");
    expect(nodeState({ ...due, doneDay: null }, "2026-12-01")).toBe("missed");
    expect(nodeState({ ...due, doneDay: "2026-11-30" }, "2026-12-01")).toBe("done");
    expect(nodeState({ ...due, doneDay: "2026-12-02" }, "2026-12-05")).toBe("doneLate");
    // A done mark after the day judged is not known on that day.
    expect(nodeState({ ...due, doneDay: "2026-12-02" }, "2026-12-01")).toBe("missed");
  });
});

describe("the 进度 lamp with monthly nodes", () => {
  it("turns a green quarter 黄 for one missed node, with the month in the reason", () => {
    const j = judge([node(10, "2026-10-28"), node(11)], "2026-12-01");
    expect(j.progress).toBe("amber");
    expect(j.reasons).toEqual([{ kind: "monthlyNode", text: "11月节点未完成：11月完成拆除（发改局）" }]);
  });

  it(`turns it 红 for ${STATUS_CONFIG.missedNodesRed} missed nodes`, () => {
    expect(judge([node(10), node(11)], "2026-12-01").progress).toBe("red");
  });

  it("turns it 红 for a missed node of the quarter's last month", () => {
    expect(judge([node(12)], "2027-01-01").progress).toBe("red");
    expect(judge([node(12)], "2026-12-31").progress).toBe("green");
  });

  it("judges a quarter with nothing submitted on its nodes alone", () => {
    expect(judge([node(10)], "2026-11-01", null).progress).toBe("amber");
    expect(judge([node(10), node(11)], "2026-10-31", null).progress).toBe("none");
  });

  it("makes a node done after its month 黄, never lowers a red lamp, and leaves an approved 已完成 alone", () => {
    expect(judge([node(10, "2026-11-03")], "2026-12-01").progress).toBe("amber");
    const red = submitted({ nodes: [{ text: "年度节点", due: "2026-12-31", done: false, doneOn: null }] });
    expect(judge([node(10, "2026-10-03")], "2026-12-01", red).progress).toBe("red");
    expect(judge([node(10), node(11)], "2026-12-01", submitted({ selfStatus: "done", review: "approved" })).progress).toBe("done");
  });

  it("keeps the 督查室's override as the lamp shown, with the nodes in the computed one", () => {
    const j = withMonthlyNodes(
      judgeProgress(submitted(), { color: "green", reason: "已现场核实", byName: "督查室", at: 0 }),
      nodeFacts(2026, [node(10), node(11)]),
      q4,
      "2026-12-01",
    );
    expect(j).toMatchObject({ computed: "red", progress: "green" });
  });
});

describe("the node form", () => {
  const raw = { "node.10.text": "完成征收公告", "node.10.unit": "1", "node.11.text": "完成拆除 30 套", "node.11.figure": "30 套", "node.11.unit": "2" };

  it("reads one node per month given, assigned to the lead unit or a cooperating unit", () => {
    const r = parseNodeForm(raw, { quarter: 4, units, existing: [], closedMonths: [] });
    expect(r).toEqual({
      ok: true,
      nodes: [
        { month: 10, text: "完成征收公告", figure: null, unitId: 1, unitName: "住建局", done: null },
        { month: 11, text: "完成拆除 30 套", figure: "30 套", unitId: 2, unitName: "发改局", done: null },
      ],
    });
  });

  it("refuses a unit outside the subject and a figure without a node, against their fields", () => {
    const r = parseNodeForm(
      { "node.10.text": "完成征收公告", "node.10.unit": "9", "node.12.figure": "5" },
      { quarter: 4, units, existing: [], closedMonths: [] },
    );
    expect(r).toEqual({
      ok: false,
      errors: { "node.10.unit": ["请从列表中选择责任单位（牵头单位或本事项的配合单位）"], "node.12.text": ["填写了指标值，请同时写明本月节点内容"] },
    });
  });

  it("keeps a node of an ended month as it was, and a done mark only for the same node", () => {
    const existing = [node(10, "2026-10-20"), node(11, "2026-11-20")];
    const r = parseNodeForm({ "node.11.text": "改为别的", "node.11.unit": "2" }, { quarter: 4, units, existing, closedMonths: [10] });
    expect(r.ok && r.nodes).toEqual([existing[0], { month: 11, text: "改为别的", figure: null, unitId: 2, unitName: "发改局", done: null }]);
    const same = parseNodeForm({ "node.11.text": "11月完成拆除", "node.11.unit": "2" }, { quarter: 4, units, existing, closedMonths: [] });
    expect(same.ok && same.nodes[0]?.done?.day).toBe("2026-11-20");
  });
});
