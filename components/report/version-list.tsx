import type { ReportVersionItem } from "@/lib/report-snapshot";
import { formatDateTime } from "@/lib/format-time";
import { diffReportVersions } from "@/lib/report-diff";
import { REVIEW_LABEL } from "@/lib/report-labels";
import { ReportContent } from "./report-content";
import { VersionDiff } from "./version-diff";

/** Submitted versions of one quarter's report, newest first, each with its changes from the one before. */
export function VersionList({ versions, canDownload, headingLevel = 4 }: { versions: ReportVersionItem[]; canDownload: boolean; headingLevel?: 3 | 4 }) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const sorted = [...versions].sort((a, b) => b.versionNo - a.versionNo);
  return (
    <ol className="space-y-4">
      {sorted.map((v) => {
        const previous = sorted.find((p) => p.versionNo === v.versionNo - 1);
        return (
          <li key={v.versionNo} className="rounded border p-3">
            <Heading className="text-sm font-semibold">
              第 {v.versionNo} 版 · {formatDateTime(v.submittedAt)} 由 {v.submittedByName} 提交 ·{" "}
              <span className={v.reviewStatus === "returned" ? "text-red-800" : v.reviewStatus === "approved" ? "text-green-800" : "text-gray-700"}>
                {REVIEW_LABEL[v.reviewStatus]}
              </span>
            </Heading>
            {v.reviewComment && (
              <p className="mt-1 text-sm">
                督查室意见（{v.reviewedByName ?? ""}
                {v.reviewedAt ? `，${formatDateTime(v.reviewedAt)}` : ""}）：{v.reviewComment}
              </p>
            )}
            <div className="mt-2">
              {previous ? (
                <>
                  <p className="mb-1 text-xs text-gray-700">与第 {previous.versionNo} 版相比：</p>
                  <VersionDiff changes={diffReportVersions(previous.snapshot, v.snapshot)} />
                </>
              ) : (
                <p className="text-xs text-gray-700">首次提交。</p>
              )}
            </div>
            <details className="mt-2">
              <summary className="cursor-pointer text-sm text-brand-700">查看第 {v.versionNo} 版完整内容</summary>
              <div className="mt-2">
                <ReportContent report={v.snapshot} canDownload={canDownload} />
              </div>
            </details>
          </li>
        );
      })}
    </ol>
  );
}
