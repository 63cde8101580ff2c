"use client";

import { useActionState } from "react";
import type { FormState } from "@/app/_lib/action";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";

type Action = (prev: FormState | undefined, data: FormData) => Promise<FormState>;

/** One button that runs one account action, with its outcome shown beside it. */
export function AccountActionButton({
  action,
  id,
  version,
  label,
  extra,
  variant = "secondary",
  description,
}: {
  action: Action;
  id: number;
  version: number;
  label: string;
  extra?: Record<string, string>;
  variant?: "secondary" | "danger";
  description: string;
}) {
  const [state, formAction, pending] = useActionState(action, undefined);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      {Object.entries(extra ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <p className="text-sm text-gray-700">{description}</p>
      <Button type="submit" variant={variant} disabled={pending}>
        {label}
      </Button>
      <FormStatus state={state} />
    </form>
  );
}
