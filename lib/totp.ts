// The second factor (等保二级 双因素鉴别 for the administrator and the 督查室): RFC 6238 TOTP
// codes from an authenticator app, via the maintained `otpauth` library, plus one-time
// recovery codes for a lost phone. Pure apart from drawing random secrets.
import crypto from "node:crypto";
import { Secret, TOTP } from "otpauth";

export const TOTP_ISSUER = "汨罗市重点工作调度平台";
const PERIOD = 30;
export const RECOVERY_CODE_COUNT = 10;

const totpFor = (secret: string, label = "") =>
  new TOTP({ issuer: TOTP_ISSUER, label, algorithm: "SHA1", digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) });

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app scans (as a QR code) or reads from the secret. */
export function totpUri(secret: string, username: string): string {
  return totpFor(secret, username).toString();
}

export function totpStep(now: number): number {
  return Math.floor(now / 1000 / PERIOD);
}

/** The current code (what the authenticator app shows). */
export function totpCode(secret: string, now: number): string {
  return totpFor(secret).generate({ timestamp: now });
}

/**
 * Checks a 6-digit code, allowing one step of clock drift either way. A code is accepted once:
 * its step must be later than the last step accepted for this user (no replay).
 */
export function checkTotp({
  secret,
  code,
  now,
  lastStep,
}: {
  secret: string;
  code: string;
  now: number;
  lastStep: number | null;
}): { ok: true; step: number } | { ok: false } {
  const token = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return { ok: false };
  const delta = totpFor(secret).validate({ token, timestamp: now, window: 1 });
  if (delta === null) return { ok: false };
  const step = totpStep(now) + delta;
  return lastStep !== null && step <= lastStep ? { ok: false } : { ok: true, step };
}

const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** Ten codes like "k7q2-m9xa-3fpt", shown once; only their hashes are stored. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from(crypto.randomBytes(12), (b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join("");
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
}

/** The stored form of a recovery code; spaces, dashes and case do not matter when typed. */
export function hashRecoveryCode(code: string): string {
  return crypto.createHash("sha256").update(code.toLowerCase().replace(/[\s-]/g, "")).digest("hex");
}

/** True for input shaped like a recovery code rather than a 6-digit TOTP code. */
export function looksLikeRecoveryCode(code: string): boolean {
  return code.replace(/[\s-]/g, "").length === 12;
}
