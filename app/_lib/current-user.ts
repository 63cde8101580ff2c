import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { decode } from "next-auth/jwt";
import { getDb } from "@/db/client";
import { requiresSecondFactor } from "@/db/queries/auth";
import { getSessionUser, type SessionAccountState } from "@/db/queries/sessions";
import { writeAuditOrQueue } from "@/db/storage-health";
import { clientAddressFromHeader } from "@/lib/client-address.mjs";
import { env } from "@/lib/env";
import { can, type Permission, type Role, type SessionUser } from "@/lib/permissions";
import { loginPathFor, REQUEST_PATH_HEADER } from "@/lib/safe-redirect";
import { passwordAge, shouldWarnExpiry } from "@/lib/session-policy";
import { SESSION_COOKIE } from "./session-cookie";

type CurrentUser = SessionUser & SessionAccountState;

/** The session's JWT carries only ids; everything else comes from the live server-side row. */
const loadCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token || !env.NEXTAUTH_SECRET) return null;
  let claims: Awaited<ReturnType<typeof decode>>;
  try {
    claims = await decode({ token, secret: env.NEXTAUTH_SECRET });
  } catch {
    return null;
  }
  const sessionId = claims?.sid;
  const userId = Number(claims?.uid);
  if (typeof sessionId !== "string" || !Number.isInteger(userId)) return null;
  return getSessionUser({ sessionId, userId });
});

/** The signed-in user of this request (memoised per request), or null. */
export async function getCurrentUser(): Promise<SessionUser | null> {
  const user = await loadCurrentUser();
  if (!user) return null;
  const sessionUser: SessionUser & Partial<SessionAccountState> = { ...user };
  delete sessionUser.mustChangePassword;
  delete sessionUser.passwordSetAt;
  delete sessionUser.secondFactorEnabled;
  return sessionUser;
}

/**
 * What the user must do before using the system: replace an initial, reset or expired
 * password ("password"), then, for roles that need one, set up the second factor.
 */
export type AccountGate = "password" | "second-factor";

export async function pendingAccountGate(): Promise<AccountGate | null> {
  const user = await loadCurrentUser();
  if (!user) return null;
  const expired = passwordAge(user.passwordSetAt, env.passwordAge, Date.now()).expired;
  if ((user.mustChangePassword && !env.demoMode) || expired) return "password";
  if (requiresSecondFactor(user.role) && !user.secondFactorEnabled) return "second-factor";
  return null;
}

/** True when the user still has to replace the initial, reset or expired password. */
export async function mustChangePassword(): Promise<boolean> {
  return (await pendingAccountGate()) === "password";
}

/** Days until the password expires, when the user should be warned now; otherwise null. */
export async function passwordExpiryWarning(): Promise<number | null> {
  const user = await loadCurrentUser();
  if (!user) return null;
  const age = passwordAge(user.passwordSetAt, env.passwordAge, Date.now());
  return shouldWarnExpiry(age, env.passwordAge) ? age.daysLeft : null;
}

export const GATE_PAGE: Record<AccountGate, string> = { password: "/account/password", "second-factor": "/account/second-factor" };

/**
 * The signed-in user, or a redirect to /login. A user with a pending gate is sent to its page
 * first (the page itself passes `gate`).
 */
export async function requireUser(opts: { gate?: AccountGate } = {}): Promise<SessionUser> {
  const user = await getCurrentUser();
  // A session that ended (idle, signed out elsewhere) comes back to the page after signing in again.
  if (!user) redirect(loginPathFor((await headers()).get(REQUEST_PATH_HEADER)));
  const pending = await pendingAccountGate();
  if (pending && pending !== opts.gate) redirect(GATE_PAGE[pending]);
  return user;
}

/** The client address resolved by the production server (scripts/serve.mjs, TRUSTED_PROXIES). */
export async function getClientIp(): Promise<string | null> {
  return clientAddressFromHeader((await headers()).get("x-forwarded-for"));
}

/** Records the refusal and answers 403. */
export async function deny(user: SessionUser, what: { action: string; entity: string; entityId?: string | number | null }): Promise<never> {
  writeAuditOrQueue(getDb(), { actor: user, ip: await getClientIp(), outcome: "denied", ...what });
  forbidden();
}

/** The signed-in user if their role is one of `roles`; otherwise a denied audit row and 403. */
export async function requireRole(...roles: Role[]): Promise<SessionUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) await deny(user, { action: `page:${roles.join("|")}`, entity: "page" });
  return user;
}

/**
 * The signed-in user if `can(user, ...permission)`; otherwise a denied audit row and 403.
 * For pages: `await requirePermission(["report:edit", { leadUnitIds }], { entity: "task", entityId: no })`.
 */
export async function requirePermission(permission: Permission, target: { entity: string; entityId?: string | number | null }): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user, ...permission)) await deny(user, { action: permission[0], ...target });
  return user;
}
