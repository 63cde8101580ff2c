// Where to go after signing in. The target is resolved against a fixed origin exactly as a
// browser would resolve a Location header (tabs and newlines dropped, backslashes read as
// slashes), and only a path that stays on that origin is kept: "/%09/evil.example" and the
// like resolve to another host and are refused.
const BASE = "http://same-origin.invalid";
// Control characters, backslashes, and whitespace a browser strips before resolving.
const UNSAFE = /[\u0000-\u001f\u007f\\\s]/;

/** True when the value is a path on this site (it stays here however a browser resolves it). */
export function isSameSitePath(path: string): boolean {
  if (!path.startsWith("/") || UNSAFE.test(path)) return false;
  let url: URL;
  try {
    url = new URL(path, BASE);
  } catch {
    return false;
  }
  // Re-resolving the normalised path must give the same place (no "//host" left after dot segments).
  return url.origin === BASE && !url.pathname.startsWith("//");
}

/** True when the value is a callback target this site will redirect to. */
export function isSafeCallbackPath(path: string): boolean {
  if (!isSameSitePath(path)) return false;
  const { pathname } = new URL(path, BASE);
  return !(pathname === "/login" || pathname.startsWith("/login/") || pathname.startsWith("/api/"));
}

/**
 * What next-auth accepts as a callbackUrl without failing (it answers 500 otherwise): a path
 * on this site, or an absolute http(s) URL without control characters (its redirect callback
 * then keeps only same-site paths).
 */
export function isWellFormedCallback(value: string): boolean {
  if (value.startsWith("/")) return isSameSitePath(value);
  if (UNSAFE.test(value) || /[^\x21-\x7e]/.test(value)) return false;
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** A same-site path to go to after login; anything else → "/". */
export function safeCallbackPath(value: string | string[] | undefined | null): string {
  const path = Array.isArray(value) ? value[0] : value;
  if (!path || !isSafeCallbackPath(path)) return "/";
  const url = new URL(path, BASE);
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The request header proxy.ts sets to the path (and query) of the page asked for. */
export const REQUEST_PATH_HEADER = "x-request-path";

/** The sign-in page that returns to `path` afterwards (only a safe same-site path is kept). */
export function loginPathFor(path: string | null | undefined): string {
  const back = safeCallbackPath(path);
  return back === "/" ? "/login" : `/login?callbackUrl=${encodeURIComponent(back)}`;
}
