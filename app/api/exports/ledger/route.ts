import { z } from "zod";
import { defineRoute } from "@/app/_lib/route";
import { appToday } from "@/app/_lib/today";
import { listItems } from "@/db/queries/items";
import { loadLedger } from "@/db/queries/ledger";
import { getPeriodByCode } from "@/db/queries/periods";
import { attachmentHeader } from "@/lib/excel";
import { XLSX_TYPE } from "@/lib/excel-print";
import { buildLedgerWorkbook } from "@/lib/ledger-workbook";
import { quarterLabel } from "@/lib/periods";
import { itemSourceOf } from "@/lib/supervision-items";
import { SUPERVISION_SOURCES, SUPERVISION_SOURCE_LABEL } from "@/lib/vocabulary";

export const dynamic = "force-dynamic";

/**
 * The 台账 of a quarter in the gazette's 附件 layout, print-ready. Every role may download
 * it; a unit gets the tasks and projects it leads (the reports it may read and fill in) and
 * the 督办事项 it leads or cooperates on. `source` narrows it to one source (the screens' filter).
 */
export const GET = defineRoute({
  action: "ledger.export",
  entity: "ledger",
  schema: z.object({
    quarter: z.string({ message: "请选择季度" }).regex(/^\d{4}Q[1-4]$/, "季度格式不正确"),
    source: z.enum(SUPERVISION_SOURCES, { message: "来源不正确" }).optional(),
  }),
  entityId: (input) => input.quarter,
  load: ({ input, user }) => {
    const period = getPeriodByCode({ code: input.quarter });
    if (!period) return null;
    const today = appToday();
    const unitId = user.role === "unit" ? user.unitId : null;
    const filter = { yearId: period.yearId, ...(unitId !== null ? { leadUnitId: unitId } : {}) };
    const source = input.source ?? null;
    const itemSource = itemSourceOf(source);
    const subjects = itemSource ? [] : loadLedger({ period, asOf: today, today, filter }).filter((s) => !source || s.ref.kind === source);
    const items = source && !itemSource ? [] : listItems({ yearId: period.yearId, source: itemSource, unitId });
    return { period, asOf: today, subjects, items, source };
  },
  authorize: () => ["export"],
  auditRead: true,
  respond: async ({ loaded }) => {
    const body = await buildLedgerWorkbook({ periodCode: loaded.period.code, asOf: loaded.asOf, subjects: loaded.subjects, items: loaded.items });
    const of = loaded.source ? `-${SUPERVISION_SOURCE_LABEL[loaded.source].replace(/[“”]/g, "")}` : "";
    return new Response(new Uint8Array(body), {
      headers: {
        "content-type": XLSX_TYPE,
        "content-disposition": attachmentHeader(`重点工作台账${of}-${quarterLabel(loaded.period.code)}-${loaded.asOf}.xlsx`),
        "cache-control": "no-store",
      },
    });
  },
});
