"use server";
import { z } from "zod";
import { ConflictError, defineAction, ValidationError, type ActionContext } from "@/app/_lib/action";
import { storeUploads, uploadedFiles } from "@/app/_lib/evidence-upload";
import { appToday } from "@/app/_lib/today";
import { saveCoopNote } from "@/db/queries/coop-notes";
import { getReportRef, getReportTaskByNo } from "@/db/queries/reports";
import { notify } from "@/db/queries/notifications";
import { reviewReport, saveReportDraft, submitReport, type ReportWrite } from "@/db/queries/report-writes";
import type { NewAttachment } from "@/db/queries/attachments";
import { formatDateTime } from "@/lib/format-time";
import { reportReturned } from "@/lib/notification-rules";
import { can } from "@/lib/permissions";
import { canDraft } from "@/lib/periods";
import { parseReportForm, REPORT_CONFLICT_MESSAGE, REPORT_READ_ONLY_MESSAGE, type ReportContent, type ReportIntent } from "@/lib/report-form";
import { loadReportContext, type ReportContext } from "./report-context";

const quarterCode = z.string().regex(/^\d{4}Q[1-4]$/, "季度格式不正确");
const files = z.union([z.instanceof(File), z.array(z.instanceof(File))]).optional();
const ids = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).map(Number).filter((n) => Number.isInteger(n) && n > 0));

// Metric fields are named metric.<id> and checked against the task's metrics in load.
const reportSchema = z
  .object({
    taskNo: z.coerce.number().int().positive(),
    quarter: quarterCode,
    version: z.coerce.number().int().min(0),
    evidence: files,
    removeAttachment: ids,
  })
  // Every other field (text, metric values…) is one string: a repeated field is refused, not dropped.
  .catchall(z.string({ message: "该项只能填写一个值" }));
type ReportInput = z.output<typeof reportSchema>;

type Prepared = ReportContext & { content: ReportContent | null; newFiles: NewAttachment[]; removeIds: number[] };

// The 督查室's desk lists every report's state: refresh it too (the review queue drops a reviewed report at once).
const reportPaths = (no: number, code: string) => [`/tasks/${no}/report/${code}`, `/tasks/${no}`, "/my", "/supervision", "/supervision/review", "/supervision/overdue"];

function prepare(intent: ReportIntent) {
  return async ({ user, input }: ActionContext<ReportInput>): Promise<Prepared | null> => {
    const ctx = loadReportContext(input.taskNo, input.quarter);
    if (!ctx) return null;
    // Only a user who may edit gets the form parsed and files stored; others are refused by authorize.
    if (!can(user, "report:edit", { leadUnitIds: ctx.leadUnitIds })) return { ...ctx, content: null, newFiles: [], removeIds: [] };
    const today = appToday();
    if (!canDraft(ctx.period, today)) throw new ValidationError("本季度尚未开始，暂不能填报");
    if (ctx.report && (ctx.report.status === "submitted" || ctx.report.status === "approved")) throw new ConflictError(REPORT_READ_ONLY_MESSAGE);
    const raw = Object.fromEntries(Object.entries(input).filter((e): e is [string, string] => typeof e[1] === "string"));
    const parsed = parseReportForm({ raw, metrics: ctx.task.metrics, hasMilestone: ctx.milestoneText !== null, intent, today });
    if (!parsed.ok) throw new ValidationError(intent === "submit" ? "还有内容未填写或有误，请按提示修改后再提交" : "有内容填写有误，请按提示修改", parsed.errors);
    const newFiles = await storeUploads(uploadedFiles(input.evidence));
    return { ...ctx, content: parsed.content, newFiles, removeIds: input.removeAttachment };
  };
}

function applied(result: ReportWrite) {
  if (result.ok) return result;
  if (result.reason === "readOnly") throw new ConflictError(REPORT_READ_ONLY_MESSAGE);
  if (result.reason === "conflict") throw new ConflictError(REPORT_CONFLICT_MESSAGE);
  throw new ValidationError("提交的内容与本任务不符，请刷新页面后重试");
}

function defineReportWrite(intent: ReportIntent) {
  const write = intent === "submit" ? submitReport : saveReportDraft;
  return defineAction({
    action: intent === "submit" ? "report.submit" : "report.save",
    entity: "report",
    schema: reportSchema,
    entityId: (input) => `${input.taskNo}/${input.quarter}`,
    load: prepare(intent),
    authorize: (p) => [intent === "submit" ? "report:submit" : "report:edit", { leadUnitIds: p.leadUnitIds }],
    mutate: (tx, p, { user, input }) => {
      const result = applied(
        write(tx, {
          subject: { taskId: p.task.id },
          periodId: p.period.id,
          expectedVersion: input.version,
          content: p.content!,
          files: { add: p.newFiles, removeIds: p.removeIds },
          userId: user.id,
          now: Date.now(),
        }),
      );
      return { entityId: result.reportId, before: result.before, after: result.after, result };
    },
    revalidate: ({ input }) => reportPaths(input.taskNo, input.quarter),
    successMessage: () => `草稿已保存（${formatDateTime(Date.now())}）。`,
    // After submitting, the form gives way to the read-only report: the page shows the outcome.
    redirectTo: ({ input }, r) => (intent === "submit" ? `/tasks/${input.taskNo}/report/${input.quarter}?submitted=${r?.versionNo ?? 1}` : null),
  });
}

export const saveReport = defineReportWrite("save");
export const submitReportAction = defineReportWrite("submit");

const reviewSchema = z.object({
  reportId: z.coerce.number().int().positive(),
  taskNo: z.coerce.number().int().positive(),
  quarter: quarterCode,
  version: z.coerce.number().int().positive(),
  comment: z.string().trim().max(1000, "意见请控制在 1000 字以内").optional().default(""),
});

function defineReview(decision: "approve" | "return") {
  return defineAction({
    action: decision === "approve" ? "report.approve" : "report.return",
    entity: "report",
    schema: decision === "return" ? reviewSchema.refine((v) => v.comment.length >= 2, { path: ["comment"], message: "退回时请写明退回原因和修改要求" }) : reviewSchema,
    entityId: (input) => input.reportId,
    load: ({ input }) => {
      const ref = getReportRef({ reportId: input.reportId });
      const task = getReportTaskByNo({ no: input.taskNo });
      // The task and quarter only name the pages to refresh; they must match the report.
      if (!ref || !task || ref.taskId !== task.id || ref.periodCode !== input.quarter) return null;
      return { ...ref, leadUnitIds: task.leadUnits.map((u) => u.id) };
    },
    guard: () => ["report:review"],
    mutate: (tx, ref, { user, input }) => {
      const result = reviewReport(tx, { reportId: ref.id, expectedVersion: input.version, decision, comment: input.comment || null, userId: user.id, now: Date.now() });
      if (!result.ok) {
        if (result.reason === "wrongState") throw new ConflictError("该报告当前不是“已提交”状态，无需审核；请刷新页面查看最新状态。");
        throw new ConflictError("该报告已有更新（可能已被重新提交或已审核），请刷新页面后再审核。");
      }
      if (decision === "return") {
        notify(tx, reportReturned({ reportId: ref.id, versionNo: result.versionNo ?? 0, subject: `第${input.taskNo}项`, periodCode: ref.periodCode, comment: input.comment, leadUnitIds: ref.leadUnitIds, link: `/tasks/${input.taskNo}/report/${ref.periodCode}` }));
      }
      return { before: { status: result.before?.status }, after: { status: result.status, comment: input.comment || null, versionNo: result.versionNo } };
    },
    revalidate: ({ input }) => reportPaths(input.taskNo, input.quarter),
    // The review panel disappears once the report is no longer 已提交: the page shows the outcome.
    redirectTo: ({ input }) => `/tasks/${input.taskNo}/report/${input.quarter}?reviewed=${decision === "approve" ? "approved" : "returned"}`,
  });
}

export const approveReport = defineReview("approve");
export const returnReport = defineReview("return");

export const saveCoopNoteAction = defineAction({
  action: "coopNote.save",
  entity: "coopNote",
  schema: z.object({
    taskNo: z.coerce.number().int().positive(),
    quarter: quarterCode,
    version: z.coerce.number().int().min(0),
    text: z.string().trim().min(1, "请填写配合情况").max(2000, "请控制在 2000 字以内"),
  }),
  entityId: (input) => `${input.taskNo}/${input.quarter}`,
  load: ({ input }) => loadReportContext(input.taskNo, input.quarter),
  authorize: (ctx) => ["coopNote:edit", { coopUnitIds: ctx.coopUnitIds }],
  mutate: (tx, ctx, { user, input }) => {
    const r = saveCoopNote(tx, { taskId: ctx.task.id, periodId: ctx.period.id, unitId: user.unitId!, text: input.text, expectedVersion: input.version, userId: user.id, now: Date.now() });
    if (!r.ok) throw new ConflictError("配合情况已被本单位其他人员修改，请刷新页面后再保存；您填写的内容已保留在表单中。");
    return { before: r.before, after: r.after };
  },
  revalidate: ({ input }) => reportPaths(input.taskNo, input.quarter),
  successMessage: "配合情况已保存。",
});
