import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/app/_lib/current-user";
import { currentProgrammeYear } from "@/app/_lib/programme-year";
import { listPendingChangeRequests } from "@/db/queries/targets";
import { formatDateTime } from "@/lib/format-time";
import { subjectLabel } from "@/lib/subject";

export const metadata: Metadata = { title: "目标调整申请 · 督查工作台" };

const Q = ["第一季度", "第二季度", "第三季度", "第四季度"] as const;

/** Lead units' requests to change locked quarterly targets, oldest first; each is decided on the task's targets page. */
export default async function TargetRequestsPage() {
  await requirePermission(["supervision:read"], { entity: "supervision" });
  const requests = listPendingChangeRequests({ yearId: (await currentProgrammeYear()).id });
  return (
    <article className="space-y-4">
      <header className="space-y-1">
        <h1 className="text-lg font-semibold sm:text-xl">目标调整申请</h1>
        <p className="text-sm text-gray-800">季度目标锁定后，牵头单位的调整须经督查室同意。待审批 {requests.length} 件，最早提交的排在最前。</p>
      </header>
      {requests.length === 0 ? (
        <p className="rounded border bg-white p-4 text-sm text-gray-800">目前没有待审批的目标调整申请。</p>
      ) : (
        <ol className="space-y-3" aria-label="待审批的目标调整申请">
          {requests.map((r) => (
            <li key={r.id} className="rounded border bg-white p-3 text-sm shadow-sm sm:p-4" data-testid="pending-change-request">
              <h2 className="text-base font-semibold">
                <Link href={`/tasks/${r.taskNo}/targets#requests-heading`}>
                  {subjectLabel({ kind: "task", no: r.taskNo })} · {Q[r.quarter - 1] ?? ""}目标调整
                </Link>
              </h2>
              <p className="line-clamp-2 text-gray-900">{r.taskTarget}</p>
              <p className="text-xs text-gray-700">
                {r.requestedByName} · {formatDateTime(r.requestedAt)}
              </p>
              <p className="mt-1">理由：{r.reason}</p>
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}
