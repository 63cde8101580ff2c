"use server";
// 批量通过: routine reports approved together. All or nothing: if any of them changed
// since the queue was loaded (resubmitted, already reviewed), none is approved and the
// 督查室 is told which one. Each report gets its own audit row, as a single approval does.
import { z } from "zod";
import { ConflictError, defineAction } from "@/app/_lib/action";
import { writeAudit } from "@/db/audit";
import { reviewReport } from "@/db/queries/report-writes";

const MAX_BATCH = 200;

/** "reportId:version" pairs from the queue's checkboxes. */
const items = z
  .union([z.string(), z.array(z.string())], { message: "请至少勾选一份报告" })
  .transform((v) => (Array.isArray(v) ? v : [v]))
  .pipe(
    z
      .array(z.string().regex(/^\d+:\d+$/, "勾选的报告无效，请刷新页面"))
      .min(1, "请至少勾选一份报告")
      .max(MAX_BATCH, `一次最多批量通过 ${MAX_BATCH} 份`),
  )
  .transform((list) =>
    [...new Map(list.map((s) => s.split(":").map(Number) as [number, number])).entries()].map(([reportId, version]) => ({ reportId, version })),
  );

export const approveReports = defineAction({
  action: "report.bulkApprove",
  entity: "report",
  schema: z.object({ items }),
  load: ({ input }) => input.items,
  guard: () => ["report:review"],
  mutate: (tx, list, { user, ip }) => {
    const now = Date.now();
    list.forEach(({ reportId, version }, i) => {
      const result = reviewReport(tx, { reportId, expectedVersion: version, decision: "approve", comment: null, userId: user.id, now });
      if (!result.ok) throw new ConflictError(`勾选的第 ${i + 1} 份报告已有更新（可能已被审核或重新提交），本次未通过任何报告；请刷新后重试。`);
      writeAudit(tx, {
        actor: user,
        ip,
        action: "report.approve",
        entity: "report",
        entityId: reportId,
        outcome: "success",
        before: { status: result.before?.status },
        after: { status: result.status, versionNo: result.versionNo, bulk: true },
      });
    });
    return { after: { approved: list.map((x) => x.reportId) }, result: list.length };
  },
  revalidate: () => ["/supervision/review", "/supervision", "/supervision/overdue", "/my", "/dashboard"],
  successMessage: (n) => `已通过 ${n ?? 0} 份报告。`,
});
