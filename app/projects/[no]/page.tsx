import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, CardTitle } from "@/components/ui/card";
import { SourceFields } from "@/components/source-fields";
import { VerificationCallout } from "@/components/verification-callout";
import { getProjectByNo, getRelocationPlan, type Project } from "@/db/queries/projects";
import { ProgrammeHistory } from "@/app/_components/programme-history";
import { requirePermission } from "@/app/_lib/current-user";
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
import { currentProgrammeYear, linkYear } from "@/app/_lib/programme-year";
import { SubjectLeaders } from "@/app/_components/subject-leaders";
import { withFormerNames } from "@/db/queries/unit-maintenance";
import { yearHref } from "@/lib/programme-year";
import { listSuggestions } from "@/db/queries/deputies";
import { getProjectUnitIds } from "@/db/queries/reports";
import { can } from "@/lib/permissions";
import { SuggestionForm } from "@/app/deputies/_components/suggestion-form";
import { SuggestionList } from "@/app/deputies/_components/suggestion-list";
import { listDerivedPartValues } from "@/db/queries/register";
import { REGISTER_PARTS } from "@/lib/register";

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
  const user = await requirePermission(["project:read"], { entity: "project" });
  const no = parseNo((await params).no);
  const year = await currentProgrammeYear();
  const project = no === null ? null : getProjectByNo({ yearId: year.id, no });
  if (!project) notFound();
  const keep = await linkYear();
  const [leadUnits, relatedUnits] = withFormerNames([project.leadUnits, project.relatedUnits]);
  const relocation = hasRelocationPart(project) ? getRelocationPlan() : null;
  const progress = listProjectProgress({ yearId: year.id, no: project.no })[0];
  const periods = listPeriods({ yearId: year.id });
  const today = appToday();
  const units = progress ? getProjectUnitIds({ projectId: progress.id }) : { leadUnitIds: [], coopUnitIds: [] };
  const mayReadSuggestions = progress && can(user, "suggestion:read", { leadUnitIds: units.leadUnitIds });
  const mayCompute = relocation && can(user, "compensation:read", { projectUnitIds: [...units.leadUnitIds, ...units.coopUnitIds] });
  const keepsRegister = REGISTER_PARTS.some((p) => p.projectNo === project.no);
  const derived = progress && keepsRegister ? listDerivedPartValues({ yearId: year.id, projectNo: project.no, parts: progress.parts, asOf: today }) : null;

  return (
    <article className="space-y-4">
      <p className="no-print text-sm">
        <Link href={yearHref("/projects", keep)}>← 返回民生实事</Link>
      </p>
      <header>
        <p className="mb-1 text-sm text-gray-700">民生实事 第 {project.no} 项</p>
        <h1 className="text-lg font-semibold sm:text-xl">{project.name}</h1>
      </header>

      {project.needsVerification && <VerificationCallout note={project.note} />}

      <Card aria-labelledby="duty-heading">
        <CardTitle id="duty-heading">责任分工</CardTitle>
        <ProjectDuty
          project={{ ...project, leadUnits: leadUnits!, relatedUnits: relatedUnits! }}
          leaders={<SubjectLeaders leaders={project.leaders} subject={{ kind: "project", no: project.no }} yearId={year.id} />}
          year={keep}
        />
      </Card>

      <Card aria-labelledby="parts-heading">
        <CardTitle id="parts-heading">任务与节点</CardTitle>
        <ProjectParts project={project} headingLevel="h3" />
      </Card>

      {keepsRegister && (
        <Card aria-labelledby="register-heading">
          <CardTitle id="register-heading">明细台账</CardTitle>
          {derived && derived.size > 0 && (
            <ul className="mb-2 text-sm">
              {progress!.parts
                .filter((part) => derived.has(part.id))
                .map((part) => (
                  <li key={part.id}>
                    {part.name}：截至今日完工{" "}
                    {Object.entries(derived.get(part.id)!)
                      .map(([k, n]) => `${k ? `${k} ` : ""}${n} ${part.totalUnit ?? ""}`)
                      .join("、")}
                  </li>
                ))}
            </ul>
          )}
          <p className="text-sm">
            <Link href={`/projects/${project.no}/register`}>查看明细台账（逐座桥梁、逐户登记；季度报告的累计数由此统计）</Link>
          </p>
        </Card>
      )}

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
      {mayCompute && (
        <p className="no-print text-sm">
          <Link href={`/projects/${project.no}/compensation`}>解危搬迁补偿测算 →</Link>
        </p>
      )}

      {mayReadSuggestions && (
        <Card aria-labelledby="suggestions-heading">
          <CardTitle id="suggestions-heading">人大代表建议</CardTitle>
          {can(user, "suggestion:write") && (
            <div className="mb-4">
              <SuggestionForm projectNo={project.no} />
            </div>
          )}
          <SuggestionList items={listSuggestions({ projectId: progress.id })} mayAnswer={can(user, "suggestion:answer", { leadUnitIds: units.leadUnitIds })} />
        </Card>
      )}

      <Card aria-labelledby="source-heading">
        <CardTitle id="source-heading">来源</CardTitle>
        <SourceFields source={project.source} note={project.needsVerification ? null : project.note} />
      </Card>
    </article>
  );
}
