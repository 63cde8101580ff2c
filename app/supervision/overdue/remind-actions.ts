"use server";
// 批量催办 from the 逾期与滞后清单: the ticked items, or every item of the current filter, get
// a numbered 催办 each, one per addressed lead unit, with one 整改要求 and deadline for all,
// in one transaction; every notice is audited and its unit told, as a single 催办 would be.
import { z } from "zod";
import { defineAction, ValidationError } from "@/app/_lib/action";
import { currentProgrammeYear } from "@/app/_lib/programme-year";
import { appToday } from "@/app/_lib/today";
import { writeAudit } from "@/db/audit";
import { getNoticeSubjectByKey, insertNotice } from "@/db/queries/notices";
import { notify } from "@/db/queries/notifications";
import { getPeriodByCode } from "@/db/queries/periods";
import { noticeIssued } from "@/lib/notification-rules";
import { addDays } from "@/lib/periods";
import { noticeLinks } from "../notices/notice-helpers";
import { loadOverdueView } from "./overdue-view";

const MAX_BATCH = 200;

const keys = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
  .pipe(z.array(z.string().regex(/^(task|project):\d{1,4}$/, "勾选的事项无效，请刷新页面")).max(MAX_BATCH, `一次最多催办 ${MAX_BATCH} 项`));

export const remindOverdue = defineAction({
  action: "notice.bulkRemind",
  entity: "notice",
  schema: z.object({
    scope: z.enum(["selected", "filter"], { message: "请选择催办范围" }),
    items: keys,
    /** The list's filter as its URL query ("unit=民政局&reason=missing"). */
    query: z.string().max(500).optional().default(""),
    days: z
      .string({ message: "请填写办理天数" })
      .trim()
      .regex(/^\d{1,3}$/, "请填写整数天数，如 5")
      .transform(Number)
      .pipe(z.number().min(1, "办理期限至少 1 天").max(60, "办理期限不超过 60 天")),
    requirement: z.string({ message: "请填写整改要求" }).trim().min(1, "请填写整改要求").max(1000, "整改要求请控制在 1000 字以内"),
  }),
  load: async ({ input }) => {
    const view = await loadOverdueView(new URLSearchParams(input.query), appToday());
    if (view.asOf !== view.today) throw new ValidationError("历史日期的清单不能催办，请切换到今天");
    const chosen = input.scope === "filter" ? view.entries : view.entries.filter((e) => input.items.includes(e.subject.key));
    if (input.scope === "selected" && chosen.length !== new Set(input.items).size) throw new ValidationError("勾选的事项已不在清单中，请刷新页面后重试");
    if (chosen.length === 0) throw new ValidationError("请至少勾选一项", { items: ["请至少勾选一项"] });
    if (chosen.length > MAX_BATCH) throw new ValidationError(`一次最多催办 ${MAX_BATCH} 项，请缩小筛选范围`);
    const { id: yearId } = await currentProgrammeYear();
    return chosen.map((entry) => ({ entry, subject: getNoticeSubjectByKey({ yearId, key: entry.subject.key })! }));
  },
  authorize: () => ["notice:issue"],
  mutate: (tx, list, { input, user, ip }) => {
    const now = Date.now();
    const deadline = addDays(appToday(), input.days);
    const issued: { id: number; title: string; subject: string; unit: string }[] = [];
    for (const { entry, subject } of list) {
      const period = entry.periodCode ? getPeriodByCode({ code: entry.periodCode }) : null;
      const problem = entry.reasons.map((r) => r.text).join("；");
      for (const unit of subject.leadUnits) {
        const created = insertNotice(tx, {
          taskId: subject.taskId,
          projectId: subject.projectId,
          periodId: period?.id ?? null,
          level: "cuiban",
          problem,
          requirement: input.requirement,
          deadline,
          unitIds: [unit.id],
          byId: user.id,
          now,
        });
        notify(
          tx,
          noticeIssued({
            id: created.id,
            title: created.title,
            subject: entry.subject.label,
            deadline,
            unitIds: [unit.id],
            link: noticeLinks(created.id).unit,
          }),
        );
        writeAudit(tx, {
          actor: user,
          ip,
          action: "notice.issue",
          entity: "notice",
          entityId: created.id,
          outcome: "success",
          after: {
            subject: entry.subject.key,
            level: "cuiban",
            title: created.title,
            serialNo: created.serialNo,
            problem,
            requirement: input.requirement,
            deadline,
            units: [unit.name],
            bulk: true,
          },
        });
        issued.push({ id: created.id, title: created.title, subject: entry.subject.label, unit: unit.name });
      }
    }
    if (issued.length === 0) throw new ValidationError("所选事项没有牵头单位，无法催办");
    return { after: { scope: input.scope, query: input.query, deadline, notices: issued.map((n) => n.id) }, result: issued };
  },
  revalidate: () => ["/supervision", "/supervision/overdue", "/supervision/notices", "/my"],
  successMessage: (issued) =>
    `已发出 ${issued?.length ?? 0} 份催办（${issued?.[0]?.title ?? ""}${issued && issued.length > 1 ? ` 至 ${issued.at(-1)!.title}` : ""}），回复期限已通知各单位。`,
});
