import { ConflictError, ValidationError } from "@/app/_lib/action";
import { defineRoute } from "@/app/_lib/route";
import { applyLedgerImport, LedgerImportConflict } from "@/db/queries/ledger";
import { notify } from "@/db/queries/notifications";
import { reportSubmitted } from "@/lib/notification-rules";
import { dayOfTimestamp } from "@/lib/periods";
import { parseSubjectKey, reportPath, subjectFullLabel, subjectLabel } from "@/lib/subject";
import { importPermission, importSchema, loadImport, readImportForm } from "./load-import";

export const dynamic = "force-dynamic";

/**
 * Imports a filled-in 台账: every changed row is saved (as a draft or a submission) in one
 * transaction, each report audited like the form's own save; any refused cell saves nothing.
 */
export const POST = defineRoute({
  action: "ledger.import",
  entity: "ledger",
  schema: importSchema,
  read: (req) => readImportForm(req),
  entityId: (input) => input.quarter,
  load: loadImport,
  authorize: (_loaded, ctx) => importPermission(ctx),
  mutate: (tx, loaded, { input, user, ip }) => {
    if (!loaded.ok) throw new ValidationError(loaded.message, { file: loaded.errors.length ? loaded.errors : [loaded.message] });
    const now = Date.now();
    let saved;
    try {
      saved = applyLedgerImport(tx, { saves: loaded.plan.saves, periodId: loaded.period.id, intent: input.intent, actor: user, ip, userId: user.id, now });
    } catch (error) {
      if (!(error instanceof LedgerImportConflict)) throw error;
      const ref = parseSubjectKey(error.subjectKey);
      throw new ConflictError(`${ref ? subjectLabel(ref) : "一份报告"}在预览后已被修改，本次未保存任何报告；请重新导出台账后再导入。`);
    }
    if (input.intent === "submit") {
      // The 督查室 hears of each submission as it does from the form.
      const late = dayOfTimestamp(now) > loaded.period.dueOn;
      for (const [i, s] of saved.entries()) {
        const { subject } = loaded.plan.saves[i]!;
        notify(
          tx,
          reportSubmitted({
            reportId: s.reportId,
            versionNo: s.versionNo ?? 1,
            subject: subjectFullLabel(subject.ref, subject.title, 20),
            periodCode: loaded.period.code,
            late,
            link: reportPath(subject.ref, loaded.period.code),
          }),
        );
      }
    }
    return { after: { quarter: input.quarter, intent: input.intent, file: input.file.name, reports: saved }, result: saved };
  },
  respond: ({ result, ctx }) =>
    Response.json({
      ok: true,
      message: `已导入 ${result?.length ?? 0} 份报告（${ctx.input.intent === "submit" ? "已提交" : "已保存为草稿"}）。`,
      saved: result ?? [],
    }),
});
