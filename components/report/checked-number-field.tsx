"use client";

import { useState, type ComponentProps } from "react";
import { TextField } from "@/components/ui/text-field";
import { CONFIRM_REASON_MAX, confirmField, plausibilityWarnings, type PlausibilityCheck } from "@/lib/plausibility";

const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * A number field of a report that says, as the unit types, when the figure looks wrong (above
 * the annual target or the total, below an earlier quarter, a decimal of a count) and asks for
 * the reason it is right; the server asks the same on submit (lib/plausibility.ts).
 */
export function CheckedNumberField({
  check,
  reason,
  reasonErrors,
  ...field
}: ComponentProps<typeof TextField> & { check: PlausibilityCheck | undefined; reason: string; reasonErrors?: string[] }) {
  const [typed, setTyped] = useState(String(field.defaultValue ?? ""));
  const text = typed.trim();
  const warnings = check ? plausibilityWarnings([{ ...check, value: NUMBER.test(text) ? Number(text) : null }]) : [];
  const asked = warnings.length > 0 || (reasonErrors?.length ?? 0) > 0;
  const name = confirmField(field.name);
  return (
    <div onInput={(e) => e.target instanceof HTMLInputElement && e.target.name === field.name && setTyped(e.target.value)}>
      <TextField {...field} />
      {asked && (
        <div className="mt-2 rounded border border-amber-300 bg-amber-50 p-2" data-testid="plausibility-warning">
          <ul className="mb-2 text-sm text-amber-950" aria-live="polite">
            {warnings.map((w) => (
              <li key={w.kind}>请核对：{w.text}</li>
            ))}
          </ul>
          <TextField
            label="确认无误的原因（提交时必填）"
            name={name}
            maxLength={CONFIRM_REASON_MAX}
            defaultValue={reason}
            autoComplete="off"
            errors={reasonErrors}
            hint={`如确实如此，请写明原因（${CONFIRM_REASON_MAX} 字以内），原因会随报告送督查室。`}
          />
        </div>
      )}
    </div>
  );
}
