import type { Project } from "@/db/queries/projects";
import { FieldList } from "@/components/ui/field-list";
import { UnitLinkList } from "@/components/unit-link-list";

export function ProjectDuty({ project }: { project: Project }) {
  return (
    <FieldList
      items={[
        {
          label: "牵头领导",
          value: project.leaders.map((l) => (l.title ? `${l.name}（${l.title}）` : l.name)).join("、") || "—",
        },
        { label: "牵头单位", value: <UnitLinkList units={project.leadUnits} /> },
        { label: "相关责任单位", value: <UnitLinkList units={project.relatedUnits} /> },
      ]}
    />
  );
}
