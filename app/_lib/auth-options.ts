import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { attemptLogin } from "@/db/queries/auth";
import { writeAudit } from "@/db/audit";
import { getSessionUser, revokeSession } from "@/db/queries/sessions";
import { noteWriteFailure, storageFault } from "@/db/storage-health";
import { clientAddressFromHeader } from "@/lib/client-address.mjs";
import { env } from "@/lib/env";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { ABSOLUTE_TIMEOUT_MS } from "@/lib/session-policy";
import { getClientIp } from "./current-user";
import { SESSION_COOKIE } from "./session-cookie";

/** Codes the login form turns into Chinese; none says whether the username exists. */
export const LOGIN_ERROR = { invalid: "invalid", throttled: "throttled", otp_required: "otp_required", storage: "storage" } as const;

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
      credentials: {
        username: { label: "用户名", type: "text" },
        password: { label: "密码", type: "password" },
        otp: { label: "动态口令或恢复码", type: "text" },
      },
      async authorize(credentials, req) {
        const username = (credentials?.username ?? "").trim().slice(0, 64);
        const password = (credentials?.password ?? "").slice(0, 256);
        const otp = (credentials?.otp ?? "").trim().slice(0, 32);
        if (!username || !password) throw new Error(LOGIN_ERROR.invalid);
        const ip = clientAddressFromHeader(req.headers?.["x-forwarded-for"]);
        let result: Awaited<ReturnType<typeof attemptLogin>>;
        try {
          result = await attemptLogin({ username, password, otp, ip });
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
    // next-auth stores the target in a cookie and a Location header: only a same-site path
    // may get there (a tab or newline would break the header, another host is an open redirect).
    redirect({ url, baseUrl }) {
      const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url;
      return `${baseUrl}${safeCallbackPath(path)}`;
    },
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
    // /api/auth/signout: the same server-side revocation and audit row as the 退出登录 button.
    async signOut({ token }) {
      const sessionId = token?.sid;
      if (typeof sessionId !== "string") return;
      const user = getSessionUser({ sessionId, userId: Number(token?.uid) });
      const ip = await getClientIp();
      getDb().transaction(
        (tx) => {
          revokeSession(tx, { sessionId, now: Date.now() });
          writeAudit(tx, {
            actor: user ?? null,
            ip,
            action: "auth.logout",
            entity: "session",
            entityId: sessionId.slice(0, 8),
            outcome: "success",
            after: { via: "signout" },
          });
        },
        { behavior: "immediate" },
      );
    },
  },
};
