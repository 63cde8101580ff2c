import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/app/_lib/current-user";
import { currentProgrammeYear, linkYear } from "@/app/_lib/programme-year";
import { yearHref } from "@/lib/programme-year";
import { appToday } from "@/app/_lib/today";
import { approveReport, returnReport } from "@/app/tasks/[no]/report/[quarter]/actions";
import { approveProjectReport, returnProjectReport } from "@/app/projects/[no]/report/[quarter]/actions";
import { approveItemReport, returnItemReport } from "@/app/items/[no]/report/[quarter]/actions";
import { QuarterLamps } from "@/components/lamp-badges";
import { ReportContent } from "@/components/report/report-content";
import { ReviewPanel } from "@/components/report/review-panel";
import { VersionDiff } from "@/components/report/version-diff";
import { listPublicAttachmentIds } from "@/db/queries/attachments";
import { listPeriods } from "@/db/queries/periods";
import { listReviewQueue } from "@/db/queries/review-queue";
import { bySubject, listSubjectQuarters } from "@/db/queries/status-board";
import { formatDateTime } from "@/lib/format-time";
import { can } from "@/lib/permissions";
import { dayOfTimestamp, daysBetween, quarterLabel, quarterShort } from "@/lib/periods";
import { diffReportVersions } from "@/lib/report-diff";
import { REVIEW_LABEL } from "@/lib/report-labels";
import { reportPath, subjectKey, subjectLabel } from "@/lib/subject";
import { applyReviewFilter, nextInQueue, parseReviewFilter } from "@/lib/review-filter";
import { PROGRESS_LABEL, PROGRESS_LAMPS, type SubjectKind } from "@/lib/vocabulary";
import type { SearchParams } from "../_lib/view";
import { BulkApproveBar } from "./_components/bulk-approve-bar";
import { ReviewFilters } from "./_components/review-filters";
import { BULK_FORM_ID } from "./_components/bulk-form-id";

export const metadata: Metadata = { title: "审核 · 督查工作台" };

/** Each kind's review goes through its own report route's actions (one pipeline behind them all). */
const REVIEW = {
  task: { field: "taskNo", approve: approveReport, reject: returnReport },
  project: { field: "projectNo", approve: approveProjectReport, reject: returnProjectReport },
  item: { field: "itemNo", approve: approveItemReport, reject: returnItemReport },
} as const satisfies Record<SubjectKind, { field: "taskNo" | "projectNo" | "itemNo"; approve: unknown; reject: unknown }>;

type Props = { searchParams: Promise<SearchParams> };

export default async function ReviewQueuePage({ searchParams }: Props) {
  const user = await requirePermission(["supervision:read"], { entity: "supervision" });
  const sp = await searchParams;
  const year = await currentProgrammeYear();
  const keep = await linkYear();
  const queue = listReviewQueue({ yearId: year.id });
  const canReview = can(user, "report:review");
  const today = appToday();
  const periods = listPeriods({ yearId: year.id });
  const statuses = bySubject(periods.length ? listSubjectQuarters({ periods, asOf: today, today, filter: { yearId: periods[0]!.yearId } }) : []);
  const units = [...new Set(queue.flatMap((q) => q.leadUnits))];
  const filter = parseReviewFilter(sp, { quarters: periods.map((p) => p.code), units });
  const withLamp = queue.map((item) => ({ ...item, status: statuses.get(subjectKey(item))?.get(item.periodCode)?.status ?? null }));
  const items = applyReviewFilter(
    withLamp.map((i) => ({ ...i, progress: i.status?.progress ?? "none" })),
    filter,
  );
  const ids = items.map((i) => i.reportId);
  const publicIds = listPublicAttachmentIds({ ids: items.flatMap((i) => i.latest.snapshot.attachments.map((a) => a.id)) });
  const open = Number(typeof sp.open === "string" ? sp.open : 0);

  return (
    <article className="space-y-4">
      <header className="space-y-1">
        <h1 className="text-lg font-semibold sm:text-xl">审核</h1>
        <p className="text-sm text-gray-800" data-testid="review-summary">
          待审核报告 {queue.length} 份{items.length !== queue.length ? `，筛选后 ${items.length} 份` : ""}，最早提交的排在最前。
        </p>
      </header>
      <ReviewFilters
        filter={filter}
        quarters={periods.map((p) => ({ value: p.code, label: quarterLabel(p.code) }))}
        units={units}
        lamps={PROGRESS_LAMPS.map((l) => ({ value: l, label: PROGRESS_LABEL[l] }))}
      />
      {canReview && items.length > 0 && <BulkApproveBar />}
      {items.length === 0 ? (
        <p className="rounded border bg-white p-4 text-sm text-gray-800">{queue.length === 0 ? "目前没有待审核的报告。" : "没有符合筛选条件的待审核报告。"}</p>
      ) : (
        <ol className="space-y-3" aria-label="待审核报告">
          {items.map((item) => {
            const waited = daysBetween(dayOfTimestamp(item.latest.submittedAt), today);
            const headingId = `queue-${item.reportId}`;
            const status = item.status;
            const next = nextInQueue(ids, item.reportId);
            return (
              <li
                key={item.reportId}
                id={headingId.replace("queue-", "queue-item-")}
                className="scroll-mt-4 rounded border bg-white p-3 shadow-sm sm:p-4"
                data-testid="review-item"
                aria-labelledby={headingId}
              >
                <div className="flex flex-wrap items-start gap-3">
                  {canReview && (
                    <input
                      type="checkbox"
                      name="items"
                      value={`${item.reportId}:${item.version}`}
                      form={BULK_FORM_ID}
                      aria-labelledby={headingId}
                      className="mt-1 size-5"
                    />
                  )}
                  <div className="min-w-0 flex-1">
                    <h2 id={headingId} className="text-base font-semibold">
                      <Link href={yearHref(reportPath(item, item.periodCode), keep)}>
                        {subjectLabel(item)} · {quarterShort(item.periodCode)}报告
                      </Link>
                    </h2>
                    {status && (
                      <p className="mt-1">
                        <QuarterLamps status={status} />
                      </p>
                    )}
                    <p className="line-clamp-2 text-sm text-gray-900">{item.title}</p>
                    <p className="text-xs text-gray-700">
                      {item.leadUnits.join("、")} · 第 {item.latest.versionNo} 版 · {formatDateTime(item.latest.submittedAt)} 由 {item.latest.submittedByName}{" "}
                      提交
                      {waited > 0 && ` · 已等待 ${waited} 天`}
                    </p>
                  </div>
                </div>
                <details className="mt-2" open={item.reportId === open}>
                  <summary className="cursor-pointer text-sm font-medium text-brand-700">
                    查看报告{item.previous ? "与上一版" : ""}并审核<span className="sr-only">（{subjectLabel(item)}）</span>
                  </summary>
                  <div className="mt-3 space-y-4">
                    <ReportContent report={item.latest.snapshot} canDownload publicIds={publicIds} />
                    {item.previous && (
                      <section className="rounded border p-3" aria-label="与上一版相比">
                        <h3 className="text-sm font-semibold">
                          与第 {item.previous.versionNo} 版相比（{REVIEW_LABEL[item.previous.reviewStatus]}
                          {item.previous.reviewComment ? `：${item.previous.reviewComment}` : ""}）
                        </h3>
                        <div className="mt-2">
                          <VersionDiff changes={diffReportVersions(item.previous.snapshot, item.latest.snapshot)} />
                        </div>
                      </section>
                    )}
                    {canReview && (
                      <ReviewPanel
                        reportId={item.reportId}
                        subject={{ name: REVIEW[item.kind].field, no: item.no }}
                        quarter={item.periodCode}
                        version={item.version}
                        approve={REVIEW[item.kind].approve}
                        reject={REVIEW[item.kind].reject}
                        queue={{ filter, next }}
                      />
                    )}
                  </div>
                </details>
              </li>
            );
          })}
        </ol>
      )}
    </article>
  );
}
