import type { ProjectMilestone, ProjectPart } from "@/db/queries/projects";
import { formatChineseDate } from "@/lib/format-date";

/** "累计 17 座（轻微缺损 10 座、中等缺损 6 座、严重缺损 1 座）" and "累计完成 15.7%", from the structured targets. */
function targetLines(part: ProjectPart, milestone: ProjectMilestone): string[] {
  const { total, percent, ...byCategory } = milestone.targets;
  const unit = part.totalUnit ?? "";
  const categoryKeys = [...part.categories.filter((c) => c in byCategory), ...Object.keys(byCategory).filter((c) => !part.categories.includes(c))];
  const lines: string[] = [];
  if (total !== undefined) {
    const breakdown = categoryKeys.map((c) => `${c} ${byCategory[c]} ${unit}`).join("、");
    lines.push(`累计 ${total} ${unit}${breakdown ? `（${breakdown}）` : ""}`);
  }
  if (percent !== undefined) {
    lines.push(`累计完成 ${percent}%`);
  }
  return lines;
}

/** The milestones of one part, as an ordered list drawn as a vertical timeline. */
export function MilestoneTimeline({ part, labelledBy }: { part: ProjectPart; labelledBy: string }) {
  return (
    <ol aria-labelledby={labelledBy} className="ml-2 space-y-4 border-l-2 border-blue-200 py-1">
      {part.milestones.map((milestone) => {
        const lines = targetLines(part, milestone);
        return (
          <li key={milestone.due + milestone.text} className="relative pl-5">
            <span aria-hidden="true" className="absolute top-1.5 -left-[7px] size-3 rounded-full bg-brand-700 ring-2 ring-white" />
            <p className="text-sm font-semibold text-gray-900">
              <time dateTime={milestone.due}>{formatChineseDate(milestone.due)}</time>
            </p>
            <p className="text-sm leading-relaxed text-gray-800">{milestone.text}</p>
            {lines.length > 0 && (
              <ul aria-label="节点目标" className="mt-1 flex flex-wrap gap-1.5">
                {lines.map((line) => (
                  <li key={line} className="rounded bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-800 ring-1 ring-blue-200 ring-inset">
                    {line}
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
