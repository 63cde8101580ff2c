// Session and sign-in limits (等保 2.0 level 2 / ASVS 2: idle and absolute timeouts,
// account lockout, per-source throttling, password lifetime). Pure: the callers pass the clock.

export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often, so reads do not each become a write. */
/** What a request without a live session is told (forms keep what was typed and offer to sign in again). */
export const SESSION_ENDED_MESSAGE = "登录已失效，请重新登录。";

export const TOUCH_INTERVAL_MS = 60 * 1000;

/** Wrong passwords in a row, from one source, that lock the account for that source. */
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 30 * 60 * 1000;
/** Failed sign-ins one source may make (over all accounts) per window before it is throttled. */
export const IP_WINDOW_MS = 15 * 60 * 1000;
export const IP_MAX_FAILURES = 20;
/** The admin's user list flags an account with this many failures in the last day. */
export const ATTACK_WINDOW_MS = 24 * 60 * 60 * 1000;
export const ATTACK_MIN_FAILURES = 10;

export type SessionTimes = { lastSeenAt: number; expiresAt: number; revokedAt: number | null };

export function isSessionLive(s: SessionTimes, now: number): boolean {
  return s.revokedAt === null && now < s.expiresAt && now - s.lastSeenAt <= IDLE_TIMEOUT_MS;
}

export function needsTouch(s: SessionTimes, now: number): boolean {
  return now - s.lastSeenAt >= TOUCH_INTERVAL_MS;
}

export function isLocked(lockedUntil: number | null, now: number): boolean {
  return lockedUntil !== null && lockedUntil > now;
}

/**
 * The counters after one more wrong password from one source: the 5th in a row locks the
 * account for that source. A lock that has run out starts a fresh count.
 */
export function afterFailedLogin(
  current: { failedAttempts: number; lockedUntil: number | null } | undefined,
  now: number,
): { failedAttempts: number; lockedUntil: number | null } {
  const base = !current || current.lockedUntil !== null ? 0 : current.failedAttempts;
  const n = base + 1;
  return n >= MAX_FAILED_LOGINS ? { failedAttempts: n, lockedUntil: now + LOCKOUT_MS } : { failedAttempts: n, lockedUntil: null };
}

/**
 * The throttle key of a client address: IPv6 clients by their /64 (one subscriber gets a
 * whole /64 and can pick any address in it), IPv4 by the address; no address → "unknown".
 */
export function sourceKey(ip: string | null): string {
  if (!ip) return "unknown";
  if (!ip.includes(":")) return ip;
  const [head, tail = ""] = ip.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = ip.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => (g || "0").replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/** Password lifetime (等保: 定期更换). 0 turns expiry off. */
export type PasswordAgePolicy = { maxAgeDays: number; warnDays: number };

export type PasswordAge = { expired: boolean; daysLeft: number | null };

/** How long the password has left. An account that never changed its password counts from its creation. */
export function passwordAge(changedAt: number, policy: PasswordAgePolicy, now: number): PasswordAge {
  if (policy.maxAgeDays <= 0) return { expired: false, daysLeft: null };
  const left = changedAt + policy.maxAgeDays * 86_400_000 - now;
  return { expired: left <= 0, daysLeft: Math.max(0, Math.ceil(left / 86_400_000)) };
}

/** True when the user should be warned that the password expires soon. */
export function shouldWarnExpiry(age: PasswordAge, policy: PasswordAgePolicy): boolean {
  return !age.expired && age.daysLeft !== null && age.daysLeft <= policy.warnDays;
}
