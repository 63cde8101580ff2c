import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/app/_lib/current-user";
import { outcomeText, type ReportOutcomeSearch } from "@/app/_lib/report-outcome";
import { appToday } from "@/app/_lib/today";
import { ReportPageHeader } from "@/app/_components/report-page-header";
import { ReportNodes } from "@/app/_components/monthly-nodes/report-nodes";
import { ReportContent } from "@/components/report/report-content";
import { visibleReportContent } from "@/lib/report-visibility";
import { ReviewPanel } from "@/components/report/review-panel";
import { VersionList } from "@/components/report/version-list";
import { Card, CardTitle } from "@/components/ui/card";
import { listReportAttachments } from "@/db/queries/attachments";
import { listPeriods } from "@/db/queries/periods";
import { listReportVersions } from "@/db/queries/reports";
import { formatChineseDate } from "@/lib/format-date";
import { reportDraftKey } from "@/lib/local-draft";
import { can } from "@/lib/permissions";
import { reportPath } from "@/lib/subject";
import { needsLateNote } from "@/lib/late-note";
import { ForgetLocalDraft } from "@/components/report/forget-local-draft";
import { canDraft, quarterLabel } from "@/lib/periods";
import { approveProjectReport, returnProjectReport, saveProjectReportPart, submitProjectReportPart } from "./actions";
import { CoLeadParts } from "@/app/_components/co-lead-parts";
import { ProjectReportForm } from "./_components/project-report-form";
import { PublicPhotos } from "./_components/public-photos";
import { loadProjectReportContext, parseProjectNo } from "./report-context";
import { liveProjectSnapshot, partFieldSets, projectFormValues, withCoverageUnit } from "./report-view";
import { currentProgrammeYear } from "@/app/_lib/programme-year";

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
  const user = await requirePermission(["report:read", { kind: "project", leadUnitIds: ctx.leadUnitIds, coopUnitIds: ctx.relatedUnitIds }], {
    entity: "report",
    entityId: `project${ctx.project.no}/${quarter}`,
  });

  const { project, period, report, previous } = ctx;
  const today = appToday();
  const periods = listPeriods({ yearId: (await currentProgrammeYear()).id });
  const attachments = report ? listReportAttachments({ reportId: report.id }) : [];
  const versions = listReportVersions({ subject: { projectId: project.id } })
    .filter((v) => v.periodCode === period.code)
    .map((v) => ({ ...v, snapshot: withCoverageUnit(project, v.snapshot) }));
  const state = report?.status ?? null;
  const started = canDraft(period, today);
  const mayEdit = can(user, "report:edit", { leadUnitIds: ctx.leadUnitIds });
  const editable = mayEdit && started && (state === null || state === "draft" || state === "returned");
  const draftKey = reportDraftKey(user.id, reportPath({ kind: "project", no: project.no }, period.code));
  const shown = report
    ? visibleReportContent({
        mayEdit,
        state,
        live: liveProjectSnapshot(project, period.code, report, attachments),
        lastSubmitted: versions[0]?.snapshot ?? null,
      })
    : null;
  const outcome = outcomeText(await searchParams, state);
  const fieldSets = partFieldSets(project, period.quarter, previous?.report ?? null, ctx.derived, period.endsOn, ctx.checks);

  return (
    <article className="space-y-4">
      <ReportPageHeader
        subject={{ kind: "project", no: project.no }}
        title={project.name}
        leadUnits={project.leadUnits.map((u) => u.name)}
        period={period}
        periods={periods}
        today={today}
        state={state}
        report={report}
        isUnit={user.role === "unit"}
        outcome={outcome}
      />

      <ReportNodes subject={{ kind: "project", no: project.no }} period={period} user={user} today={today} />

      <Card aria-labelledby="report-heading">
        <CardTitle id="report-heading">{editable ? "填写报告" : "报告内容"}</CardTitle>
        {mayEdit && !editable && <ForgetLocalDraft draftKey={draftKey} />}
        {editable ? (
          <ProjectReportForm
            projectNo={project.no}
            quarter={period.code}
            version={report?.version ?? 0}
            parts={fieldSets}
            initial={projectFormValues(project, report ?? previous?.report ?? null, { prefill: !report })}
            prefilledFrom={!report && previous ? quarterLabel(previous.period.code) : null}
            attachments={attachments.map((a) => ({ id: a.id, filename: a.filename, size: a.size }))}
            today={today}
            draftKey={draftKey}
            lateNote={needsLateNote({ dueOn: period.dueOn, today, firstSubmittedAt: report?.firstSubmittedAt ?? null }) || Boolean(report?.lateNote)}
            previousProgress={previous?.report.progress ?? null}
            numberFields={fieldSets.flatMap((p) => p.values.map((v) => ({ name: v.name, label: `${p.name}${v.label}` })))}
          />
        ) : !started ? (
          <p className="text-sm text-gray-700">本季度自 {formatChineseDate(period.startsOn)} 起可以填报。</p>
        ) : shown ? (
          <ReportContent report={shown} canDownload publicIds={new Set(attachments.filter((a) => a.public).map((a) => a.id))} />
        ) : (
          <p className="text-sm text-gray-700">{report ? "牵头单位尚未提交本季度报告（未提交的草稿仅本单位可见）。" : "牵头单位尚未填报本季度报告。"}</p>
        )}
      </Card>

      {editable && attachments.some((a) => a.mime.startsWith("image/")) && (
        <Card aria-labelledby="public-photos-heading">
          <CardTitle id="public-photos-heading">照片公开设置（政务公开）</CardTitle>
          <p className="mb-2 text-sm text-gray-700">设为“可公开”的照片在本季度报告审核通过后显示在政务公开页面；请勿公开含有个人信息的照片。</p>
          <PublicPhotos
            projectNo={project.no}
            quarter={period.code}
            photos={attachments.filter((a) => a.mime.startsWith("image/")).map((a) => ({ id: a.id, filename: a.filename, public: a.public }))}
          />
        </Card>
      )}

      <CoLeadParts
        user={user}
        subject={{ projectId: project.id }}
        ref_={{ kind: "project", no: project.no }}
        period={period}
        leadUnits={project.leadUnits}
        reportState={state}
        started={started}
        save={saveProjectReportPart}
        submit={submitProjectReportPart}
      />

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
