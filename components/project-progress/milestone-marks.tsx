import { Badge, type BadgeTone } from "@/components/ui/badge";
import { formatChineseDate } from "@/lib/format-date";
import { MILESTONE_STATE_LABEL, type MilestoneMark, type MilestoneState } from "@/lib/project-progress";

const TONE: Record<MilestoneState, BadgeTone> = {
  done: "success",
  doneLate: "warning",
  overdue: "danger",
  awaiting: "info",
  pending: "neutral",
};

function stateText(mark: MilestoneMark): string {
  const label = MILESTONE_STATE_LABEL[mark.state];
  if (mark.doneOn) return `${label}（${formatChineseDate(mark.doneOn)}）`;
  if (mark.doneQuarter) return `${label}（第${mark.doneQuarter}季度报告）`;
  return label;
}

/** The official milestones of a part in date order, each marked done / late / overdue as of the day. */
export function MilestoneMarks({ marks, compact = false }: { marks: readonly MilestoneMark[]; compact?: boolean }) {
  return (
    <ol className={`ml-1 border-l-2 border-blue-200 ${compact ? "space-y-1.5" : "space-y-3"}`}>
      {marks.map((mark) => (
        <li key={mark.id} className="relative pl-4">
          <span aria-hidden="true" className="absolute top-1.5 -left-[6px] size-2.5 rounded-full bg-brand-700 ring-2 ring-white" />
          <p className="text-sm">
            <time dateTime={mark.due} className="font-semibold text-gray-900">
              {formatChineseDate(mark.due)}
            </time>{" "}
            <Badge tone={TONE[mark.state]}>{stateText(mark)}</Badge>
          </p>
          <p className={`text-gray-800 ${compact ? "text-xs" : "text-sm"}`}>{mark.text}</p>
        </li>
      ))}
    </ol>
  );
}
