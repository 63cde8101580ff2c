import type { Project } from "@/db/queries/projects";
import { MilestoneTimeline } from "./milestone-timeline";

/** Each part of a project: its baseline, total and categories, then its milestone timeline. */
export function ProjectParts({ project, headingLevel }: { project: Project; headingLevel: "h2" | "h3" }) {
  const Heading = headingLevel;
  return (
    <div className="space-y-5">
      {project.parts.map((part, index) => {
        const headingId = `project-${project.no}-part-${index}`;
        return (
          // A plain <div>, not a named region: other cards on the page (progress) name regions after parts too.
          <div key={part.name}>
            <Heading id={headingId} className="mb-2 text-base font-semibold text-gray-900">
              {part.name}
              {part.total !== null && (
                <span className="ml-2 text-sm font-normal text-gray-700">
                  总任务 {part.total} {part.totalUnit}
                </span>
              )}
            </Heading>
            {part.baseline && <p className="mb-2 text-sm leading-relaxed text-gray-800">{part.baseline}</p>}
            {part.categories.length > 0 && <p className="mb-3 text-sm text-gray-700">分类：{part.categories.join("、")}</p>}
            <MilestoneTimeline part={part} labelledBy={headingId} />
          </div>
        );
      })}
    </div>
  );
}
