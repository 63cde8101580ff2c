// Runs the corpus against one Server Action or route handler, field by field, and checks
// the contract for every input: no exception and no 500, and either
//   refused — a Chinese message, and every table exactly as before (audit rows for refused
//             attempts excepted, which must all be "denied"), or
//   accepted — only where the field may accept it, and then stored exactly as typed.
import { expect } from "vitest";
import type { FormState } from "@/app/_lib/action";
import { MESSAGES } from "@/app/_lib/errors";
import type { Db } from "@/db/client";
import { tableChecksums } from "@/db/testing/checksum";
import { RedirectSignal } from "@/test/next-request";
import { CORPUS, REFUSE, type BadInput, type FieldKind } from "./corpus";

export interface Field {
  name: string;
  kind: FieldKind;
  /** For "choice": the values that may be accepted. */
  choices?: readonly string[];
  /** The stored value after an accepted call, to compare with what was typed. */
  stored?: () => unknown;
  /** Overrides the kind's rule for which inputs may be accepted (refused tags still apply). */
  accepts?: (value: unknown) => boolean;
}

export interface ActionCase {
  /** The export under test, "app/…/actions.ts#name" (checked against every "use server" export). */
  ref: string;
  /** Signs in the persona that may perform the action. */
  signIn: () => Promise<void>;
  call: (input: Record<string, unknown>) => Promise<FormState | Response>;
  /** A valid input for the current state of the database. */
  valid: () => Record<string, unknown>;
  fields: Field[];
  /** Puts the record back into a state where `valid()` works again after an accepted call. */
  reset?: () => void;
  /** Inputs aimed at records the caller may not touch (another unit's task…). */
  foreign?: () => Record<string, unknown>[];
  /** Bad files for the file field of an action that takes uploads. */
  files?: { field: string; inputs: { label: string; file: File }[] };
}

const CHINESE = /[\u4e00-\u9fff]/;
const IGNORED = ["audit_log", "login_attempts", "login_locks", "__drizzle_migrations", "sessions"];

type Outcome = { accepted: boolean; message: string };

async function outcome(call: () => Promise<FormState | Response>): Promise<Outcome & { errors?: unknown }> {
  let result: FormState | Response;
  try {
    result = await call();
  } catch (error) {
    if (error instanceof RedirectSignal) return { accepted: true, message: "" };
    throw error;
  }
  if (result instanceof Response) {
    expect(result.status, "route answered 5xx").toBeLessThan(500);
    const body = (await result
      .clone()
      .json()
      .catch(() => ({}))) as { message?: string };
    return { accepted: result.ok, message: body.message ?? "" };
  }
  return { accepted: result.ok === true, message: result.message ?? "", errors: result.errors };
}

const normaliseText = (v: unknown) => (typeof v === "string" ? v.replace(/\r\n/g, "\n").trim() : v);
const asNumber = (v: unknown) =>
  Number(
    String(v)
      .trim()
      .replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10)),
  );

/** Whether `field` may accept `input` at all (kind rules), and what it must then store. */
function mayAccept(field: Field, input: BadInput, baseline: unknown): boolean {
  const v = input.value;
  const always = input.tags.includes("control") || input.tags.includes("tooLong");
  if (field.accepts) return !always && field.accepts(v);
  // A listed choice is valid whatever it looks like ("true" for a yes/no field).
  if (field.kind === "choice" && field.choices && typeof v === "string" && field.choices.includes(v.trim())) return !always;
  if (input.tags.some((t) => REFUSE[field.kind].includes(t))) return false;
  switch (field.kind) {
    case "id":
      // Another number may name another record the caller may legitimately act on; forged
      // non-strings go through z.coerce (Number([]) is 0) and may land on a real record too.
      return typeof v === "object" || typeof v === "boolean" || (Number.isInteger(asNumber(v)) && asNumber(v) >= 0);
    case "choice":
      return typeof v === "string" && (field.choices ?? [String(baseline)]).includes(v.trim());
    case "date":
      // Blank may be fine for an optional date (a draft's completion date).
      return typeof v === "string" && (v.trim() === "" || /^\d{4}-\d{2}-\d{2}$/.test(v.trim()));
    case "number":
      return Number.isFinite(asNumber(v));
    default:
      return true;
  }
}

function expectStored(field: Field, input: BadInput) {
  if (!field.stored) return;
  const stored = field.stored();
  if (field.kind === "number") {
    const blank = typeof input.value === "string" && input.value.trim() === "";
    // == so that a typed "-0" stored as 0 counts as the same number; a blank leaves no value.
    const same = blank ? stored === null || stored === undefined : stored == asNumber(input.value);
    expect(same, `${field.name} ← ${input.label}: stored ${String(stored)}`).toBe(true);
  } else if (field.kind === "text" || field.kind === "requiredText") expect(stored, `${field.name} ← ${input.label}`).toBe(normaliseText(input.value));
}

export async function runCase(db: Db, c: ActionCase): Promise<{ calls: number; accepted: number }> {
  const snapshot = () => tableChecksums(db.$client, { exclude: IGNORED });
  const changes = () => (db.$client.prepare("select total_changes() as n").get() as { n: number }).n;
  const lastAudit = () => (db.$client.prepare("select coalesce(max(id), 0) as id from audit_log").get() as { id: number }).id;
  let calls = 0;
  let accepted = 0;
  await c.signIn();
  // The baseline must pass, or every refusal below would prove nothing.
  const baseline = await outcome(() => c.call(c.valid()));
  expect(baseline.accepted, `${c.ref}: the valid input was refused: ${baseline.message} ${JSON.stringify(baseline.errors ?? {})}`).toBe(true);
  c.reset?.();
  // The state every refused call must leave behind; retaken only after an accepted call.
  let current = snapshot();

  const attempt = async (label: string, input: Record<string, unknown>, allowed: boolean, after?: () => void) => {
    calls += 1;
    const changesBefore = changes();
    const auditBefore = lastAudit();
    const o = await outcome(() => c.call(input));
    const where = `${c.ref} ${label}`;
    if (o.accepted) {
      expect(allowed, `${where}: accepted an input it must refuse`).toBe(true);
      accepted += 1;
      after?.();
      c.reset?.();
      current = snapshot();
      return;
    }
    expect(o.message, `${where}: no Chinese message`).toMatch(CHINESE);
    expect(o.message, `${where}: internal error`).not.toBe(MESSAGES.internal);
    // The app writes through this same connection: no change counted means nothing written.
    if (changes() !== changesBefore) expect(snapshot(), `${where}: database changed`).toEqual(current);
    // Refusals are audited as denied; a wrong credential (the current password) as a counted failure.
    type AuditRow = { action: string; outcome: string; after: string | null };
    const audits = db.$client.prepare("select action, outcome, after from audit_log where id > ?").all(auditBefore) as AuditRow[];
    const expectedAudit = (a: AuditRow) =>
      a.outcome === "denied" ||
      (a.outcome === "failure" && /bad_current_password/.test(a.after ?? "")) ||
      (a.action === "auth.lockout" && a.outcome === "success");
    expect(audits.every(expectedAudit), `${where}: audit rows ${JSON.stringify(audits)}`).toBe(true);
  };

  for (const field of c.fields) {
    for (const input of CORPUS) {
      const valid = c.valid();
      await attempt(`${field.name} ← ${input.label}`, { ...valid, [field.name]: input.value }, mayAccept(field, input, valid[field.name]), () =>
        expectStored(field, input),
      );
    }
  }
  const foreign = c.foreign?.() ?? [];
  current = snapshot(); // building the foreign inputs may have added records
  for (const [i, input] of foreign.entries()) await attempt(`another unit's record #${i + 1}`, input, false);
  for (const f of c.files?.inputs ?? []) await attempt(`${c.files!.field} ← ${f.label}`, { ...c.valid(), [c.files!.field]: f.file }, false);
  return { calls, accepted };
}
