// Optimistic redirect only: requests without a session cookie go to /login. Whether a
// cookie is valid, and what its user may do, is decided by every page, action and
// route handler itself (getCurrentUser / can), never here (cf. CVE-2025-29927).
import { NextResponse, type NextRequest } from "next/server";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];
const PUBLIC_PREFIXES = ["/login", "/api/health", "/api/auth", "/projects/public"];

function isPublic(pathname: string): boolean {
  return PUBLIC_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (isPublic(pathname) || SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  if (pathname.startsWith("/api/")) {
    return NextResponse.json({ error: "unauthorized", message: "登录已失效，请重新登录。" }, { status: 401 });
  }
  // Next turns a same-host redirect into a relative Location, so the browser keeps its host.
  const login = new URL("/login", request.url);
  if (pathname !== "/") login.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(login);
}

export const config = {
  // Everything except Next's own assets and files with an extension (icons, robots.txt).
  matcher: ["/((?!_next/|.*\\.[a-zA-Z0-9]+$).*)"],
};
