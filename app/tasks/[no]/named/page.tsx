import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/app/_lib/current-user";
import { currentProgrammeYear, linkYear } from "@/app/_lib/programme-year";
import { Card, CardTitle } from "@/components/ui/card";
import { getReportTaskByNo } from "@/db/queries/reports";
import { listTaskNamedDescriptors } from "@/db/queries/tasks";
import { yearHref } from "@/lib/programme-year";
import { CollectiveNamesForm } from "../_components/collective-names-form";
import { parseTaskNo } from "../report/[quarter]/report-context";

type Props = { params: Promise<{ no: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `任务 ${(await params).no} · 指定相关单位` };
}

/**
 * Where the lead unit (or the 督查室) ticks the units a "相关…" descriptor reaches. Its own
 * page, so the task page that everyone reads does not carry a checkbox for every unit.
 */
export default async function NamedUnitsPage({ params }: Props) {
  const no = parseTaskNo((await params).no);
  const yearId = (await currentProgrammeYear()).id;
  const task = no === null ? null : getReportTaskByNo({ yearId, no });
  if (!task) notFound();
  await requirePermission(["collective:name", { leadUnitIds: task.leadUnits.map((u) => u.id) }], { entity: "collectiveMembers", entityId: task.no });
  const named = listTaskNamedDescriptors({ yearId, taskId: task.id });
  const taskHref = yearHref(`/tasks/${task.no}`, await linkYear());

  return (
    <article className="space-y-4">
      <p className="no-print text-sm">
        <Link href={taskHref}>← 返回任务 {task.no}</Link>
      </p>
      <header className="space-y-2">
        <h1 className="text-lg font-semibold sm:text-xl">序号 {task.no} · 指定“相关单位”具体名单</h1>
        <p className="text-sm leading-relaxed text-gray-800">{task.target}</p>
        <p className="text-sm text-gray-700">
          公报写的是泛指的“相关”单位；勾选并保存后，这些单位会在“我的待办”和任务总览中看到本任务（配合），并可填写配合情况。取消勾选即不再配合。公报原文不变。
        </p>
      </header>
      {named.length === 0 ? (
        <p className="rounded border bg-white p-4 text-sm text-gray-700">本任务的配合单位中没有需要指定具体名单的“相关”单位。</p>
      ) : (
        named.map((d) => (
          <Card key={d.descriptorUnitId} aria-labelledby={`named-${d.descriptorUnitId}`}>
            <CardTitle id={`named-${d.descriptorUnitId}`}>{d.descriptor}</CardTitle>
            {d.candidates.length === 0 ? <p className="text-sm text-gray-700">单位名册中没有可选的单位。</p> : <CollectiveNamesForm taskNo={task.no} {...d} />}
          </Card>
        ))
      )}
    </article>
  );
}
