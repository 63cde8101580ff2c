// The 统计口径 shown on the dashboard and in exports, written from STATUS_CONFIG so the
// words and the rules in lib/quarter-status.ts cannot drift apart.
import { formatNumber } from "./metric-values";
import { formatPercent } from "./quarter-status";
import { STATUS_CONFIG } from "./status-config";

export function statusDefinitions(): string[] {
  const ratio = formatPercent(STATUS_CONFIG.redShortfallRatio);
  const points = formatNumber(STATUS_CONFIG.rateRedPoints);
  const amberCauses = [
    `累计指标低于季度目标 ${ratio} 以内`,
    `增速类指标低于目标 ${points} 个百分点以内`,
    "本季度节点逾期完成",
    ...(STATUS_CONFIG.selfBehindIsAmber ? ["单位自评“滞后”"] : []),
    ...(STATUS_CONFIG.problemsAreAmber ? ["报告写明存在问题"] : []),
  ];
  return [
    "每项任务、每项民生实事每季度有两盏灯：报送灯只看报送纪律，进度灯只看工作本身，二者互不影响。",
    "报送灯：截止日前尚未提交为“未到期”；截止日（含当日）前首次提交为“已按时报送”；截止日后首次提交为“迟报”，注明迟报天数；过了截止日仍未提交为“逾期未报”；尚无牵头单位的任务为“无需报送”，不计入逾期。被退回后重新提交的，仍按首次提交时间计算。",
    `进度灯只依据已提交的季度报告（以截至所选日期最后一次提交的版本为准，草稿不计）：累计指标低于季度目标超过 ${ratio}、增速类指标低于目标超过 ${points} 个百分点，或本季度节点未完成，为红；${amberCauses.join("、")}，为黄；其余为绿。单位自评“已完成”且经督查室审核通过的为“已完成”。本季度尚未提交报告的为“未评估”（灰）。迟报不影响进度灯。`,
    "季度目标：任务的季度攻坚目标默认按序时进度（累计指标 25%/50%/75%/100%，增速类指标按全年目标）；本季度首次提交报告后或季度结束后锁定，锁定后调整须经督查室批准。民生实事按《2026 年度人大代表票决民生实事任务分解表》本季度的节点目标评估；农村自来水的覆盖人数只作参考，不作为节点目标。",
    `月度推进节点：牵头单位在季度目标下为每月设定推进节点（可交由配合单位负责），节点于当月最后一天（北京时间）到期，到期前标记完成为“已完成”，过期未标记为“逾期未完成”。有 1 个节点逾期未完成，进度灯至少为黄；${STATUS_CONFIG.missedNodesRed} 个及以上${STATUS_CONFIG.missedLastMonthNodeIsRed ? "，或季度最后一个月的节点逾期未完成" : ""}，为红${STATUS_CONFIG.lateNodeIsAmber ? "；节点逾期后才完成的，至少为黄" : ""}。未提交季度报告的季度也按节点评估；已完成并经审核通过的季度仍为“已完成”。`,
    "督查室调整过的进度灯以调整后的颜色为准，并列出调整理由和系统计算的颜色。",
    "按时报送率＝已按时报送 ÷ 已到期应报数；完成率＝进度“已完成”÷ 总数。",
    "一项任务有多位牵头领导或多个牵头单位时，在每位领导、每个单位下各计一次，合计可能多于总数。",
    "转红、转绿：本季度与上季度都已评估，且本季度为红（绿）、上季度为其他颜色。",
  ];
}
