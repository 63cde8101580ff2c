import { formatPercent } from "@/lib/rag";
import { STATUS_CONFIG } from "@/lib/status-config";

/** How every figure on the page is counted, so a number can be checked by hand. */
export function Definitions() {
  const threshold = formatPercent(STATUS_CONFIG.redShortfallRatio);
  return (
    <details className="rounded-lg border bg-white p-4 text-sm">
      <summary className="cursor-pointer font-semibold">统计口径</summary>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-gray-800">
        <li>红黄绿按《状态规则》计算：逾期未报、指标低于序时进度超过 {threshold} 或本季度节点未完成为红；低于序时进度 {threshold} 以内、自评滞后或存在问题为黄；其余为绿。督查室调整过的以调整后的颜色为准，原因列出。</li>
        <li>所有数字只依据截至所选日期已提交的季度报告（以最后一次提交的版本为准），草稿不计。</li>
        <li>按时报送：本季度报告首次提交不晚于截止日；被退回后重新提交的，仍按首次提交时间计算。</li>
        <li>完成率＝已完成任务 ÷ 任务数；已完成指已提交的季度报告自评为“已完成”。</li>
        <li>一项任务有多位牵头领导或多个牵头单位时，在每位领导、每个单位下各计一次，合计可能多于任务总数。</li>
        <li>转红、转绿：本季度为红（绿）而上季度为其他颜色的任务。</li>
        <li>民生实事按《2026 年度人大代表票决民生实事任务分解表》的节点目标统计：桥梁按轻微、中等、严重缺损分类累计数，农村危房按完成户数占 165 户的比例，其余按节点完成情况；农村自来水覆盖人数对照重点任务第 19 项的 1.5 万人。</li>
      </ul>
    </details>
  );
}
