import { describe, expect, it } from "vitest";
import { ITEM_COLUMNS, itemLedgerRow } from "./ledger-items";

describe("台账 督办事项 sheet", () => {
  it("writes an item's source, duty and time limit, and says when no lead unit or deadline is known", () => {
    const row = itemLedgerRow({
      no: 8,
      source: "meeting",
      docNo: "市政府第51次常务会议纪要",
      sourceRef: "十 一",
      text: "一是由吴艳平同志牵头，组建工作专班……",
      leaders: ["吴艳平"],
      leadUnits: [],
      coopUnits: [],
      cadence: null,
      deadline: null,
      linkedTaskNo: null,
      needsVerification: true,
    });
    expect(row).toMatchObject({
      no: "督办事项8",
      source: "会议议定事项",
      origin: "市政府第51次常务会议纪要 十 一",
      leaders: "吴艳平",
      leadUnits: "（待明确）",
      timeLimit: "未明确时限，由督查室确定",
      remark: "待核实",
      metrics: "",
    });
    expect(Object.keys(row).sort()).toEqual(ITEM_COLUMNS.map((c) => c.key).sort());
  });

  it("writes the plan's figures one a line, naming the task that reports a repeated one", () => {
    const row = itemLedgerRow({
      no: 36,
      source: "kaiju",
      docNo: "汨政办发〔2026〕3号",
      sourceRef: "附件1 二（二）3.",
      text: "3.提速增效强化项目支撑。……",
      leaders: [],
      leadUnits: [{ name: "发改局" }],
      coopUnits: [],
      cadence: null,
      deadline: null,
      linkedTaskNo: null,
      needsVerification: false,
      metrics: [
        { label: "充电桩", target: 168, targetMax: null, unit: "个", comparator: "exact", sameAsTaskNo: 32 },
        { label: "新增公共充电桩", target: 160, targetMax: null, unit: "个", comparator: "atLeast", sameAsTaskNo: null },
      ],
    });
    expect(row.metrics).toBe("充电桩 168 个（由第32项报送）\n新增公共充电桩 160 个以上");
  });

  it("names the task a repeated measure is reported through, and a set deadline", () => {
    const row = itemLedgerRow({
      no: 86,
      source: "kaiju",
      docNo: "汨政办发〔2026〕3号",
      sourceRef: "附件4 二（四）1.",
      text: "1.推进高质量充分就业。……",
      leaders: [],
      leadUnits: [{ name: "人社局" }],
      coopUnits: [{ name: "教体局" }, { name: "发改局" }],
      cadence: "once",
      deadline: "2026-12-31",
      linkedTaskNo: 46,
      needsVerification: false,
    });
    expect(row).toMatchObject({ leadUnits: "人社局", coopUnits: "教体局、发改局", timeLimit: "限期 2026年12月31日前完成", remark: "由第46项报送" });
  });
});
