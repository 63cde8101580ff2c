import NextAuth from "next-auth";
import { authOptions } from "@/app/_lib/auth-options";
import { isWellFormedCallback } from "@/lib/safe-redirect";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

/** The callbackUrl of a request (query, or the sign-in form's body). */
async function callbackUrlOf(req: Request): Promise<string | null> {
  const fromQuery = new URL(req.url).searchParams.get("callbackUrl");
  if (fromQuery !== null || req.method !== "POST") return fromQuery;
  if (!req.headers.get("content-type")?.includes("application/x-www-form-urlencoded")) return null;
  const value = new URLSearchParams(await req.clone().text()).get("callbackUrl");
  return value;
}

// next-auth answers a malformed callbackUrl (a newline, non-ASCII text) with a 500: it is the
// client's mistake, so say so (400) before next-auth sees it.
async function guarded(req: Request, ctx: Context): Promise<Response> {
  const callbackUrl = await callbackUrlOf(req);
  if (callbackUrl !== null && !isWellFormedCallback(callbackUrl)) {
    return Response.json({ error: "bad_request", message: "登录后的跳转地址无效。" }, { status: 400 });
  }
  return handler(req, ctx);
}

export { guarded as GET, guarded as POST };
