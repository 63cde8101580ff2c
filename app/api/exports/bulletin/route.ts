import { z } from "zod";
import { defineRoute } from "@/app/_lib/route";
import { appToday } from "@/app/_lib/today";
import { draftDocNo, renderBulletin } from "@/app/supervision/bulletins/render-bulletin";
import { getDraftBulletin, getIssuedDocument } from "@/db/queries/bulletins";
import { getPeriodByCode } from "@/db/queries/periods";
import { env } from "@/lib/env";
import { attachmentHeader } from "@/lib/excel";
import { DOCX_TYPE } from "@/lib/official-doc";
import { quarterLabel } from "@/lib/periods";

export const dynamic = "force-dynamic";

const schema = z.union([
  z.object({ id: z.coerce.number().int().positive() }),
  z.object({ quarter: z.string({ message: "请选择季度" }).regex(/^\d{4}Q[1-4]$/, "季度格式不正确") }),
]);

/**
 * ?quarter=2026Q3: the quarter's 通报 drafted from today's data (with the draft's 文号 prefix
 * and 下步工作 if there is a draft). ?id=N: an issued 通报, byte for byte as it was issued.
 */
export const GET = defineRoute({
  action: "bulletin.download",
  entity: "bulletin",
  schema,
  entityId: (input) => ("id" in input ? input.id : input.quarter),
  load: async ({ input }) => {
    if ("id" in input) {
      const issued = getIssuedDocument({ id: input.id });
      return issued && { bytes: issued.bytes, name: `${quarterLabel(issued.periodCode)}重点工作通报-${issued.docNo}.docx` };
    }
    const period = getPeriodByCode({ code: input.quarter });
    if (!period) return null;
    const today = appToday();
    const draft = getDraftBulletin({ periodId: period.id });
    const prefix = draft?.docPrefix ?? env.BULLETIN_DOC_PREFIX;
    const bytes = await renderBulletin({ period, asOf: today, today, docNo: draftDocNo(prefix, Number(today.slice(0, 4))), nextSteps: draft?.nextSteps ?? "" });
    return { bytes, name: `${quarterLabel(period.code)}重点工作通报（草稿）-${today}.docx` };
  },
  authorize: () => ["supervision:read"],
  auditRead: true,
  respond: ({ loaded }) =>
    new Response(new Uint8Array(loaded.bytes), {
      headers: { "content-type": DOCX_TYPE, "content-disposition": attachmentHeader(loaded.name), "cache-control": "no-store" },
    }),
});
