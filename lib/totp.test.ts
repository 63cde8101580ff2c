import { describe, expect, it } from "vitest";
import { checkTotp, hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes, newTotpSecret, totpCode, totpStep, totpUri } from "./totp";

// RFC 6238 appendix B (SHA-1): the secret "12345678901234567890" at T = 59 s gives 94287082 (8 digits; 6 → 287082).
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

describe("TOTP", () => {
  it("computes the RFC 6238 test vector", () => {
    expect(totpCode(RFC_SECRET, 59_000)).toBe("287082");
  });

  it("accepts the current code and one step of drift, then never the same step again", () => {
    const secret = newTotpSecret();
    const now = 1_800_000_000_000;
    const code = totpCode(secret, now);
    const first = checkTotp({ secret, code, now, lastStep: null });
    expect(first).toEqual({ ok: true, step: totpStep(now) });
    expect(checkTotp({ secret, code, now: now + 5000, lastStep: totpStep(now) })).toEqual({ ok: false });
    expect(checkTotp({ secret, code: totpCode(secret, now - 30_000), now, lastStep: null }).ok).toBe(true);
    expect(checkTotp({ secret, code: totpCode(secret, now - 90_000), now, lastStep: null }).ok).toBe(false);
    expect(checkTotp({ secret, code: "12345", now, lastStep: null }).ok).toBe(false);
  });

  it("names the issuer and the account in the URI the authenticator scans", () => {
    expect(totpUri("JBSWY3DPEHPK3PXP", "admin")).toMatch(/^otpauth:\/\/totp\/.*admin\?issuer=.*secret=JBSWY3DPEHPK3PXP/);
  });
});

describe("recovery codes", () => {
  it("gives ten distinct codes whose hash ignores case, spaces and dashes", () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    expect(codes.every(looksLikeRecoveryCode)).toBe(true);
    expect(hashRecoveryCode(codes[0]!.toUpperCase().replace(/-/g, " "))).toBe(hashRecoveryCode(codes[0]!));
    expect(looksLikeRecoveryCode("123456")).toBe(false);
  });
});
