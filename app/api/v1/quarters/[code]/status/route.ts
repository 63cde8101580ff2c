import { z } from "zod";
import { defineRoute } from "@/app/_lib/route";
import { appToday } from "@/app/_lib/today";
import { getPeriodByCode } from "@/db/queries/periods";
import { listSubjectQuarters } from "@/db/queries/status-board";
import { isValidDay } from "@/lib/periods";
import { quarterStatusJson } from "@/lib/status-api";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/quarters/{code}/status[?asOf=YYYY-MM-DD]: both lamps of every task and
 * livelihood project for the quarter, as the screens show them (docs/api.md). A unit
 * reads the subjects it leads only.
 */
export const GET = defineRoute({
  action: "api.quarter-status",
  entity: "quarter_status",
  schema: z.object({
    code: z.string().regex(/^\d{4}Q[1-4]$/, "季度格式应为 2026Q3"),
    asOf: z.string().refine(isValidDay, "日期格式应为 YYYY-MM-DD").optional(),
  }),
  entityId: (input) => input.code,
  load: ({ input }) => {
    const period = getPeriodByCode({ code: input.code });
    return period ? { period } : null;
  },
  guard: () => ["status:read"],
  respond: ({ loaded: { period }, ctx }) => {
    const today = appToday();
    const asOf = ctx.input.asOf && ctx.input.asOf < today ? ctx.input.asOf : today;
    const unitId = ctx.user.role === "unit" ? (ctx.user.unitId ?? -1) : undefined;
    const quarters = listSubjectQuarters({ periods: [period], asOf, today, filter: { yearId: period.yearId, leadUnitId: unitId } });
    return Response.json(quarterStatusJson(period.code, asOf, quarters), { headers: { "cache-control": "no-store" } });
  },
});
