import "server-only";
import type { z } from "zod";
import { writeAudit } from "@/db/audit";
import { getDb, type Tx } from "@/db/client";
import { noteWriteFailure, storageFault, writeAuditOrQueue } from "@/db/storage-health";
import { can, type Permission } from "@/lib/permissions";
import { unsafeTextErrors } from "@/lib/text-safety";
import type { ActionContext, MutationResult } from "./action";
import { getClientIp, getCurrentUser, pendingAccountGate } from "./current-user";
import { ConflictError, isClosedYearError, MESSAGES, storageMessage, ValidationError, zodFieldErrors } from "./errors";

type RouteParams = Record<string, string | string[] | undefined>;
export type RouteContext = { params: Promise<RouteParams> };

export type RouteDefinition<S extends z.ZodType, L, R, P = L> = {
  action: string;
  entity: string;
  schema: S;
  /** Raw input to validate. Default: route params + query string (+ JSON body for non-GET). */
  read?: (req: Request, params: RouteParams) => Promise<unknown>;
  load: (ctx: ActionContext<z.output<S>>) => L | null | undefined | Promise<L | null | undefined>;
  /** A role check that needs no record, made before `load` (see defineAction). */
  guard?: (ctx: ActionContext<z.output<S>>) => Permission;
  authorize?: (loaded: L, ctx: ActionContext<z.output<S>>) => Permission;
  /**
   * Async work for an authorized caller only, before the transaction (reading and storing an
   * uploaded file): a caller who may not act never gets its body read. Without it, mutate gets `loaded`.
   */
  prepare?: (loaded: L, ctx: ActionContext<z.output<S>> & { req: Request }) => P | Promise<P>;
  /** Synchronous change, written with its audit row in one immediate transaction. */
  mutate?: (tx: Tx, prepared: P, ctx: ActionContext<z.output<S>>) => MutationResult<R>;
  /** Audit a successful read too (exports, downloads) even without `mutate`. */
  auditRead?: boolean;
  entityId?: (input: z.output<S>) => string | number | null | undefined;
  respond: (args: { loaded: L; ctx: ActionContext<z.output<S>>; result: R | undefined }) => Response | Promise<Response>;
  /**
   * A link people open in the browser (a file download): refusals are answered with a Chinese
   * page instead of JSON when the browser asks for HTML.
   */
  pageErrors?: boolean;
};

const json = (status: number, error: string, message: string, extra?: object) => Response.json({ error, message, ...extra }, { status });

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const PAGE_TITLES: Record<number, string> = { 400: "链接无效", 401: "登录已失效", 403: "无权限访问", 404: "文件不存在", 503: "服务器存储故障" };

/**
 * A refusal as a small Chinese page for someone who followed a link: no script, no inline
 * style (the page's own policy allows nothing but itself), a way back and, once signed out,
 * a way to sign in and come back.
 */
function errorPage(req: Request, status: number, message: string): Response {
  const title = PAGE_TITLES[status] ?? "无法打开";
  const back = new URL(req.url);
  const login = status === 401 ? `<p><a href="/login?callbackUrl=${encodeURIComponent(back.pathname)}">重新登录</a></p>` : "";
  const body = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · 重点工作调度平台</title></head><body><main><h1>${title}</h1><p>${escapeHtml(message)}</p>${login}<p><a href="/">返回首页</a></p></main></body></html>`;
  return new Response(body, {
    status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "content-security-policy": "default-src 'none'; base-uri 'none'; form-action 'none'",
    },
  });
}

const wantsPage = (req: Request) => /\btext\/html\b/.test(req.headers.get("accept") ?? "");

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
export function defineRoute<S extends z.ZodType, L, R = void, P = L>(def: RouteDefinition<S, L, R, P>) {
  if (!def.guard && !def.authorize) throw new Error(`route ${def.action} has neither guard nor authorize`);
  return async function handle(req: Request, routeCtx: RouteContext): Promise<Response> {
    const answer = await run(req, routeCtx);
    if (!def.pageErrors || answer.ok || !wantsPage(req) || !answer.headers.get("content-type")?.includes("application/json")) return answer;
    const body = (await answer
      .clone()
      .json()
      .catch(() => ({}))) as { message?: string };
    return errorPage(req, answer.status, body.message ?? MESSAGES.internal);
  };

  async function run(req: Request, routeCtx: RouteContext): Promise<Response> {
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

    let prepared: P;
    try {
      prepared = def.prepare ? await def.prepare(loaded, { ...ctx, req }) : (loaded as unknown as P);
    } catch (error) {
      return failure(error, { user, ip, target });
    }

    let result: R | undefined;
    if (def.mutate || def.auditRead) {
      try {
        result = db.transaction(
          (tx) => {
            const done = def.mutate?.(tx, prepared, ctx) ?? {};
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
        return failure(error, { user, ip, target });
      }
    }
    return def.respond({ loaded, ctx, result });
  }

  function failure(
    error: unknown,
    {
      user,
      ip,
      target,
    }: { user: ActionContext<unknown>["user"]; ip: string | null; target: { action: string; entity: string; entityId: string | number | null } },
  ): Response {
    if (error instanceof ValidationError) return json(400, "bad_request", error.message, { errors: error.errors });
    if (error instanceof ConflictError) return json(409, `conflict:${def.entity}`, error.message);
    if (isClosedYearError(error)) return json(409, "year_closed", MESSAGES.yearClosed);
    const fault = storageFault(error);
    if (fault) {
      noteWriteFailure({ what: def.action, error, audit: { actor: user, ip, outcome: "failure", ...target } });
      return json(503, `storage:${fault}`, storageMessage(fault));
    }
    console.error(`[route ${def.action}]`, error);
    return json(500, "internal", MESSAGES.internal);
  }
}
