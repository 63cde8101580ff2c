// The copy of a report form kept in the browser while someone types (components/report/
// use-kept-form.ts): what it holds, and reading it back without trusting what storage returns.
import { z } from "zod";
import { REQUEST_ID_FIELD } from "./request-id";

const draftSchema = z.object({
  version: z.number().int().min(0),
  savedAt: z.number(),
  fields: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  uploads: z.array(z.object({ id: z.number().int().positive(), name: z.string(), size: z.number() })),
});

export type LocalDraft = z.infer<typeof draftSchema>;

/** The name of a user's copy of one report form (the page computes it, the browser stores under it). */
export const reportDraftKey = (userId: number, path: string) => `${userId}:${path}`;

/** Where in browser storage a copy lives. */
export const draftStorageName = (draftKey: string) => `miluo:draft:${draftKey}`;

/** A stored copy, or null when there is none or it is not one (another version of the app, edited by hand). */
export function parseLocalDraft(raw: string | null): LocalDraft | null {
  if (!raw) return null;
  try {
    const parsed = draftSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The fields worth keeping: the request id is per attempt, not part of what was typed. */
export function draftFields(fields: Record<string, string | string[]>): Record<string, string | string[]> {
  return Object.fromEntries(Object.entries(fields).filter(([name]) => !name.startsWith("$") && name !== REQUEST_ID_FIELD));
}

/** Nothing typed and nothing uploaded: no copy to keep. */
export function isDraftEmpty(draft: LocalDraft): boolean {
  return draft.uploads.length === 0 && Object.values(draft.fields).every((v) => (Array.isArray(v) ? v.length === 0 : v.trim() === ""));
}
