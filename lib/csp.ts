// The Content-Security-Policy of every page: one policy, built per request.
// Dynamic pages: Next.js reads the nonce from the request's copy of this header and puts it
// on its scripts and styles. Prerendered pages (/about, the 404 page) were built before any
// request, so their inline scripts are allowed by hash instead (computed from the build by
// scripts/serve.mjs), and so are their inline styles; they stay static. Scripts from our own origin ('self') are allowed
// either way: Next loads its chunks as files from /_next/static.

/** A fresh, unguessable nonce (base64 of 16 random bytes). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy({
  nonce,
  staticScriptHashes = [],
  staticStyleHashes = [],
  https = false,
  dev = false,
}: {
  nonce: string;
  /** "'sha256-…'" sources of the prerendered pages' inline scripts. */
  staticScriptHashes?: readonly string[];
  /** The same for their inline style elements. */
  staticStyleHashes?: readonly string[];
  /** The public URL is https: ask the browser to upgrade any stray http:// subresource. */
  https?: boolean;
  /** `next dev` evaluates code for its error overlay. */
  dev?: boolean;
}): string {
  const directives = [
    "default-src 'self'",
    ["script-src 'self'", `'nonce-${nonce}'`, ...staticScriptHashes, ...(dev ? ["'unsafe-eval'"] : [])].join(" "),
    ["style-src 'self'", `'nonce-${nonce}'`, ...staticStyleHashes].join(" "),
    // React style props (chart sizes, the route announcer) are attributes, not style elements.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/**
 * The policy of an evidence file opened in the browser (a PDF or image, or the Chinese page
 * refusing it): a sandbox with no scripts, no requests and no plugins of the app's origin.
 */
export const EVIDENCE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

/** Evidence downloads answer with EVIDENCE_POLICY instead of the app's page policy. */
export const isEvidencePath = (pathname: string) => /^\/api\/(?:notices\/)?attachments\/\d+$/.test(pathname);
