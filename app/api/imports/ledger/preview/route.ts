import { defineRoute } from "@/app/_lib/route";
import { describePlan, importPermission, importSchema, loadImport, readImportForm } from "../load-import";

export const dynamic = "force-dynamic";

/** What importing the uploaded 台账 would change, report by report; saves nothing. */
export const POST = defineRoute({
  action: "ledger.import.preview",
  entity: "ledger",
  schema: importSchema,
  read: (req) => readImportForm(req),
  load: loadImport,
  authorize: (_loaded, ctx) => importPermission(ctx),
  respond: ({ loaded, ctx }) => {
    if (!loaded.ok) return Response.json({ error: "bad_request", message: loaded.message, errors: loaded.errors }, { status: 400 });
    return Response.json({ ok: true, unchanged: loaded.plan.unchanged, saves: describePlan(loaded.plan, ctx.input.intent) });
  },
});
