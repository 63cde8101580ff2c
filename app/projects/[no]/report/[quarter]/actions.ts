"use server";
import { z } from "zod";
import { ConflictError, defineAction, ValidationError, type ActionContext } from "@/app/_lib/action";
import { storeUploads, uploadedFiles } from "@/app/_lib/evidence-upload";
import { appToday } from "@/app/_lib/today";
import type { NewAttachment } from "@/db/queries/attachments";
import { notify } from "@/db/queries/notifications";
import { listProjectProgress } from "@/db/queries/project-progress";
import { getReportRef } from "@/db/queries/reports";
import { reviewReport, saveReportDraft, submitReport, type DraftContent, type ReportWrite } from "@/db/queries/report-writes";
import { formatDateTime } from "@/lib/format-time";
import { reportReturned } from "@/lib/notification-rules";
import { can } from "@/lib/permissions";
import { canDraft } from "@/lib/periods";
import { parseProjectValues } from "@/lib/project-report-input";
import { parseReportForm, REPORT_CONFLICT_MESSAGE, REPORT_READ_ONLY_MESSAGE, type ReportIntent } from "@/lib/report-form";
import { loadProjectReportContext, type ProjectReportContext } from "./report-context";

// A livelihood project's quarterly report: the same lifecycle (save with version check,
// submit → frozen version, review) and permissions as a task's, with the project's lead
// units (住建局 and 归义街道 both edit the housing report) and its own fields.

const quarterCode = z.string().regex(/^\d{4}Q[1-4]$/, "季度格式不正确");
const ids = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).map(Number).filter((n) => Number.isInteger(n) && n > 0));

// Part and milestone fields (part.<id>.v<i>, ms.<id>.done …) are checked against the project's own parts in load.
const reportSchema = z
  .object({
    projectNo: z.coerce.number().int().positive(),
    quarter: quarterCode,
    version: z.coerce.number().int().min(0),
    evidence: z.union([z.instanceof(File), z.array(z.instanceof(File))]).optional(),
    removeAttachment: ids,
  })
  // Every other field (text, metric values…) is one string: a repeated field is refused, not dropped.
  .catchall(z.string({ message: "该项只能填写一个值" }));
type ReportInput = z.output<typeof reportSchema>;

type Prepared = ProjectReportContext & { content: DraftContent | null; newFiles: NewAttachment[]; removeIds: number[] };

// The 督查室's desk lists every report's state: refresh it too (the review queue drops a reviewed report at once).
const reportPaths = (no: number, code: string) => [`/projects/${no}/report/${code}`, `/projects/${no}`, "/dashboard", "/my", "/supervision", "/supervision/review", "/supervision/overdue"];

function prepare(intent: ReportIntent) {
  return async ({ user, input }: ActionContext<ReportInput>): Promise<Prepared | null> => {
    const ctx = loadProjectReportContext(input.projectNo, input.quarter);
    if (!ctx) return null;
    // Only a user who may edit gets the form parsed and files stored; others are refused by authorize.
    if (!can(user, "report:edit", { leadUnitIds: ctx.leadUnitIds })) return { ...ctx, content: null, newFiles: [], removeIds: [] };
    const today = appToday();
    if (!canDraft(ctx.period, today)) throw new ValidationError("本季度尚未开始，暂不能填报");
    if (ctx.report && (ctx.report.status === "submitted" || ctx.report.status === "approved")) throw new ConflictError(REPORT_READ_ONLY_MESSAGE);
    const raw = Object.fromEntries(Object.entries(input).filter((e): e is [string, string] => typeof e[1] === "string"));
    const common = parseReportForm({ raw, metrics: [], hasMilestone: false, intent, today });
    const coverage = ctx.project.coverage;
    const values = parseProjectValues({
      raw,
      parts: ctx.project.parts,
      coverage: coverage && { partId: coverage.partId, unit: coverage.unit, target: coverage.target },
      intent,
      today,
    });
    if (!common.ok || !values.ok) {
      const errors = { ...(common.ok ? {} : common.errors), ...(values.ok ? {} : values.errors) };
      throw new ValidationError(intent === "submit" ? "还有内容未填写或有误，请按提示修改后再提交" : "有内容填写有误，请按提示修改", errors);
    }
    const newFiles = await storeUploads(uploadedFiles(input.evidence));
    return {
      ...ctx,
      content: { ...common.content, partValues: values.content.values, projectMilestones: values.content.milestones },
      newFiles,
      removeIds: input.removeAttachment,
    };
  };
}

function applied(result: ReportWrite) {
  if (result.ok) return result;
  if (result.reason === "readOnly") throw new ConflictError(REPORT_READ_ONLY_MESSAGE);
  if (result.reason === "conflict") throw new ConflictError(REPORT_CONFLICT_MESSAGE);
  throw new ValidationError("提交的内容与本项目不符，请刷新页面后重试");
}

function defineReportWrite(intent: ReportIntent) {
  const write = intent === "submit" ? submitReport : saveReportDraft;
  return defineAction({
    action: intent === "submit" ? "report.submit" : "report.save",
    entity: "report",
    schema: reportSchema,
    entityId: (input) => `project${input.projectNo}/${input.quarter}`,
    load: prepare(intent),
    authorize: (p) => [intent === "submit" ? "report:submit" : "report:edit", { leadUnitIds: p.leadUnitIds }],
    mutate: (tx, p, { user, input }) => {
      const result = applied(
        write(tx, {
          subject: { projectId: p.project.id },
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
    revalidate: ({ input }) => reportPaths(input.projectNo, input.quarter),
    successMessage: (r) => (intent === "submit" ? `已提交（第 ${r?.versionNo ?? 1} 版），等待督查室审核。` : `草稿已保存（${formatDateTime(Date.now())}）。`),
    // A submitted report is shown read-only, so the form (and its message) is gone: say it on the page.
    redirectTo: ({ input }, r) => (intent === "submit" ? `/projects/${input.projectNo}/report/${input.quarter}?submitted=${r?.versionNo ?? 1}` : null),
  });
}

export const saveProjectReport = defineReportWrite("save");
export const submitProjectReport = defineReportWrite("submit");

const reviewSchema = z.object({
  reportId: z.coerce.number().int().positive(),
  projectNo: z.coerce.number().int().positive(),
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
      const project = listProjectProgress({ no: input.projectNo })[0];
      // The project and quarter only name the pages to refresh; they must match the report.
      if (!ref || !project || ref.projectId !== project.id || ref.periodCode !== input.quarter) return null;
      return { ...ref, leadUnitIds: project.leadUnits.map((u) => u.id) };
    },
    guard: () => ["report:review"],
    mutate: (tx, ref, { user, input }) => {
      const result = reviewReport(tx, { reportId: ref.id, expectedVersion: input.version, decision, comment: input.comment || null, userId: user.id, now: Date.now() });
      if (!result.ok) {
        if (result.reason === "wrongState") throw new ConflictError("该报告当前不是“已提交”状态，无需审核；请刷新页面查看最新状态。");
        throw new ConflictError("该报告已有更新（可能已被重新提交或已审核），请刷新页面后再审核。");
      }
      if (decision === "return") {
        notify(
          tx,
          reportReturned({
            reportId: ref.id,
            versionNo: result.versionNo ?? 0,
            subject: `民生实事第${input.projectNo}项`,
            periodCode: ref.periodCode,
            comment: input.comment,
            leadUnitIds: ref.leadUnitIds,
            link: `/projects/${input.projectNo}/report/${ref.periodCode}`,
          }),
        );
      }
      return { before: { status: result.before?.status }, after: { status: result.status, comment: input.comment || null, versionNo: result.versionNo } };
    },
    revalidate: ({ input }) => reportPaths(input.projectNo, input.quarter),
    successMessage: decision === "approve" ? "已通过。" : "已退回，牵头单位可修改后重新提交。",
    redirectTo: ({ input }) => `/projects/${input.projectNo}/report/${input.quarter}?reviewed=${decision === "approve" ? "approved" : "returned"}`,
  });
}

export const approveProjectReport = defineReview("approve");
export const returnProjectReport = defineReview("return");
