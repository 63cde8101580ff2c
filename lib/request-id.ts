// The request id every form submission carries, so the server can tell a retry of a
// submission it already committed (the answer was lost on the way back) from a new one.

/** The hidden field's name; the action wrapper takes it out before the action's schema sees the input. */
export const REQUEST_ID_FIELD = "_requestId";

const REQUEST_ID = /^[A-Za-z0-9-]{16,64}$/;

/** The id, null when the form sent none, or "invalid" for anything else. */
export function parseRequestId(value: unknown): string | null | "invalid" {
  if (value === undefined) return null;
  return typeof value === "string" && REQUEST_ID.test(value) ? value : "invalid";
}

/** How long the browser keeps using an id for an unchanged resubmission (a retry comes within minutes). */
export const REQUEST_ID_REUSE_MS = 10 * 60 * 1000;

type Entry = [string, string | { name: string; size: number; type: string; lastModified?: number }];

/**
 * A short fingerprint of what a form sends from a page: the same page and the same fields
 * (the hidden version number included) give the same fingerprint, so a resubmission of
 * unchanged content reuses its request id, and any edit — or a newer version after the page
 * refreshed — makes a new submission. Hashed (cyrb53) so no typed value, password included,
 * is kept in memory as text.
 */
export function submissionFingerprint(page: string, entries: Iterable<Entry>): string {
  const parts = [page];
  for (const [key, value] of entries) {
    if (key === REQUEST_ID_FIELD) continue;
    if (typeof value === "string") parts.push(key, value);
    // An empty file input sends a nameless empty file stamped with the current time: skip it.
    else if (value.name !== "" || value.size > 0) parts.push(key, `file:${value.name}:${value.size}:${value.type}:${value.lastModified ?? 0}`);
  }
  return cyrb53(parts.join("\u0000"));
}

function cyrb53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
