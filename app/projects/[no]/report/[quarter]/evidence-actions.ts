"use server";
// 可公开: the compiling lead unit lets an evidence photo of its project report appear on the
// public page (/public/projects). It shows there only once a version holding it is approved,
// and the flag is set while the report is still the unit's to edit, so the 督查室 approves it too.
import { z } from "zod";
import { defineAction, ValidationError } from "@/app/_lib/action";
import { listReportAttachments, setAttachmentPublic } from "@/db/queries/attachments";
import { loadProjectReportContext, parseProjectNo } from "./report-context";

export const markEvidencePublic = defineAction({
  action: "attachment.public",
  entity: "attachment",
  schema: z.object({
    projectNo: z.string({ message: "项目不存在" }).transform((v, ctx) => {
      const no = parseProjectNo(v);
      if (no === null) ctx.addIssue({ code: "custom", message: "项目不存在" });
      return no ?? 0;
    }),
    quarter: z.string({ message: "季度不存在" }).regex(/^\d{4}Q[1-4]$/, "季度不存在"),
    attachmentId: z.coerce.number({ message: "佐证材料不存在" }).int().positive("佐证材料不存在"),
    public: z.enum(["1", "0"], { error: "请选择是否公开" }),
  }),
  entityId: (input) => input.attachmentId,
  load: ({ input }) => {
    const ctx = loadProjectReportContext(input.projectNo, input.quarter);
    if (!ctx?.report) return null;
    const file = listReportAttachments({ reportId: ctx.report.id }).find((a) => a.id === input.attachmentId);
    return file ? { ctx, report: ctx.report, file } : null;
  },
  authorize: ({ ctx }) => ["report:edit", { leadUnitIds: ctx.leadUnitIds }],
  mutate: (tx, { ctx, report, file }, { input }) => {
    if (report.status === "submitted" || report.status === "approved") throw new ValidationError("报告已提交，不能再更改公开设置");
    if (!file.mime.startsWith("image/")) throw new ValidationError("只有照片（图片）可以公开");
    const value = input.public === "1";
    setAttachmentPublic(tx, { id: file.id, value });
    return {
      entityId: file.id,
      before: { public: file.public },
      after: { public: value },
      result: { path: `/projects/${ctx.project.no}/report/${input.quarter}` },
    };
  },
  revalidate: (_ctx, r) => (r ? [r.path] : []),
  successMessage: (r) => (r ? "公开设置已保存（报告审核通过后在政务公开页面显示）。" : "已保存。"),
});
