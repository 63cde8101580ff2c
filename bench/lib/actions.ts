// Calling a Server Action over HTTP the way React's form submission does: POST to the
// page with the action's id in `Next-Action` and the arguments (previous state, FormData)
// encoded by React's own encodeReply. Action ids come from the build's manifest.
import fs from "node:fs";
import path from "node:path";
import { encode } from "next-auth/jwt";

type Manifest = { node: Record<string, { filename?: string; exportedName?: string }> };

export function actionId(distDir: string, filename: string, exportedName: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8")) as Manifest;
  const found = Object.entries(manifest.node).find(([, v]) => v.filename === filename && v.exportedName === exportedName);
  if (!found) throw new Error(`构建产物中找不到 Server Action ${filename}#${exportedName}`);
  return found[0];
}

/** The multipart body React sends for `action(prevState, formData)`. */
export async function encodeActionBody(fields: Record<string, string>): Promise<{ body: string; contentType: string }> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- Next's bundled copy of React's Flight client: no types, CommonJS only.
  const { encodeReply } = require("next/dist/compiled/react-server-dom-turbopack/client.edge") as {
    encodeReply: (args: unknown[]) => Promise<FormData | string>;
  };
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  const encoded = await encodeReply([undefined, data]);
  const res = new Response(encoded);
  return { body: await res.text(), contentType: res.headers.get("content-type") ?? "text/plain;charset=UTF-8" };
}

export function actionHeaders({ id, origin, cookie, contentType }: { id: string; origin: string; cookie: string; contentType: string }) {
  return { "Next-Action": id, Origin: origin, Cookie: cookie, Accept: "text/x-component", "Content-Type": contentType };
}

/** The session cookie next-auth would set after this user logged in (see app/_lib/auth-options.ts). */
export async function sessionCookie({ secret, userId, sessionId }: { secret: string; userId: number; sessionId: string }): Promise<string> {
  const token = await encode({ token: { sid: sessionId, uid: userId, sub: String(userId) }, secret });
  return `next-auth.session-token=${token}`;
}

/**
 * Whether an action succeeded: its RSC answer carries `ok: true` (the FormState of a save),
 * or it redirected somewhere other than the login page (submitting goes to the read-only report).
 */
export function actionSucceeded(status: number, redirect: string | null, body: string): boolean {
  if (redirect) return !redirect.startsWith("/login");
  return status === 200 && body.includes('"ok":true');
}
