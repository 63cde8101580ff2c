import { describe, expect, it } from "vitest";
import { livelihoodProjects } from "@/db/seed/gazette-projects";
import { relocationPlan } from "@/db/seed/gazette-relocation";
import { TOTAL_KEY } from "./project-progress";
import {
  baselineCategoryTotals,
  checkRegister,
  parseRegisterRow,
  registerKindOf,
  registerPartValues,
  stageCounts,
  type RegisterRow,
  type RegisterRules,
} from "./register";
import { classifyImport, planRegisterImport } from "./register-import";

const bridgePart = livelihoodProjects[0]!.parts[0]!;
const urbanPart = livelihoodProjects[1]!.parts[0]!;
const ruralPart = livelihoodProjects[1]!.parts[1]!;
const estates = relocationPlan.buildings.map((b) => ({ estate: b.estate, buildings: b.buildings }));
const rules = (kind: RegisterRules["kind"]): RegisterRules => ({ kind, categories: bridgePart.categories, estates, year: 2026, today: "2026-12-01" });

const bridge = (name: string, severity: string, status: string, statusOn = "") =>
  parseRegisterRow({ place: "白水镇", subPlace: "金龙村", name, severity, measure: "加固桥墩", status, statusOn }, rules("bridge"));
const okRow = (r: ReturnType<typeof parseRegisterRow>): RegisterRow => {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.row;
};

describe("which parts keep a register", () => {
  it("maps the bridges to 民生实事1 and the two housing parts to 民生实事2, as seeded", () => {
    expect(bridgePart.name).toBe("自建桥梁隐患整治");
    expect(urbanPart.name).toBe("城市危旧房");
    expect(ruralPart.name).toBe("农村危房");
    expect([registerKindOf(1, 1), registerKindOf(2, 1), registerKindOf(2, 2), registerKindOf(3, 1)]).toEqual(["bridge", "urbanHouse", "ruralHouse", null]);
  });
});

describe("民生实事1: the bridge register's derived counts", () => {
  const rows = [
    okRow(bridge("一号桥", "轻微缺损", "完工", "2026-03-10")),
    okRow(bridge("二号桥", "轻微缺损", "done", "2026-03-31")),
    okRow(bridge("三号桥", "中等缺损", "完工", "2026-02-01")),
    okRow(bridge("四号桥", "中度缺损", "完工", "2026-03-20")),
    okRow(bridge("五号桥", "严重缺损", "完工", "2026-04-01")),
    okRow(bridge("六号桥", "严重缺损", "在建")),
  ];

  it("counts completed bridges per severity up to the quarter's last day (中度缺损 is 中等缺损)", () => {
    expect(registerPartValues(bridgePart, rows, "2026-03-31")).toEqual({ 轻微缺损: 2, 中等缺损: 2, 严重缺损: 0 });
    expect(registerPartValues(bridgePart, rows, "2026-06-30")).toEqual({ 轻微缺损: 2, 中等缺损: 2, 严重缺损: 1 });
    expect(registerPartValues(bridgePart, [], "2026-03-31")).toEqual({ 轻微缺损: 0, 中等缺损: 0, 严重缺损: 0 });
  });

  it("equals the register row by row: every completed row is counted once, in its own category", () => {
    const counts = registerPartValues(bridgePart, rows, "2026-12-31");
    const completed = rows.filter((r) => r.status === "done");
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(completed.length);
    for (const c of bridgePart.categories) expect(counts[c]).toBe(completed.filter((r) => r.severity === c).length);
  });

  it("reads the gazette's 108 = 64 + 36 + 8 from the baseline and flags a register that differs", () => {
    expect(baselineCategoryTotals(bridgePart)).toEqual({ 轻微缺损: 64, 中等缺损: 36, 严重缺损: 8 });
    const check = checkRegister(bridgePart, rows);
    expect(check.lines).toEqual([
      { label: "合计", expected: 108, registered: 6 },
      { label: "轻微缺损", expected: 64, registered: 2 },
      { label: "中等缺损", expected: 36, registered: 2 },
      { label: "严重缺损", expected: 8, registered: 2 },
    ]);
    expect(check.mismatches[0]).toBe("登记总数：已登记 6 座，公报为 108 座");
    const full = [...Array(64).fill({ severity: "轻微缺损" }), ...Array(36).fill({ severity: "中等缺损" }), ...Array(8).fill({ severity: "严重缺损" })];
    expect(checkRegister(bridgePart, full).mismatches).toEqual([]);
  });
});

describe("民生实事2: the rural-house register's derived count", () => {
  const house = (name: string, status: string, statusOn = "") =>
    okRow(parseRegisterRow({ place: "长乐镇", subPlace: "新市村", name, status, statusOn }, rules("ruralHouse")));
  const rows = [house("张三", "完工", "2026-05-10"), house("李四", "完工", "2026-06-30"), house("王五", "在建"), house("赵六", "完工", "2026-07-01")];

  it("counts completed households up to the quarter's end, against 165 户", () => {
    expect(registerPartValues(ruralPart, rows, "2026-06-30")).toEqual({ [TOTAL_KEY]: 2 });
    expect(registerPartValues(ruralPart, rows, "2026-09-30")).toEqual({ [TOTAL_KEY]: rows.filter((r) => r.status === "done").length });
    expect(checkRegister(ruralPart, rows).mismatches).toEqual(["登记总数：已登记 4 户，公报为 165 户"]);
  });
});

describe("民生实事2: the urban relocation register", () => {
  const urban = (place: string, subPlace: string, name: string, status: string, statusOn = "") =>
    parseRegisterRow({ place, subPlace, name, status, statusOn }, rules("urbanHouse"));

  it("takes only the plan's 小区 and 栋 (spaces as typed do not matter) and counts stages per building", () => {
    const a = okRow(urban("龙舟动力小区", "第2栋", "101室", "签约", "2026-06-10"));
    expect(a.subPlace).toBe("第 2 栋");
    const b = okRow(urban("龙舟动力小区", "第 2 栋", "102室", "未签约"));
    expect(stageCounts([a, b])).toEqual({ "龙舟动力小区 第 2 栋": { unsigned: 1, signed: 1, vacated: 0, reclaimed: 0 } });
    expect(urban("龙舟动力小区", "第 3 栋", "101室", "签约", "2026-06-10")).toEqual({
      ok: false,
      errors: { subPlace: ["龙舟动力小区的解危对象为 第 2 栋、第 7 栋"] },
    });
    expect(urban("新华小区", "第 1 栋", "101室", "签约", "2026-06-10").ok).toBe(false);
    expect(urban("肉联厂小区", "幼儿园栋", "1户", "腾空")).toEqual({ ok: false, errors: { statusOn: ["腾空的请填写到达该阶段日期"] } });
  });
});

describe("row rules (the form's and the import's)", () => {
  it("says in Chinese what is missing or wrong, field by field", () => {
    const r = parseRegisterRow({ place: "", subPlace: "金龙村", name: "一号桥", severity: "很严重", status: "完工", statusOn: "2026-12-02" }, rules("bridge"));
    expect(r).toEqual({
      ok: false,
      errors: { place: ["请填写镇（街道）"], severity: ["缺损类别应为 轻微缺损、中等缺损、严重缺损 之一"], statusOn: ["完工日期不能晚于今天"] },
    });
    expect(bridge("一号桥", "轻微缺损", "完工")).toEqual({ ok: false, errors: { statusOn: ["完工的请填写完工日期"] } });
    expect(bridge("一号桥", "轻微缺损", "在建", "2026-03-01")).toEqual({ ok: false, errors: { statusOn: ["未完工的不填完工日期"] } });
    expect(bridge("一号桥", "轻微缺损", "完工", "2025-12-30")).toEqual({ ok: false, errors: { statusOn: ["完工日期应在 2026 年内（本台账为 2026 年度）"] } });
    expect(bridge("一号桥", "轻微缺损", "拆除")).toEqual({ ok: false, errors: { status: ["状态应为 未开工、在建、完工 之一"] } });
  });

  it("keys a row by 镇/村/名称 with spaces removed, so a re-typed row is the same row", () => {
    const a = okRow(bridge("一号 桥", "轻微缺损", "在建"));
    const b = okRow(parseRegisterRow({ place: " 白水镇", subPlace: "金龙村 ", name: "一号桥", severity: "轻微缺损", status: "在建" }, rules("bridge")));
    expect(a.naturalKey).toBe(b.naturalKey);
  });
});

describe("import plan", () => {
  const cells = (name: string, severity: string, status = "在建", statusOn = "") => ({
    place: "白水镇",
    subPlace: "金龙村",
    name,
    severity,
    measure: "",
    status,
    statusOn,
    note: "",
  });

  it("gives each bad row its row number and message, refuses a second row for the same bridge, and keeps the valid rows", () => {
    const plan = planRegisterImport(
      [
        { rowNumber: 2, cells: cells("一号桥", "轻微缺损") },
        { rowNumber: 3, cells: cells("二号桥", "") },
        { rowNumber: 4, cells: cells("一号桥", "中等缺损") },
      ],
      rules("bridge"),
    );
    expect(plan.rows.map((r) => r.rowNumber)).toEqual([2]);
    expect(plan.errors).toEqual([
      { rowNumber: 3, message: "「缺损类别」请选择缺损类别" },
      { rowNumber: 4, message: "与第 2 行是同一座桥梁（白水镇/金龙村/一号桥）" },
    ]);
  });

  it("classifies by natural key: new rows are added, changed ones updated, equal ones left alone", () => {
    const existing = [okRow(bridge("一号桥", "轻微缺损", "在建")), okRow(bridge("二号桥", "轻微缺损", "在建"))];
    const incoming = [
      okRow(bridge("一号桥", "轻微缺损", "在建")),
      okRow(bridge("二号桥", "轻微缺损", "完工", "2026-03-01")),
      okRow(bridge("三号桥", "严重缺损", "未开工")),
    ];
    const out = classifyImport(incoming, existing);
    expect(out.unchanged).toBe(1);
    expect(out.update.map((u) => u.row.name)).toEqual(["二号桥"]);
    expect(out.add.map((r) => r.name)).toEqual(["三号桥"]);
  });
});
