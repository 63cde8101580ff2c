// Report texts of the length and register units really write: 工作进展 of a few hundred
// characters, shorter 存在问题 and 下步打算. Deterministic (seeded), so two generated
// databases of the same scale hold the same data.

/** mulberry32: a small, fast, seeded PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;

export const pick = <T>(r: Random, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
export const between = (r: Random, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

const PROGRESS = [
  "成立了由分管领导任组长的工作专班，制定了任务分解表和时间节点，明确了责任股室和责任人",
  "召开专题调度会议{n}次，逐项梳理项目推进中的堵点难点，形成问题清单并限时销号",
  "完成项目可行性研究报告编制并通过专家评审，用地预审和规划选址同步推进",
  "累计完成投资{n}万元，占年度计划的{p}%，序时进度总体符合预期",
  "深入镇（街道）和企业开展实地走访{n}次，收集企业诉求{m}条，已协调解决{k}条",
  "组织开展业务培训{n}场，培训基层工作人员{m}人次，进一步提升了工作规范化水平",
  "与省、岳阳市对口部门加强汇报衔接，争取上级专项资金{n}万元，已下达到位",
  "完成招投标程序，施工单位已进场，主体工程完成{p}%，现场安全文明施工检查无问题",
  "建立周调度、月通报机制，对进度滞后的子项目实行挂图作战，按周更新进度台账",
  "完成数据统计口径核对，与统计部门逐月比对，确保指标数据真实、准确、可追溯",
  "将任务纳入年度绩效考核内容，对照目标责任书逐项落实，压实了各方责任",
  "联合相关部门开展专项督查{n}次，发现问题{m}个，已整改到位{k}个",
  "推动项目纳入省重点项目库，完成环评、能评等前置审批手续",
  "利用政务公开栏、微信公众号等渠道发布政策解读{n}篇，群众知晓率明显提高",
];

const PROBLEMS = [
  "部分项目前期手续办理周期较长，用地指标紧张，影响开工进度",
  "资金筹措压力较大，上级补助资金尚未全部到位，地方配套资金存在缺口",
  "个别镇（街道）对任务重视程度不够，基础数据报送不及时、不准确",
  "受雨季天气影响，室外施工有效工期减少，部分节点存在滞后风险",
  "专业技术人员不足，项目谋划和储备质量有待提升",
  "群众诉求多样，征地拆迁协调难度大，个别户仍未签订协议",
  "跨部门数据共享机制尚不健全，信息重复填报问题仍然存在",
];

const NEXT_STEPS = [
  "加大调度频次，实行一周一调度、一月一通报，确保按期完成季度攻坚目标",
  "主动对接上级部门，积极争取政策和资金支持，缓解资金压力",
  "加强与自然资源、住建等部门的协调联动，加快办理前置审批手续",
  "强化督查问效，对工作推进不力的单位和个人按规定约谈问责",
  "优化施工组织，倒排工期、挂图作战，在确保安全质量的前提下加快进度",
  "做好群众思想工作，依法依规推进征拆，及时化解矛盾纠纷",
  "完善工作台账，做到底数清、情况明，按时报送进展和佐证材料",
];

function fill(r: Random, sentence: string): string {
  return sentence
    .replace("{n}", String(between(r, 2, 60)))
    .replace("{m}", String(between(r, 20, 900)))
    .replace("{k}", String(between(r, 5, 18)))
    .replace("{p}", String(between(r, 20, 98)));
}

/** Sentences joined until at least `minChars`, numbered as offices write them. */
function paragraph(r: Random, pool: readonly string[], minChars: number): string {
  const parts: string[] = [];
  let length = 0;
  const order = [...pool].sort(() => r() - 0.5);
  for (let i = 0; length < minChars; i++) {
    const s = `${i + 1}. ${fill(r, order[i % order.length]!)}。`;
    parts.push(s);
    length += s.length;
  }
  return parts.join("\n");
}

export function reportTexts(r: Random): { progress: string; problems: string; nextSteps: string } {
  return {
    progress: paragraph(r, PROGRESS, between(r, 180, 600)),
    problems: paragraph(r, PROBLEMS, between(r, 40, 180)),
    nextSteps: paragraph(r, NEXT_STEPS, between(r, 60, 220)),
  };
}

const MILESTONES = [
  "完成项目立项和前期手续",
  "完成招投标并开工建设",
  "主体工程完成过半",
  "完成主体工程并组织验收",
  "完成年度任务并形成总结报告",
  "出台实施方案并召开部署会",
  "完成中期评估并整改问题",
];

export const milestoneText = (r: Random, quarter: number) => `${pick(r, MILESTONES)}（第${quarter}季度）`;

const RETURN_COMMENTS = [
  "工作进展表述笼统，请补充具体数据和佐证材料。",
  "指标完成值与统计部门数据不一致，请核实后重新提交。",
  "未上传佐证材料，请补充后重新提交。",
];

export const returnComment = (r: Random) => pick(r, RETURN_COMMENTS);
