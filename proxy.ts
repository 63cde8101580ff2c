// Two jobs, neither of them a security boundary for data (every page, action and route
// handler checks the user itself, cf. CVE-2025-29927):
// 1. Optimistic redirect: requests without a session cookie go to /login.
// 2. The Content-Security-Policy with a fresh nonce (lib/csp.ts), on the request so Next.js
//    puts the nonce on its scripts, and on the response so the browser enforces it.
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, EVIDENCE_POLICY, isEvidencePath, newNonce } from "@/lib/csp";
import { REQUEST_PATH_HEADER } from "@/lib/safe-redirect";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];
const PUBLIC_PREFIXES = ["/login", "/api/health", "/api/auth", "/public", "/api/public"];

/**
 * The 政务公开 pages: the same for every visitor without a session, so shared caches may keep
 * them a minute; a signed-in visitor's copy carries their header and must never be shared.
 */
const PUBLIC_PAGE_CACHE = "public, max-age=60, s-maxage=60, stale-while-revalidate=300";
const PRIVATE_PAGE_CACHE = "private, no-store";
const isPublicPage = (pathname: string) => pathname === "/public" || pathname.startsWith("/public/");

function isPublic(pathname: string): boolean {
  return PUBLIC_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

/** Set by scripts/serve.mjs from the build's prerendered pages; absent under `next dev`. */
const hashes = (name: string) => (process.env[name] ?? "").split(" ").filter(Boolean);
const staticScriptHashes = hashes("CSP_STATIC_SCRIPT_HASHES");
const staticStyleHashes = hashes("CSP_STATIC_STYLE_HASHES");

function withPolicy(request: NextRequest, signedIn: boolean): NextResponse {
  const policy = contentSecurityPolicy({
    nonce: newNonce(),
    staticScriptHashes,
    staticStyleHashes,
    https: (process.env.NEXTAUTH_URL ?? "").startsWith("https://"),
    dev: process.env.NODE_ENV === "development",
  });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  // The page asked for, so a page that finds the session ended can send the user back to it after signing in.
  headers.set(REQUEST_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const response = NextResponse.next({ request: { headers } });
  // An evidence file keeps its own sandbox policy: the page policy would replace it.
  response.headers.set("content-security-policy", isEvidencePath(request.nextUrl.pathname) ? EVIDENCE_POLICY : policy);
  if (isPublicPage(request.nextUrl.pathname)) response.headers.set("cache-control", signedIn ? PRIVATE_PAGE_CACHE : PUBLIC_PAGE_CACHE);
  return response;
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const signedIn = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (isPublic(pathname) || signedIn) return withPolicy(request, signedIn);
  if (pathname.startsWith("/api/")) {
    return NextResponse.json({ error: "unauthorized", message: "登录已失效，请重新登录。" }, { status: 401 });
  }
  // Next turns a same-host redirect into a relative Location, so the browser keeps its host.
  const login = new URL("/login", request.url);
  if (pathname !== "/") login.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(login);
}

export const config = {
  matcher: [
    {
      // Everything except Next's own assets and files with an extension (icons, robots.txt).
      // Evidence uploads skip it too: it would buffer and cut off their bodies at 10 MB, and the
      // route authenticates itself before reading one (app/api/evidence/uploads/route.ts).
      source: "/((?!_next/|api/evidence/uploads$|.*\\.[a-zA-Z0-9]+$).*)",
      // Server Action posts skip the proxy: it would buffer (and cut off at 10 MB) their
      // bodies, and each action authenticates itself (app/_lib/action.ts).
      missing: [{ type: "header", key: "next-action" }],
    },
  ],
};
