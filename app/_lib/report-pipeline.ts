import "server-only";
// One report lifecycle for every kind of subject (key tasks, livelihood projects): save
// with a version check, submit (frozen as a version), approve or return. A kind brings an
// adapter that loads its context and parses its own fields; everything else — who may
// act, file storage, the write, notifications, pages to refresh, the answers — is here once.
import { z } from "zod";
import { notify, resolveReportReminders } from "@/db/queries/notifications";
import type { PeriodRow } from "@/db/queries/periods";
import { getReportRef } from "@/db/queries/reports";
import { subjectOfRow } from "@/db/queries/report-subject";
import { reviewReport, saveReportDraft, submitReport, type DraftContent, type ReportSubject, type ReportWrite } from "@/db/queries/report-writes";
import type { NewAttachment } from "@/db/queries/attachments";
import { formatDateTime } from "@/lib/format-time";
import { coopNoteAdded, reportApproved, reportPartSubmitted, reportReturned, reportSubmitted } from "@/lib/notification-rules";
import { canDraft, dayOfTimestamp } from "@/lib/periods";
import {
  COOP_NOTE_MAX_CHARS,
  MAX_FILES_PER_SAVE,
  REPORT_CONFLICT_MESSAGE,
  REPORT_READ_ONLY_MESSAGE,
  TEXT_MAX_CHARS,
  type ReportIntent,
} from "@/lib/report-form";
import { compilerOf } from "@/lib/unit-reporting";
import { LATE_NOTE_FIELD, needsLateNote, parseLateNote } from "@/lib/late-note";
import { confirmWarnings, plausibilityWarnings, type PlausibilityInput, type PlausibilityWarning } from "@/lib/plausibility";
import { savePart } from "@/db/queries/report-parts";
import { saveCoopNote } from "@/db/queries/coop-notes";
import { reportPath, subjectFullLabel, subjectKey, subjectPath, type SubjectRef } from "@/lib/subject";
import { reviewSearch } from "@/lib/review-filter";
import { PROGRESS_LAMPS, type ProgressLamp, type ReportState } from "@/lib/vocabulary";
import { ConflictError, defineAction, ValidationError } from "./action";
import { STALE_UPLOAD_MESSAGE } from "./errors";
import { storeUploads, uploadedFiles } from "./evidence-upload";
import { appNow, appToday } from "./today";

/** What the pipeline needs to know about a loaded subject's quarter. */
export interface ReportSubjectFacts {
  subject: ReportSubject;
  ref: SubjectRef;
  /** The task's 目标任务 or the project's name, for notifications. */
  title: string;
  period: PeriodRow;
  report: { status: ReportState; firstSubmittedAt: number | null } | null;
  leadUnitIds: number[];
  coopUnitIds: number[];
  /**
   * A monthly 督办事项: the month begun without a report (lib/quarter-status.ts
   * judgeMonthlyReporting). A submitted or approved report then takes a new submission for it,
   * judged late against the month's due day.
   */
  owedMonth?: { month: number; dueOn: string } | null;
}

export type ParsedReport = { ok: true; content: DraftContent } | { ok: false; errors: Record<string, string[]> };

export interface ReportAdapter<C> {
  /** The form field carrying the subject's 序号: "taskNo", "projectNo" or "itemNo". */
  field: "taskNo" | "projectNo" | "itemNo";
  load: (no: number, quarter: string) => C | null;
  facts: (ctx: C) => ReportSubjectFacts;
  /** The kind's own fields (metrics and node; or part values and stages) plus the common ones. */
  parse: (ctx: C, raw: Record<string, string>, intent: ReportIntent, today: string) => ParsedReport;
  /** Why this quarter cannot be reported for the subject (a 督办事项 not due in it), or null. */
  closed?: (ctx: C) => string | null;
  /** The typed numbers with what they are checked against (lib/plausibility.ts). */
  plausibility: (ctx: C, content: DraftContent) => PlausibilityInput[];
}

/**
 * What a unit adds to numbers that look wrong and to a late report: a reason for each
 * plausibility warning and a 逾期说明. Submitting needs them; a draft keeps what was typed.
 * A form without the 逾期说明 field leaves a stored one as it is.
 */
function explanations(
  warnings: PlausibilityWarning[],
  raw: Record<string, string>,
  { submitting, late, overdue }: { submitting: boolean; late: boolean; overdue?: string },
): { ok: true; extra: Pick<DraftContent, "confirmations" | "lateNote"> } | { ok: false; errors: Record<string, string[]> } {
  const confirmed = confirmWarnings(warnings, raw, { required: submitting });
  const errors = { ...confirmed.errors };
  let lateNote: string | null | undefined;
  if (late || LATE_NOTE_FIELD in raw) {
    const parsed = parseLateNote(raw[LATE_NOTE_FIELD], { required: submitting && late, overdue });
    if (parsed.ok) lateNote = parsed.note;
    else errors[LATE_NOTE_FIELD] = [parsed.message];
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, extra: { confirmations: confirmed.confirmations, ...(lateNote === undefined ? {} : { lateNote }) } };
}

const MONTH_SUBMIT_ONLY_MESSAGE = "本季度报告已提交，本月报告请在此基础上更新后直接提交（不保存草稿）；您填写的内容仍在表单中。";

const quarterCode = z.string().regex(/^\d{4}Q[1-4]$/, "季度格式不正确");
/** An optional form field: "" (a hidden input left empty) reads as null. */
const optional = <T extends string>(schema: z.ZodType<T>) =>
  schema
    .optional()
    .or(z.literal(""))
    .transform((v): T | null => (v ? (v as T) : null));
const ids = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).map(Number).filter((n) => Number.isInteger(n) && n > 0));

/** Staged upload ids to attach: each must be one (a garbled list is refused, not dropped). */
const attachIds = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
  .refine((list) => list.every((id) => /^\d{1,10}$/.test(id.trim())), { message: "附件编号无效，请重新上传附件" })
  .transform((list) => list.map(Number));

/** The 督查室's desk lists every report's state, and the dashboard counts them: refresh them all. */
function reportPaths(ref: SubjectRef, code: string): string[] {
  return [reportPath(ref, code), subjectPath(ref), "/my", "/supervision", "/supervision/review", "/supervision/overdue", "/dashboard"];
}

function applied(result: ReportWrite): Extract<ReportWrite, { ok: true }> {
  if (result.ok) return result;
  if (result.reason === "readOnly") throw new ConflictError(REPORT_READ_ONLY_MESSAGE);
  if (result.reason === "conflict") throw new ConflictError(REPORT_CONFLICT_MESSAGE);
  if (result.reason === "staleUpload") throw new ValidationError(STALE_UPLOAD_MESSAGE, { evidence: [STALE_UPLOAD_MESSAGE] });
  throw new ValidationError("提交的内容与本事项不符，请刷新页面后重试");
}

const FIELD_KIND = { taskNo: "task", projectNo: "project", itemNo: "item" } as const;
/** The audit entity id's prefix: "32/2026Q3", "project2/2026Q3", "item12/2026Q3". */
const ENTITY_PREFIX = { taskNo: "", projectNo: "project", itemNo: "item" } as const;

/** Save, submit, approve and return for one kind of subject. */
export function reportActions<C>(adapter: ReportAdapter<C>) {
  const { field } = adapter;
  const kind = FIELD_KIND[field];
  const refOf = (no: number): SubjectRef => ({ kind, no });

  const writeSchema = z
    .object({
      [field]: z.coerce.number().int().positive(),
      quarter: quarterCode,
      version: z.coerce.number().int().min(0),
      evidence: z.union([z.instanceof(File), z.array(z.instanceof(File))]).optional(),
      /** Staged uploads (app/api/evidence/uploads) to attach: the form's way of sending evidence. */
      attach: attachIds,
      removeAttachment: ids,
    })
    // Every other field (text, values…) is one string: a repeated field is refused, not dropped.
    .catchall(z.string({ message: "该项只能填写一个值" }));
  // The schema's keys depend on `field`, so its inferred type is loose: these read it back typed.
  const noOf = (input: object) => (input as Record<string, unknown>)[field] as number;
  const quarterOf = (input: object) => (input as { quarter: string }).quarter;
  const versionOf = (input: object) => (input as { version: number }).version;

  function defineWrite(intent: ReportIntent) {
    const write = intent === "submit" ? submitReport : saveReportDraft;
    return defineAction({
      action: intent === "submit" ? "report.submit" : "report.save",
      entity: "report",
      schema: writeSchema,
      entityId: (input) => `${ENTITY_PREFIX[field]}${noOf(input)}/${quarterOf(input)}`,
      load: ({ input }) => {
        const ctx = adapter.load(noOf(input), quarterOf(input));
        return ctx && { ctx, facts: adapter.facts(ctx) };
      },
      authorize: ({ facts }) => [intent === "submit" ? "report:submit" : "report:edit", { leadUnitIds: facts.leadUnitIds }],
      // Parsing and file storage run for an authorized caller only.
      prepare: async ({ ctx, facts }, { input }) => {
        const today = appToday();
        if (!canDraft(facts.period, today)) throw new ValidationError("本季度尚未开始，暂不能填报");
        const closed = adapter.closed?.(ctx);
        if (closed) throw new ValidationError(closed);
        const reopen = Boolean(facts.owedMonth) && (facts.report?.status === "submitted" || facts.report?.status === "approved");
        if (facts.report && (facts.report.status === "submitted" || facts.report.status === "approved") && !reopen)
          throw new ConflictError(REPORT_READ_ONLY_MESSAGE);
        // The month's report is a new submitted version: a draft would hide the submitted one.
        if (reopen && intent !== "submit") throw new ValidationError(MONTH_SUBMIT_ONLY_MESSAGE);
        const raw = Object.fromEntries(Object.entries(input).filter((e): e is [string, string] => typeof e[1] === "string"));
        const parsed = adapter.parse(ctx, raw, intent, today);
        if (!parsed.ok)
          throw new ValidationError(intent === "submit" ? "还有内容未填写或有误，请按提示修改后再提交" : "有内容填写有误，请按提示修改", parsed.errors);
        const late = facts.owedMonth
          ? today > facts.owedMonth.dueOn
          : needsLateNote({ dueOn: facts.period.dueOn, today, firstSubmittedAt: facts.report?.firstSubmittedAt ?? null });
        const explained = explanations(plausibilityWarnings(adapter.plausibility(ctx, parsed.content)), raw, {
          submitting: intent === "submit",
          late,
          ...(facts.owedMonth ? { overdue: `${facts.owedMonth.month}月报告` } : {}),
        });
        if (!explained.ok)
          throw new ValidationError(
            intent === "submit" ? "有数字需要核对，或需填写逾期说明：请按提示写明原因后再提交" : "有内容填写有误，请按提示修改",
            explained.errors,
          );
        const content: DraftContent = { ...parsed.content, ...explained.extra };
        const attachIds = input.attach as number[];
        if (attachIds.length > MAX_FILES_PER_SAVE)
          throw new ValidationError(`一次最多附上 ${MAX_FILES_PER_SAVE} 个附件`, { evidence: [`一次最多附上 ${MAX_FILES_PER_SAVE} 个附件`] });
        const newFiles: NewAttachment[] = await storeUploads(uploadedFiles(input.evidence as File | File[] | undefined));
        return { facts, content, newFiles, attachIds, removeIds: input.removeAttachment as number[], reopen };
      },
      mutate: (tx, p, { user, input }) => {
        const now = appNow();
        const result = applied(
          write(tx, {
            subject: p.facts.subject,
            periodId: p.facts.period.id,
            expectedVersion: versionOf(input),
            content: p.content,
            files: { add: p.newFiles, attach: p.attachIds, removeIds: p.removeIds },
            userId: user.id,
            now,
            reopen: p.reopen,
          }),
        );
        if (intent === "submit") {
          resolveReportReminders(tx, { ref: p.facts.ref, periodCode: p.facts.period.code, now });
          notify(
            tx,
            reportSubmitted({
              reportId: result.reportId,
              versionNo: result.versionNo ?? 1,
              subject: subjectFullLabel(p.facts.ref, p.facts.title, 20),
              periodCode: p.facts.period.code,
              late: dayOfTimestamp(now) > (p.facts.owedMonth?.dueOn ?? p.facts.period.dueOn),
              link: reportPath(p.facts.ref, p.facts.period.code),
            }),
          );
        }
        return { entityId: result.reportId, before: result.before, after: result.after, result };
      },
      revalidate: ({ input }) => reportPaths(refOf(noOf(input)), quarterOf(input)),
      successMessage: () => `草稿已保存（${formatDateTime(Date.now())}）。`,
      // After submitting, the form gives way to the read-only report: the page says the outcome.
      redirectTo: ({ input }, r) => (intent === "submit" ? `${reportPath(refOf(noOf(input)), quarterOf(input))}?submitted=${r?.versionNo ?? 1}` : null),
    });
  }

  const reviewSchema = z.object({
    reportId: z.coerce.number().int().positive(),
    [field]: z.coerce.number().int().positive(),
    quarter: quarterCode,
    version: z.coerce.number().int().positive(),
    comment: z.string().trim().max(1000, "意见请控制在 1000 字以内").optional().default(""),
    /** "queue": reviewed from the review queue, which comes back on its filters with the next report open. */
    from: z.enum(["queue"], { message: "来源无效" }).optional(),
    next: z.coerce.number().int().nonnegative().optional().default(0),
    // The queue's filters, each in a field of its own (the report's quarter travels as "quarter").
    filterQuarter: optional(quarterCode),
    filterUnit: optional(z.string().trim().max(40, "单位名称过长")),
    filterLamp: optional(z.enum(PROGRESS_LAMPS, { message: "进度灯无效" })),
  });

  function defineReview(decision: "approve" | "return") {
    return defineAction({
      action: decision === "approve" ? "report.approve" : "report.return",
      entity: "report",
      schema:
        decision === "return"
          ? reviewSchema.refine((v) => (v.comment as string).length >= 2, { path: ["comment"], message: "退回时请写明退回原因和修改要求" })
          : reviewSchema,
      entityId: (input) => input.reportId as number,
      load: ({ input }) => {
        const ref = getReportRef({ reportId: input.reportId as number });
        const ctx = adapter.load(noOf(input), input.quarter as string);
        if (!ref || !ctx) return null;
        const facts = adapter.facts(ctx);
        // The subject and quarter only name the pages to refresh; they must match the report.
        const own = JSON.stringify(subjectOfRow(ref)) === JSON.stringify(facts.subject);
        return own && ref.periodCode === input.quarter ? { report: ref, facts } : null;
      },
      guard: () => ["report:review"],
      mutate: (tx, { report, facts }, { user, input }) => {
        const comment = (input.comment as string) || null;
        const result = reviewReport(tx, { reportId: report.id, expectedVersion: input.version as number, decision, comment, userId: user.id, now: appNow() });
        if (!result.ok) {
          if (result.reason === "wrongState") throw new ConflictError("该报告当前不是“已提交”状态，无需审核；请刷新页面查看最新状态。");
          throw new ConflictError("该报告已有更新（可能已被重新提交或已审核），请刷新页面后再审核。");
        }
        const told = {
          reportId: report.id,
          versionNo: result.versionNo ?? 0,
          subject: subjectFullLabel(facts.ref, facts.title, 20),
          periodCode: report.periodCode,
          leadUnitIds: facts.leadUnitIds,
          link: reportPath(facts.ref, report.periodCode),
        };
        notify(tx, decision === "return" ? reportReturned({ ...told, comment: comment ?? "" }) : reportApproved({ ...told, comment }));
        return { before: { status: result.before?.status }, after: { status: result.status, comment, versionNo: result.versionNo } };
      },
      revalidate: ({ input }) => reportPaths(refOf(noOf(input)), input.quarter as string),
      successMessage: decision === "approve" ? "已通过。" : "已退回，牵头单位可修改后重新提交。",
      // On the report page the review panel disappears once the report is no longer 已提交, so the
      // page says the outcome; the review queue stays where it is and moves on to the next report.
      redirectTo: ({ input }) => {
        if (input.from !== "queue")
          return `${reportPath(refOf(noOf(input)), input.quarter as string)}?reviewed=${decision === "approve" ? "approved" : "returned"}`;
        const next = (input.next as number) || null;
        const filter = {
          quarter: input.filterQuarter as string | null,
          unit: input.filterUnit as string | null,
          lamp: input.filterLamp as ProgressLamp | null,
        };
        return `/supervision/review${reviewSearch(filter, next)}${next ? `#queue-${next}` : ""}`;
      },
    });
  }

  const partSchema = z.object({
    [field]: z.coerce.number().int().positive(),
    quarter: quarterCode,
    version: z.coerce.number().int().min(0),
    progress: z.string().trim().max(TEXT_MAX_CHARS, `请控制在 ${TEXT_MAX_CHARS} 字以内`),
    problems: z.string().trim().max(TEXT_MAX_CHARS, `请控制在 ${TEXT_MAX_CHARS} 字以内`).optional().default(""),
    attach: attachIds,
    removeAttachment: ids,
  });

  /** A co-lead unit's own part: saved, or sent to the compiler (who is notified). */
  function definePartWrite(intent: ReportIntent) {
    return defineAction({
      action: intent === "submit" ? "reportPart.submit" : "reportPart.save",
      entity: "reportPart",
      schema:
        intent === "submit"
          ? partSchema.refine((v) => (v.progress as string).length > 0, { path: ["progress"], message: "请填写本单位负责部分的工作进展" })
          : partSchema,
      entityId: (input) => `${ENTITY_PREFIX[field]}${noOf(input)}/${quarterOf(input)}`,
      load: ({ input }) => {
        const ctx = adapter.load(noOf(input), quarterOf(input));
        return ctx && { ctx, facts: adapter.facts(ctx) };
      },
      authorize: ({ facts }) => ["reportPart:edit", { leadUnitIds: facts.leadUnitIds }],
      prepare: ({ ctx, facts }, { input }) => {
        if (!canDraft(facts.period, appToday())) throw new ValidationError("本季度尚未开始，暂不能填报");
        const closed = adapter.closed?.(ctx);
        if (closed) throw new ValidationError(closed);
        const attach = input.attach as number[];
        if (attach.length > MAX_FILES_PER_SAVE)
          throw new ValidationError(`一次最多附上 ${MAX_FILES_PER_SAVE} 个附件`, { evidence: [`一次最多附上 ${MAX_FILES_PER_SAVE} 个附件`] });
        return facts;
      },
      mutate: (tx, facts, { user, input }) => {
        const now = appNow();
        const r = savePart(tx, {
          subject: facts.subject,
          periodId: facts.period.id,
          unitId: user.unitId!,
          expectedVersion: versionOf(input),
          progress: input.progress as string,
          problems: input.problems as string,
          submit: intent === "submit",
          files: { attach: input.attach as number[], removeIds: input.removeAttachment as number[] },
          userId: user.id,
          now,
        });
        if (!r.ok) {
          if (r.reason === "readOnly") throw new ConflictError("牵头单位已提交汇总报告，本单位负责部分不能再修改；如需补充请联系牵头单位。");
          if (r.reason === "staleUpload") throw new ValidationError(STALE_UPLOAD_MESSAGE, { evidence: [STALE_UPLOAD_MESSAGE] });
          throw new ConflictError("本单位负责部分已被本单位其他人员修改，请刷新页面后再保存；您填写的内容已保留在表单中。");
        }
        const compiler = compilerOf(facts.leadUnitIds);
        if (intent === "submit" && compiler !== null) {
          notify(
            tx,
            reportPartSubmitted({
              partId: r.partId,
              version: r.version,
              unitName: user.unitName ?? "共同牵头单位",
              subject: subjectFullLabel(facts.ref, facts.title, 20),
              periodCode: facts.period.code,
              compilerUnitId: compiler,
              link: reportPath(facts.ref, facts.period.code),
            }),
          );
        }
        return { entityId: r.partId, before: r.before, after: r.after };
      },
      revalidate: ({ input }) => reportPaths(refOf(noOf(input)), quarterOf(input)),
      successMessage: () =>
        intent === "submit" ? `本单位负责部分已报送牵头单位（${formatDateTime(Date.now())}）。` : `草稿已保存（${formatDateTime(Date.now())}）。`,
    });
  }

  const noteSchema = z.object({
    [field]: z.coerce.number().int().positive(),
    quarter: quarterCode,
    version: z.coerce.number().int().min(0),
    text: z.string().trim().min(1, "请填写配合情况").max(COOP_NOTE_MAX_CHARS, `请控制在 ${COOP_NOTE_MAX_CHARS} 字以内`),
    attach: attachIds,
    removeAttachment: ids,
  });

  /**
   * A cooperating unit's 配合情况 (a task's or 督办事项's 配合单位, a project's 相关责任单位) with
   * its evidence, staged like a report's. A unit's first note tells the lead units.
   */
  const saveNote = defineAction({
    action: "coopNote.save",
    entity: "coopNote",
    schema: noteSchema,
    entityId: (input) => `${ENTITY_PREFIX[field]}${noOf(input)}/${quarterOf(input)}`,
    load: ({ input }) => {
      const ctx = adapter.load(noOf(input), quarterOf(input));
      return ctx && { ctx, facts: adapter.facts(ctx) };
    },
    authorize: ({ facts }) => ["coopNote:edit", { coopUnitIds: facts.coopUnitIds }],
    prepare: ({ ctx, facts }, { input }) => {
      if (!canDraft(facts.period, appToday())) throw new ValidationError("本季度尚未开始，暂不能填写配合情况");
      // A quarter the subject takes no report in (a 督办事项 not due in it) takes no note either.
      const closed = adapter.closed?.(ctx);
      if (closed) throw new ValidationError(closed);
      if ((input.attach as number[]).length > MAX_FILES_PER_SAVE)
        throw new ValidationError(`一次最多附上 ${MAX_FILES_PER_SAVE} 个附件`, { evidence: [`一次最多附上 ${MAX_FILES_PER_SAVE} 个附件`] });
      return facts;
    },
    mutate: (tx, facts, { user, input }) => {
      const r = saveCoopNote(tx, {
        subject: facts.subject,
        periodId: facts.period.id,
        unitId: user.unitId!,
        text: input.text as string,
        expectedVersion: versionOf(input),
        files: { attach: input.attach as number[], removeIds: input.removeAttachment as number[] },
        userId: user.id,
        now: appNow(),
      });
      if (!r.ok) {
        if (r.reason === "staleUpload") throw new ValidationError(STALE_UPLOAD_MESSAGE, { evidence: [STALE_UPLOAD_MESSAGE] });
        throw new ConflictError("配合情况已被本单位其他人员修改，请刷新页面后再保存；您填写的内容已保留在表单中。");
      }
      if (r.before === null)
        notify(
          tx,
          coopNoteAdded({
            noteId: r.noteId,
            unitName: user.unitName ?? "配合单位",
            subject: subjectFullLabel(facts.ref, facts.title, 20),
            subjectKey: subjectKey(facts.ref),
            periodCode: facts.period.code,
            leadUnitIds: facts.leadUnitIds,
            link: `${reportPath(facts.ref, facts.period.code)}#coop-heading`,
          }),
        );
      return { entityId: r.noteId, before: r.before, after: r.after };
    },
    revalidate: ({ input }) => [reportPath(refOf(noOf(input)), quarterOf(input)), subjectPath(refOf(noOf(input))), "/my"],
    successMessage: () => `配合情况已保存（${formatDateTime(Date.now())}）。`,
  });

  return {
    saveNote,
    save: defineWrite("save"),
    submit: defineWrite("submit"),
    approve: defineReview("approve"),
    reject: defineReview("return"),
    savePart: definePartWrite("save"),
    submitPart: definePartWrite("submit"),
  };
}
