import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/app/_lib/current-user";
import { outcomeText, type ReportOutcomeSearch } from "@/app/_lib/report-outcome";
import { appToday } from "@/app/_lib/today";
import { CoLeadParts } from "@/app/_components/co-lead-parts";
import { CoopNotes } from "@/app/_components/coop-notes";
import { ReportNodes } from "@/app/_components/monthly-nodes/report-nodes";
import { ReportPageHeader } from "@/app/_components/report-page-header";
import { formValues } from "@/app/tasks/[no]/report/[quarter]/report-view";
import { ForgetLocalDraft } from "@/components/report/forget-local-draft";
import { ReportContent } from "@/components/report/report-content";
import { ReviewPanel } from "@/components/report/review-panel";
import { VersionList } from "@/components/report/version-list";
import { Card, CardTitle } from "@/components/ui/card";
import { listReportAttachments } from "@/db/queries/attachments";
import { listPeriods } from "@/db/queries/periods";
import { getSubmittedReportRecord, listReportVersions } from "@/db/queries/reports";
import { formatChineseDate } from "@/lib/format-date";
import { needsLateNote } from "@/lib/late-note";
import { formatMetricValue } from "@/lib/metric-text";
import { monthLabel } from "@/lib/monthly-nodes";
import { reportDraftKey } from "@/lib/local-draft";
import { reportField } from "@/lib/report-form";
import { canDraft, previousPeriod, quarterLabel } from "@/lib/periods";
import { can } from "@/lib/permissions";
import { visibleReportContent } from "@/lib/report-visibility";
import { reportPath, subjectLabel } from "@/lib/subject";
import { ITEM_NOT_DUE_MESSAGE, itemTimeLimit, parseItemNo } from "@/lib/supervision-items";
import { ITEM_SOURCE_LABEL } from "@/lib/vocabulary";
import { approveItemReport, returnItemReport, saveItemCoopNote, saveItemReportPart, submitItemReportPart } from "./actions";
import { ItemReportForm } from "./_components/item-report-form";
import { loadItemReportContext } from "./report-context";
import { liveItemSnapshot } from "./report-view";
import { MonthlyReporting } from "./_components/monthly-reporting";

type Props = {
  params: Promise<{ no: string; quarter: string }>;
  searchParams: Promise<ReportOutcomeSearch>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { no, quarter } = await params;
  const n = parseItemNo(no);
  return { title: `${n === null ? "督办事项" : subjectLabel({ kind: "item", no: n })} · ${quarterLabel(quarter)}报告` };
}

/** A 督办事项's quarterly report: the lead unit files it, the 督查室 reviews it, as for a key task. */
export default async function ItemReportPage({ params, searchParams }: Props) {
  const { no: rawNo, quarter } = await params;
  const no = parseItemNo(rawNo);
  const ctx = no === null ? null : loadItemReportContext(no, quarter);
  if (!ctx) notFound();
  const user = await requirePermission(["report:read", { kind: "item", leadUnitIds: ctx.leadUnitIds, coopUnitIds: ctx.coopUnitIds }], {
    entity: "report",
    entityId: `item${ctx.item.no}/${quarter}`,
  });

  const { item, period, report } = ctx;
  const ref = { kind: "item", no: item.no } as const;
  const today = appToday();
  const periods = listPeriods({ yearId: period.yearId });
  const prev = previousPeriod(periods, period);
  // Only a submitted report is a starting point: the previous quarter's unsubmitted draft is not.
  const prevReport = prev ? getSubmittedReportRecord({ subject: { itemId: item.id }, periodId: prev.id }) : null;
  const attachments = report ? listReportAttachments({ reportId: report.id }) : [];
  const versions = listReportVersions({ subject: { itemId: item.id } }).filter((v) => v.periodCode === period.code);
  const state = report?.status ?? null;
  const started = canDraft(period, today);
  const mayEdit = can(user, "report:edit", { leadUnitIds: ctx.leadUnitIds });
  // A quarter the item is not due in takes no report (lib/supervision-items.ts itemReportsIn).
  const open = started && ctx.due;
  // A monthly item's submitted report takes the next month's report once that month has begun.
  const reopenedFor = (state === "submitted" || state === "approved") && ctx.monthly?.owed ? monthLabel(ctx.monthly.owed.month) : null;
  const editable = mayEdit && open && (state === null || state === "draft" || state === "returned" || reopenedFor !== null);
  const draftKey = reportDraftKey(user.id, reportPath(ref, period.code));
  const live = liveItemSnapshot(ctx, attachments);
  const shown = visibleReportContent({ mayEdit, state, live, lastSubmitted: versions[0]?.snapshot ?? null });
  const outcome = outcomeText(await searchParams, state);

  return (
    <article className="space-y-4">
      <ReportPageHeader
        subject={ref}
        title={item.text}
        leadUnits={item.leadUnits.map((u) => u.name)}
        period={period}
        periods={periods}
        today={today}
        state={state}
        report={report}
        isUnit={user.role === "unit"}
        outcome={outcome}
        extraLinks={
          can(user, "notice:issue") && (
            <Link href={`/supervision/notices/new?subject=item:${item.no}&period=${period.code}`} className="inline-flex min-h-11 items-center">
              发出催办/督办
            </Link>
          )
        }
      />
      <p className="text-sm text-gray-800">
        {ITEM_SOURCE_LABEL[item.source]} · 时限：{itemTimeLimit(item)}
      </p>

      {ctx.monthly && <MonthlyReporting months={ctx.monthly.months} />}

      <ReportNodes subject={ref} period={period} user={user} today={today} />

      <Card aria-labelledby="report-heading">
        <CardTitle id="report-heading">{editable ? "填写报告" : "报告内容"}</CardTitle>
        {mayEdit && !editable && <ForgetLocalDraft draftKey={draftKey} />}
        {editable ? (
          <ItemReportForm
            itemNo={item.no}
            quarter={period.code}
            version={report?.version ?? 0}
            metrics={ctx.metrics.map((m) => ({
              id: m.id,
              label: m.label,
              unit: m.unit,
              plan: ctx.plans[m.id]!,
              annual: formatMetricValue(m),
              previous: prevReport?.metricValues[m.id] ?? null,
              check: ctx.checks.find((c) => c.field === reportField.metric(m.id)),
            }))}
            initial={formValues(report ?? prevReport, ctx.metrics, { prefill: !report })}
            prefilledFrom={!report && prevReport && prev ? quarterLabel(prev.code) : null}
            attachments={attachments.map((a) => ({ id: a.id, filename: a.filename, size: a.size }))}
            latest={report ? live : null}
            draftKey={draftKey}
            lateNote={
              (ctx.monthly?.owed
                ? today > ctx.monthly.owed.dueOn
                : needsLateNote({ dueOn: period.dueOn, today, firstSubmittedAt: report?.firstSubmittedAt ?? null })) || Boolean(report?.lateNote)
            }
            reopenedFor={reopenedFor}
            previousProgress={prevReport?.progress ?? null}
          />
        ) : !started ? (
          <p className="text-sm text-gray-700">本季度自 {formatChineseDate(period.startsOn)} 起可以填报。</p>
        ) : shown ? (
          <ReportContent report={shown} canDownload />
        ) : !ctx.due ? (
          <p className="text-sm text-gray-700">{ITEM_NOT_DUE_MESSAGE}。</p>
        ) : (
          <p className="text-sm text-gray-700">{report ? "牵头单位尚未提交本季度报告（未提交的草稿仅本单位可见）。" : "牵头单位尚未填报本季度报告。"}</p>
        )}
      </Card>

      <CoLeadParts
        user={user}
        subject={{ itemId: item.id }}
        ref_={ref}
        period={period}
        leadUnits={item.leadUnits}
        reportState={state}
        started={open}
        save={saveItemReportPart}
        submit={submitItemReportPart}
      />

      {report && state === "submitted" && can(user, "report:review") && (
        <Card aria-labelledby="review-heading">
          <CardTitle id="review-heading">审核</CardTitle>
          <ReviewPanel
            reportId={report.id}
            subject={{ name: "itemNo", no: item.no }}
            quarter={period.code}
            version={report.version}
            approve={approveItemReport}
            reject={returnItemReport}
          />
        </Card>
      )}

      <CoopNotes
        user={user}
        subject={{ itemId: item.id }}
        ref_={ref}
        period={period}
        leadUnitIds={ctx.leadUnitIds}
        coopUnitIds={ctx.coopUnitIds}
        started={open}
        save={saveItemCoopNote}
      />

      <Card aria-labelledby="versions-heading">
        <CardTitle id="versions-heading">提交记录</CardTitle>
        {versions.length === 0 ? <p className="text-sm text-gray-700">本季度尚未提交。</p> : <VersionList versions={versions} canDownload headingLevel={3} />}
      </Card>
    </article>
  );
}
