// The bench's one HTTP client (measured requests, probes, health polls): node:http with a keep-alive agent and
// the body written in one piece with its Content-Length. Node 20's fetch (undici) sends a
// string body as a stream and, under the bench's load, sometimes opened a connection and
// never wrote the request (seen as a save that waited forever with 0 bytes sent), which
// stalled whole runs; the answer's time here is the server's, not a client's stall. It asks
// for gzip as browsers (and fetch) do, so pages cost what they cost a browser.
import http from "node:http";
import zlib from "node:zlib";

export interface Answer {
  status: number;
  headers: Headers;
  body: string;
}

const agent = new http.Agent({ keepAlive: true });

/**
 * How long a request may take before it fails: one that never answers must count as an error,
 * not stall the run.
 */
export const REQUEST_TIMEOUT_MS = 120_000;

/** One request to the bench server (redirects are not followed); rejects on a network error or after `timeoutMs` without a full answer. */
export function send(
  url: string,
  {
    method = "GET",
    headers = {},
    body,
    timeoutMs = REQUEST_TIMEOUT_MS,
  }: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(body);
    const req = http.request(
      url,
      {
        method,
        agent,
        headers: { "Accept-Encoding": "gzip, deflate", ...headers, ...(payload ? { "Content-Length": String(payload.length) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", reject);
        res.on("end", () => {
          clearTimeout(timer);
          const answerHeaders = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) answerHeaders.append(name, v);
          }
          const raw = Buffer.concat(chunks);
          const encoding = res.headers["content-encoding"];
          try {
            const bytes = encoding === "gzip" ? zlib.gunzipSync(raw) : encoding === "deflate" ? zlib.inflateSync(raw) : raw;
            resolve({ status: res.statusCode ?? 0, headers: answerHeaders, body: bytes.toString("utf8") });
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    const timer = setTimeout(() => req.destroy(new Error(`${timeoutMs} ms 内没有完整应答`)), timeoutMs);
    req.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end(payload);
  });
}
