// A submitted form as plain values: what the server validates, and what a form shows again
// after a refusal (or after its answer was lost) so nothing typed is lost. Shared by the
// action wrapper and the browser.

/** What every form's `useActionState` holds: the outcome, field errors, and what was typed. */
export type FormState = {
  ok?: boolean;
  message?: string;
  errors?: Record<string, string[]>;
  values?: Record<string, string>;
};

/** FormData as a plain object: repeated keys become arrays, files stay File objects. */
export function formDataToObject(data: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(data.keys())) {
    if (key.startsWith("$ACTION")) continue; // React's own hidden fields
    const all = data.getAll(key);
    out[key] = all.length > 1 ? all : all[0];
  }
  return out;
}

/** Submitted text values to put back into the form; secrets are never echoed. */
export function echoValues(raw: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (/password|secret|token/i.test(key)) continue;
    if (typeof value === "string") values[key] = value;
    else if (Array.isArray(value)) values[key] = value.filter((v) => typeof v === "string").join("\n");
  }
  return values;
}
