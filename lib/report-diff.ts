// Field-by-field difference between two submitted versions of a report, for the
// history view. Text uses a word diff with a Chinese word segmenter (diff's
// intlSegmenter option), which reads better than single characters for 工作进展.
import { diffWords } from "diff";
import { formatWithUnit } from "./metric-values";
import { SELF_STATUS_LABEL } from "./report-labels";
import type { ReportSnapshot, SnapshotMilestone } from "./report-snapshot";

export type TextPart = { text: string; op: "same" | "added" | "removed" };

export type FieldChange =
  | { kind: "text"; key: string; label: string; parts: TextPart[] }
  | { kind: "value"; key: string; label: string; before: string; after: string }
  | { kind: "files"; key: "attachments"; label: string; added: string[]; removed: string[] };

const segmenter = new Intl.Segmenter("zh-CN", { granularity: "word" });

export function diffText(before: string, after: string): TextPart[] {
  return diffWords(before, after, { intlSegmenter: segmenter }).map((c) => ({
    text: c.value,
    op: c.added ? "added" : c.removed ? "removed" : "same",
  }));
}

const TEXT_FIELDS = [
  ["progress", "工作进展"],
  ["problems", "存在问题"],
  ["nextSteps", "下步打算"],
] as const;

const EMPTY = "（未填）";

function milestoneText(m: SnapshotMilestone | null): string {
  if (!m || m.done === null) return EMPTY;
  return m.done ? `已完成${m.doneOn ? `（${m.doneOn}）` : ""}` : "未完成";
}

/** What changed from `before` to `after`; an empty list when nothing did. */
export function diffReportVersions(before: ReportSnapshot, after: ReportSnapshot): FieldChange[] {
  const changes: FieldChange[] = [];
  const value = (key: string, label: string, a: string, b: string) => {
    if (a !== b) changes.push({ kind: "value", key, label, before: a, after: b });
  };

  const metricIds = [...new Set([...before.metrics, ...after.metrics].map((m) => m.metricId))];
  for (const id of metricIds) {
    const a = before.metrics.find((m) => m.metricId === id);
    const b = after.metrics.find((m) => m.metricId === id);
    const show = (m: typeof a) => (m && m.value !== null ? formatWithUnit(m.value, m.unit) : EMPTY);
    const showPlan = (m: typeof a) => (m && m.plan !== null ? formatWithUnit(m.plan, m.unit) : EMPTY);
    const label = (b ?? a)?.label ?? "指标";
    // The plan that applied is frozen in each version: a plan moved between versions is shown too.
    value(`plan.${id}`, `${label} 本季度目标（计划）`, showPlan(a), showPlan(b));
    value(`metric.${id}`, `${label} 累计完成`, show(a), show(b));
  }
  value("milestoneText", "本季度节点目标（计划）", before.milestone?.text ?? EMPTY, after.milestone?.text ?? EMPTY);

  value("milestone", `节点完成情况${after.milestone ? `：${after.milestone.text}` : ""}`, milestoneText(before.milestone), milestoneText(after.milestone));

  const partKey = (p: { partId: number; category: string }) => `${p.partId}:${p.category}`;
  const partKeys = [...new Set([...before.parts, ...after.parts].map(partKey))];
  for (const key of partKeys) {
    const a = before.parts.find((p) => partKey(p) === key);
    const b = after.parts.find((p) => partKey(p) === key);
    const ref = b ?? a;
    const show = (p: typeof a) => (p ? formatWithUnit(p.value, p.unit ?? "") : EMPTY);
    value(`part.${key}`, `${ref?.name ?? ""}${ref?.category ? `（${ref.category}）` : ""} 累计完成`, show(a), show(b));
  }

  const pmIds = [...new Set([...before.projectMilestones, ...after.projectMilestones].map((m) => m.milestoneId))];
  for (const id of pmIds) {
    const a = before.projectMilestones.find((m) => m.milestoneId === id);
    const b = after.projectMilestones.find((m) => m.milestoneId === id);
    value(`projectMilestone.${id}`, `节点：${(b ?? a)?.text ?? ""}`, milestoneText(a ?? null), milestoneText(b ?? null));
  }

  for (const [key, label] of TEXT_FIELDS) {
    if (before[key] !== after[key]) changes.push({ kind: "text", key, label, parts: diffText(before[key], after[key]) });
  }

  const status = (s: ReportSnapshot["selfStatus"]) => (s ? SELF_STATUS_LABEL[s] : EMPTY);
  value("selfStatus", "自评状态", status(before.selfStatus), status(after.selfStatus));

  const beforeFiles = new Set(before.attachments.map((f) => f.id));
  const afterFiles = new Set(after.attachments.map((f) => f.id));
  const added = after.attachments.filter((f) => !beforeFiles.has(f.id)).map((f) => f.filename);
  const removed = before.attachments.filter((f) => !afterFiles.has(f.id)).map((f) => f.filename);
  if (added.length || removed.length) changes.push({ kind: "files", key: "attachments", label: "佐证材料", added, removed });

  return changes;
}
