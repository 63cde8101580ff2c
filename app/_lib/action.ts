import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { writeAudit } from "@/db/audit";
import { getDb, type Db, type Tx } from "@/db/client";
import { findCommittedAnswer, recordCommittedAnswer, type CommittedAnswer } from "@/db/queries/committed-requests";
import { noteWriteFailure, storageFault, writeAuditOrQueue } from "@/db/storage-health";
import { echoValues, formDataToObject, type FormState } from "@/lib/form-values";
import { can, type Permission, type SessionUser } from "@/lib/permissions";
import { parseRequestId, REQUEST_ID_FIELD } from "@/lib/request-id";
import { unsafeTextErrors } from "@/lib/text-safety";
import { getClientIp, getCurrentUser, pendingAccountGate } from "./current-user";
import { ConflictError, isClosedYearError, MESSAGES, storageMessage, ValidationError, zodFieldErrors } from "./errors";

export { assertVersion, ConflictError, ValidationError } from "./errors";

export type { FormState };

export type ActionContext<I> = { user: SessionUser; input: I; ip: string | null; db: Db };

/** What a mutation reports for its audit row (and optionally hands back to the caller). */
export type MutationResult<R> = {
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  result?: R;
};

export type ActionDefinition<S extends z.ZodType, L, R, P = L> = {
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
  /**
   * Work for an authorized caller only, before the transaction: parsing a form against the
   * loaded record, checking and storing uploaded files. Without it, mutate gets `loaded`.
   */
  prepare?: (loaded: L, ctx: ActionContext<z.output<S>>) => P | Promise<P>;
  /** Synchronous: runs inside one immediate transaction together with its audit row. */
  mutate: (tx: Tx, prepared: P, ctx: ActionContext<z.output<S>>) => MutationResult<R>;
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
 * Wraps one Server Action: authenticate → parse → guard → load → authorize → prepare →
 * mutate + audit in one transaction → revalidate. Use as `export const saveX = defineAction({...})` in a
 * "use server" file; it is called as `(prevState, formData)` by useActionState or with a plain object.
 * A request id sent with the form (lib/request-id.ts) is committed with the change: a repeat
 * of that request gets the original answer instead of running again.
 */
export function defineAction<S extends z.ZodType, L, R = void, P = L>(def: ActionDefinition<S, L, R, P>) {
  if (!def.guard && !def.authorize) throw new Error(`action ${def.action} has neither guard nor authorize`);
  return async function run(_prev: FormState | undefined, data: FormData | Record<string, unknown>): Promise<FormState> {
    // Arguments come from the network: anything but a form or a plain object is a bad request.
    if (!(data instanceof FormData) && (typeof data !== "object" || data === null || Array.isArray(data))) return { message: MESSAGES.invalid };
    const { [REQUEST_ID_FIELD]: sentRequestId, ...raw } = data instanceof FormData ? formDataToObject(data) : data;
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
      writeAuditOrQueue(db, { actor: user, ip, outcome: "denied", ...target });
      return { message: MESSAGES.forbidden, values };
    };
    if (def.guard && !can(user, ...def.guard(ctx))) return refuse();

    const requestId = parseRequestId(sentRequestId);
    if (requestId === "invalid") return { message: MESSAGES.invalid, values };
    const request = requestId ? { userId: user.id, action: def.action, requestId } : null;
    const earlier = request && findCommittedAnswer(db, request);
    if (earlier) return answer(earlier);

    let loaded: L | null | undefined;
    try {
      loaded = await def.load(ctx);
    } catch (error) {
      const state = typedErrorState(error, values) ?? storageFailureState(error, { actor: user, ip, ...target }, values);
      if (state) return state;
      throw error;
    }
    if (loaded === null || loaded === undefined) return { message: MESSAGES.notFound, values };

    if (def.authorize && !can(user, ...def.authorize(loaded, ctx))) return refuse();

    let prepared: P;
    try {
      prepared = def.prepare ? await def.prepare(loaded, ctx) : (loaded as unknown as P);
    } catch (error) {
      const state = typedErrorState(error, values) ?? storageFailureState(error, { actor: user, ip, ...target }, values);
      if (state) return state;
      throw error;
    }

    let committed: { result?: R; answer: CommittedAnswer; replayed: boolean };
    try {
      committed = db.transaction(
        (tx) => {
          // A twin of this request may have committed while this one was loading.
          const twin = request && findCommittedAnswer(tx, request);
          if (twin) return { answer: twin, replayed: true };
          const done = def.mutate(tx, prepared, ctx);
          writeAudit(tx, {
            actor: user,
            ip,
            outcome: "success",
            ...target,
            entityId: done.entityId ?? target.entityId,
            before: done.before,
            after: done.after,
          });
          const given = answerOf(def, ctx, done.result);
          if (request) recordCommittedAnswer(tx, { ...request, answer: given, now: Date.now() });
          return { result: done.result, answer: given, replayed: false };
        },
        { behavior: "immediate" },
      );
    } catch (error) {
      const state = typedErrorState(error, values) ?? storageFailureState(error, { actor: user, ip, ...target }, values);
      if (state) return state;
      console.error(`[action ${def.action}]`, error);
      recordFailure(db, { actor: user, ip, ...target });
      return { message: MESSAGES.internal, values };
    }

    if (!committed.replayed) await def.after?.(ctx, committed.result);
    return answer(committed.answer);
  };
}

/** The success answer, fixed inside the transaction so a retried request can be given the same one. */
function answerOf<S extends z.ZodType, L, R, P>(def: ActionDefinition<S, L, R, P>, ctx: ActionContext<z.output<S>>, result: R | undefined): CommittedAnswer {
  return {
    message: typeof def.successMessage === "function" ? def.successMessage(result) : (def.successMessage ?? "已保存。"),
    redirectTo: def.redirectTo?.(ctx, result) ?? null,
    revalidate: def.revalidate?.(ctx, result) ?? [],
  };
}

function answer(given: CommittedAnswer): FormState {
  for (const path of given.revalidate) revalidatePath(path);
  if (given.redirectTo) redirect(given.redirectTo);
  return { ok: true, message: given.message };
}

function typedErrorState(error: unknown, values: Record<string, string>): FormState | null {
  if (error instanceof ValidationError) return { message: error.message, errors: error.errors, values };
  if (error instanceof ConflictError) return { message: error.message, values };
  // Closed years are read-only for every action alike: the database refuses the write.
  if (isClosedYearError(error)) return { message: MESSAGES.yearClosed, values };
  return null;
}

type FailureEntry = { actor: SessionUser; ip: string | null; action: string; entity: string; entityId: string | number | null };

/** A full or failing disk: said plainly, counted in the log, audited once a write works again. */
function storageFailureState(error: unknown, entry: FailureEntry, values: Record<string, string>): FormState | null {
  const fault = storageFault(error);
  if (!fault) return null;
  noteWriteFailure({ what: entry.action, error, audit: { ...entry, outcome: "failure" } });
  return { message: storageMessage(fault), values };
}

/** Best effort: if the audit log itself is what failed, this fails too and is only logged. */
function recordFailure(db: Db, entry: FailureEntry) {
  try {
    writeAuditOrQueue(db, { ...entry, outcome: "failure" });
  } catch (error) {
    console.error("[audit] could not record a failed action", error);
  }
}
