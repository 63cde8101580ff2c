import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { requirePermission } from "@/app/_lib/current-user";
import { listProjects } from "@/db/queries/projects";
import { ProjectDuty } from "./_components/project-duty";
import { ProjectParts } from "./_components/project-parts";
import { currentProgrammeYear, linkYear } from "@/app/_lib/programme-year";
import { yearHref } from "@/lib/programme-year";

export const metadata: Metadata = { title: "民生实事" };

export default async function ProjectsPage() {
  await requirePermission(["project:read"], { entity: "page", entityId: "/projects" });
  const { id: yearId, year } = await currentProgrammeYear();
  const projects = listProjects({ yearId });
  const keep = await linkYear();

  return (
    <>
      <h1 className="mb-1 text-xl font-semibold sm:text-2xl">{year} 年度人大代表票决民生实事</h1>
      <p className="mb-4 text-sm text-gray-700">共 {projects.length} 项，节点目标照录任务分解表原文。</p>
      <div className="space-y-4">
        {projects.map((project) => (
          <Card key={project.no} aria-labelledby={`project-${project.no}`}>
            <h2 id={`project-${project.no}`} className="mb-3 text-base font-semibold sm:text-lg">
              <span className="mr-2 text-gray-600">{project.no}.</span>
              <Link href={yearHref(`/projects/${project.no}`, keep)}>{project.name}</Link>
              {project.needsVerification && (
                <Badge tone="warning" className="ml-2 align-middle">
                  待核实
                </Badge>
              )}
            </h2>
            <div className="mb-4">
              <ProjectDuty project={project} year={keep} />
            </div>
            <ProjectParts project={project} headingLevel="h3" />
          </Card>
        ))}
      </div>
    </>
  );
}
