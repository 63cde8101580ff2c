import { Badge, type BadgeTone } from "@/components/ui/badge";
import { PROGRESS_LABEL, REPORTING_LABEL, type ProgressLamp, type ReportingLamp } from "@/lib/vocabulary";

// The two lamps of a subject's quarter (lib/quarter-status.ts) as badges. The colour is
// never the only cue: each says which lamp it is and its state in words.

const REPORTING_TONE: Record<ReportingLamp, BadgeTone> = {
  not_due: "neutral",
  on_time: "success",
  late: "warning",
  missing: "danger",
  not_required: "neutral",
};

const PROGRESS_TONE: Record<ProgressLamp, BadgeTone> = {
  green: "success",
  amber: "warning",
  red: "danger",
  done: "info",
  none: "neutral",
};

/** 报送：迟报 3 天. */
export function ReportingBadge({ lamp, daysLate = 0, className = "" }: { lamp: ReportingLamp; daysLate?: number; className?: string }) {
  const days = (lamp === "late" || lamp === "missing") && daysLate > 0 ? ` ${daysLate} 天` : "";
  return (
    <Badge tone={REPORTING_TONE[lamp]} className={className} data-lamp="reporting" data-value={lamp}>
      报送：{REPORTING_LABEL[lamp]}
      {days}
    </Badge>
  );
}

/** 进度：红 (and 督查室认定 when the 督查室 set it by hand). */
export function ProgressBadge({ lamp, overridden = false, className = "" }: { lamp: ProgressLamp; overridden?: boolean; className?: string }) {
  return (
    <Badge tone={PROGRESS_TONE[lamp]} className={className} data-lamp="progress" data-value={lamp}>
      进度：{PROGRESS_LABEL[lamp]}
      {overridden ? "（督查室认定）" : ""}
    </Badge>
  );
}

/** Both lamps of one quarter side by side. */
export function QuarterLamps({ status }: { status: { reporting: ReportingLamp; daysLate: number; progress: ProgressLamp; overridden: boolean } }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      <ReportingBadge lamp={status.reporting} daysLate={status.daysLate} />
      <ProgressBadge lamp={status.progress} overridden={status.overridden} />
    </span>
  );
}
