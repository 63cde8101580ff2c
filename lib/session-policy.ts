// Session and sign-in limits (等保 2.0 level 2 / ASVS 2: idle and absolute timeouts,
// account lockout, per-IP throttling). Pure: the callers pass the clock.

export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often, so reads do not each become a write. */
export const TOUCH_INTERVAL_MS = 60 * 1000;

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 30 * 60 * 1000;
export const IP_WINDOW_MS = 15 * 60 * 1000;
export const IP_MAX_FAILURES = 20;

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

/** The counters after one more wrong password: the 5th consecutive failure locks the account. */
export function afterFailedLogin(failedAttempts: number, now: number): { failedAttempts: number; lockedUntil: number | null } {
  const n = failedAttempts + 1;
  return n >= MAX_FAILED_LOGINS ? { failedAttempts: n, lockedUntil: now + LOCKOUT_MS } : { failedAttempts: n, lockedUntil: null };
}
