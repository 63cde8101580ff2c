// 由人工依据 /work/shared/seeds/000_4fbc3777bb382066.txt（汨罗市人民政府公报 2026 年第 1 期）逐行核对录入；
// 不要在此文件中加入推算值。核对记录见 ./REVIEW.md。
//
// 汨政办发〔2026〕4号《汨罗市龙舟动力小区、印刷厂小区、肉联厂小区危旧住房解危搬迁实施方案》
// （通知落款 2026 年 3 月 31 日，公报文本第1199-1317行）。
// - quote 均为方案原文（去掉条目前的“1.”“(1)”编号；跨页断开的一句已接合）。
// - amounts 只收方案中明写的数字；每个数字都能在对应 quote 中找到。
// - 方案本身没有写各步骤日期，也没有写户数、面积；steps 中第（五）至（七）步的 due 取自
//   汨政办函〔2026〕2号 民生实事第 2 项“城市危旧房”中文字相同的节点，出处见 dueSource。
//   （该项第 1 节点“3 月底完成《……实施方案》审批”对应本方案的印发，而非某个实施步骤。）

export interface RelocationBuildingGroup {
  community: string; // 社区，例如 广场社区
  estate: string; // 小区，例如 龙舟动力小区
  buildings: string[]; // 照录，例如 "第 2 栋"、"幼儿园栋"
}

export interface RelocationResponsibility {
  units: string[]; // 照方案全称，例如 市住建局、归义街道办事处
  duty: string;
}

export interface RelocationStep {
  order: number; // 1..7
  marker: string; // 方案编号，例如 "(一)"
  text: string; // 例如 调查登记
  due: string | null; // YYYY-MM-DD，只在另一文件写明同一步骤的时限时填写
  dueSource: string | null; // due 的出处原文
}

export type RelocationComparator = "exact" | "atMost";

export interface RelocationAmount {
  label: string;
  value: number;
  unit: string; // 例如 元/户、元/m²、m²、%、倍
  comparator: RelocationComparator; // “最多不超过”“最高不超过” → atMost
  condition: string | null; // 适用条件（取自原文）
}

export interface RelocationRule {
  id: string;
  section: string; // 方案中的章节
  heading: string;
  quote: string; // 原文
  sourceLine: number; // 公报文本行号
  amounts: RelocationAmount[]; // 无数字的条款为 []
}

export interface RelocationPlan {
  docKey: "relocation";
  objectsQuote: string; // 二、解危对象 原文
  buildings: RelocationBuildingGroup[];
  method: string; // 三、解危方式
  signingPeriod: { quote: string; days: number }; // 五、签约期限
  responsibilities: RelocationResponsibility[]; // 四、主管部门及实施单位
  combinedPolicyQuote: string; // 七、总述
  steps: RelocationStep[]; // 六、实施步骤
  compensationRules: RelocationRule[]; // 七、产权调换及奖补标准；八、违法及临时建（构）筑物处理
  notStated: string[]; // 方案未载明、因此未录入的内容
}

export const relocationPlan: RelocationPlan = {
  docKey: "relocation",
  objectsQuote: "解危对象为广场社区龙舟动力小区第 2 栋、第 7 栋；广场社区印刷厂小区第 4 栋、第 5 栋、第 6 栋；老街社区肉联厂小区第 2 栋、第 3 栋、幼儿园栋。",
  buildings: [
    {
      community: "广场社区",
      estate: "龙舟动力小区",
      buildings: ["第 2 栋", "第 7 栋"],
    },
    {
      community: "广场社区",
      estate: "印刷厂小区",
      buildings: ["第 4 栋", "第 5 栋", "第 6 栋"],
    },
    {
      community: "老街社区",
      estate: "肉联厂小区",
      buildings: ["第 2 栋", "第 3 栋", "幼儿园栋"],
    },
  ],
  method: "产权调换",
  signingPeriod: { quote: "自本方案发布之日起 30 日之内。", days: 30 },
  responsibilities: [
    {
      units: ["市住建局"],
      duty: "负责制定方案、政策指导、监督管理等工作",
    },
    {
      units: ["归义街道办事处"],
      duty: "负责调查登记、评估测绘、协议签订、搬迁安置等具体工作",
    },
    {
      units: ["市财政局"],
      duty: "负责提供资金保障",
    },
    {
      units: ["文旅集团", "楚之晟集团", "市工信局"],
      duty: "负责提供产权调换房源",
    },
  ],
  combinedPolicyQuote: "该项目解危搬迁户同时享受产权调换和奖励补助政策。",
  steps: [
    { order: 1, marker: "(一)", text: "调查登记", due: null, dueSource: null },
    { order: 2, marker: "(二)", text: "依法确定评估机构", due: null, dueSource: null },
    { order: 3, marker: "(三)", text: "房屋面积测绘", due: null, dueSource: null },
    { order: 4, marker: "(四)", text: "制定解危搬迁方案", due: null, dueSource: null },
    {
      order: 5,
      marker: "(五)",
      text: "签订解危搬迁补偿协议并建立档案",
      due: "2026-06-30",
      dueSource: "汨政办函〔2026〕2号 附件 第2项 城市危旧房第2条：“6 月底完成龙舟动力小区、印刷厂小区、肉联厂小区危旧住房户签订解危搬迁补偿协议并建立档案”",
    },
    { order: 6, marker: "(六)", text: "腾空搬迁", due: "2026-09-30", dueSource: "汨政办函〔2026〕2号 附件 第2项 城市危旧房第3条：“9 月底完成腾空搬迁”" },
    {
      order: 7,
      marker: "(七)",
      text: "危旧住房和土地按程序回收",
      due: "2026-12-31",
      dueSource: "汨政办函〔2026〕2号 附件 第2项 城市危旧房第4条：“12 月完成危旧住房和土地按程序回收”",
    },
  ],
  compensationRules: [
    {
      id: "swap-area",
      section: "七、产权调换及奖补标准（一）产权调换",
      heading: "调换面积",
      quote: "调换面积：按合法建筑面积 1:1.15 进行产权调换。",
      sourceLine: 1253,
      amounts: [{ label: "调换面积与合法建筑面积之比（1:1.15）", value: 1.15, unit: "倍", comparator: "exact", condition: null }],
    },
    {
      id: "swap-excess-price",
      section: "七、产权调换及奖补标准（一）产权调换",
      heading: "超出调换面积部分购买价格",
      quote:
        "超出调换面积部分购买价格：解危搬迁户产权调换为多层步梯房的，选择的住房面积超出调换比例的部分可享受优惠价购房，优惠价购房面积最多不超过 30 m²，优惠价为房源提供单位定价的 60%，剩余部分面积按房源提供单位定价进行购买；调换为高层电梯房的，选择的住房面积超出调换比例面积的，该部分面积按房源提供单位定价进行购买（详见房源明细表）。",
      sourceLine: 1255,
      amounts: [
        {
          label: "优惠价购房面积上限",
          value: 30,
          unit: "m²",
          comparator: "atMost",
          condition: "解危搬迁户产权调换为多层步梯房的，选择的住房面积超出调换比例的部分",
        },
        {
          label: "优惠价（房源提供单位定价的百分比）",
          value: 60,
          unit: "%",
          comparator: "exact",
          condition: "解危搬迁户产权调换为多层步梯房的，选择的住房面积超出调换比例的部分",
        },
      ],
    },
    {
      id: "swap-housing-source",
      section: "七、产权调换及奖补标准（一）产权调换",
      heading: "产权调换房源（1）房源提供单位",
      quote: "房源由市工信局、文旅集团、楚之晟集团（暂无房源）提供，其中市工信局提供的经济适用房房源为国有划拨用地手续，其余均为国有出让土地手续。",
      sourceLine: 1259,
      amounts: [],
    },
    {
      id: "swap-housing-selection",
      section: "七、产权调换及奖补标准（一）产权调换",
      heading: "产权调换房源（2）选房顺序",
      quote: "解危搬迁户按签约时间段先后顺序选房，在同一时间段内签约且选择同一房源的采取摇号选房，具体时间以归义街道办事处电话或书面通知为准。",
      sourceLine: 1261,
      amounts: [],
    },
    {
      id: "swap-housing-property",
      section: "七、产权调换及奖补标准（一）产权调换",
      heading: "产权调换房源（3）物业管理",
      quote: "解危搬迁后各户的物业管理应服从房源所在小区统一收费、统一管理，并按相关规定缴纳物业维修基金。",
      sourceLine: 1263,
      amounts: [],
    },
    {
      id: "swap-housing-public-rental",
      section: "七、产权调换及奖补标准（一）产权调换",
      heading: "产权调换房源（4）公租房兜底",
      quote: "对确实无经济能力承担购房费用，且符合公租房申请条件的困难对象，由市住建局调配公租房源予以解决，按市公租房管理相关政策执行。",
      sourceLine: 1265,
      amounts: [],
    },
    {
      id: "decoration",
      section: "七、产权调换及奖补标准（二）奖补标准",
      heading: "装饰装修、附属物补偿",
      quote: "装饰装修、附属物补偿：由归义街道依法选定第三方评估机构，对被解危搬迁住宅房屋的装饰装修、附属物进行评估后补偿。",
      sourceLine: 1269,
      amounts: [],
    },
    {
      id: "moving-fee",
      section: "七、产权调换及奖补标准（二）奖补标准",
      heading: "搬迁费补偿",
      quote: "搬迁费补偿：被解危搬迁住宅房屋合法建筑面积在 80 m² 以下的（含 80 m²），按 3000 元/户计发；80 m² 以上的，按 4000 元/户计发。",
      sourceLine: 1271,
      amounts: [
        { label: "搬迁费", value: 3000, unit: "元/户", comparator: "exact", condition: "被解危搬迁住宅房屋合法建筑面积在 80 m² 以下的（含 80 m²）" },
        { label: "搬迁费", value: 4000, unit: "元/户", comparator: "exact", condition: "80 m² 以上的" },
      ],
    },
    {
      id: "signing-bonus",
      section: "七、产权调换及奖补标准（二）奖补标准",
      heading: "签约奖励",
      quote: "签约奖励：在签约期限内签订解危搬迁协议的所有权人，按房屋合法建筑面积最高不超过 200 元/m² 的标准予以奖补；逾期未签约的，不予奖励。",
      sourceLine: 1273,
      amounts: [
        { label: "签约奖励标准（按房屋合法建筑面积）", value: 200, unit: "元/m²", comparator: "atMost", condition: "在签约期限内签订解危搬迁协议的所有权人" },
      ],
    },
    {
      id: "land-certificate",
      section: "七、产权调换及奖补标准（二）奖补标准",
      heading: "其他",
      quote: "其他：对已办理国有出让土地不动产权证的房屋，按原有不动产权证登记面积给予 300 元/m² 补偿。",
      sourceLine: 1275,
      amounts: [
        { label: "补偿标准（按原有不动产权证登记面积）", value: 300, unit: "元/m²", comparator: "exact", condition: "对已办理国有出让土地不动产权证的房屋" },
      ],
    },
    {
      id: "illegal-building",
      section: "八、违法建（构）筑物、临时建（构）筑物处理（一）违法建（构）筑物",
      heading: "违法建（构）筑物",
      quote: "违法建（构）筑物及其附属设施一律不予补偿和安置。",
      sourceLine: 1281,
      amounts: [],
    },
    {
      id: "temp-expired",
      section: "八、违法建（构）筑物、临时建（构）筑物处理（二）临时建（构）筑物",
      heading: "超过批准期限的临时建（构）筑物",
      quote: "超过批准期限的临时建（构）筑物及其附属设施，拆除时不予补偿和安置。",
      sourceLine: 1285,
      amounts: [],
    },
    {
      id: "temp-approval-noted",
      section: "八、违法建（构）筑物、临时建（构）筑物处理（二）临时建（构）筑物",
      heading: "审批文件注明须无偿拆除的建（构）筑物",
      quote: "市自然资源局、市住建局、市城管局等行政主管部门在审批文件中已注明实施城市规划时须无偿拆除的建（构）筑物及其附属设施，拆除时不予补偿和安置。",
      sourceLine: 1287,
      amounts: [],
    },
    {
      id: "temp-within-term",
      section: "八、违法建（构）筑物、临时建（构）筑物处理（二）临时建（构）筑物",
      heading: "未超过批准期限的临时建（构）筑物",
      quote: "未超过批准期限的临时建（构）筑物及其附属设施，按使用期限给予适当补偿，不予安置。",
      sourceLine: 1289,
      amounts: [],
    },
    {
      id: "rush-build",
      section: "八、违法建（构）筑物、临时建（构）筑物处理（三）抢建抢装饰装修和改变用途的建（构）筑物",
      heading: "公告发布后新建、改建、扩建",
      quote: "解危搬迁决定公告发布后，新建、改建、扩建的建（构）筑物及其附属设施，不予补偿和安置。",
      sourceLine: 1293,
      amounts: [],
    },
    {
      id: "change-of-use",
      section: "八、违法建（构）筑物、临时建（构）筑物处理（三）抢建抢装饰装修和改变用途的建（构）筑物",
      heading: "公告发布后擅自改变用途",
      quote: "解危搬迁决定公告发布后，擅自改变用途的建（构）筑物，按原登记用途补偿和安置。",
      sourceLine: 1295,
      amounts: [],
    },
  ],
  notStated: ["各栋住户户数", "各栋及各户建筑面积", "补偿资金总额", "第（一）至（四）步的完成时限", "房源明细表（方案称“详见房源明细表”，公报未附）"],
};
