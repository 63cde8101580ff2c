// Every rule of 汨政办发〔2026〕4号 七、八 through the calculator, with the plan's own figures
// as the seed holds them (db/seed/gazette-relocation.ts) and their boundaries.
import { describe, expect, it } from "vitest";
import { relocationPlan } from "@/db/seed/gazette-relocation";
import { computeCompensation, STRUCTURE_KINDS, type CompensationOption, type HouseholdFacts, type PlanRule } from "./relocation-compensation";

const rules = relocationPlan.compensationRules;

const base: HouseholdFacts = {
  legalArea: 70,
  residential: true,
  owner: true,
  signing: "inTime",
  landCertificate: false,
  certificateArea: null,
  assessedDecoration: null,
  publicRentalEligible: false,
  multistorey: { chosenArea: null, unitPrice: null },
  highrise: { chosenArea: null, unitPrice: null },
  structures: [],
};

const run = (facts: Partial<HouseholdFacts>) => computeCompensation(rules, { ...base, ...facts });
const option = (facts: Partial<HouseholdFacts>, key: CompensationOption["key"]) => run(facts).options.find((o) => o.key === key)!;
const lineOf = (o: CompensationOption, item: string) => {
  const found = o.lines.find((l) => l.item === item);
  if (!found) throw new Error(`no line ${item} in ${o.lines.map((l) => l.item).join("、")}`);
  return found;
};

describe("the plan's figures as the calculator reads them", () => {
  it("are the ones printed in the plan", () => {
    const text = (id: string) => rules.find((r) => r.id === id)!.quote;
    expect(text("swap-area")).toContain("1:1.15");
    expect(text("swap-excess-price")).toContain("最多不超过 30 m²");
    expect(text("swap-excess-price")).toContain("定价的 60%");
    expect(text("moving-fee")).toContain("80 m² 以下的（含 80 m²），按 3000 元/户计发；80 m² 以上的，按 4000 元/户计发");
    expect(text("signing-bonus")).toContain("最高不超过 200 元/m²");
    expect(text("land-certificate")).toContain("300 元/m²");
  });

  it("every line cites a rule of the plan with its text and line of the gazette", () => {
    const all = run({ structures: [...STRUCTURE_KINDS], landCertificate: true, certificateArea: 60, publicRentalEligible: true });
    for (const l of [...all.options.flatMap((o) => o.lines), ...all.notes]) {
      const rule = rules.find((r) => r.id === l.rule.id)!;
      expect(l.rule.quote).toBe(rule.quote);
      expect(l.rule.sourceLine).toBe(rule.sourceLine);
    }
  });

  it("refuses a plan whose rule is missing rather than guessing its figure", () => {
    const without = rules.filter((r) => r.id !== "moving-fee") as PlanRule[];
    expect(() => computeCompensation(without, base)).toThrow(/moving-fee/);
  });
});

describe("调换面积：按合法建筑面积 1:1.15", () => {
  it("gives 1.15 times the legal area, to the hundredth of a m²", () => {
    expect(lineOf(option({ legalArea: 100 }, "multistorey"), "调换面积").value).toBe(115);
    expect(lineOf(option({ legalArea: 73.33 }, "highrise"), "调换面积").value).toBe(84.33);
  });
});

describe("超出调换面积部分：多层步梯房 优惠价面积最多不超过 30 m²，按定价的 60%", () => {
  const multi = (chosenArea: number, unitPrice: number | null = 3000) => option({ legalArea: 100, multistorey: { chosenArea, unitPrice } }, "multistorey");

  it("sells up to 30 m² beyond the 调换面积 at 60% of the price", () => {
    const o = multi(135);
    expect(lineOf(o, "优惠价购房面积").value).toBe(20);
    expect(lineOf(o, "优惠价购房款").value).toBe(20 * 3000 * 0.6);
    expect(lineOf(o, "按定价购房款（剩余面积）").value).toBe(0);
    expect(o.payment).toBe(36000);
  });

  it("at exactly 30 m² beyond, all of it is at the 优惠价 (不超过 includes 30)", () => {
    const o = multi(145);
    expect(lineOf(o, "优惠价购房面积").value).toBe(30);
    expect(lineOf(o, "按定价购房款（剩余面积）").value).toBe(0);
  });

  it("the area beyond 30 m² is at the full price", () => {
    const o = multi(145.01);
    expect(lineOf(o, "优惠价购房面积").value).toBe(30);
    expect(lineOf(o, "优惠价购房款").value).toBe(54000);
    expect(lineOf(o, "按定价购房款（剩余面积）").value).toBe(30);
    expect(o.payment).toBe(54030);
  });

  it("choosing exactly the 调换面积 costs nothing", () => {
    const o = multi(115);
    expect(lineOf(o, "优惠价购房面积").value).toBe(0);
    expect(o.payment).toBe(0);
  });

  it("without the source's price (房源明细表 not published) the amounts are 待核实", () => {
    const o = multi(150, null);
    expect(lineOf(o, "优惠价购房款").value).toBeNull();
    expect(lineOf(o, "优惠价购房款").pending).toMatch(/房源明细表.*待核实/);
    expect(lineOf(o, "按定价购房款（剩余面积）").pending).toMatch(/待核实/);
  });

  it("a chosen area below the 调换面积 is left to 待核实 (the plan does not say)", () => {
    const o = multi(100);
    expect(lineOf(o, "选择面积小于调换面积").pending).toMatch(/待核实/);
  });
});

describe("超出调换面积部分：高层电梯房 全部按定价", () => {
  it("has no 优惠价 area at all", () => {
    const o = option({ legalArea: 100, highrise: { chosenArea: 135, unitPrice: 4000 } }, "highrise");
    expect(o.lines.some((l) => l.item === "优惠价购房面积")).toBe(false);
    expect(lineOf(o, "按定价购房款（超出调换面积部分）").value).toBe(20 * 4000);
  });
});

describe("搬迁费：80 m² 以下（含 80 m²）3000 元/户，80 m² 以上 4000 元/户", () => {
  it.each([
    [50, 3000],
    [80, 3000],
    [80.01, 4000],
    [120, 4000],
  ])("%s m² → %s 元", (legalArea, fee) => {
    expect(lineOf(option({ legalArea }, "multistorey"), "搬迁费").value).toBe(fee);
  });

  it("a house not registered as 住宅 is 待核实 (the rule speaks of 住宅房屋)", () => {
    const l = lineOf(option({ residential: false }, "multistorey"), "搬迁费");
    expect(l.value).toBeNull();
    expect(l.pending).toMatch(/待核实/);
  });
});

describe("签约奖励：签约期限内，按合法建筑面积最高不超过 200 元/m²；逾期未签约不予奖励", () => {
  it("within the period: at most 200 元/m² × legal area, shown as a ceiling", () => {
    const l = lineOf(option({ legalArea: 85.5 }, "multistorey"), "签约奖励");
    expect(l.value).toBe(17100);
    expect(l.atMost).toBe(true);
    expect(l.pending).toMatch(/最高不超过 200 元\/m².*待核实/);
  });

  it("late: nothing", () => {
    const l = lineOf(option({ signing: "late" }, "multistorey"), "签约奖励");
    expect(l.value).toBe(0);
    expect(l.atMost).toBe(false);
  });

  it("not yet signed: the ceiling if signed in time, and the unstated deadline is 待核实", () => {
    const l = lineOf(option({ signing: "notYet", legalArea: 60 }, "highrise"), "签约奖励（须在签约期限内签约）");
    expect(l.value).toBe(12000);
    expect(l.pending).toMatch(/30 日之内.*待核实/);
  });

  it("a household that is not the 所有权人 is 待核实", () => {
    expect(lineOf(option({ owner: false }, "multistorey"), "签约奖励").value).toBeNull();
  });

  it("the ceiling is counted apart from the exact amounts", () => {
    const o = option({ legalArea: 100 }, "multistorey");
    expect(o.compensationExact).toBe(4000);
    expect(o.compensationAtMost).toBe(20000);
  });
});

describe("国有出让土地不动产权证：按登记面积 300 元/m²", () => {
  it("pays 300 元/m² of the registered area (not the legal area)", () => {
    const o = option({ legalArea: 70, landCertificate: true, certificateArea: 65.25 }, "multistorey");
    expect(lineOf(o, "国有出让土地不动产权证补偿").value).toBe(19575);
    expect(o.compensationExact).toBe(3000 + 19575);
  });

  it("has no line without the certificate", () => {
    expect(option({ landCertificate: false }, "multistorey").lines.some((l) => l.item === "国有出让土地不动产权证补偿")).toBe(false);
  });

  it("without the registered area, asks for it", () => {
    expect(lineOf(option({ landCertificate: true, certificateArea: null }, "multistorey"), "国有出让土地不动产权证补偿").value).toBeNull();
  });
});

describe("装饰装修、附属物：第三方评估后补偿", () => {
  it("is 待评估 until assessed, then the assessed amount", () => {
    expect(lineOf(option({}, "multistorey"), "装饰装修、附属物补偿").pending).toMatch(/待评估/);
    const o = option({ assessedDecoration: 12345.67 }, "multistorey");
    expect(lineOf(o, "装饰装修、附属物补偿").value).toBe(12345.67);
    expect(o.compensationExact).toBe(12345.67 + 3000);
  });
});

describe("公租房兜底", () => {
  it("is open only to eligible households", () => {
    expect(option({}, "publicRental").unavailable).toMatch(/公租房申请条件/);
    expect(option({ publicRentalEligible: true }, "publicRental").unavailable).toBeNull();
  });
});

describe("八、违法建（构）筑物、临时建（构）筑物", () => {
  it.each([
    ["illegal-building", 0],
    ["temp-expired", 0],
    ["temp-approval-noted", 0],
    ["rush-build", 0],
  ] as const)("%s: 不予补偿和安置", (kind, value) => {
    const o = option({ structures: [kind] }, "multistorey");
    const l = o.lines.find((x) => x.rule.id === kind)!;
    expect(l.value).toBe(value);
    expect(l.working).toContain("不予补偿和安置");
  });

  it("未超过批准期限的临时建筑: 适当补偿, its standard 待核实", () => {
    const l = option({ structures: ["temp-within-term"] }, "multistorey").lines.find((x) => x.rule.id === "temp-within-term")!;
    expect(l.value).toBeNull();
    expect(l.pending).toMatch(/待核实/);
  });

  it("擅自改变用途: 按原登记用途补偿和安置", () => {
    const l = option({ structures: ["change-of-use"] }, "multistorey").lines.find((x) => x.rule.id === "change-of-use")!;
    expect(l.kind).toBe("note");
    expect(l.working).toContain("按原登记用途");
  });
});

describe("the rules with no figure", () => {
  it("are listed once as notes: 房源、选房顺序、物业管理", () => {
    expect(run({}).notes.map((n) => n.rule.id)).toEqual(["swap-housing-source", "swap-housing-selection", "swap-housing-property"]);
  });
});
