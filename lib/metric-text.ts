// How a task's metric reads in the UI, using the gazette's own wording:
// 以上 (atLeast), 左右 (about), a plain number (exact) or a span "1-2" (range).
import type { Comparator, MetricKind } from "./vocabulary";

export interface MetricLike {
  label: string;
  target: number;
  targetMax: number | null;
  unit: string;
  comparator: Comparator;
}

export const COMPARATOR_LABEL: Record<Comparator, string> = {
  atLeast: "以上（不低于）",
  about: "左右（约数）",
  exact: "确数",
  range: "区间",
};

export const METRIC_KIND_LABEL: Record<MetricKind, string> = {
  cumulative: "累计",
  rate: "比率",
};

/** Units written straight after the number in the gazette ("5.5%"); others get a space ("168 个"). */
function withUnit(amount: string, unit: string): string {
  return unit === "%" ? `${amount}%` : `${amount} ${unit}`;
}

/** "168 个", "5.5%左右", "5000 家以上", "1-2 家". */
export function formatMetricValue(metric: MetricLike): string {
  const amount = String(metric.target);
  switch (metric.comparator) {
    case "atLeast":
      return `${withUnit(amount, metric.unit)}以上`;
    case "about":
      return `${withUnit(amount, metric.unit)}左右`;
    case "exact":
      return withUnit(amount, metric.unit);
    case "range":
      return withUnit(`${amount}-${String(metric.targetMax ?? metric.target)}`, metric.unit);
  }
}

/** "充电桩 168 个". */
export function formatMetric(metric: MetricLike): string {
  return `${metric.label} ${formatMetricValue(metric)}`;
}

/**
 * A 督办事项 that repeats a key task is reported through that task: each of its metrics beside
 * the task's metric of the same label (spaces aside), and whether the figures differ, so a
 * conflict between the plan and the task table stays in view. null: the task has no such metric.
 */
export function compareWithTask<M extends MetricLike>(
  itemMetrics: readonly M[],
  taskMetrics: readonly MetricLike[],
): { metric: M; task: MetricLike | null; differs: boolean }[] {
  const key = (label: string) => label.replace(/\s+/g, "");
  return itemMetrics.map((metric) => {
    const task = taskMetrics.find((t) => key(t.label) === key(metric.label)) ?? null;
    return { metric, task, differs: task === null || formatMetricValue(task) !== formatMetricValue(metric) };
  });
}
