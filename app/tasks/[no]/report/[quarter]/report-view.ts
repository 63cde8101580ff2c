import "server-only";
import type { AttachmentItem } from "@/db/queries/attachments";
import type { ReportRecord, ReportTask } from "@/db/queries/reports";
import { formatNumber } from "@/lib/metric-values";
import { explanationValues } from "@/lib/late-note";
import { reportField } from "@/lib/report-form";
import { SNAPSHOT_FORMAT, type ReportSnapshot } from "@/lib/report-snapshot";
import type { ReportContext } from "./report-context";

/** The current report in the same shape as a submitted version, so one view shows both. */
export function liveSnapshot(ctx: ReportContext, attachments: AttachmentItem[]): ReportSnapshot {
  const r = ctx.report;
  return {
    format: SNAPSHOT_FORMAT,
    periodCode: ctx.period.code,
    progress: r?.progress ?? "",
    problems: r?.problems ?? "",
    nextSteps: r?.nextSteps ?? "",
    selfStatus: r?.selfStatus ?? null,
    metrics: ctx.task.metrics.map((m) => ({
      metricId: m.id,
      label: m.label,
      unit: m.unit,
      kind: m.kind,
      plan: ctx.plans[m.id] ?? null,
      value: r?.metricValues[m.id] ?? null,
    })),
    milestone: ctx.milestoneText ? { text: ctx.milestoneText, done: r?.milestoneDone ?? null, doneOn: r?.milestoneDoneOn ?? null } : null,
    parts: [],
    projectMilestones: [],
    attachments: attachments.map((a) => ({ id: a.id, filename: a.filename, mime: a.mime, size: a.size, sha256: a.sha256 })),
    lateNote: r?.lateNote ?? null,
    confirmations: r?.confirmations ?? [],
  };
}

/**
 * The form's starting values: the saved report, or (prefill) the previous quarter's numbers
 * and text so the unit edits instead of retyping. A milestone's state is never carried over.
 */
export function formValues(source: ReportRecord | null, metrics: ReportTask["metrics"], { prefill }: { prefill: boolean }): Record<string, string> {
  if (!source) return {};
  const values: Record<string, string> = {
    // A confirmation or 逾期说明 belongs to its own quarter's report, never carried over.
    ...(prefill ? {} : explanationValues(source)),
    [reportField.progress]: source.progress,
    [reportField.problems]: source.problems,
    [reportField.nextSteps]: source.nextSteps,
    [reportField.selfStatus]: source.selfStatus ?? "",
  };
  for (const m of metrics) {
    const v = source.metricValues[m.id];
    if (v !== undefined) values[reportField.metric(m.id)] = formatNumber(v);
  }
  if (!prefill) {
    values[reportField.milestoneDone] = source.milestoneDone === null ? "" : source.milestoneDone ? "done" : "notDone";
    values[reportField.milestoneDoneOn] = source.milestoneDoneOn ?? "";
  }
  return values;
}
