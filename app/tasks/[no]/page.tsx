import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, CardTitle } from "@/components/ui/card";
import { FieldList } from "@/components/ui/field-list";
import { SourceFields } from "@/components/source-fields";
import { UnitLinkList } from "@/components/unit-link-list";
import { VerificationCallout } from "@/components/verification-callout";
import { requirePermission } from "@/app/_lib/current-user";
import { can } from "@/lib/permissions";
import { getTaskByNo, listTaskNamedChoices } from "@/db/queries/tasks";
import { getTaskUnitIds } from "@/db/queries/reports";
import { MetricTable } from "@/components/metric-table";
import { NoticeHistory } from "./_components/notice-history";
import { SubjectQuarterStatus } from "@/app/_components/subject-quarter-status";
import { SubjectInstructions } from "@/app/_components/subject-instructions";
import { ReportHistory } from "./_components/report-history";
import { ProgrammeHistory } from "@/app/_components/programme-history";
import { currentProgrammeYear, linkYear } from "@/app/_lib/programme-year";
import { SubjectLeaders } from "@/app/_components/subject-leaders";
import { withFormerNames } from "@/db/queries/unit-maintenance";
import { yearHref } from "@/lib/programme-year";
import { parseTaskNo } from "./report/[quarter]/report-context";

type Props = { params: Promise<{ no: string }> };

async function loadTask(params: Props["params"]) {
  const no = parseTaskNo((await params).no);
  const task = no === null ? null : getTaskByNo({ yearId: (await currentProgrammeYear()).id, no });
  if (!task) notFound();
  return task;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const no = parseTaskNo((await params).no);
  return { title: no === null ? "任务" : `任务 ${no}` };
}

export default async function TaskPage({ params }: Props) {
  const user = await requirePermission(["task:read"], { entity: "task" });
  const task = await loadTask(params);
  const yearId = (await currentProgrammeYear()).id;
  const named = listTaskNamedChoices({ yearId, taskId: task.id });
  const keep = await linkYear();
  const [leadUnits, coopUnits] = withFormerNames([task.leadUnits, task.coopUnits]);
  const mayName = named.length > 0 && can(user, "collective:name", { leadUnitIds: getTaskUnitIds({ taskId: task.id }).leadUnitIds });

  return (
    <article className="space-y-4">
      <p className="no-print flex flex-wrap gap-x-4 text-sm">
        <Link href={yearHref("/tasks", keep)}>← 返回任务总览</Link>
        {can(user, "programme:edit") && <Link href={`/admin/tasks/${task.no}`}>维护本任务</Link>}
      </p>
      <header>
        <p className="mb-1 flex flex-wrap items-center gap-x-2 text-sm text-gray-700">
          <span className="rounded bg-brand-800 px-2 py-0.5 font-semibold text-white">序号 {task.no}</span>
          <span>
            {task.section}
            {task.subsection && ` / ${task.subsection}`}
          </span>
        </p>
        <h1 className="text-lg font-semibold leading-relaxed sm:text-xl">{task.target}</h1>
      </header>

      {task.needsVerification && <VerificationCallout note={task.note} />}

      <Card aria-labelledby="duty-heading">
        <CardTitle id="duty-heading">责任分工</CardTitle>
        <FieldList
          items={[
            {
              label: "牵头领导",
              value: <SubjectLeaders leaders={task.leaders} subject={{ kind: "task", no: task.no }} yearId={yearId} />,
            },
            { label: "牵头单位", value: <UnitLinkList units={leadUnits!} year={keep} /> },
            { label: "配合单位", value: <UnitLinkList units={coopUnits!} year={keep} empty="（公报未列配合单位）" /> },
          ]}
        />
      </Card>

      {named.length > 0 && (
        <Card aria-labelledby="named-heading">
          <CardTitle id="named-heading">“相关单位”具体名单</CardTitle>
          <p className="mb-2 text-sm text-gray-700">
            公报写的是泛指的“相关”单位；由牵头单位或督查室指定具体单位后，这些单位会在“我的待办”和任务总览中看到本任务（配合）。公报原文不变。
          </p>
          <ul className="space-y-1 text-sm">
            {named.map((d) => (
              <li key={d.descriptorUnitId}>
                {d.descriptor}：{d.chosen.length ? d.chosen.map((c) => c.name).join("、") : "尚未指定"}
              </li>
            ))}
          </ul>
          {mayName && (
            <p className="no-print mt-2 text-sm">
              <Link href={yearHref(`/tasks/${task.no}/named`, keep)}>指定具体单位</Link>
            </p>
          )}
        </Card>
      )}

      <Card aria-labelledby="metric-heading">
        <CardTitle id="metric-heading">量化指标</CardTitle>
        {task.metrics.length > 0 ? <MetricTable metrics={task.metrics} /> : <p className="text-sm text-gray-700">本任务在公报中没有量化指标。</p>}
      </Card>

      <SubjectQuarterStatus subject={{ kind: "task", no: task.no }} targetsLink />
      <ReportHistory taskNo={task.no} />
      <NoticeHistory taskNo={task.no} />
      <SubjectInstructions subject={{ kind: "task", no: task.no }} />
      <ProgrammeHistory kind="task" subjectId={task.id} />

      <Card aria-labelledby="source-heading">
        <CardTitle id="source-heading">来源</CardTitle>
        <SourceFields source={task.source} note={task.needsVerification ? null : task.note} />
      </Card>

      <nav aria-label="相邻任务" className="no-print flex justify-between gap-4 text-sm">
        {task.prevNo !== null ? <Link href={yearHref(`/tasks/${task.prevNo}`, keep)}>← 上一项（序号 {task.prevNo}）</Link> : <span />}
        {task.nextNo !== null ? <Link href={yearHref(`/tasks/${task.nextNo}`, keep)}>下一项（序号 {task.nextNo}）→</Link> : <span />}
      </nav>
    </article>
  );
}
