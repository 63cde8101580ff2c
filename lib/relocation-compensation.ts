// 解危搬迁补偿测算 (汨政办发〔2026〕4号 七、八): from a household's recorded facts, what each
// option of the plan gives and costs, line by line, each line with the rule it comes from.
// Every figure (ratio, cap, rate, threshold) is read from the plan's rules as passed in
// (db/seed/gazette-relocation.ts); nothing here is a rate of its own. Where the plan leaves
// a figure open, the line says 待核实 and why instead of guessing.

/** The shape of a rule of the plan, as the seed holds it. */
export interface PlanRule {
  id: string;
  heading: string;
  quote: string;
  sourceLine: number;
  amounts: { label: string; value: number; unit: string; comparator: "exact" | "atMost"; condition: string | null }[];
}

/** 其他建（构）筑物 the household has beside the legal building (八、违法建（构）筑物、临时建（构）筑物处理). */
export const STRUCTURE_KINDS = ["illegal-building", "temp-expired", "temp-approval-noted", "temp-within-term", "rush-build", "change-of-use"] as const;
export type StructureKind = (typeof STRUCTURE_KINDS)[number];

export const STRUCTURE_LABEL: Record<StructureKind, string> = {
  "illegal-building": "违法建（构）筑物",
  "temp-expired": "超过批准期限的临时建（构）筑物",
  "temp-approval-noted": "审批文件已注明须无偿拆除的建（构）筑物",
  "temp-within-term": "未超过批准期限的临时建（构）筑物",
  "rush-build": "解危搬迁决定公告发布后新建、改建、扩建的建（构）筑物",
  "change-of-use": "解危搬迁决定公告发布后擅自改变用途的建（构）筑物",
};

/** 签约奖励 depends on when the owner signs: within the 签约期限, after it, or not yet. */
export const SIGNING_STATES = ["inTime", "late", "notYet"] as const;
export type SigningState = (typeof SIGNING_STATES)[number];
export const SIGNING_LABEL: Record<SigningState, string> = { inTime: "已在签约期限内签约", late: "逾期签约或逾期未签约", notYet: "尚未签约（仍在签约期限内）" };

/** The housing the household would take (七（一）2): its chosen area and the source's price (房源明细表). */
export interface HousingChoice {
  chosenArea: number | null;
  unitPrice: number | null;
}

export interface HouseholdFacts {
  /** 合法建筑面积 (m²). */
  legalArea: number;
  /** 房屋登记用途为住宅 (十（一）: 以房屋所有权证标注为准). */
  residential: boolean;
  /** 签约奖励 is for the 所有权人. */
  owner: boolean;
  signing: SigningState;
  /** 已办理国有出让土地不动产权证, and the area registered on it. */
  landCertificate: boolean;
  certificateArea: number | null;
  /** The third-party assessment of 装饰装修、附属物, once made (元). */
  assessedDecoration: number | null;
  /** 确实无经济能力承担购房费用，且符合公租房申请条件. */
  publicRentalEligible: boolean;
  multistorey: HousingChoice;
  highrise: HousingChoice;
  structures: StructureKind[];
}

export const OPTION_KEYS = ["multistorey", "highrise", "publicRental"] as const;
export type OptionKey = (typeof OPTION_KEYS)[number];
export const OPTION_TITLE: Record<OptionKey, string> = {
  multistorey: "产权调换为多层步梯房",
  highrise: "产权调换为高层电梯房",
  publicRental: "公租房兜底",
};

/**
 * One line of a result. kind: area (m²), compensation (元 the household receives), payment
 * (元 it pays for area beyond the 调换面积), note (a rule with no figure). value null: no
 * figure can be given (pending says why). atMost: the plan gives a ceiling, not the amount.
 */
export interface CompensationLine {
  item: string;
  kind: "area" | "compensation" | "payment" | "note";
  value: number | null;
  atMost: boolean;
  working: string;
  pending: string | null;
  rule: { id: string; heading: string; quote: string; sourceLine: number };
}

export interface CompensationOption {
  key: OptionKey;
  title: string;
  /** Why the option is not open to this household (null: it is). */
  unavailable: string | null;
  lines: CompensationLine[];
  /** Sum of the exact compensation lines (元). */
  compensationExact: number;
  /** Sum of the ceilings of the atMost compensation lines (元): at most this much more. */
  compensationAtMost: number;
  /** Sum of the payment lines that could be computed (元). */
  payment: number;
  /** How many lines have no figure yet (待核实 or 待评估). */
  pendingCount: number;
}

export interface CompensationResult {
  options: CompensationOption[];
  /** Lines common to every option that carry no figure (选房顺序、物业等). */
  notes: CompensationLine[];
}

// ─── reading the plan's figures ───

function ruleOf(rules: readonly PlanRule[], id: string): PlanRule {
  const rule = rules.find((r) => r.id === id);
  if (!rule) throw new Error(`解危搬迁方案缺少条款 ${id}`);
  return rule;
}

function figureOf(rule: PlanRule, unit: string, condition?: (c: string | null) => boolean) {
  const amount = rule.amounts.find((a) => a.unit === unit && (!condition || condition(a.condition)));
  if (!amount) throw new Error(`条款 ${rule.id} 缺少单位为 ${unit} 的数字`);
  return amount;
}

/** The area threshold of 搬迁费 as printed in its condition (“在 80 m² 以下的（含 80 m²）”). */
function movingFeeThreshold(rule: PlanRule): { threshold: number; small: number; large: number } {
  const small = rule.amounts.find((a) => a.condition && /以下的（含/.test(a.condition));
  const large = rule.amounts.find((a) => a !== small);
  const m = small?.condition?.match(/在\s*(\d+(?:\.\d+)?)\s*m²\s*以下的（含\s*(\d+(?:\.\d+)?)\s*m²）/);
  if (!small || !large || !m || m[1] !== m[2]) throw new Error("搬迁费条款的面积分档无法读取");
  return { threshold: Number(m[1]), small: small.value, large: large.value };
}

// ─── arithmetic in hundredths (m² to 0.01, 元 to 分) so sums are exact ───

const toHundredths = (x: number) => Math.round(x * 100);
const fromHundredths = (h: number) => h / 100;
/** area × rate (元/m²), to the 分. */
const money = (area: number, rate: number) => fromHundredths(Math.round(toHundredths(area) * rate));
const fmtArea = (x: number) => `${x.toFixed(2)} m²`;
const fmtYuan = (x: number) => `${x.toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;

function line(rule: PlanRule, l: Omit<CompensationLine, "rule" | "atMost" | "pending"> & { atMost?: boolean; pending?: string | null }): CompensationLine {
  return {
    atMost: false,
    pending: null,
    ...l,
    rule: { id: rule.id, heading: rule.heading, quote: rule.quote, sourceLine: rule.sourceLine },
  };
}

const PRICE_PENDING = "房源提供单位定价见“房源明细表”，公报未附；填写所选房源的定价后测算（待核实）。";

/** 调换面积 and the price of what the household chooses beyond it (七（一）1、2). */
function swapLines(rules: readonly PlanRule[], facts: HouseholdFacts, key: "multistorey" | "highrise"): CompensationLine[] {
  const areaRule = ruleOf(rules, "swap-area");
  const ratio = figureOf(areaRule, "倍").value;
  const swapArea = fromHundredths(Math.round(toHundredths(facts.legalArea) * ratio));
  const lines = [
    line(areaRule, {
      item: "调换面积",
      kind: "area",
      value: swapArea,
      working: `合法建筑面积 ${fmtArea(facts.legalArea)} × ${ratio} = ${fmtArea(swapArea)}（保留两位小数）`,
    }),
  ];
  const priceRule = ruleOf(rules, "swap-excess-price");
  const { chosenArea, unitPrice } = facts[key];
  if (chosenArea === null) {
    lines.push(line(priceRule, { item: "超出调换面积部分", kind: "note", value: null, working: "未填写选择的住房面积，超出部分未测算。" }));
    return lines;
  }
  const excess = fromHundredths(Math.max(0, toHundredths(chosenArea) - toHundredths(swapArea)));
  if (toHundredths(chosenArea) < toHundredths(swapArea)) {
    lines.push(
      line(priceRule, {
        item: "选择面积小于调换面积",
        kind: "note",
        value: null,
        working: `选择的住房面积 ${fmtArea(chosenArea)} 小于调换面积 ${fmtArea(swapArea)}。`,
        pending: "方案未规定选择面积小于调换面积时差额如何处理（待核实）。",
      }),
    );
    return lines;
  }
  if (key === "multistorey") {
    const cap = figureOf(priceRule, "m²").value;
    const percent = figureOf(priceRule, "%").value;
    const discounted = Math.min(excess, cap);
    const rest = fromHundredths(toHundredths(excess) - toHundredths(discounted));
    lines.push(
      line(priceRule, {
        item: "优惠价购房面积",
        kind: "area",
        value: discounted,
        working: `超出调换面积 ${fmtArea(excess)}，优惠价购房面积最多不超过 ${cap} m²，取 ${fmtArea(discounted)}`,
      }),
      line(priceRule, {
        item: "优惠价购房款",
        kind: "payment",
        value: unitPrice === null ? null : money(discounted, (unitPrice * percent) / 100),
        working: unitPrice === null ? `${fmtArea(discounted)} × 定价 × ${percent}%` : `${fmtArea(discounted)} × ${unitPrice} 元/m² × ${percent}%`,
        pending: unitPrice === null ? PRICE_PENDING : null,
      }),
      line(priceRule, {
        item: "按定价购房款（剩余面积）",
        kind: "payment",
        value: unitPrice === null ? (rest === 0 ? 0 : null) : money(rest, unitPrice),
        working: unitPrice === null ? `${fmtArea(rest)} × 定价` : `${fmtArea(rest)} × ${unitPrice} 元/m²`,
        pending: unitPrice === null && rest > 0 ? PRICE_PENDING : null,
      }),
    );
  } else {
    lines.push(
      line(priceRule, {
        item: "按定价购房款（超出调换面积部分）",
        kind: "payment",
        value: unitPrice === null ? (excess === 0 ? 0 : null) : money(excess, unitPrice),
        working: unitPrice === null ? `${fmtArea(excess)} × 定价` : `${fmtArea(excess)} × ${unitPrice} 元/m²`,
        pending: unitPrice === null && excess > 0 ? PRICE_PENDING : null,
      }),
    );
  }
  return lines;
}

/** 奖补标准 (七（二）): the same for every option, since the plan grants both policies together. */
function rewardLines(rules: readonly PlanRule[], facts: HouseholdFacts): CompensationLine[] {
  const lines: CompensationLine[] = [];

  const decoration = ruleOf(rules, "decoration");
  lines.push(
    line(decoration, {
      item: "装饰装修、附属物补偿",
      kind: "compensation",
      value: facts.assessedDecoration,
      working: facts.assessedDecoration === null ? "由第三方评估机构评估后补偿。" : `第三方评估结果 ${fmtYuan(facts.assessedDecoration)}`,
      pending: facts.assessedDecoration === null ? "待评估：金额以第三方评估结果为准。" : null,
    }),
  );

  const moving = ruleOf(rules, "moving-fee");
  const fee = movingFeeThreshold(moving);
  if (!facts.residential) {
    lines.push(
      line(moving, {
        item: "搬迁费",
        kind: "compensation",
        value: null,
        working: "登记用途不是住宅。",
        pending: "方案只规定住宅房屋的搬迁费，非住宅房屋待核实。",
      }),
    );
  } else {
    const small = toHundredths(facts.legalArea) <= toHundredths(fee.threshold);
    lines.push(
      line(moving, {
        item: "搬迁费",
        kind: "compensation",
        value: small ? fee.small : fee.large,
        working: small
          ? `合法建筑面积 ${fmtArea(facts.legalArea)}，在 ${fee.threshold} m² 以下（含 ${fee.threshold} m²），按 ${fee.small} 元/户`
          : `合法建筑面积 ${fmtArea(facts.legalArea)}，在 ${fee.threshold} m² 以上，按 ${fee.large} 元/户`,
      }),
    );
  }

  const bonus = ruleOf(rules, "signing-bonus");
  const rate = figureOf(bonus, "元/m²");
  const ceiling = money(facts.legalArea, rate.value);
  const ceilingWorking = `合法建筑面积 ${fmtArea(facts.legalArea)} × 最高 ${rate.value} 元/m² = 最高 ${fmtYuan(ceiling)}`;
  const ratePending = `方案只写“最高不超过 ${rate.value} 元/m²”，实际奖补标准未写明（待核实）。`;
  if (!facts.owner) {
    lines.push(
      line(bonus, {
        item: "签约奖励",
        kind: "compensation",
        value: null,
        working: "签约奖励的对象是所有权人。",
        pending: "非所有权人能否享受，方案未写明（待核实）。",
      }),
    );
  } else if (facts.signing === "late") {
    lines.push(line(bonus, { item: "签约奖励", kind: "compensation", value: 0, working: "逾期未签约的，不予奖励。" }));
  } else {
    lines.push(
      line(bonus, {
        item: facts.signing === "inTime" ? "签约奖励" : "签约奖励（须在签约期限内签约）",
        kind: "compensation",
        value: ceiling,
        atMost: rate.comparator === "atMost",
        working: ceilingWorking,
        pending: facts.signing === "notYet" ? `${ratePending}签约期限为“自本方案发布之日起 30 日之内”，截止日期以实施单位通知为准（待核实）。` : ratePending,
      }),
    );
  }

  const land = ruleOf(rules, "land-certificate");
  if (facts.landCertificate) {
    const landRate = figureOf(land, "元/m²").value;
    const area = facts.certificateArea;
    lines.push(
      line(land, {
        item: "国有出让土地不动产权证补偿",
        kind: "compensation",
        value: area === null ? null : money(area, landRate),
        working: area === null ? `登记面积 × ${landRate} 元/m²` : `不动产权证登记面积 ${fmtArea(area)} × ${landRate} 元/m²`,
        pending: area === null ? "未填写不动产权证登记面积。" : null,
      }),
    );
  }
  return lines;
}

/** 八、违法建（构）筑物、临时建（构）筑物处理, for each kind the household has. */
function structureLines(rules: readonly PlanRule[], facts: HouseholdFacts): CompensationLine[] {
  return facts.structures.map((kind) => {
    const rule = ruleOf(rules, kind);
    const item = STRUCTURE_LABEL[kind];
    if (kind === "temp-within-term")
      return line(rule, {
        item,
        kind: "compensation",
        value: null,
        working: "按使用期限给予适当补偿，不予安置。",
        pending: "方案未写明按使用期限补偿的标准（待核实）。",
      });
    if (kind === "change-of-use") return line(rule, { item, kind: "note", value: null, working: "按原登记用途补偿和安置。" });
    return line(rule, { item, kind: "compensation", value: 0, working: "不予补偿和安置。" });
  });
}

function total(option: Omit<CompensationOption, "compensationExact" | "compensationAtMost" | "payment" | "pendingCount">): CompensationOption {
  const sum = (pick: (l: CompensationLine) => boolean) =>
    fromHundredths(option.lines.filter((l) => l.value !== null && pick(l)).reduce((s, l) => s + toHundredths(l.value!), 0));
  return {
    ...option,
    compensationExact: sum((l) => l.kind === "compensation" && !l.atMost),
    compensationAtMost: sum((l) => l.kind === "compensation" && l.atMost),
    payment: sum((l) => l.kind === "payment"),
    pendingCount: option.lines.filter((l) => l.pending !== null).length,
  };
}

/** Each option of the plan with its lines for this household. */
export function computeCompensation(rules: readonly PlanRule[], facts: HouseholdFacts): CompensationResult {
  const common = [...rewardLines(rules, facts), ...structureLines(rules, facts)];
  const publicRental = ruleOf(rules, "swap-housing-public-rental");
  const options: CompensationOption[] = [
    total({ key: "multistorey", title: OPTION_TITLE.multistorey, unavailable: null, lines: [...swapLines(rules, facts, "multistorey"), ...common] }),
    total({ key: "highrise", title: OPTION_TITLE.highrise, unavailable: null, lines: [...swapLines(rules, facts, "highrise"), ...common] }),
    total({
      key: "publicRental",
      title: OPTION_TITLE.publicRental,
      unavailable: facts.publicRentalEligible ? null : "仅适用于确实无经济能力承担购房费用、且符合公租房申请条件的困难对象。",
      lines: [
        line(publicRental, {
          item: "公租房",
          kind: "note",
          value: null,
          working: "由市住建局调配公租房源，按市公租房管理相关政策执行。",
          pending: "公租房的租金与面积不在本方案内；是否同时适用下列奖补，方案未单列（待核实）。",
        }),
        ...common,
      ],
    }),
  ];
  const notes = ["swap-housing-source", "swap-housing-selection", "swap-housing-property"].map((id) => {
    const rule = ruleOf(rules, id);
    return line(rule, { item: rule.heading.replace(/^产权调换房源（\d）/, ""), kind: "note", value: null, working: rule.quote });
  });
  return { options, notes };
}

export const formatArea = fmtArea;
export const formatYuan = fmtYuan;
