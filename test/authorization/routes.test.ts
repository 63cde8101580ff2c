// The authorization matrix for every route handler: downloads, exports, the status API, the bell, health.
import { vi } from "vitest";
import { routeCases } from "./route-cases";
import { authorizationSuite } from "./run";

vi.hoisted(() => {
  process.env.APP_TODAY = "2026-12-31";
});
vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

authorizationSuite("routes", routeCases);
