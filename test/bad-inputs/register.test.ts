// The bad-input corpus against the 明细台账 actions (contract: ./harness.ts).
import { vi } from "vitest";
import { registerCases } from "./register-cases";
import { badInputSuite } from "./run-group";

vi.hoisted(() => {
  process.env.APP_TODAY = "2026-12-01";
});
vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/navigation", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

badInputSuite("bad inputs to 明细台账 actions", ["saveRegisterItem", "deleteRegisterItem", "previewRegisterImport", "importRegister"], registerCases, 180_000);
