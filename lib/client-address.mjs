// Who sent a request: the socket's peer address, unless that peer is a trusted reverse proxy
// (TRUSTED_PROXIES), in which case the address the proxy put into X-Forwarded-For.
// Plain JavaScript (typed by client-address.d.mts) because the production server
// (scripts/serve.mjs) runs it before Next.js sees the request; the app only ever reads the
// single address that server writes (clientAddressFromHeader).
import net from "node:net";

/** "::ffff:10.0.0.1" → "10.0.0.1"; anything that is not an IP address → null. */
export function normaliseAddress(value) {
  if (typeof value !== "string") return null;
  let text = value.trim();
  if (text.startsWith("[") && text.includes("]")) text = text.slice(1, text.indexOf("]"));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(text);
  if (mapped) text = mapped[1];
  return net.isIP(text) ? text.toLowerCase() : null;
}

/**
 * TRUSTED_PROXIES: comma-separated addresses or CIDR ranges ("127.0.0.1, 10.1.0.0/16, ::1").
 * Throws on an entry that is not one, so a typo stops the server instead of trusting nobody silently.
 */
export function parseTrustedProxies(text) {
  const list = new net.BlockList();
  const entries = String(text ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [addr, bits] = entry.split("/");
    const ip = normaliseAddress(addr);
    if (!ip) throw new Error(`TRUSTED_PROXIES 中的 "${entry}" 不是 IP 地址或网段`);
    const family = net.isIPv6(ip) ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(ip, family);
    else {
      const prefix = Number(bits);
      const max = family === "ipv6" ? 128 : 32;
      if (!Number.isInteger(prefix) || prefix < 0 || prefix > max) throw new Error(`TRUSTED_PROXIES 中的 "${entry}" 网段前缀无效`);
      list.addSubnet(ip, prefix, family);
    }
  }
  return { size: entries.length, has: (ip) => list.check(ip, net.isIPv6(ip) ? "ipv6" : "ipv4") };
}

/**
 * The client address of one request. A request from an untrusted peer is answered by its
 * own address whatever headers it sends. From a trusted proxy, X-Forwarded-For is read from
 * the right: the nearest hop that is not itself a trusted proxy is the client.
 */
export function resolveClientAddress({ peer, forwardedFor, trusted }) {
  const socket = normaliseAddress(peer);
  if (!socket || !trusted.has(socket)) return socket;
  const hops = String(forwardedFor ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normaliseAddress(hops[i]);
    // A malformed hop means the chain cannot be trusted past this point: stop at the last proxy we know.
    if (!hop) return socket;
    if (!trusted.has(hop)) return hop;
  }
  return socket;
}

/** Headers a client could use to claim another address; the server replaces them all. */
export const FORWARDING_HEADERS = ["x-forwarded-for", "x-real-ip", "forwarded", "x-client-ip", "true-client-ip", "cf-connecting-ip"];

/** The address scripts/serve.mjs wrote into X-Forwarded-For, or null (never a list a client typed). */
export function clientAddressFromHeader(value) {
  return normaliseAddress(Array.isArray(value) ? value[0] : value);
}
