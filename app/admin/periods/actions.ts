"use server";
import { z } from "zod";
import { ConflictError, defineAction, ValidationError } from "@/app/_lib/action";
import { getPeriodByCode, updatePeriodDueOn } from "@/db/queries/periods";
import { dueOnError } from "@/lib/periods";

/** The admin moves one quarter's report due date (audited with before and after). */
export const updateDueDate = defineAction({
  action: "period.updateDue",
  entity: "period",
  schema: z.object({
    code: z.string().regex(/^\d{4}Q[1-4]$/, "季度格式不正确"),
    version: z.coerce.number().int().positive(),
    dueOn: z.string().trim(),
  }),
  entityId: (input) => input.code,
  load: ({ input }) => {
    const period = getPeriodByCode({ code: input.code });
    if (!period) return null;
    const error = dueOnError(period, input.dueOn);
    if (error) throw new ValidationError(error, { dueOn: [error] });
    return period;
  },
  guard: () => ["period:edit"],
  mutate: (tx, period, { input }) => {
    const r = updatePeriodDueOn(tx, { periodId: period.id, dueOn: input.dueOn, expectedVersion: input.version });
    if (!r.ok) throw new ConflictError();
    return { before: r.before, after: r.after };
  },
  revalidate: () => ["/admin/periods", "/my"],
  successMessage: "截止日期已更新。",
});
