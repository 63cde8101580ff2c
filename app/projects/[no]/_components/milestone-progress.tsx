import { MilestoneMarks } from "@/components/project-progress/milestone-marks";
import type { ProjectProgressData } from "@/db/queries/project-progress";
import { formatNumber } from "@/lib/metric-values";
import type { PeriodLike } from "@/lib/periods";
import { formatShare, milestoneMarks, reportedTotal, shareOfTotal } from "@/lib/project-progress";

/** Each part's official milestones with done / late marks as of today, and the share of the total reached. */
export function MilestoneProgress({ project, periods, today }: { project: ProjectProgressData; periods: readonly PeriodLike[]; today: string }) {
  return (
    <div className="grid gap-6 md:grid-cols-2">
      {project.parts.map((part) => {
        const reports = project.partReports.get(part.id) ?? [];
        const latest = [...reports].sort((a, b) => b.quarter - a.quarter)[0];
        const done = latest ? reportedTotal(part, latest.values) : null;
        return (
          <section key={part.id} aria-labelledby={`progress-part-${part.id}`}>
            <h3 id={`progress-part-${part.id}`} className="mb-2 text-sm font-semibold">
              {part.name}
            </h3>
            {part.total !== null && (
              <p className="mb-2 text-sm text-gray-800">
                最新累计完成 {done === null ? "—" : `${formatNumber(done)} ${part.totalUnit ?? ""}`}
                {latest ? `（第${latest.quarter}季度报告）` : ""}，占总数 {formatNumber(part.total)} {part.totalUnit ?? ""} 的{" "}
                {formatShare(shareOfTotal(part, done))}
              </p>
            )}
            <MilestoneMarks marks={milestoneMarks(part, reports, { asOf: today, periods })} />
          </section>
        );
      })}
    </div>
  );
}
