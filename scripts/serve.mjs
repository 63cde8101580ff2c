// The production server: Next.js behind a thin Node HTTP layer that decides who the client
// is. `next start` cannot: it passes on whatever X-Forwarded-For the client sent, so the
// login throttle and the audit log would believe any address a client claims. Here every
// forwarding header is removed and X-Forwarded-For is set to the one address resolved from
// the socket (and TRUSTED_PROXIES), which is all the app reads (app/_lib/client-ip.ts).
// Usage: node scripts/serve.mjs [-p PORT] [-H HOST]   (env PORT, HOSTNAME, TRUSTED_PROXIES)
import http from "node:http";
import path from "node:path";
import next from "next";
import { FORWARDING_HEADERS, normaliseAddress, parseTrustedProxies, resolveClientAddress } from "../lib/client-address.mjs";
import fs from "node:fs";
import { Readable } from "node:stream";
import { BadActionRequest, checkActionBody, checkOrigin } from "./lib/action-request.mjs";
import { staticInlineHashes } from "./lib/static-inline-hashes.mjs";

const root = path.resolve(import.meta.dirname, "..");
const arg = (flag) => {
  const i = process.argv.indexOf(flag);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const port = Number(arg("-p") ?? process.env.PORT ?? 3000);
const hostname = arg("-H") ?? process.env.HOSTNAME ?? "0.0.0.0";
const trusted = parseTrustedProxies(process.env.TRUSTED_PROXIES);

process.env.NODE_ENV = "production";
// What `next start` sets too: Next fetches its own redirect targets after a Server Action from
// this origin. Without it Next would use the public URL (https behind nginx) and fail.
process.env.__NEXT_PRIVATE_ORIGIN = `http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`;
const distDir = path.join(root, process.env.NEXT_DIST_DIR ?? ".next");
// Prerendered pages carry no nonce: proxy.ts allows their inline scripts and styles by these hashes.
const inline = staticInlineHashes(distDir);
process.env.CSP_STATIC_SCRIPT_HASHES = inline.scripts.join(" ");
process.env.CSP_STATIC_STYLE_HASHES = inline.styles.join(" ");
// The build's own Server Action body limit (next.config.ts), so both layers agree.
const actionBodyLimit = JSON.parse(fs.readFileSync(path.join(distDir, "required-server-files.json"), "utf8")).config.experimental.serverActions.bodySizeLimit;
// HSTS on every response (pages, files, API) once the public URL is https.
const hsts = (process.env.NEXTAUTH_URL ?? "").startsWith("https://") ? "max-age=63072000; includeSubDomains" : null;
const app = next({ dev: false, dir: root, hostname, port });
await app.prepare();
const handle = app.getRequestHandler();

function refuse(res, status, message) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify({ error: status === 413 ? "too_large" : "bad_request", message }));
}

/** Reads a Server Action body (within the limit), checks it, and hands Next.js a copy to read. */
async function checkedActionRequest(req) {
  checkOrigin(req.headers);
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > actionBodyLimit) throw new BadActionRequest(413, `提交的内容超过 ${Math.floor(actionBodyLimit / 1048576)} MB 上限。`);
    chunks.push(chunk);
  }
  const body = Buffer.concat(chunks);
  await checkActionBody(req.headers, body);
  const replay = Readable.from([body]);
  for (const key of ["method", "url", "headers", "rawHeaders", "httpVersion", "httpVersionMajor", "httpVersionMinor", "socket", "trailers", "rawTrailers"]) {
    replay[key] = req[key];
  }
  replay.connection = req.socket;
  replay.complete = true;
  return replay;
}

const server = http.createServer((req, res) => {
  const forwardedFor = req.headers["x-forwarded-for"];
  const peer = normaliseAddress(req.socket.remoteAddress);
  const client = resolveClientAddress({
    peer,
    forwardedFor: Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor,
    trusted,
  });
  for (const name of FORWARDING_HEADERS) delete req.headers[name];
  if (client) req.headers["x-forwarded-for"] = client;
  // Only a trusted proxy may say what the original request was (https, public host and port).
  if (!peer || !trusted.has(peer)) for (const name of ["x-forwarded-proto", "x-forwarded-host", "x-forwarded-port"]) delete req.headers[name];
  if (hsts) res.setHeader("Strict-Transport-Security", hsts);
  if (req.method !== "POST" || !req.headers["next-action"]) {
    handle(req, res);
    return;
  }
  checkedActionRequest(req).then(
    (checked) => handle(checked, res),
    (error) => {
      // Anything else here is the client going away mid-body.
      if (!(error instanceof BadActionRequest)) console.error("[serve] action body not read", error);
      if (!res.headersSent) refuse(res, error.status ?? 400, error instanceof BadActionRequest ? error.message : "请求未完整发送。");
      req.resume();
    },
  );
});
server.listen(port, hostname, () => {
  const proxies = trusted.size > 0 ? `，信任的反向代理：${process.env.TRUSTED_PROXIES}` : "";
  console.log(`> 服务已启动：http://${hostname}:${port}${proxies}`);
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
