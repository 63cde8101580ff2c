import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { attemptLogin } from "@/db/queries/auth";
import { revokeSession } from "@/db/queries/sessions";
import { noteWriteFailure, storageFault } from "@/db/storage-health";
import { env } from "@/lib/env";
import { ABSOLUTE_TIMEOUT_MS } from "@/lib/session-policy";
import { SESSION_COOKIE } from "./session-cookie";

/** Codes the login form turns into Chinese; none says whether the username exists. */
export const LOGIN_ERROR = { invalid: "invalid", throttled: "throttled", storage: "storage" } as const;

function firstForwardedIp(headers: Record<string, unknown> | undefined): string | null {
  const forwarded = headers?.["x-forwarded-for"];
  const value = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
  const real = headers?.["x-real-ip"];
  return value || (typeof real === "string" ? real : null);
}

/**
 * next-auth issues an encrypted JWT cookie holding only the server-side session id and
 * the user id; getCurrentUser() honours it only while that sessions row is live.
 */
export const authOptions: AuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: ABSOLUTE_TIMEOUT_MS / 1000 },
  pages: { signIn: "/login", error: "/login" },
  cookies: {
    sessionToken: {
      name: SESSION_COOKIE,
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: env.secureCookies },
    },
  },
  providers: [
    CredentialsProvider({
      name: "用户名密码",
      credentials: { username: { label: "用户名", type: "text" }, password: { label: "密码", type: "password" } },
      async authorize(credentials, req) {
        const username = (credentials?.username ?? "").trim().slice(0, 64);
        const password = (credentials?.password ?? "").slice(0, 256);
        if (!username || !password) throw new Error(LOGIN_ERROR.invalid);
        const ip = firstForwardedIp(req.headers);
        let result: Awaited<ReturnType<typeof attemptLogin>>;
        try {
          result = await attemptLogin({ username, password, ip });
        } catch (error) {
          // A sign-in the disk cannot record is refused, and audited once space returns.
          if (!storageFault(error)) throw error;
          noteWriteFailure({ what: "auth.login", error, audit: { actor: { username }, ip, action: "auth.login", entity: "session", outcome: "failure" } });
          throw new Error(LOGIN_ERROR.storage);
        }
        if (!result.ok) throw new Error(LOGIN_ERROR[result.reason]);
        return { id: String(result.userId), sid: result.sessionId };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) return { sid: (user as { sid?: string }).sid, uid: Number(user.id), sub: user.id };
      return token;
    },
    session({ session }) {
      // The client never needs the session contents; pages ask the server.
      return { expires: session.expires };
    },
  },
  events: {
    signOut({ token }) {
      const sessionId = token?.sid;
      if (typeof sessionId !== "string") return;
      getDb().transaction((tx) => revokeSession(tx, { sessionId, now: Date.now() }), { behavior: "immediate" });
    },
  },
};
