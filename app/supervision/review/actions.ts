"use server";
// 批量通过: routine reports approved together. All or nothing: if any of them changed
// since the queue was loaded (resubmitted, already reviewed), none is approved and the
// 督查室 is told which one. Each report gets its own audit row, as a single approval does.
import { z } from "zod";
import { ConflictError, defineAction } from "@/app/_lib/action";
import { writeAudit } from "@/db/audit";
import { notify } from "@/db/queries/notifications";
import { reviewReport } from "@/db/queries/report-writes";
import { getQueueReport } from "@/db/queries/review-queue";
import { reportReturned } from "@/lib/notification-rules";
import { reportPath, subjectLabel } from "@/lib/subject";
import { PROGRESS_LAMPS } from "@/lib/vocabulary";
import { reviewSearch } from "@/lib/review-filter";

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
  .transform((list) => [...new Map(list.map((s) => s.split(":").map(Number) as [number, number])).entries()].map(([reportId, version]) => ({ reportId, version })));

export const approveReports = defineAction({
  action: "report.bulkApprove",
  entity: "report",
  schema: z.object({ items }),
  load: ({ input }) => input.items,
  authorize: () => ["report:review"],
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

const QUEUE_PATHS = ["/supervision/review", "/supervision", "/supervision/overdue", "/my", "/dashboard"];
const optional = <T extends string>(schema: z.ZodType<T>) => schema.optional().or(z.literal("")).transform((v): T | null => (v ? (v as T) : null));

/**
 * 通过 or 退回 from the review queue: the same review as on the report page (reviewReport,
 * the unit told of a return), then back to the queue with its filters, the next report open.
 */
export const reviewFromQueue = defineAction({
  action: "report.review",
  entity: "report",
  schema: z
    .object({
      reportId: z.coerce.number().int().positive(),
      version: z.coerce.number().int().positive(),
      decision: z.enum(["approve", "return"], { message: "请选择通过或退回" }),
      comment: z.string().trim().max(1000, "意见请控制在 1000 字以内").optional().default(""),
      next: z.coerce.number().int().nonnegative().optional().default(0),
      // The queue's filters to return to (the report's own quarter travels as "quarter").
      filterQuarter: optional(z.string().regex(/^\d{4}Q[1-4]$/, "季度格式不正确")),
      filterUnit: optional(z.string().trim().max(40)),
      filterLamp: optional(z.enum(PROGRESS_LAMPS)),
    })
    .refine((v) => v.decision === "approve" || v.comment.length >= 2, { path: ["comment"], message: "退回时请写明退回原因和修改要求" }),
  entityId: (input) => input.reportId,
  load: ({ input }) => getQueueReport({ reportId: input.reportId }),
  authorize: () => ["report:review"],
  mutate: (tx, report, { user, input }) => {
    const result = reviewReport(tx, { reportId: report.id, expectedVersion: input.version, decision: input.decision, comment: input.comment || null, userId: user.id, now: Date.now() });
    if (!result.ok) {
      if (result.reason === "wrongState") throw new ConflictError("该报告当前不是“已提交”状态，无需审核；请刷新页面查看最新状态。");
      throw new ConflictError("该报告已有更新（可能已被重新提交或已审核），请刷新页面后再审核。");
    }
    if (input.decision === "return") {
      notify(
        tx,
        reportReturned({
          reportId: report.id,
          versionNo: result.versionNo ?? 0,
          subject: subjectLabel(report.ref),
          periodCode: report.periodCode,
          comment: input.comment,
          leadUnitIds: report.leadUnitIds,
          link: reportPath(report.ref, report.periodCode),
        }),
      );
    }
    return {
      before: { status: result.before?.status },
      after: { status: result.status, comment: input.comment || null, versionNo: result.versionNo, decision: input.decision, from: "queue" },
      result: subjectLabel(report.ref),
    };
  },
  revalidate: () => QUEUE_PATHS,
  redirectTo: ({ input }) => {
    const filter = { quarter: input.filterQuarter, unit: input.filterUnit, lamp: input.filterLamp };
    return `/supervision/review${reviewSearch(filter, input.next || null)}${input.next ? `#queue-${input.next}` : ""}`;
  },
});
