import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, CardTitle } from "@/components/ui/card";
import { SourceFields } from "@/components/source-fields";
import { VerificationCallout } from "@/components/verification-callout";
import { getProjectByNo, getRelocationPlan, type Project } from "@/db/queries/projects";
import { ProgrammeHistory } from "@/app/_components/programme-history";
import { requireUser } from "@/app/_lib/current-user";
import { appToday } from "@/app/_lib/today";
import { listPeriods } from "@/db/queries/periods";
import { listProjectProgress } from "@/db/queries/project-progress";
import { formatChineseDate } from "@/lib/format-date";
import { MilestoneProgress } from "./_components/milestone-progress";
import { ProgressCharts } from "./_components/progress-chart";
import { SubjectQuarterStatus } from "@/app/_components/subject-quarter-status";
import { SubjectInstructions } from "@/app/_components/subject-instructions";
import { ProjectDuty } from "../_components/project-duty";
import { ProjectParts } from "../_components/project-parts";
import { RelocationPlan } from "../_components/relocation-plan";
import { currentProgrammeYear } from "@/app/_lib/programme-year";

type Props = { params: Promise<{ no: string }> };

function parseNo(raw: string): number | null {
  return /^\d{1,3}$/.test(raw) ? Number(raw) : null;
}

/** The relocation plan belongs to the part whose milestones are its steps (解危搬迁). */
function hasRelocationPart(project: Project): boolean {
  return project.parts.some((part) => part.milestones.some((m) => m.text.includes("解危搬迁")));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const no = parseNo((await params).no);
  const project = no === null ? null : getProjectByNo({ yearId: (await currentProgrammeYear()).id, no });
  return { title: project ? project.name : "民生实事" };
}

export default async function ProjectPage({ params }: Props) {
  await requireUser();
  const no = parseNo((await params).no);
  const year = (await currentProgrammeYear());
  const project = no === null ? null : getProjectByNo({ yearId: year.id, no });
  if (!project) notFound();
  const relocation = hasRelocationPart(project) ? getRelocationPlan() : null;
  const progress = listProjectProgress({ yearId: year.id, no: project.no })[0];
  const periods = listPeriods({ yearId: year.id });
  const today = appToday();

  return (
    <article className="space-y-4">
      <p className="no-print text-sm">
        <Link href="/projects">← 返回民生实事</Link>
      </p>
      <header>
        <p className="mb-1 text-sm text-gray-700">民生实事 第 {project.no} 项</p>
        <h1 className="text-lg font-semibold sm:text-xl">{project.name}</h1>
      </header>

      {project.needsVerification && <VerificationCallout note={project.note} />}

      <Card aria-labelledby="duty-heading">
        <CardTitle id="duty-heading">责任分工</CardTitle>
        <ProjectDuty project={project} />
      </Card>

      <Card aria-labelledby="parts-heading">
        <CardTitle id="parts-heading">任务与节点</CardTitle>
        <ProjectParts project={project} headingLevel="h3" />
      </Card>

      {progress && (
        <>
          <Card aria-labelledby="progress-heading">
            <CardTitle id="progress-heading">进度：实际与节点目标</CardTitle>
            <ProgressCharts project={progress} />
          </Card>
          <Card aria-labelledby="milestone-progress-heading">
            <CardTitle id="milestone-progress-heading">节点完成情况（截至 {formatChineseDate(today)}）</CardTitle>
            <MilestoneProgress project={progress} periods={periods} today={today} />
          </Card>
          <SubjectQuarterStatus subject={{ kind: "project", no: project.no }} />
          <SubjectInstructions subject={{ kind: "project", no: project.no }} />
          <ProgrammeHistory kind="project" subjectId={progress.id} />
        </>
      )}

      {relocation && <RelocationPlan plan={relocation.plan} source={relocation.source} />}

      <Card aria-labelledby="source-heading">
        <CardTitle id="source-heading">来源</CardTitle>
        <SourceFields source={project.source} note={project.needsVerification ? null : project.note} />
      </Card>
    </article>
  );
}
