import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "./proxy";

const request = (path: string, cookie?: string) =>
  new NextRequest(`http://127.0.0.1:3000${path}`, { headers: cookie ? { cookie } : {} });

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

  it("leaves /login, /api/health, /api/auth and the public project page open", () => {
    for (const path of ["/login", "/api/health", "/api/auth/csrf", "/projects/public/1"]) {
      expect(proxy(request(path)).headers.get("x-middleware-next"), path).toBe("1");
    }
  });

  it("does not treat a look-alike path as public", () => {
    expect(proxy(request("/loginx")).status).toBe(307);
  });
});
