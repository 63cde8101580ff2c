// Stand-ins for the parts of Next's request context that server code reads, so
// integration tests can call real Server Actions and route handlers with forged sessions.
// Use in a test file:
//   vi.mock("next/headers", () => import("@/test/next-request"));
//   vi.mock("next/navigation", () => import("@/test/next-request"));
//   vi.mock("next/cache", () => import("@/test/next-request"));
import { encode } from "next-auth/jwt";

const request = {
  cookies: new Map<string, string>(),
  headers: new Map<string, string>([["x-forwarded-for", "10.0.0.1"]]),
  revalidated: [] as string[],
};

/** Replaces the current request's cookies and headers; `page` is the address a form was posted from (its Referer). */
export function setRequest({ cookies = {}, ip = "10.0.0.1", page }: { cookies?: Record<string, string>; ip?: string; page?: string } = {}) {
  request.cookies = new Map(Object.entries(cookies));
  request.headers = new Map([["x-forwarded-for", ip]]);
  // A Server Action post: it names the page it came from in its Referer.
  if (page)
    for (const [name, value] of [
      ["referer", `http://localhost${page}`],
      ["next-action", "test"],
    ])
      request.headers.set(name!, value!);
  request.revalidated = [];
}

/** A next-auth session cookie for a sessions row, as the login flow would issue it. */
export async function sessionCookie({ sessionId, userId }: { sessionId: string; userId: number }) {
  const token = await encode({ token: { sid: sessionId, uid: userId }, secret: process.env.NEXTAUTH_SECRET! });
  return { "next-auth.session-token": token };
}

export function revalidatedPaths(): string[] {
  return [...request.revalidated];
}

// ── next/headers ──
export async function cookies() {
  return {
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
    set: (name: string, value: string) => void request.cookies.set(name, value),
    delete: (name: string) => void request.cookies.delete(name),
    getAll: () => [...request.cookies].map(([name, value]) => ({ name, value })),
  };
}
export async function headers() {
  return { get: (name: string) => request.headers.get(name.toLowerCase()) ?? null };
}

// ── next/navigation ──
export class RedirectSignal extends Error {
  constructor(readonly url: string) {
    super(`redirect:${url}`);
  }
}
export class ForbiddenSignal extends Error {
  constructor() {
    super("forbidden");
  }
}
export function redirect(url: string): never {
  throw new RedirectSignal(url);
}
export function forbidden(): never {
  throw new ForbiddenSignal();
}
export function notFound(): never {
  throw new Error("not found");
}

// ── next/cache ──
export function revalidatePath(path: string) {
  request.revalidated.push(path);
}
export function revalidateTag() {}

/** What a Server Action answered, or where it redirected (redirect() throws a RedirectSignal here). */
export type ActionOutcome = { redirect?: string; message?: string; errors?: Record<string, string[]>; ok?: boolean };

export async function settleAction(pending: Promise<unknown>): Promise<ActionOutcome> {
  try {
    return (await pending) as ActionOutcome;
  } catch (error) {
    if (error instanceof RedirectSignal) return { redirect: error.url };
    throw error;
  }
}

/** The FormData a form with these fields posts. */
export function formData(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}
