import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProgrammeHistory } from "@/app/_components/programme-history";
import { requirePermission } from "@/app/_lib/current-user";
import { currentProgrammeYear } from "@/app/_lib/programme-year";
import { Card, CardTitle } from "@/components/ui/card";
import { getTaskForEdit, listNameOptions, listSectionOptions } from "@/db/queries/programme-maintenance";
import { formatMetricLine, joinNames, nameLines } from "@/lib/programme-fields";
import { TaskEditForm } from "./_components/task-edit-form";

type Props = { params: Promise<{ no: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { no } = await params;
  return { title: /^\d{1,4}$/.test(no) ? `维护任务 ${no}` : "维护任务" };
}

export default async function MaintainTaskPage({ params }: Props) {
  const { no: raw } = await params;
  await requirePermission(["programme:edit"], { entity: "page", entityId: `/admin/tasks/${raw}` });
  const yearId = (await currentProgrammeYear()).id;
  const task = /^\d{1,4}$/.test(raw) ? getTaskForEdit({ yearId, no: Number(raw) }) : null;
  if (!task) notFound();
  const names = listNameOptions();
  return (
    <article className="space-y-4">
      <p className="no-print flex flex-wrap gap-x-4 text-sm">
        <Link href="/admin/tasks">← 返回基础数据维护</Link>
        <Link href={`/tasks/${task.no}`}>查看任务页</Link>
      </p>
      <h1 className="text-lg font-semibold sm:text-xl">维护任务：第{task.no}项</h1>
      <p className="text-sm text-gray-700">每项修改须写明原因和依据，逐项记入变更记录和审计日志；已填报的报告及其季度目标保持原样。</p>
      <Card aria-labelledby="edit-heading">
        <CardTitle id="edit-heading">任务信息</CardTitle>
        <TaskEditForm
          sections={listSectionOptions({ yearId })}
          task={{
            no: task.no,
            version: task.version,
            target: task.target,
            sectionId: task.sectionId,
            leaders: nameLines(task.leaders),
            leadUnits: nameLines(task.leadUnits),
            coopUnits: nameLines(task.coopUnits),
            metrics: task.metrics.map(formatMetricLine).join("\n"),
            needsVerification: task.needsVerification,
            note: task.note ?? "",
          }}
        />
      </Card>
      <details className="rounded border bg-white p-3 text-sm">
        <summary className="cursor-pointer font-medium">可填写的领导和单位名称</summary>
        <p className="mt-2">
          <span className="font-medium">领导：</span>
          {joinNames(names.leaders)}
        </p>
        <p className="mt-2">
          <span className="font-medium">单位：</span>
          {joinNames(names.units)}
        </p>
      </details>
      <ProgrammeHistory kind="task" subjectId={task.id} />
    </article>
  );
}
