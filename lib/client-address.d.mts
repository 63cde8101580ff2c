export type TrustedProxies = { size: number; has: (ip: string) => boolean };
export function normaliseAddress(value: unknown): string | null;
export function parseTrustedProxies(text: string | undefined | null): TrustedProxies;
export function resolveClientAddress(args: {
  peer: string | undefined | null;
  forwardedFor: string | undefined | null;
  trusted: TrustedProxies;
}): string | null;
export const FORWARDING_HEADERS: string[];
export function clientAddressFromHeader(value: unknown): string | null;
