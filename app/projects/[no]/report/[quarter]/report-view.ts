import "server-only";
import type { AttachmentItem } from "@/db/queries/attachments";
import type { ProjectProgressData } from "@/db/queries/project-progress";
import type { ReportRecord } from "@/db/queries/reports";
import { formatChineseDate } from "@/lib/format-date";
import { formatNumber, formatWithUnit } from "@/lib/metric-values";
import { COVERAGE_CATEGORY, milestoneRequirement, partKind, quarterOfDay, TOTAL_KEY, valueKeys } from "@/lib/project-progress";
import { projectField, stageMilestones } from "@/lib/project-report-input";
import { explanationValues } from "@/lib/late-note";
import type { PlausibilityCheck } from "@/lib/plausibility";
import { reportField } from "@/lib/report-form";
import { SNAPSHOT_FORMAT, type ReportSnapshot } from "@/lib/report-snapshot";
import type { PartFieldSet, ValueField } from "./_components/part-fields";

/** The numeric milestone of a part due in `quarter`, if any: its requirement by value key and its percent. */
function quarterTarget(part: ProjectProgressData["parts"][number], quarter: number) {
  const due = part.milestones.filter((m) => quarterOfDay(m.due) === quarter).map((m) => ({ req: milestoneRequirement(part, m), percent: m.targets.percent }));
  return due.findLast((d) => d.req !== null) ?? null;
}

/** The form's fields for each part, with the quarter's target and last quarter's figure as hints. */
export function partFieldSets(
  project: ProjectProgressData,
  quarter: number,
  previous: ReportRecord | null,
  derived: ReadonlyMap<number, Readonly<Record<string, number>>>,
  /** The quarter's last day: what the derived values are counted up to. */
  asOf: string,
  checks: readonly PlausibilityCheck[],
): PartFieldSet[] {
  return project.parts.map((part) => {
    const unit = part.totalUnit ?? "";
    const target = quarterTarget(part, quarter);
    const req = target?.req ?? null;
    const prev = previous?.partValues[part.id] ?? {};
    const hint = (key: string) => {
      const bits: string[] = [];
      const percent = key === TOTAL_KEY && target?.percent !== undefined ? `（${formatNumber(target.percent)}%）` : "";
      if (req?.[key] !== undefined) bits.push(`本季度节点目标累计 ${formatWithUnit(req[key]!, unit)}${percent}`);
      if (key === TOTAL_KEY && part.total) bits.push(`总数 ${formatWithUnit(part.total, unit)}`);
      if (prev[key] !== undefined) bits.push(`上季度 ${formatWithUnit(prev[key]!, unit)}`);
      return bits.join("；") || "填写截至本季度末的累计数";
    };
    const fromRegister = derived.get(part.id);
    const values: ValueField[] = valueKeys(part).map((key, i) => ({
      name: projectField.value(part.id, i),
      label: key === TOTAL_KEY ? `累计完成（${unit}）` : `${key}（${unit}）`,
      hint: hint(key),
      check: checks.find((c) => c.field === projectField.value(part.id, i)),
      derived: fromRegister ? formatNumber(fromRegister[key] ?? 0) : undefined,
    }));
    const coverage = project.coverage?.partId === part.id ? project.coverage : null;
    if (coverage) {
      const plan = coverage.plans[quarter - 1];
      const prevCoverage = prev[COVERAGE_CATEGORY];
      values.push({
        name: projectField.coverage(part.id),
        label: `${COVERAGE_CATEGORY}（${coverage.unit}）`,
        hint: [
          plan !== undefined ? `本季度计划累计 ${formatWithUnit(plan, coverage.unit)}` : null,
          `全年目标 ${formatWithUnit(coverage.target, coverage.unit)}（重点任务第${coverage.taskNo}项）`,
          prevCoverage !== undefined ? `上季度 ${formatWithUnit(prevCoverage, coverage.unit)}` : null,
        ]
          .filter(Boolean)
          .join("；"),
      });
    }
    const registered = fromRegister ? Object.values(fromRegister).reduce((a, b) => a + b, 0) : null;
    const note =
      registered !== null
        ? `按明细台账，截至 ${formatChineseDate(asOf)} 累计完成 ${formatWithUnit(registered, unit)}${part.total ? `（总数 ${formatWithUnit(part.total, unit)}）` : ""}。`
        : partKind(part) === "categorised"
          ? `合计由各类相加${req ? `，本季度节点目标合计 ${formatWithUnit(req[TOTAL_KEY] ?? 0, unit)}` : ""}${part.total ? `，总数 ${formatWithUnit(part.total, unit)}` : ""}。`
          : null;
    return {
      id: part.id,
      name: part.name,
      baseline: part.baseline,
      partErrorName: projectField.part(part.id),
      registerHref: fromRegister ? `/projects/${project.no}/register` : null,
      note,
      values,
      stages: stageMilestones(part).map((m) => ({
        id: m.id,
        dueText: formatChineseDate(m.due),
        text: m.text,
        doneName: projectField.milestoneDone(m.id),
        doneOnName: projectField.milestoneDoneOn(m.id),
      })),
    };
  });
}

/**
 * The form's starting values: the saved report, or (prefill) the previous quarter's. Stage
 * milestones carry over: a stage done last quarter stays done.
 */
export function projectFormValues(project: ProjectProgressData, source: ReportRecord | null, { prefill }: { prefill: boolean }): Record<string, string> {
  if (!source) return {};
  const values: Record<string, string> = {
    // A confirmation or 逾期说明 belongs to its own quarter's report, never carried over.
    ...(prefill ? {} : explanationValues(source)),
    [reportField.progress]: source.progress,
    [reportField.problems]: source.problems,
    [reportField.nextSteps]: source.nextSteps,
    [reportField.selfStatus]: source.selfStatus ?? "",
  };
  for (const part of project.parts) {
    const saved = source.partValues[part.id] ?? {};
    valueKeys(part).forEach((key, i) => {
      if (saved[key] !== undefined) values[projectField.value(part.id, i)] = formatNumber(saved[key]);
    });
    if (saved[COVERAGE_CATEGORY] !== undefined) values[projectField.coverage(part.id)] = formatNumber(saved[COVERAGE_CATEGORY]);
    for (const m of stageMilestones(part)) {
      const state = source.milestones[m.id];
      values[projectField.milestoneDone(m.id)] = state?.done ? "1" : "";
      values[projectField.milestoneDoneOn(m.id)] = state?.doneOn ?? "";
    }
  }
  return values;
}

/** People covered are stored on the water part, whose own unit is empty: show them in 万人. */
export function withCoverageUnit(project: ProjectProgressData, snapshot: ReportSnapshot): ReportSnapshot {
  const c = project.coverage;
  if (!c) return snapshot;
  return { ...snapshot, parts: snapshot.parts.map((p) => (p.partId === c.partId && p.category === COVERAGE_CATEGORY ? { ...p, unit: c.unit } : p)) };
}

/** The current report in the same shape as a submitted version, so one view shows both. */
export function liveProjectSnapshot(project: ProjectProgressData, periodCode: string, report: ReportRecord, attachments: AttachmentItem[]): ReportSnapshot {
  const parts = project.parts.flatMap((part) =>
    Object.entries(report.partValues[part.id] ?? {}).map(([category, value]) => ({ partId: part.id, name: part.name, category, unit: part.totalUnit, value })),
  );
  const milestones = project.parts.flatMap((part) =>
    part.milestones.flatMap((m) => {
      const state = report.milestones[m.id];
      return state ? [{ milestoneId: m.id, text: m.text, due: m.due, done: state.done, doneOn: state.doneOn }] : [];
    }),
  );
  return withCoverageUnit(project, {
    format: SNAPSHOT_FORMAT,
    periodCode,
    progress: report.progress,
    problems: report.problems,
    nextSteps: report.nextSteps,
    selfStatus: report.selfStatus,
    metrics: [],
    milestone: null,
    parts,
    projectMilestones: milestones,
    attachments: attachments.map((a) => ({ id: a.id, filename: a.filename, mime: a.mime, size: a.size, sha256: a.sha256 })),
    lateNote: report.lateNote,
    confirmations: report.confirmations,
  });
}
