import "server-only";
import type { AttachmentItem } from "@/db/queries/attachments";
import { SNAPSHOT_FORMAT, type ReportSnapshot } from "@/lib/report-snapshot";
import type { ItemReportContext } from "./report-context";

/** The current report in the same shape as a submitted version, so one view shows both (with the item's metrics, as a task's). */
export function liveItemSnapshot(ctx: ItemReportContext, attachments: AttachmentItem[]): ReportSnapshot {
  const r = ctx.report;
  return {
    format: SNAPSHOT_FORMAT,
    periodCode: ctx.period.code,
    progress: r?.progress ?? "",
    problems: r?.problems ?? "",
    nextSteps: r?.nextSteps ?? "",
    selfStatus: r?.selfStatus ?? null,
    metrics: ctx.metrics.map((m) => ({
      metricId: m.id,
      label: m.label,
      unit: m.unit,
      kind: m.kind,
      plan: ctx.plans[m.id] ?? null,
      value: r?.metricValues[m.id] ?? null,
    })),
    milestone: null,
    parts: [],
    projectMilestones: [],
    attachments: attachments.map((a) => ({ id: a.id, filename: a.filename, mime: a.mime, size: a.size, sha256: a.sha256 })),
    lateNote: r?.lateNote ?? null,
    confirmations: r?.confirmations ?? [],
  };
}
