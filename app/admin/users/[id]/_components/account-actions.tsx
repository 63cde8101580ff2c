"use client";

import { useActionState, useState } from "react";
import type { FormState } from "@/app/_lib/action";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";

type Action = (prev: FormState | undefined, data: FormData) => Promise<FormState>;

/**
 * One button that runs one account action, with its outcome shown beside it. With `confirm`,
 * the first press only asks: the action runs when the question is answered with its own button.
 */
export function AccountActionButton({
  action,
  id,
  version,
  label,
  extra,
  variant = "secondary",
  description,
  confirm,
}: {
  action: Action;
  id: number;
  version: number;
  label: string;
  extra?: Record<string, string>;
  variant?: "secondary" | "danger";
  description: string;
  confirm?: string;
}) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const [asking, setAsking] = useState(false);
  return (
    <form action={formAction} onSubmit={() => setAsking(false)} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      {Object.entries(extra ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <p className="text-sm text-gray-700">{description}</p>
      {confirm && !asking ? (
        <Button type="button" variant={variant} disabled={pending} onClick={() => setAsking(true)}>
          {label}
        </Button>
      ) : confirm ? (
        <div role="group" aria-label={`确认${label}`} className="space-y-2 rounded border border-amber-300 bg-amber-50 p-3">
          <p className="text-sm text-amber-950">{confirm}</p>
          <div className="flex gap-2">
            <Button type="submit" variant={variant} disabled={pending}>
              确认{label}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setAsking(false)}>
              取消
            </Button>
          </div>
        </div>
      ) : (
        <Button type="submit" variant={variant} disabled={pending}>
          {label}
        </Button>
      )}
      <FormStatus state={state} />
    </form>
  );
}
