import "server-only";
import type { z } from "zod";
import { writeAudit } from "@/db/audit";
import { getDb, type Tx } from "@/db/client";
import { noteWriteFailure, storageFault, writeAuditOrQueue } from "@/db/storage-health";
import { can, type Permission } from "@/lib/permissions";
import { unsafeTextErrors } from "@/lib/text-safety";
import type { ActionContext, MutationResult } from "./action";
import { getClientIp, getCurrentUser, pendingAccountGate } from "./current-user";
import { ConflictError, MESSAGES, storageMessage, ValidationError, zodFieldErrors } from "./errors";

type RouteParams = Record<string, string | string[] | undefined>;
export type RouteContext = { params: Promise<RouteParams> };

export type RouteDefinition<S extends z.ZodType, L, R> = {
  action: string;
  entity: string;
  schema: S;
  /** Raw input to validate. Default: route params + query string (+ JSON body for non-GET). */
  read?: (req: Request, params: RouteParams) => Promise<unknown>;
  load: (ctx: ActionContext<z.output<S>>) => L | null | undefined | Promise<L | null | undefined>;
  /** A role check that needs no record, made before `load` (see defineAction). */
  guard?: (ctx: ActionContext<z.output<S>>) => Permission;
  authorize?: (loaded: L, ctx: ActionContext<z.output<S>>) => Permission;
  /** Synchronous change, written with its audit row in one immediate transaction. */
  mutate?: (tx: Tx, loaded: L, ctx: ActionContext<z.output<S>>) => MutationResult<R>;
  /** Audit a successful read too (exports, downloads) even without `mutate`. */
  auditRead?: boolean;
  entityId?: (input: z.output<S>) => string | number | null | undefined;
  respond: (args: { loaded: L; ctx: ActionContext<z.output<S>>; result: R | undefined }) => Response | Promise<Response>;
};

const json = (status: number, error: string, message: string, extra?: object) =>
  Response.json({ error, message, ...extra }, { status });

async function defaultRead(req: Request, params: RouteParams): Promise<unknown> {
  const query = Object.fromEntries(new URL(req.url).searchParams);
  if (req.method === "GET" || req.method === "HEAD") return { ...query, ...params };
  const body: unknown = req.headers.get("content-type")?.includes("application/json") ? await req.json() : {};
  return { ...query, ...(body && typeof body === "object" ? body : {}), ...params };
}

/**
 * Wraps one route handler: parse (400) → authenticate (401) → guard (403) → load (404) → authorize (403,
 * audited) → mutate with its audit row (409 on a stale version) → respond.
 */
export function defineRoute<S extends z.ZodType, L, R = void>(def: RouteDefinition<S, L, R>) {
  if (!def.guard && !def.authorize) throw new Error(`route ${def.action} has neither guard nor authorize`);
  return async function handle(req: Request, routeCtx: RouteContext): Promise<Response> {
    const params = (await routeCtx?.params) ?? {};
    let raw: unknown;
    try {
      raw = await (def.read ?? defaultRead)(req, params);
    } catch {
      return json(400, "bad_request", MESSAGES.invalid);
    }
    const unsafe = raw && typeof raw === "object" ? unsafeTextErrors(raw as Record<string, unknown>) : null;
    if (unsafe) return json(400, "bad_request", MESSAGES.invalid, { errors: unsafe });
    const parsed = def.schema.safeParse(raw);
    if (!parsed.success) return json(400, "bad_request", MESSAGES.invalid, { errors: zodFieldErrors(parsed.error) });

    const user = await getCurrentUser();
    if (!user) return json(401, "unauthorized", MESSAGES.unauthenticated);
    const gate = await pendingAccountGate();
    if (gate === "password") return json(403, "password_change_required", MESSAGES.passwordChangeRequired);
    if (gate === "second-factor") return json(403, "second_factor_required", MESSAGES.secondFactorRequired);
    const ip = await getClientIp();
    const db = getDb();
    const ctx: ActionContext<z.output<S>> = { user, input: parsed.data, ip, db };
    const target = { action: def.action, entity: def.entity, entityId: def.entityId?.(parsed.data) ?? null };
    const refuse = () => {
      writeAuditOrQueue(db, { actor: user, ip, outcome: "denied", ...target });
      return json(403, `forbidden:${def.entity}`, MESSAGES.forbidden);
    };
    if (def.guard && !can(user, ...def.guard(ctx))) return refuse();

    const loaded = await def.load(ctx);
    if (loaded === null || loaded === undefined) return json(404, `not_found:${def.entity}`, MESSAGES.notFound);

    if (def.authorize && !can(user, ...def.authorize(loaded, ctx))) return refuse();

    let result: R | undefined;
    if (def.mutate || def.auditRead) {
      try {
        result = db.transaction(
          (tx) => {
            const done = def.mutate?.(tx, loaded, ctx) ?? {};
            writeAudit(tx, {
              actor: user,
              ip,
              outcome: "success",
              ...target,
              entityId: done.entityId ?? target.entityId,
              before: done.before,
              after: done.after,
            });
            return done.result;
          },
          { behavior: "immediate" },
        );
      } catch (error) {
        if (error instanceof ValidationError) return json(400, "bad_request", error.message, { errors: error.errors });
        if (error instanceof ConflictError) return json(409, `conflict:${def.entity}`, error.message);
        const fault = storageFault(error);
        if (fault) {
          noteWriteFailure({ what: def.action, error, audit: { actor: user, ip, outcome: "failure", ...target } });
          return json(503, `storage:${fault}`, storageMessage(fault));
        }
        console.error(`[route ${def.action}]`, error);
        return json(500, "internal", MESSAGES.internal);
      }
    }
    return def.respond({ loaded, ctx, result });
  };
}
