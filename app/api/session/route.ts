import { z } from "zod";
import { defineRoute } from "@/app/_lib/route";

export const dynamic = "force-dynamic";

/**
 * POST /api/session: "still here". A form being typed in sends it now and then, so typing counts
 * as activity for the idle limit (reading the session refreshes it, db/queries/sessions.ts); an
 * ended session answers 401 and the form says so while the text is still on screen.
 */
export const POST = defineRoute({
  action: "session.keepalive",
  entity: "session",
  schema: z.object({}),
  load: ({ user }) => ({ userId: user.id }),
  authorize: (own) => ["account:self", own],
  respond: () => Response.json({ ok: true }, { headers: { "cache-control": "no-store" } }),
});
