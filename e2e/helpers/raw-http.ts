// Requests from a chosen loopback source address (127.0.0.0/8 is all local), so a spec can
// be "another client" without throttling the address the browser uses.
import http from "node:http";
import https from "node:https";

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: string };

export function rawRequest(
  url: string,
  {
    method = "GET",
    headers = {},
    body,
    localAddress,
  }: { method?: string; headers?: Record<string, string>; body?: string | Buffer; localAddress?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    // The nginx project's certificate is self-signed, made for the test run.
    const client = url.startsWith("https:") ? https : http;
    const req = client.request(url, { method, headers, localAddress, rejectUnauthorized: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** One sign-in attempt through next-auth's credentials endpoint; returns the error code, or "ok". */
export async function rawSignIn(
  baseURL: string,
  { username, password, localAddress, headers = {} }: { username: string; password: string; localAddress?: string; headers?: Record<string, string> },
): Promise<string> {
  const csrf = await rawRequest(`${baseURL}/api/auth/csrf`, { localAddress, headers });
  const cookie = (csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const res = await rawRequest(`${baseURL}/api/auth/callback/credentials`, {
    method: "POST",
    localAddress,
    headers: { ...headers, cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, username, password, json: "true" }).toString(),
  });
  const url = (JSON.parse(res.body) as { url?: string }).url ?? "";
  return new URL(url, baseURL).searchParams.get("error") ?? "ok";
}
