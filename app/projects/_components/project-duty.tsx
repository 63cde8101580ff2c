import type { ReactNode } from "react";
import type { Project } from "@/db/queries/projects";
import { FieldList } from "@/components/ui/field-list";
import { UnitLinkList, type UnitLinkItem } from "@/components/unit-link-list";

/** leaders: the 牵头领导 as rendered by the caller (with handover history on the project page). */
export function ProjectDuty({
  project,
  leaders,
  year = null,
}: {
  project: Omit<Project, "leadUnits" | "relatedUnits"> & { leadUnits: UnitLinkItem[]; relatedUnits: UnitLinkItem[] };
  leaders?: ReactNode;
  year?: number | null;
}) {
  return (
    <FieldList
      items={[
        {
          label: "牵头领导",
          value: leaders ?? (project.leaders.map((l) => (l.title ? `${l.name}（${l.title}）` : l.name)).join("、") || "—"),
        },
        { label: "牵头单位", value: <UnitLinkList units={project.leadUnits} year={year} /> },
        { label: "相关责任单位", value: <UnitLinkList units={project.relatedUnits} year={year} /> },
      ]}
    />
  );
}
