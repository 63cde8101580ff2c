import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/app/_lib/current-user";
import { outcomeText, type ReportOutcomeSearch } from "@/app/_lib/report-outcome";
import { appToday } from "@/app/_lib/today";
import { RagBadge } from "@/components/rag-badge";
import { DueText } from "@/components/report/due-text";
import { ReportContent } from "@/components/report/report-content";
import { visibleReportContent } from "@/lib/report-visibility";
import { ReviewPanel } from "@/components/report/review-panel";
import { VersionList } from "@/components/report/version-list";
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
import { approveProjectReport, returnProjectReport } from "./actions";
import { ProjectReportForm } from "./_components/project-report-form";
import { loadProjectReportContext, parseProjectNo } from "./report-context";
import { liveProjectSnapshot, partFieldSets, projectFormValues, withCoverageUnit } from "./report-view";

type Props = {
  params: Promise<{ no: string; quarter: string }>;
  searchParams: Promise<ReportOutcomeSearch>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { no, quarter } = await params;
  return { title: `民生实事 ${no} · ${quarterLabel(quarter)}报告` };
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
  const shown = report
    ? visibleReportContent({ mayEdit, state, live: liveProjectSnapshot(project, period.code, report, attachments), lastSubmitted: versions[0]?.snapshot ?? null })
    : null;
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
        ) : shown ? (
          <ReportContent report={shown} canDownload />
        ) : (
          <p className="text-sm text-gray-700">{report ? "牵头单位尚未提交本季度报告（未提交的草稿仅本单位可见）。" : "牵头单位尚未填报本季度报告。"}</p>
        )}
      </Card>

      {report && state === "submitted" && can(user, "report:review") && (
        <Card aria-labelledby="review-heading">
          <CardTitle id="review-heading">审核</CardTitle>
          <ReviewPanel
            reportId={report.id}
            subject={{ name: "projectNo", no: project.no }}
            quarter={period.code}
            version={report.version}
            approve={approveProjectReport}
            reject={returnProjectReport}
          />
        </Card>
      )}

      <Card aria-labelledby="versions-heading">
        <CardTitle id="versions-heading">提交记录</CardTitle>
        {versions.length === 0 ? <p className="text-sm text-gray-700">本季度尚未提交。</p> : <VersionList versions={versions} canDownload />}
      </Card>
    </article>
  );
}
