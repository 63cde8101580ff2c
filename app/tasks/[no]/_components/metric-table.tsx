import { COMPARATOR_LABEL, METRIC_KIND_LABEL, formatMetricValue } from "@/lib/metric-text";
import type { TaskDetail } from "@/db/queries/tasks";

export function MetricTable({ metrics }: { metrics: TaskDetail["metrics"] }) {
  return (
    // Focusable so keyboard users can scroll it on a phone (axe: scrollable-region-focusable).
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="量化指标（可横向滚动）">
      <table className="w-full min-w-[32rem] border-collapse text-left text-sm">
        <caption className="sr-only">量化指标</caption>
        <thead className="bg-gray-100 text-gray-700">
          <tr>
            <th scope="col" className="px-3 py-2">
              指标
            </th>
            <th scope="col" className="px-3 py-2">
              目标
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              目标值
            </th>
            <th scope="col" className="px-3 py-2">
              比较方式
            </th>
            <th scope="col" className="px-3 py-2">
              单位
            </th>
            <th scope="col" className="px-3 py-2">
              类型
            </th>
          </tr>
        </thead>
        <tbody>
          {metrics.map((metric) => (
            <tr key={metric.position} className="border-b last:border-b-0">
              <th scope="row" className="px-3 py-2 font-medium">
                {metric.label}
              </th>
              <td className="px-3 py-2 whitespace-nowrap">{formatMetricValue(metric)}</td>
              <td className="px-3 py-2 text-right tabular-nums">
                {metric.comparator === "range" ? `${metric.target}–${metric.targetMax ?? metric.target}` : metric.target}
              </td>
              <td className="px-3 py-2">{COMPARATOR_LABEL[metric.comparator]}</td>
              <td className="px-3 py-2">{metric.unit}</td>
              <td className="px-3 py-2">{METRIC_KIND_LABEL[metric.kind]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
