"use client";

import { useEffect } from "react";
import { draftStorageName } from "@/lib/local-draft";

/**
 * Rendered where a report can no longer be edited (submitted, approved): a copy of its form kept
 * in this browser (components/report/use-kept-form.ts) is of no further use, and would otherwise
 * come back when the report is returned.
 */
export function ForgetLocalDraft({ draftKey }: { draftKey: string }) {
  useEffect(() => {
    try {
      window.localStorage.removeItem(draftStorageName(draftKey));
    } catch {
      // Storage disabled: there is no copy either.
    }
  }, [draftKey]);
  return null;
}
