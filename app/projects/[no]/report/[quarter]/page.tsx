import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/app/_lib/current-user";
import { appToday } from "@/app/_lib/today";
import { ReportContent } from "@/app/tasks/[no]/_components/report-content";
import { VersionList } from "@/app/tasks/[no]/_components/report-history";
import { RagBadge } from "@/components/rag-badge";
import { ReportStateBadge } from "@/components/report-state-badge";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { listReportAttachments } from "@/db/queries/attachments";
import { listPeriods } from "@/db/queries/periods";
import { projectQuarterStatus } from "@/db/queries/project-progress";
import { listProjectReportVersions } from "@/db/queries/project-reports";
import { formatChineseDate } from "@/lib/format-date";
import { formatDateTime } from "@/lib/format-time";
import { can } from "@/lib/permissions";
import { canDraft, daysLeft, quarterLabel, quarterShort } from "@/lib/periods";
import { ProjectReportForm } from "./_components/project-report-form";
import { ProjectReviewPanel } from "./_components/project-review-panel";
import { loadProjectReportContext, parseProjectNo } from "./report-context";
import { liveProjectSnapshot, partFieldSets, projectFormValues, withCoverageUnit } from "./report-view";

type Props = {
  params: Promise<{ no: string; quarter: string }>;
  searchParams: Promise<{ submitted?: string | string[]; reviewed?: string | string[] }>;
};

/** The outcome of the action that brought the user here (submit or review redirect), if it still holds. */
function outcomeText(search: Awaited<Props["searchParams"]>, state: string | null): string | null {
  const submitted = typeof search.submitted === "string" && /^\d{1,4}$/.test(search.submitted) ? search.submitted : null;
  if (submitted && state === "submitted") return `已提交（第 ${submitted} 版），等待督查室审核。`;
  if (search.reviewed === "approved" && state === "approved") return "已通过。";
  if (search.reviewed === "returned" && state === "returned") return "已退回，牵头单位可修改后重新提交。";
  return null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { no, quarter } = await params;
  return { title: `民生实事 ${no} · ${quarterLabel(quarter)}报告` };
}

function DueText({ days, dueOn }: { days: number; dueOn: string }) {
  const when = `截止 ${formatChineseDate(dueOn)}`;
  if (days > 0) return <span>{when}（还剩 {days} 天）</span>;
  if (days === 0) return <span>{when}（今天截止）</span>;
  return <span className="text-red-800">{when}（已过 {-days} 天）</span>;
}

export default async function ProjectReportPage({ params, searchParams }: Props) {
  const { no: rawNo, quarter } = await params;
  const no = parseProjectNo(rawNo);
  const ctx = no === null ? null : loadProjectReportContext(no, quarter);
  if (!ctx) notFound();
  const user = await requirePermission(["report:read", { leadUnitIds: ctx.leadUnitIds, coopUnitIds: ctx.relatedUnitIds }], {
    entity: "report",
    entityId: `project${ctx.project.no}/${quarter}`,
  });

  const { project, period, report, previous } = ctx;
  const today = appToday();
  const periods = listPeriods();
  const attachments = report ? listReportAttachments({ reportId: report.id }) : [];
  const versions = listProjectReportVersions({ projectId: project.id })
    .filter((v) => v.periodCode === period.code)
    .map((v) => ({ ...v, snapshot: withCoverageUnit(project, v.snapshot) }));
  const state = report?.status ?? null;
  const started = canDraft(period, today);
  const mayEdit = can(user, "report:edit", { leadUnitIds: ctx.leadUnitIds });
  const editable = mayEdit && started && (state === null || state === "draft" || state === "returned");
  const status = projectQuarterStatus(project, period, today);
  const outcome = outcomeText(await searchParams, state);

  return (
    <article className="space-y-4">
      <p className="no-print text-sm">
        <Link href={`/projects/${project.no}`}>← 返回民生实事 {project.no}</Link>
        {user.role === "unit" && (
          <>
            <span aria-hidden="true"> · </span>
            <Link href="/my">我的任务</Link>
          </>
        )}
      </p>
      <header className="space-y-2">
        <h1 className="text-lg font-semibold sm:text-xl">
          民生实事 {project.no} · {quarterLabel(period.code)}工作进展报告
        </h1>
        <p className="text-sm leading-relaxed text-gray-800">{project.name}</p>
        <p className="text-sm text-gray-700">牵头单位：{project.leadUnits.map((u) => u.name).join("、") || "—"}</p>
        <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="report-status">
          <ReportStateBadge state={state} />
          {(status.assessed || status.late) && <RagBadge rag={status.rag} />}
          {status.late && <Badge tone="danger">逾期</Badge>}
          {status.behind && <Badge tone="warning">滞后</Badge>}
          <DueText days={daysLeft(period, today)} dueOn={period.dueOn} />
          {report && <span className="text-gray-700">最后保存：{formatDateTime(report.updatedAt)}（{report.updatedByName ?? ""}）</span>}
        </div>
        {status.reasons.length > 0 && <p className="text-sm text-gray-800">{status.reasons.join("；")}</p>}
        <nav aria-label="季度" className="flex flex-wrap gap-3 text-sm">
          {periods.map((p) =>
            p.code === period.code ? (
              <span key={p.code} aria-current="page" className="font-semibold">
                {quarterShort(p.code)}
              </span>
            ) : (
              <Link key={p.code} href={`/projects/${project.no}/report/${p.code}`}>
                {quarterShort(p.code)}
              </Link>
            ),
          )}
        </nav>
      </header>

      {outcome && (
        <p role="status" className="rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
          {outcome}
        </p>
      )}

      {state === "returned" && report?.reviewComment && (
        <section aria-labelledby="returned-heading" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          <h2 id="returned-heading" className="font-semibold">
            督查室已退回，请修改后重新提交
          </h2>
          <p className="mt-1 whitespace-pre-wrap">{report.reviewComment}</p>
        </section>
      )}

      <Card aria-labelledby="report-heading">
        <CardTitle id="report-heading">{editable ? "填写报告" : "报告内容"}</CardTitle>
        {editable ? (
          <ProjectReportForm
            projectNo={project.no}
            quarter={period.code}
            version={report?.version ?? 0}
            parts={partFieldSets(project, period.quarter, previous?.report ?? null)}
            initial={projectFormValues(project, report ?? previous?.report ?? null)}
            prefilledFrom={!report && previous ? quarterLabel(previous.period.code) : null}
            attachments={attachments.map((a) => ({ id: a.id, filename: a.filename, size: a.size }))}
            today={today}
          />
        ) : !started ? (
          <p className="text-sm text-gray-700">本季度自 {formatChineseDate(period.startsOn)} 起可以填报。</p>
        ) : report ? (
          <ReportContent report={liveProjectSnapshot(project, period.code, report, attachments)} canDownload />
        ) : (
          <p className="text-sm text-gray-700">牵头单位尚未填报本季度报告。</p>
        )}
      </Card>

      {report && state === "submitted" && can(user, "report:review") && (
        <Card aria-labelledby="review-heading">
          <CardTitle id="review-heading">审核</CardTitle>
          <ProjectReviewPanel reportId={report.id} projectNo={project.no} quarter={period.code} version={report.version} />
        </Card>
      )}

      <Card aria-labelledby="versions-heading">
        <CardTitle id="versions-heading">提交记录</CardTitle>
        {versions.length === 0 ? <p className="text-sm text-gray-700">本季度尚未提交。</p> : <VersionList versions={versions} canDownload />}
      </Card>
    </article>
  );
}
