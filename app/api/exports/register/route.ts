import { z } from "zod";
import { loadRegisterSection } from "@/app/projects/[no]/register/register-context";
import { defineRoute } from "@/app/_lib/route";
import { attachmentHeader } from "@/lib/excel";
import { XLSX_TYPE } from "@/lib/excel-print";
import { buildRegisterWorkbook, registerFileName } from "@/lib/register-import";

export const dynamic = "force-dynamic";

const int = (max: number) =>
  z
    .string()
    .regex(new RegExp(`^\\d{1,${max}}$`), "参数无效")
    .transform(Number);

/**
 * One 明细台账 as an .xlsx, which is also the template for its import. Those who may read the
 * project's reports may download it (it names households); every download is audited.
 */
export const GET = defineRoute({
  action: "register.export",
  entity: "register",
  schema: z.object({ year: int(4), projectNo: int(3), part: int(2) }),
  entityId: (input) => `${input.projectNo}/${input.part}/${input.year}`,
  load: ({ input }) => loadRegisterSection({ year: input.year, no: input.projectNo, part: input.part }),
  authorize: ({ ctx }) => ["register:read", { leadUnitIds: ctx.leadUnitIds, relatedUnitIds: ctx.relatedUnitIds }],
  auditRead: true,
  pageErrors: true,
  respond: async ({ loaded: { ctx, section } }) => {
    const body = await buildRegisterWorkbook(section.kind, section.items);
    return new Response(new Uint8Array(body), {
      headers: {
        "content-type": XLSX_TYPE,
        "content-disposition": attachmentHeader(registerFileName(section.kind, ctx.year.year)),
        "cache-control": "no-store",
      },
    });
  },
});
