// The authorization matrix for the 督查室's outputs: 季度通报, 批量催办, 领导批示 and the downloads.
import { vi } from "vitest";
import { outputCases } from "./output-cases";
import { authorizationSuite } from "./run";

vi.hoisted(() => {
  process.env.APP_TODAY = "2026-12-31";
});
vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

authorizationSuite("outputs", outputCases);
