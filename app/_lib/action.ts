import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { writeAudit, writeAuditNow } from "@/db/audit";
import { getDb, type Db, type Tx } from "@/db/client";
import { can, type Permission, type SessionUser } from "@/lib/permissions";
import { unsafeTextErrors } from "@/lib/text-safety";
import { getClientIp, getCurrentUser, pendingAccountGate } from "./current-user";
import { ConflictError, echoValues, formDataToObject, MESSAGES, ValidationError, zodFieldErrors } from "./errors";

export { assertVersion, ConflictError, ValidationError } from "./errors";

/** What every form's `useActionState` holds. */
export type FormState = {
  ok?: boolean;
  message?: string;
  errors?: Record<string, string[]>;
  values?: Record<string, string>;
};

export type ActionContext<I> = { user: SessionUser; input: I; ip: string | null; db: Db };

/** What a mutation reports for its audit row (and optionally hands back to the caller). */
export type MutationResult<R> = {
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  result?: R;
};

export type ActionDefinition<S extends z.ZodType, L, R> = {
  /** Audit action name, e.g. "report.submit". */
  action: string;
  /** Audit entity, e.g. "report". */
  entity: string;
  schema: S;
  /**
   * The record acted on, read before authorizing; null/undefined → "not found". May be async
   * for work that cannot run inside the synchronous transaction (password hashing, file reads).
   */
  load: (ctx: ActionContext<z.output<S>>) => L | null | undefined | Promise<L | null | undefined>;
  /**
   * The permission that needs no record (a role check), checked before `load`: a caller who
   * may not act at all learns nothing from the lookup (whether a username is taken, an id
   * exists, a version is current) and costs no password hashing.
   */
  guard?: (ctx: ActionContext<z.output<S>>) => Permission;
  /** The permission to check against the loaded record (omit when `guard` says it all). */
  authorize?: (loaded: L, ctx: ActionContext<z.output<S>>) => Permission;
  /** Synchronous: runs inside one immediate transaction together with its audit row. */
  mutate: (tx: Tx, loaded: L, ctx: ActionContext<z.output<S>>) => MutationResult<R>;
  /** Identifies the target in denied / not-found audit rows. */
  entityId?: (input: z.output<S>) => string | number | null | undefined;
  /** Runs after the commit, before revalidation (e.g. clearing a cookie). */
  after?: (ctx: ActionContext<z.output<S>>, result: R | undefined) => void | Promise<void>;
  revalidate?: (ctx: ActionContext<z.output<S>>, result: R | undefined) => string[];
  successMessage?: string | ((result: R | undefined) => string);
  /** Navigate after success (e.g. back to a list); the form state is then not returned. */
  redirectTo?: (ctx: ActionContext<z.output<S>>, result: R | undefined) => string | null;
  /** Only the password change (and logout) may run while the password must be replaced. */
  allowPasswordChange?: boolean;
  /** Only the second-factor set-up (and logout) may run while it is pending. */
  allowSecondFactorSetup?: boolean;
};

/**
 * Wraps one Server Action: authenticate → parse → guard → load → authorize → mutate + audit
 * in one transaction → revalidate. Use as `export const saveX = defineAction({...})` in a
 * "use server" file; it is called as `(prevState, formData)` by useActionState or with a plain object.
 */
export function defineAction<S extends z.ZodType, L, R = void>(def: ActionDefinition<S, L, R>) {
  if (!def.guard && !def.authorize) throw new Error(`action ${def.action} has neither guard nor authorize`);
  return async function run(_prev: FormState | undefined, data: FormData | Record<string, unknown>): Promise<FormState> {
    // Arguments come from the network: anything but a form or a plain object is a bad request.
    if (!(data instanceof FormData) && (typeof data !== "object" || data === null || Array.isArray(data))) return { message: MESSAGES.invalid };
    const raw = data instanceof FormData ? formDataToObject(data) : data;
    const values = echoValues(raw);

    const user = await getCurrentUser();
    if (!user) return { message: MESSAGES.unauthenticated, values };
    const gate = await pendingAccountGate();
    if (gate === "password" && !def.allowPasswordChange) return { message: MESSAGES.passwordChangeRequired, values };
    if (gate === "second-factor" && !def.allowSecondFactorSetup) return { message: MESSAGES.secondFactorRequired, values };
    const ip = await getClientIp();
    const db = getDb();

    // Control characters are refused for every field of every action (lib/text-safety.ts).
    const unsafe = unsafeTextErrors(raw);
    if (unsafe) return { message: MESSAGES.invalid, errors: unsafe, values };
    const parsed = def.schema.safeParse(raw);
    if (!parsed.success) return { message: MESSAGES.invalid, errors: zodFieldErrors(parsed.error), values };
    const ctx: ActionContext<z.output<S>> = { user, input: parsed.data, ip, db };
    const target = { action: def.action, entity: def.entity, entityId: def.entityId?.(parsed.data) ?? null };
    const refuse = (): FormState => {
      writeAuditNow(db, { actor: user, ip, outcome: "denied", ...target });
      return { message: MESSAGES.forbidden, values };
    };
    if (def.guard && !can(user, ...def.guard(ctx))) return refuse();

    let loaded: L | null | undefined;
    try {
      loaded = await def.load(ctx);
    } catch (error) {
      const state = typedErrorState(error, values);
      if (state) return state;
      throw error;
    }
    if (loaded === null || loaded === undefined) return { message: MESSAGES.notFound, values };

    if (def.authorize && !can(user, ...def.authorize(loaded, ctx))) return refuse();

    let result: R | undefined;
    try {
      result = db.transaction(
        (tx) => {
          const done = def.mutate(tx, loaded, ctx);
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
      const state = typedErrorState(error, values);
      if (state) return state;
      console.error(`[action ${def.action}]`, error);
      recordFailure(db, { actor: user, ip, ...target });
      return { message: MESSAGES.internal, values };
    }

    await def.after?.(ctx, result);
    for (const path of def.revalidate?.(ctx, result) ?? []) revalidatePath(path);
    const to = def.redirectTo?.(ctx, result);
    if (to) redirect(to);
    return { ok: true, message: typeof def.successMessage === "function" ? def.successMessage(result) : (def.successMessage ?? "已保存。") };
  };
}

function typedErrorState(error: unknown, values: Record<string, string>): FormState | null {
  if (error instanceof ValidationError) return { message: error.message, errors: error.errors, values };
  if (error instanceof ConflictError) return { message: error.message, values };
  return null;
}

/** Best effort: if the audit log itself is what failed, this fails too and is only logged. */
function recordFailure(db: Db, entry: { actor: SessionUser; ip: string | null; action: string; entity: string; entityId: string | number | null }) {
  try {
    writeAuditNow(db, { ...entry, outcome: "failure" });
  } catch (error) {
    console.error("[audit] could not record a failed action", error);
  }
}
