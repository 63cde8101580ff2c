import { describe, expect, it } from "vitest";
import { clientAddressFromHeader, normaliseAddress, parseTrustedProxies, resolveClientAddress } from "./client-address.mjs";

const none = parseTrustedProxies("");
const nginx = parseTrustedProxies("127.0.0.2, 10.1.0.0/16");

describe("resolveClientAddress", () => {
  it("answers the socket address for a direct request, whatever X-Forwarded-For claims", () => {
    for (const forwardedFor of ["1.2.3.4", "1.2.3.4, 5.6.7.8", "not-an-ip", ""]) {
      expect(resolveClientAddress({ peer: "203.0.113.9", forwardedFor, trusted: none })).toBe("203.0.113.9");
    }
    // A proxy address only counts when the request really came from it.
    expect(resolveClientAddress({ peer: "203.0.113.9", forwardedFor: "1.2.3.4", trusted: nginx })).toBe("203.0.113.9");
  });

  it("takes the address a trusted proxy forwarded, ignoring what the client prepended", () => {
    expect(resolveClientAddress({ peer: "127.0.0.2", forwardedFor: "127.0.0.1", trusted: nginx })).toBe("127.0.0.1");
    expect(resolveClientAddress({ peer: "127.0.0.2", forwardedFor: "6.6.6.6, 198.51.100.7", trusted: nginx })).toBe("198.51.100.7");
    // Through two trusted hops (load balancer in 10.1/16, then nginx).
    expect(resolveClientAddress({ peer: "127.0.0.2", forwardedFor: "6.6.6.6, 198.51.100.7, 10.1.2.3", trusted: nginx })).toBe("198.51.100.7");
  });

  it("falls back to the proxy's own address when the forwarded chain is missing or garbled", () => {
    expect(resolveClientAddress({ peer: "127.0.0.2", forwardedFor: undefined, trusted: nginx })).toBe("127.0.0.2");
    expect(resolveClientAddress({ peer: "127.0.0.2", forwardedFor: "1.2.3.4, <script>", trusted: nginx })).toBe("127.0.0.2");
  });

  it("reads IPv4-mapped IPv6 socket addresses as IPv4", () => {
    expect(normaliseAddress("::ffff:127.0.0.2")).toBe("127.0.0.2");
    expect(resolveClientAddress({ peer: "::ffff:127.0.0.2", forwardedFor: "2001:db8::1", trusted: nginx })).toBe("2001:db8::1");
  });
});

describe("parseTrustedProxies", () => {
  it("refuses an entry that is not an address or range, so a typo does not silently trust nobody", () => {
    expect(() => parseTrustedProxies("127.0.0.1, nginx.local")).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseTrustedProxies("10.0.0.0/40")).toThrow(/前缀/);
  });
});

describe("clientAddressFromHeader", () => {
  it("accepts only one well-formed address (the one the server wrote)", () => {
    expect(clientAddressFromHeader("10.0.0.1")).toBe("10.0.0.1");
    expect(clientAddressFromHeader("10.0.0.1, 10.0.0.2")).toBeNull();
    expect(clientAddressFromHeader("admin'--")).toBeNull();
    expect(clientAddressFromHeader(null)).toBeNull();
  });
});
