import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ReportState } from "@/lib/vocabulary";
import { REPORT_STATE_LABEL } from "@/lib/report-labels";

const TONE: Record<ReportState | "none", BadgeTone> = {
  none: "neutral",
  draft: "info",
  submitted: "info",
  returned: "danger",
  approved: "success",
};

/** 未填报 / 草稿 / 已提交 / 已退回 / 已通过. */
export function ReportStateBadge({ state, className = "" }: { state: ReportState | null; className?: string }) {
  const key = state ?? "none";
  return (
    <Badge tone={TONE[key]} className={className}>
      {REPORT_STATE_LABEL[key]}
    </Badge>
  );
}
