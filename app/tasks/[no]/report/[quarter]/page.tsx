import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/app/_lib/current-user";
import { outcomeText, type ReportOutcomeSearch } from "@/app/_lib/report-outcome";
import { appToday } from "@/app/_lib/today";
import { ReportPageHeader } from "@/app/_components/report-page-header";
import { ReportNodes } from "@/app/_components/monthly-nodes/report-nodes";
import { ReportContent } from "@/components/report/report-content";
import { ReviewPanel } from "@/components/report/review-panel";
import { VersionList } from "@/components/report/version-list";
import { Card, CardTitle } from "@/components/ui/card";
import { listReportAttachments } from "@/db/queries/attachments";
import { listCoopNotes } from "@/db/queries/coop-notes";
import { listPeriods } from "@/db/queries/periods";
import { getSubmittedReportRecord, listReportVersions } from "@/db/queries/reports";
import { formatChineseDate } from "@/lib/format-date";
import { formatDateTime } from "@/lib/format-time";
import { formatMetricValue } from "@/lib/metric-text";
import { reportDraftKey } from "@/lib/local-draft";
import { can } from "@/lib/permissions";
import { reportPath } from "@/lib/subject";
import { needsLateNote } from "@/lib/late-note";
import { reportField } from "@/lib/report-form";
import { ForgetLocalDraft } from "@/components/report/forget-local-draft";
import { canDraft, previousPeriod, quarterLabel } from "@/lib/periods";
import { approveReport, returnReport, saveReportPart, submitReportPart } from "./actions";
import { CoLeadParts } from "@/app/_components/co-lead-parts";
import { CoopNoteForm } from "./_components/coop-note-form";
import { ReportForm } from "./_components/report-form";
import { visibleReportContent } from "@/lib/report-visibility";
import { formValues, liveSnapshot } from "./report-view";
import { loadReportContext, parseTaskNo } from "./report-context";

type Props = {
  params: Promise<{ no: string; quarter: string }>;
  searchParams: Promise<ReportOutcomeSearch>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { no, quarter } = await params;
  return { title: `任务 ${no} · ${quarterLabel(quarter)}报告` };
}

export default async function QuarterReportPage({ params, searchParams }: Props) {
  const { no: rawNo, quarter } = await params;
  const no = parseTaskNo(rawNo);
  const ctx = no === null ? null : loadReportContext(no, quarter);
  if (!ctx) notFound();
  const user = await requirePermission(["report:read", { kind: "task", leadUnitIds: ctx.leadUnitIds, coopUnitIds: ctx.coopUnitIds }], {
    entity: "report",
    entityId: `${ctx.task.no}/${quarter}`,
  });

  const { task, period, report } = ctx;
  const today = appToday();
  const periods = listPeriods({ yearId: period.yearId });
  const prev = previousPeriod(periods, period);
  // Only a submitted report is a starting point: the previous quarter's unsubmitted draft is not.
  const prevReport = prev ? getSubmittedReportRecord({ subject: { taskId: task.id }, periodId: prev.id }) : null;
  const attachments = report ? listReportAttachments({ reportId: report.id }) : [];
  const coopNotes = listCoopNotes({ taskId: task.id, periodId: period.id });
  const versions = listReportVersions({ subject: { taskId: task.id } }).filter((v) => v.periodCode === period.code);
  const state = report?.status ?? null;
  const started = canDraft(period, today);
  const mayEdit = can(user, "report:edit", { leadUnitIds: ctx.leadUnitIds });
  const editable = mayEdit && started && (state === null || state === "draft" || state === "returned");
  const draftKey = reportDraftKey(user.id, reportPath({ kind: "task", no: task.no }, period.code));
  const live = liveSnapshot(ctx, attachments);
  const shown = visibleReportContent({ mayEdit, state, live, lastSubmitted: versions[0]?.snapshot ?? null });
  const ownNote = user.unitId !== null && ctx.coopUnitIds.includes(user.unitId) ? coopNotes.find((n) => n.unitId === user.unitId) : undefined;
  const isCoop = user.role === "unit" && user.unitId !== null && ctx.coopUnitIds.includes(user.unitId);
  const outcome = outcomeText(await searchParams, state);

  return (
    <article className="space-y-4">
      <ReportPageHeader
        subject={{ kind: "task", no: task.no }}
        title={task.target}
        leadUnits={task.leadUnits.map((u) => u.name)}
        period={period}
        periods={periods}
        today={today}
        state={state}
        report={report}
        isUnit={user.role === "unit"}
        outcome={outcome}
        extraLinks={
          <Link href={`/tasks/${task.no}/targets`} className="inline-flex min-h-11 items-center">
            季度攻坚目标
          </Link>
        }
      />

      <ReportNodes subject={{ kind: "task", no: task.no }} period={period} user={user} today={today} />

      {coopNotes.length > 0 && (
        <Card aria-labelledby="coop-heading">
          <CardTitle id="coop-heading">配合单位的配合情况</CardTitle>
          <ul className="space-y-2 text-sm">
            {coopNotes.map((n) => (
              <li key={n.unitId}>
                <span className="font-medium">{n.unitName}</span>
                <span className="text-gray-600">（{formatDateTime(n.updatedAt)}）</span>：<span className="whitespace-pre-wrap">{n.text}</span>
              </li>
            ))}
          </ul>
        </Card>
      )}

      <Card aria-labelledby="report-heading">
        <CardTitle id="report-heading">{editable ? "填写报告" : "报告内容"}</CardTitle>
        {mayEdit && !editable && <ForgetLocalDraft draftKey={draftKey} />}
        {editable ? (
          <ReportForm
            taskNo={task.no}
            quarter={period.code}
            version={report?.version ?? 0}
            metrics={task.metrics.map((m) => ({
              id: m.id,
              label: m.label,
              unit: m.unit,
              plan: ctx.plans[m.id]!,
              annual: formatMetricValue(m),
              previous: prevReport?.metricValues[m.id] ?? null,
              check: ctx.checks.find((c) => c.field === reportField.metric(m.id)),
            }))}
            milestoneText={ctx.milestoneText}
            initial={formValues(report ?? prevReport, task.metrics, { prefill: !report })}
            prefilledFrom={!report && prevReport && prev ? quarterLabel(prev.code) : null}
            attachments={attachments.map((a) => ({ id: a.id, filename: a.filename, size: a.size }))}
            latest={report ? live : null}
            today={today}
            draftKey={draftKey}
            lateNote={needsLateNote({ dueOn: period.dueOn, today, firstSubmittedAt: report?.firstSubmittedAt ?? null }) || Boolean(report?.lateNote)}
            previousProgress={prevReport?.progress ?? null}
          />
        ) : !started ? (
          <p className="text-sm text-gray-700">本季度自 {formatChineseDate(period.startsOn)} 起可以填报。</p>
        ) : shown ? (
          <ReportContent report={shown} canDownload />
        ) : (
          <p className="text-sm text-gray-700">{report ? "牵头单位尚未提交本季度报告（未提交的草稿仅本单位可见）。" : "牵头单位尚未填报本季度报告。"}</p>
        )}
      </Card>

      <CoLeadParts
        user={user}
        subject={{ taskId: task.id }}
        ref_={{ kind: "task", no: task.no }}
        period={period}
        leadUnits={task.leadUnits}
        reportState={state}
        started={started}
        save={saveReportPart}
        submit={submitReportPart}
      />

      {report && state === "submitted" && can(user, "report:review") && (
        <Card aria-labelledby="review-heading">
          <CardTitle id="review-heading">审核</CardTitle>
          <ReviewPanel
            reportId={report.id}
            subject={{ name: "taskNo", no: task.no }}
            quarter={period.code}
            version={report.version}
            approve={approveReport}
            reject={returnReport}
          />
        </Card>
      )}

      {isCoop && started && (
        <Card aria-labelledby="coop-form-heading" id="coop">
          <CardTitle id="coop-form-heading">填写配合情况</CardTitle>
          <CoopNoteForm taskNo={task.no} quarter={period.code} version={ownNote?.version ?? 0} text={ownNote?.text ?? ""} />
        </Card>
      )}

      <Card aria-labelledby="versions-heading">
        <CardTitle id="versions-heading">提交记录</CardTitle>
        {versions.length === 0 ? <p className="text-sm text-gray-700">本季度尚未提交。</p> : <VersionList versions={versions} canDownload headingLevel={3} />}
      </Card>
    </article>
  );
}
