import { COMPARATOR_LABEL, METRIC_KIND_LABEL, compareWithTask, formatMetricValue, type MetricLike } from "@/lib/metric-text";
import type { MetricKind } from "@/lib/vocabulary";

type SameAs = { taskNo: number; metric: MetricLike };
type Metric = MetricLike & { position: number; kind: MetricKind; sameAs?: SameAs | null };

/**
 * A task's or a 督办事项's metrics. A 督办事项's metric that repeats a key task's (`sameAs`), or
 * every metric of an item repeating a whole task (`linkedTask`), shows the task's figure beside
 * it, marked where it differs: the task is what reports it.
 */
export function MetricTable({ metrics, linkedTask }: { metrics: readonly Metric[]; linkedTask?: { no: number; metrics: readonly MetricLike[] } }) {
  const byTask = linkedTask ? compareWithTask(metrics, linkedTask.metrics) : null;
  const links = metrics.map((m, i) => {
    if (m.sameAs) return { taskNo: m.sameAs.taskNo, ...compareWithTask([m], [m.sameAs.metric])[0]! };
    return byTask && linkedTask ? { taskNo: linkedTask.no, ...byTask[i]! } : null;
  });
  const linked = links.some((l) => l !== null);
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
            {linked && (
              <th scope="col" className="px-3 py-2">
                重点工作任务（由该项报送）
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {metrics.map((metric, i) => (
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
              {linked && <LinkedFigure link={links[i]!} />}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function LinkedFigure({ link }: { link: { taskNo: number; task: MetricLike | null; differs: boolean } | null }) {
  if (!link) return <td className="px-3 py-2 text-gray-700">—（本事项报送）</td>;
  if (!link.task) return <td className="px-3 py-2 text-gray-700">第{link.taskNo}项无此指标</td>;
  return (
    <td className={`px-3 py-2 whitespace-nowrap ${link.differs ? "font-semibold text-amber-900" : ""}`}>
      第{link.taskNo}项：{formatMetricValue(link.task)}
      {link.differs ? "（与本事项不一致）" : "（相同）"}
    </td>
  );
}
