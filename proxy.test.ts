import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { config, proxy } from "./proxy";

const request = (path: string, cookie?: string) => new NextRequest(`http://127.0.0.1:3000${path}`, { headers: cookie ? { cookie } : {} });

describe("proxy (optimistic redirect only)", () => {
  it("sends a page request without a session cookie to /login with the page to return to", () => {
    const res = proxy(request("/tasks/3?tab=1"));
    expect(res.status).toBe(307);
    const location = new URL(res.headers.get("location")!);
    expect(`${location.pathname}${location.search}`).toBe("/login?callbackUrl=%2Ftasks%2F3%3Ftab%3D1");
  });

  it("answers an API request without a session cookie with 401 JSON", async () => {
    const res = proxy(request("/api/admin/audit/export"));
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: "unauthorized" });
  });

  it("lets any request carrying a session cookie through (pages check it themselves)", () => {
    expect(proxy(request("/admin/users", "next-auth.session-token=x")).headers.get("x-middleware-next")).toBe("1");
  });

  it("gives an evidence file the sandbox policy instead of the page policy", () => {
    expect(proxy(request("/api/attachments/12", "next-auth.session-token=x")).headers.get("content-security-policy")).toContain("sandbox");
    expect(proxy(request("/tasks/12", "next-auth.session-token=x")).headers.get("content-security-policy")).not.toContain("sandbox");
  });

  it("leaves /login, /api/health, /api/auth and the public project pages and photos open", () => {
    for (const path of ["/login", "/api/health", "/api/auth/csrf", "/public/projects", "/api/public/photos/1"]) {
      expect(proxy(request(path)).headers.get("x-middleware-next"), path).toBe("1");
    }
  });

  it("lets shared caches keep the public page only for visitors without a session", () => {
    expect(proxy(request("/public/projects")).headers.get("cache-control")).toMatch(/^public, /);
    expect(proxy(request("/public/projects", "next-auth.session-token=x")).headers.get("cache-control")).toBe("private, no-store");
    expect(proxy(request("/projects")).headers.get("cache-control")).toBeNull();
  });

  it("does not open a look-alike of the public page", () => {
    expect(proxy(request("/publicity")).status).toBe(307);
  });

  it("does not treat a look-alike path as public", () => {
    expect(proxy(request("/loginx")).status).toBe(307);
  });
});

describe("proxy (Content-Security-Policy)", () => {
  it("sends a policy with a fresh nonce on every page, and gives Next.js the same policy on the request", () => {
    const a = proxy(request("/login"));
    const b = proxy(request("/login"));
    const policy = a.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(b.headers.get("content-security-policy")).not.toContain(nonce);
    expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
  });

  it("allows no inline script without the nonce, no framing, no plugins and no foreign form targets", () => {
    const policy = proxy(request("/login")).headers.get("content-security-policy")!;
    const directives = Object.fromEntries(policy.split("; ").map((d) => [d.split(" ")[0], d]));
    expect(directives["script-src"]).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(directives["frame-ancestors"]).toBe("frame-ancestors 'none'");
    expect(directives["object-src"]).toBe("object-src 'none'");
    expect(directives["form-action"]).toBe("form-action 'self'");
    expect(directives["default-src"]).toBe("default-src 'self'");
  });
});

describe("proxy matcher", () => {
  // The matcher source is a path-to-regexp pattern whose one group is a plain regular expression.
  const matches = (path: string) => config.matcher.some((m) => new RegExp(`^${m.source}$`).test(path));

  it("keeps evidence uploads out of the proxy, which would cut their bodies off at 10 MB", () => {
    expect(matches("/api/evidence/uploads")).toBe(false);
    expect(matches("/api/evidence/uploads-other")).toBe(true);
    expect(matches("/tasks/3/report/2026Q4")).toBe(true);
  });
});
