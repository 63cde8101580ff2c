import { describe, expect, it } from "vitest";
import { isWellFormedCallback, loginPathFor, safeCallbackPath } from "./safe-redirect";

describe("safeCallbackPath", () => {
  it("keeps a path on this site with its query", () => {
    expect(safeCallbackPath("/tasks/3?tab=report")).toBe("/tasks/3?tab=report");
    expect(safeCallbackPath("/admin/audit?outcome=denied")).toBe("/admin/audit?outcome=denied");
  });

  it("refuses other sites, protocol-relative and backslash tricks", () => {
    for (const bad of ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "/\\/evil.example"]) {
      expect(safeCallbackPath(bad)).toBe("/");
    }
  });

  it("refuses targets a browser would resolve to another host once it drops tabs and newlines", () => {
    for (const bad of ["/\t/evil.example/phish", "/\n/evil.example", "/\r\n/evil.example", "/ /evil.example", "/%09/x\u0000", "/\u007f/evil.example"]) {
      expect(safeCallbackPath(bad)).toBe("/");
    }
  });

  it("refuses dot segments that climb back to a protocol-relative path", () => {
    expect(safeCallbackPath("/x/..//evil.example")).toBe("/");
  });

  it("does not loop back to the login page or into the API", () => {
    expect(safeCallbackPath("/login?callbackUrl=/x")).toBe("/");
    expect(safeCallbackPath("/api/auth/signout")).toBe("/");
  });

  it("falls back to / when absent and takes the first of repeated values", () => {
    expect(safeCallbackPath(undefined)).toBe("/");
    expect(safeCallbackPath(["/projects", "/x"])).toBe("/projects");
  });
});

describe("isWellFormedCallback", () => {
  it("accepts site paths and absolute http(s) URLs", () => {
    for (const ok of ["/tasks/3", "/login", "http://127.0.0.1:3000/login", "https://dcdb.example.gov.cn/my"]) expect(isWellFormedCallback(ok), ok).toBe(true);
  });

  it("refuses newlines, non-ASCII text and other schemes", () => {
    for (const bad of ["\n", "中文", "/\r\nSet-Cookie:x=1", "javascript:alert(1)", "http://a.example/\u4e2d", "ftp://x"])
      expect(isWellFormedCallback(bad), bad).toBe(false);
  });
});

describe("loginPathFor", () => {
  it("returns to the page asked for after signing in", () => {
    expect(loginPathFor("/tasks/37/report/2026Q4?x=1")).toBe("/login?callbackUrl=%2Ftasks%2F37%2Freport%2F2026Q4%3Fx%3D1");
  });
  it("drops a target that is not a safe same-site path", () => {
    expect(loginPathFor("//evil.example/")).toBe("/login");
    expect(loginPathFor(null)).toBe("/login");
    expect(loginPathFor("/")).toBe("/login");
  });
});
