import { z } from "zod";
import { defineRoute } from "@/app/_lib/route";
import { appToday } from "@/app/_lib/today";
import { loadLedger } from "@/db/queries/ledger";
import { getPeriodByCode } from "@/db/queries/periods";
import { attachmentHeader } from "@/lib/excel";
import { XLSX_TYPE } from "@/lib/excel-print";
import { buildLedgerWorkbook } from "@/lib/ledger-workbook";
import { quarterLabel } from "@/lib/periods";

export const dynamic = "force-dynamic";

/**
 * The 台账 of a quarter in the gazette's 附件 layout, print-ready. Every role may download
 * it; a unit gets the tasks and projects it leads (the reports it may read and fill in).
 */
export const GET = defineRoute({
  action: "ledger.export",
  entity: "ledger",
  schema: z.object({ quarter: z.string({ message: "请选择季度" }).regex(/^\d{4}Q[1-4]$/, "季度格式不正确") }),
  entityId: (input) => input.quarter,
  load: ({ input, user }) => {
    const period = getPeriodByCode({ code: input.quarter });
    if (!period) return null;
    const today = appToday();
    const filter = { yearId: period.yearId, ...(user.role === "unit" && user.unitId !== null ? { leadUnitId: user.unitId } : {}) };
    return { period, asOf: today, subjects: loadLedger({ period, asOf: today, today, filter }) };
  },
  authorize: () => ["export"],
  auditRead: true,
  respond: async ({ loaded }) => {
    const body = await buildLedgerWorkbook({ periodCode: loaded.period.code, asOf: loaded.asOf, subjects: loaded.subjects });
    return new Response(new Uint8Array(body), {
      headers: {
        "content-type": XLSX_TYPE,
        "content-disposition": attachmentHeader(`重点工作台账-${quarterLabel(loaded.period.code)}-${loaded.asOf}.xlsx`),
        "cache-control": "no-store",
      },
    });
  },
});
