import "server-only";
import type { AttachmentItem } from "@/db/queries/attachments";
import { SNAPSHOT_FORMAT, type ReportSnapshot } from "@/lib/report-snapshot";
import type { ItemReportContext } from "./report-context";

/** The current report in the same shape as a submitted version, so one view shows both (an item's has no numbers). */
export function liveItemSnapshot(ctx: ItemReportContext, attachments: AttachmentItem[]): ReportSnapshot {
  const r = ctx.report;
  return {
    format: SNAPSHOT_FORMAT,
    periodCode: ctx.period.code,
    progress: r?.progress ?? "",
    problems: r?.problems ?? "",
    nextSteps: r?.nextSteps ?? "",
    selfStatus: r?.selfStatus ?? null,
    metrics: [],
    milestone: null,
    parts: [],
    projectMilestones: [],
    attachments: attachments.map((a) => ({ id: a.id, filename: a.filename, mime: a.mime, size: a.size, sha256: a.sha256 })),
    lateNote: r?.lateNote ?? null,
    confirmations: r?.confirmations ?? [],
  };
}
