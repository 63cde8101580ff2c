"use client";

import { useEffect } from "react";
import { REQUEST_ID_FIELD, REQUEST_ID_REUSE_MS, submissionFingerprint } from "@/lib/request-id";

/**
 * Adds a request id to every form the page submits (mounted once, in the root layout, so no
 * form can forget it). The browser fires "formdata" whenever a form's data is collected,
 * including when React runs a form action; an unchanged resubmission from the same page
 * within a few minutes reuses its id, so the server answers a retry with the original result.
 * Search forms (method="get") are left alone.
 */
// crypto.randomUUID needs a secure context; an intranet served over plain http is not one.
function newRequestId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

export function RequestIdStamp() {
  useEffect(() => {
    const recent = new Map<string, { id: string; at: number }>();
    const onFormData = (event: FormDataEvent) => {
      const form = event.target as HTMLFormElement;
      if (form.getAttribute("method")?.toLowerCase() === "get" || event.formData.has(REQUEST_ID_FIELD)) return;
      const now = Date.now();
      for (const [key, seen] of recent) if (now - seen.at > REQUEST_ID_REUSE_MS) recent.delete(key);
      const key = submissionFingerprint(window.location.pathname, event.formData.entries());
      const id = recent.get(key)?.id ?? newRequestId();
      recent.set(key, { id, at: now });
      event.formData.append(REQUEST_ID_FIELD, id);
    };
    document.addEventListener("formdata", onFormData, true);
    // The page is hydrated and its forms carry request ids from here on: end-to-end tests wait
    // for this before typing (typing earlier races hydration, which resets a textarea).
    document.documentElement.dataset.formsReady = "true";
    return () => document.removeEventListener("formdata", onFormData, true);
  }, []);
  return null;
}
