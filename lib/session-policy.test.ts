import { describe, expect, it } from "vitest";
import { afterFailedLogin, LOCKOUT_MS, passwordAge, shouldWarnExpiry, sourceKey } from "./session-policy";

const DAY = 86_400_000;
const policy = { maxAgeDays: 90, warnDays: 14 };

describe("password lifetime", () => {
  it("expires a password 90 days after it was set and warns in the last 14 days", () => {
    const t0 = Date.UTC(2026, 0, 1);
    expect(passwordAge(t0, policy, t0 + 10 * DAY)).toEqual({ expired: false, daysLeft: 80 });
    expect(shouldWarnExpiry(passwordAge(t0, policy, t0 + 75 * DAY), policy)).toBe(false);
    expect(shouldWarnExpiry(passwordAge(t0, policy, t0 + 77 * DAY), policy)).toBe(true);
    expect(passwordAge(t0, policy, t0 + 90 * DAY)).toEqual({ expired: true, daysLeft: 0 });
  });

  it("never expires when the lifetime is set to 0", () => {
    expect(passwordAge(0, { maxAgeDays: 0, warnDays: 14 }, 10_000 * DAY)).toEqual({ expired: false, daysLeft: null });
  });
});

describe("lockout counters", () => {
  it("locks at the 5th failure in a row and starts afresh once a lock has run out", () => {
    let c = afterFailedLogin(undefined, 0);
    for (let i = 0; i < 3; i++) c = afterFailedLogin(c, 0);
    expect(c).toEqual({ failedAttempts: 4, lockedUntil: null });
    c = afterFailedLogin(c, 5);
    expect(c).toEqual({ failedAttempts: 5, lockedUntil: 5 + LOCKOUT_MS });
    expect(afterFailedLogin(c, 5 + LOCKOUT_MS + 1)).toEqual({ failedAttempts: 1, lockedUntil: null });
  });
});

describe("sourceKey", () => {
  it("keys IPv4 by address and IPv6 by its /64", () => {
    expect(sourceKey("10.1.2.3")).toBe("10.1.2.3");
    expect(sourceKey("2001:db8:1:2::9")).toBe("2001:db8:1:2::/64");
    expect(sourceKey("2001:0db8:0001:0002:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(sourceKey("::1")).toBe("0:0:0:0::/64");
    expect(sourceKey(null)).toBe("unknown");
  });
});
