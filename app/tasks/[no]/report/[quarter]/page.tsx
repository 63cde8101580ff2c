import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/app/_lib/current-user";
import { outcomeText, type ReportOutcomeSearch } from "@/app/_lib/report-outcome";
import { appToday } from "@/app/_lib/today";
import { RagBadge } from "@/components/rag-badge";
import { DueText } from "@/components/report/due-text";
import { ReportContent } from "@/components/report/report-content";
import { ReviewPanel } from "@/components/report/review-panel";
import { VersionList } from "@/components/report/version-list";
import { ReportStateBadge } from "@/components/report-state-badge";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { listReportAttachments } from "@/db/queries/attachments";
import { listCoopNotes } from "@/db/queries/coop-notes";
import { listPeriods } from "@/db/queries/periods";
import { getTaskReport, listTaskReportVersions } from "@/db/queries/reports";
import { formatChineseDate } from "@/lib/format-date";
import { formatDateTime } from "@/lib/format-time";
import { formatMetricValue } from "@/lib/metric-text";
import { can } from "@/lib/permissions";
import { canDraft, daysLeft, previousPeriod, quarterLabel, quarterShort } from "@/lib/periods";
import { evaluateQuarter } from "@/lib/rag";
import { approveReport, returnReport } from "./actions";
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
  const user = await requirePermission(["report:read", { leadUnitIds: ctx.leadUnitIds, coopUnitIds: ctx.coopUnitIds }], {
    entity: "report",
    entityId: `${ctx.task.no}/${quarter}`,
  });

  const { task, period, report } = ctx;
  const today = appToday();
  const periods = listPeriods({ year: period.year });
  const prev = previousPeriod(periods, period);
  const prevReport = prev ? getTaskReport({ taskId: task.id, periodId: prev.id }) : null;
  const attachments = report ? listReportAttachments({ reportId: report.id }) : [];
  const coopNotes = listCoopNotes({ taskId: task.id, periodId: period.id });
  const versions = listTaskReportVersions({ taskId: task.id }).filter((v) => v.periodCode === period.code);
  const state = report?.status ?? null;
  const started = canDraft(period, today);
  const mayEdit = can(user, "report:edit", { leadUnitIds: ctx.leadUnitIds });
  const editable = mayEdit && started && (state === null || state === "draft" || state === "returned");
  const live = liveSnapshot(ctx, attachments);
  const shown = visibleReportContent({ mayEdit, state, live, lastSubmitted: versions[0]?.snapshot ?? null });
  const status = evaluateQuarter({
    period,
    reportStatus: state,
    firstSubmittedAt: report?.firstSubmittedAt ?? null,
    metrics: live.metrics.map((m) => ({ label: m.label, unit: m.unit, kind: m.kind, plan: m.plan ?? 0, actual: m.value })),
    milestones: live.milestone ? [{ text: live.milestone.text, done: live.milestone.done }] : [],
    selfStatus: live.selfStatus,
    problems: live.problems,
    today,
  });
  const ownNote = user.unitId !== null && ctx.coopUnitIds.includes(user.unitId) ? coopNotes.find((n) => n.unitId === user.unitId) : undefined;
  const isCoop = user.role === "unit" && user.unitId !== null && ctx.coopUnitIds.includes(user.unitId);
  const outcome = outcomeText(await searchParams, state);

  return (
    <article className="space-y-4">
      <p className="no-print text-sm">
        <Link href={`/tasks/${task.no}`}>← 返回任务 {task.no}</Link>
        {user.role === "unit" && (
          <>
            <span aria-hidden="true"> · </span>
            <Link href="/my">我的任务</Link>
          </>
        )}
      </p>
      <header className="space-y-2">
        <h1 className="text-lg font-semibold sm:text-xl">
          序号 {task.no} · {quarterLabel(period.code)}工作进展报告
        </h1>
        <p className="text-sm leading-relaxed text-gray-800">{task.target}</p>
        <p className="text-sm text-gray-700">牵头单位：{task.leadUnits.map((u) => u.name).join("、") || "—"}</p>
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
              <span key={p.code} aria-current="page" className="font-semibold">{quarterShort(p.code)}</span>
            ) : (
              <Link key={p.code} href={`/tasks/${task.no}/report/${p.code}`}>{quarterShort(p.code)}</Link>
            ),
          )}
          <Link href={`/tasks/${task.no}/targets`}>季度攻坚目标</Link>
        </nav>
      </header>

      {outcome && (
        <p role="status" className="rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
          {outcome}
        </p>
      )}

      {state === "returned" && report?.reviewComment && (
        <section aria-labelledby="returned-heading" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          <h2 id="returned-heading" className="font-semibold">督查室已退回，请修改后重新提交</h2>
          <p className="mt-1 whitespace-pre-wrap">{report.reviewComment}</p>
        </section>
      )}

      {coopNotes.length > 0 && (
        <Card aria-labelledby="coop-heading">
          <CardTitle id="coop-heading">配合单位的配合情况</CardTitle>
          <ul className="space-y-2 text-sm">
            {coopNotes.map((n) => (
              <li key={n.unitId}>
                <span className="font-medium">{n.unitName}</span>
                <span className="text-gray-600">（{formatDateTime(n.updatedAt)}）</span>：
                <span className="whitespace-pre-wrap">{n.text}</span>
              </li>
            ))}
          </ul>
        </Card>
      )}

      <Card aria-labelledby="report-heading">
        <CardTitle id="report-heading">{editable ? "填写报告" : "报告内容"}</CardTitle>
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
            }))}
            milestoneText={ctx.milestoneText}
            initial={formValues(report ?? prevReport, task.metrics, { prefill: !report })}
            prefilledFrom={!report && prevReport && prev ? quarterLabel(prev.code) : null}
            attachments={attachments.map((a) => ({ id: a.id, filename: a.filename, size: a.size }))}
            latest={report ? live : null}
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
          <ReviewPanel reportId={report.id} subject={{ name: "taskNo", no: task.no }} quarter={period.code} version={report.version} approve={approveReport} reject={returnReport} />
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
